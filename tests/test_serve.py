"""``reportlint serve``: upload form, HTML report, limits, Host check, temporary files removed."""

from __future__ import annotations

import http.client
import io
import re
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportlint.config import Config
from reportlint.serve import MAX_UPLOAD_BYTES, Checker, UploadError, make_server, parse_upload, upload_name

DEFECTIVE = "关于作风建设的工作总结\n一、主要工作\n（一）加强学习。\n（一）完善<制度>。\n"
BOUNDARY = "----reportlint-test-boundary"


@pytest.fixture(scope="module")
def checker() -> Iterator[Checker]:
    checker = Checker(Config())
    yield checker
    checker.close()


@pytest.fixture
def server(checker: Checker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, int, Path]]:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    srv = make_server("127.0.0.1", 0, checker)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield "127.0.0.1", srv.server_address[1], temp
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=10)


def multipart(name: str, data: bytes) -> bytes:
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{BOUNDARY}--\r\n".encode()


def request(addr: tuple[str, int, Path], method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, str]:
    conn = http.client.HTTPConnection(addr[0], addr[1], timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8")
    finally:
        conn.close()


def upload(addr: tuple[str, int, Path], name: str, data: bytes) -> tuple[int, str]:
    return request(addr, "POST", "/check", multipart(name, data),
                   {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})


def test_form_page_has_a_labelled_file_input(server: tuple[str, int, Path]) -> None:
    status, page = request(server, "GET", "/")
    assert status == 200
    assert 'for="file">' in page and 'id="file" name="file" type="file"' in page
    assert 'enctype="multipart/form-data"' in page


def test_upload_gives_the_html_report_and_removes_the_copy(server: tuple[str, int, Path]) -> None:
    status, page = upload(server, "报告<x>&.txt", DEFECTIVE.encode("utf-8"))
    assert status == 200
    assert 'class="hl sev-error"' in page and "N101" in page
    assert "完善&lt;制度&gt;。" in page
    assert "报告&lt;x&gt;&amp;.txt" in page  # the name as sent, escaped
    assert 'href="/"' in page  # a way back to the form
    assert list(server[2].iterdir()) == []  # the temporary copy is gone


def test_a_legacy_doc_is_refused_by_its_first_bytes(server: tuple[str, int, Path]) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    status, page = upload(server, "报告.docx", ole)
    assert status == 200
    assert "X101" in page and "无法检查" in page
    assert list(server[2].iterdir()) == []


def test_oversized_upload_is_refused_before_it_is_read(server: tuple[str, int, Path]) -> None:
    conn = http.client.HTTPConnection(server[0], server[1], timeout=60)
    try:
        conn.putrequest("POST", "/check")
        conn.putheader("Content-Type", f"multipart/form-data; boundary={BOUNDARY}")
        conn.putheader("Content-Length", str(MAX_UPLOAD_BYTES * 2))
        conn.endheaders()  # no body is sent: the answer comes from the header alone
        resp = conn.getresponse()
        assert resp.status == 413
        assert "20 MB" in resp.read().decode("utf-8")
    finally:
        conn.close()


def test_other_host_names_and_non_form_bodies_are_refused(server: tuple[str, int, Path]) -> None:
    status, _ = request(server, "GET", "/", headers={"Host": "attacker.example:8765"})
    assert status == 403
    status, _ = request(server, "POST", "/check", b"plain", {"Content-Type": "text/plain"})
    assert status == 415
    status, _ = request(server, "GET", "/etc/passwd")
    assert status == 404


def test_upload_name_drops_folders() -> None:
    assert upload_name("..\\..\\windows\\报告.docx") == "报告.docx"
    assert upload_name("/etc/../x.txt") == "x.txt"
    assert upload_name("") == "上传的文件"


def test_parse_upload_keeps_binary_bytes_exactly() -> None:
    data = bytes(range(256)) * 40 + b"\r\n--\r\n\r\n"
    got = parse_upload(f"multipart/form-data; boundary={BOUNDARY}", multipart("a.pdf", data))
    assert (got.name, got.data, got.families) == ("a.pdf", data, None)
    with pytest.raises(UploadError):
        parse_upload(f"multipart/form-data; boundary={BOUNDARY}", f"--{BOUNDARY}--\r\n".encode())


def test_serve_command_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    from reportlint.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert "--port" in out and "127.0.0.1" in out


def test_form_choices_limit_the_families_and_set_the_profile(server: tuple[str, int, Path]) -> None:
    from serve_client import examples
    from serve_client import multipart as form_body

    source = next(p for p in examples() if p.name.startswith("调研报告") and p.suffix == ".txt")
    headers = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    _, everything = request(server, "POST", "/check", form_body(source.name, source.read_bytes()), headers)
    assert {"N", "B"} <= set(re.findall(r'<li class="finding"[^>]*data-fam="(\w)"', everything))
    body = form_body(source.name, source.read_bytes(), {"form": "1", "family": "N", "profile": "work-summary"})
    status, page = request(server, "POST", "/check", body, headers)
    assert status == 200
    assert set(re.findall(r'<li class="finding"[^>]*data-fam="(\w)"', page)) == {"N"}
    assert "文种：工作总结" in page


def test_annotated_copy_is_offered_for_download(server: tuple[str, int, Path]) -> None:
    from serve_client import examples

    source = next(p for p in examples() if p.suffix == ".docx")
    status, page = upload(server, source.name, source.read_bytes())
    link = re.search(r'<a class="download" href="(/download/[\w-]+)" download>', page)
    assert status == 200 and link
    conn = http.client.HTTPConnection(server[0], server[1], timeout=60)
    try:
        conn.request("GET", link.group(1))
        resp = conn.getresponse()
        data = resp.read()
        assert resp.status == 200 and resp.getheader("Content-Type", "").endswith("wordprocessingml.document")
        assert "filename*=UTF-8''" in resp.getheader("Content-Disposition", "")
    finally:
        conn.close()
    import docx

    assert len(docx.Document(io.BytesIO(data)).comments) >= 1
    assert request(server, "GET", "/download/not-a-token")[0] == 404
    assert list(server[2].iterdir()) == []


def test_corrections_are_offered_as_tracked_changes(server: tuple[str, int, Path], tmp_path: Path) -> None:
    import docx

    source = tmp_path / "通知稿.docx"
    d = docx.Document()
    d.add_paragraph("关于开展节能检查的通知")
    d.add_paragraph("请各单位认真组织自查的的工作，并于6月底前报送结果。")
    d.save(str(source))
    status, page = upload(server, source.name, source.read_bytes())
    links = dict((label, href) for href, label in
                 re.findall(r'<a class="download" href="(/download/[\w-]+)" download>([^<]+)</a>', page))
    assert status == 200 and any("修订" in label for label in links), page[-2000:]
    href = next(h for label, h in links.items() if "修订" in label)
    conn = http.client.HTTPConnection(server[0], server[1], timeout=60)
    try:
        conn.request("GET", href)
        resp = conn.getresponse()
        data = resp.read()
        assert resp.status == 200 and "%E4%BF%AE%E8%AE%A2" in resp.getheader("Content-Disposition", "")  # 修订
    finally:
        conn.close()
    body = docx.Document(io.BytesIO(data)).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert [d.findtext(f".//{w}delText") for d in body.iter(w + "del")] == ["的"]
    assert list(server[2].iterdir()) == []


def test_download_store_keeps_a_bounded_number() -> None:
    from reportlint.serve import DOWNLOADS_KEPT, Downloads

    store = Downloads()
    tokens = [store.add(f"{i}.docx", b"x") for i in range(DOWNLOADS_KEPT + 1)]
    assert store.get(tokens[0]) is None and store.get(tokens[-1]) == (f"{DOWNLOADS_KEPT}.docx", b"x")


def test_a_trickled_upload_is_stopped_at_the_deadline(server: tuple[str, int, Path],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import socket
    import time

    from reportlint import serve

    monkeypatch.setattr(serve, "BODY_SECONDS", 1.0)
    with socket.create_connection(server[:2], timeout=60) as sock:
        sock.sendall(f"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
                     f"boundary={BOUNDARY}\r\nContent-Length: 100000\r\n\r\n".encode())
        answer = b""
        for _ in range(5):  # one byte every 0.1 s, then nothing: the rest of the 100000 bytes never comes
            sock.sendall(b"x")
            time.sleep(0.1)
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.0 408") and "上传太慢".encode() in answer
