"""``reportlint serve`` and the ``--format html`` page in a real headless browser (Chromium
driven by selenium): upload each example, see the highlights, filter by family, open a
finding, download the annotated .docx and read it with python-docx; the standalone page with
and without JavaScript; keyboard use and the 1366×768 layout. A screenshot is saved per step
(in the test's tmp_path) and checked for non-blank content.

Skipped, with the reason, where selenium, Chromium or chromedriver is missing (``.ci/run``
installs them where it can: Debian's ``chromium`` and ``chromium-driver``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_client import ServerProcess, cli_findings, examples, start_server

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers: Linux only")

WIDTH, HEIGHT = 1366, 768
REPORT_TITLE = "reportlint 检查报告"


def _browser_paths() -> tuple[str, str]:
    try:
        import selenium  # noqa: F401
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    binary = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
    driver = shutil.which("chromedriver")
    if binary is None:
        pytest.skip("no Chromium browser on PATH (Debian: apt-get install chromium)")
    if driver is None:
        pytest.skip("no chromedriver on PATH (Debian: apt-get install chromium-driver)")
    return binary, driver


def open_browser(downloads: Path, javascript: bool = True) -> Any:
    """A headless Chromium with a 1366×768 viewport, downloads going to ``downloads``."""
    binary, driver_path = _browser_paths()
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={WIDTH},{HEIGHT}", "--lang=zh-CN", "--disable-extensions"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    try:
        driver = webdriver.Chrome(options=options, service=Service(driver_path))
    except WebDriverException as exc:
        pytest.skip(f"Chromium could not be started: {str(exc).splitlines()[0][:200]}")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    if not javascript:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.set_page_load_timeout(180)
    return driver


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    _browser_paths()
    srv = start_server(tmp_path_factory.mktemp("browser-server"))
    try:
        yield srv
    finally:
        srv.stop()
    assert list(srv.temp.iterdir()) == []


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    (tmp_path / "downloads").mkdir()
    driver = open_browser(tmp_path / "downloads")
    try:
        yield driver
    finally:
        driver.quit()


def shot(driver: Any, folder: Path, name: str) -> Path:
    """Save a screenshot and check that it shows something: many colours, not all background."""
    from PIL import Image

    path = folder / f"{name}.png"
    assert driver.save_screenshot(str(path))
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        assert rgb.size == (WIDTH, HEIGHT), rgb.size
        colours = rgb.getcolors(maxcolors=1 << 20) or []
        background = max(colours)[0] if colours else 0
        assert len(colours) >= 16, f"{name}: only {len(colours)} colours: a blank page?"
        assert background < 0.99 * WIDTH * HEIGHT, f"{name}: nearly all one colour"
    return path


def wait_for(driver: Any, condition: Any, seconds: float = 180) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(condition)


def upload_in_browser(driver: Any, server: ServerProcess, path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver.get(server.url)
    driver.find_element(By.ID, "file").send_keys(str(path))
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, lambda d: d.title == REPORT_TITLE)


def press(driver: Any, key: str) -> None:
    """A key pressed on whatever has the focus, as a keyboard user would."""
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(key).perform()


def visible_findings(driver: Any) -> list[Any]:
    from selenium.webdriver.common.by import By

    return [li for li in driver.find_elements(By.CSS_SELECTOR, "li.finding") if li.is_displayed()]


@pytest.mark.parametrize("example", [p.name for p in examples()])
def test_upload_each_example(server: ServerProcess, browser: Any, tmp_path: Path, example: str) -> None:
    from selenium.webdriver.common.by import By

    path = next(p for p in examples() if p.name == example)
    expected = cli_findings(path)
    upload_in_browser(browser, server, path)
    shot(browser, tmp_path, "1-report")
    findings = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    assert len(findings) == len(expected)
    assert sorted(li.find_element(By.TAG_NAME, "code").text for li in findings) == sorted(r for r, _, _ in expected)
    if not expected:
        assert "没有发现问题" in browser.find_element(By.TAG_NAME, "body").text
        return
    marks = browser.find_elements(By.CSS_SELECTOR, "#docs .hl")
    assert marks and marks[0].is_displayed()
    assert {m.get_attribute("class").split()[-1] for m in marks} <= {"sev-error", "sev-warning", "sev-info"} | {
        "pt"}

    # filter by family: only the first family's findings stay, the others' highlights are switched off
    boxes = browser.find_elements(By.CSS_SELECTOR, "input[data-filter=fam]")
    keep = boxes[0].get_attribute("value")
    for box in boxes[1:] if len(boxes) > 1 else boxes:
        box.click()
    kept = [li for li in findings if li.get_attribute("data-fam") == keep] if len(boxes) > 1 else []
    assert {li.get_attribute("id") for li in visible_findings(browser)} == {li.get_attribute("id") for li in kept}
    assert browser.find_element(By.CSS_SELECTOR, ".shown").text == f"显示 {len(kept)} / {len(findings)} 个问题"
    off = browser.find_elements(By.CSS_SELECTOR, "#docs .hl.off")
    assert len(off) >= (1 if len(kept) < len(findings) else 0)
    shot(browser, tmp_path, "2-filtered")
    for box in boxes:
        if not box.is_selected():
            box.click()
    assert len(visible_findings(browser)) == len(findings)

    # open a finding from its highlight: the list entry is marked and its explanation shows
    mark = browser.find_element(By.CSS_SELECTOR, "#docs a.hl")
    target = mark.get_attribute("href").rsplit("#", 1)[1]
    mark.click()
    item = browser.find_element(By.ID, target)
    wait_for(browser, lambda d: "active" in item.get_attribute("class"), 10)
    details = item.find_element(By.TAG_NAME, "details")
    assert details.get_attribute("open") is not None
    explanation = details.text
    assert "规则：" in explanation or "建议：" in explanation
    assert details.find_element(By.TAG_NAME, "p").is_displayed()
    shot(browser, tmp_path, "3-finding")

    # the annotated copy of a .docx: downloaded, opened with python-docx, one comment per finding
    links = browser.find_elements(By.CSS_SELECTOR, "a.download")
    if path.suffix != ".docx":
        assert links == []
        return
    assert links and "批注" in links[0].text
    links[0].click()
    downloads = tmp_path / "downloads"
    got = wait_for(browser, lambda d: [p for p in downloads.glob("*.docx") if p.stat().st_size > 0] or False, 60)
    time.sleep(0.2)
    shot(browser, tmp_path, "4-download")
    import docx

    document = docx.Document(str(got[0]))
    notes = [c.text for c in document.comments]
    assert 1 <= len(notes) <= len(expected)
    assert all(note.split("（", 1)[0] in {r for r, _, _ in expected} for note in notes)
    assert got[0].name.endswith("-批注.docx")


def test_form_is_chinese_keyboard_usable_and_fits_1366x768(server: ServerProcess, browser: Any,
                                                            tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url)
    shot(browser, tmp_path, "form-1366x768")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    label = browser.find_element(By.CSS_SELECTOR, "label[for=file]")
    assert label.text == "选择要检查的文件"
    assert browser.find_element(By.CSS_SELECTOR, "label[for=profile]").text == "文种"
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    # the tab order follows the page: file chooser, profile, the family boxes, the button
    order = []
    for _ in range(8):
        press(browser, Keys.TAB)
        active = browser.switch_to.active_element
        order.append(active.get_attribute("id") or active.get_attribute("value") or active.tag_name)
    assert order == ["file", "profile", "N", "S", "M", "B", "T", "button"]
    # a keyboard user chooses the file (a native <input type=file>: Enter or Space opens the chooser)
    # and submits with Enter on the button
    browser.find_element(By.ID, "file").send_keys(str(examples()[-1]))
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").send_keys(Keys.ENTER)
    wait_for(browser, lambda d: d.title == REPORT_TITLE)
    shot(browser, tmp_path, "report-1366x768")
    # both panes fit side by side, nothing scrolls sideways, the list pane is reachable
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    main, aside = (browser.find_element(By.ID, i).rect for i in ("docs", "findings"))
    assert main["width"] > 500 and aside["x"] + aside["width"] <= WIDTH + 1 and aside["height"] > 300
    skip = browser.find_element(By.CSS_SELECTOR, "a.skip")
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element == skip  # the first Tab offers to skip to the list
    press(browser, Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "findings"


@pytest.fixture(scope="module")
def standalone(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, int, int]]]:
    _browser_paths()
    source = next(p for p in examples() if p.suffix == ".txt" and cli_findings(p))
    out = tmp_path_factory.mktemp("standalone") / "report.html"
    run = subprocess.run([sys.executable, "-m", "reportlint", "check", "--no-cache", "--format", "html", str(source)],
                         capture_output=True, cwd=source.parent, timeout=300)
    out.write_bytes(run.stdout)
    return out, cli_findings(source)


def test_standalone_page_with_javascript_filters(standalone: tuple[Path, list[Any]], browser: Any,
                                                 tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page, expected = standalone
    browser.get(page.as_uri())
    assert browser.title == REPORT_TITLE
    shot(browser, tmp_path, "standalone-js")
    assert len(visible_findings(browser)) == len(expected)
    boxes = browser.find_elements(By.CSS_SELECTOR, "input[data-filter=sev]")
    assert boxes and boxes[0].is_displayed()
    boxes[0].click()
    hidden_sev = boxes[0].get_attribute("value")
    left = visible_findings(browser)
    assert len(left) == sum(1 for li in browser.find_elements(By.CSS_SELECTOR, "li.finding")
                            if li.get_attribute("data-sev") != hidden_sev) < len(expected)
    shot(browser, tmp_path, "standalone-js-filtered")


def test_standalone_page_without_javascript_lists_everything(standalone: tuple[Path, list[Any]],
                                                             tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page, expected = standalone
    (tmp_path / "downloads").mkdir()
    driver = open_browser(tmp_path / "downloads", javascript=False)
    try:
        driver.get(page.as_uri())
        shot(driver, tmp_path, "standalone-nojs")
        assert len(visible_findings(driver)) == len(expected)
        assert not any(f.is_displayed() for f in driver.find_elements(By.CSS_SELECTOR, ".filters"))
        summary = driver.find_element(By.CSS_SELECTOR, "li.finding summary")
        summary.click()  # <details> opens without script
        assert summary.find_element(By.XPATH, "..").get_attribute("open") is not None
        shot(driver, tmp_path, "standalone-nojs-open")
    finally:
        driver.quit()
