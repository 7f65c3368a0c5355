"""PDF layout: ruled tables read as cells, invisible shading ignored, text inside forms read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reportlint.loaders.pdf import load_pdf

pytest.importorskip("reportlab")

FONT = "STSong-Light"


def _canvas(path: Path):  # type: ignore[no-untyped-def]
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT, 12)
    return c


def _grid(c, x0: float, top: float, widths: list[float], rows: list[list[str]], height: float = 24,  # type: ignore[no-untyped-def]
          skip_vertical: set[tuple[int, int]] = frozenset()) -> None:
    """Draw a ruled table; ``skip_vertical`` holds (row, column) pairs whose right border is
    left out, which merges the cell with its right neighbour."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    for r in range(len(rows) + 1):
        c.line(xs[0], top - r * height, xs[-1], top - r * height)
    for r, row in enumerate(rows):
        y_top, y_bot = top - r * height, top - (r + 1) * height
        for k, x in enumerate(xs):
            if 0 < k < len(xs) - 1 and (r, k - 1) in skip_vertical:
                continue
            c.line(x, y_top, x, y_bot)
        for k, cell in enumerate(row):
            if cell:
                c.drawString(xs[k] + 4, y_bot + 8, cell)


def test_ruled_table_read_as_cells_between_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    c.drawString(72, 780, "一、收支情况如下表所示。")
    _grid(c, 72, 750, [150, 100, 100], [["项目", "预算数", "决算数"], ["基本支出", "120", "118"],
                                         ["项目支出", "30", "29"]])
    c.drawString(72, 640, "二、下一步工作安排。")
    c.save()
    doc = load_pdf(path, path.read_bytes())
    kinds = [(b.kind, b.text, b.table) for b in doc.blocks]
    assert kinds[0] == ("paragraph", "一、收支情况如下表所示。", 0)
    assert kinds[-1] == ("paragraph", "二、下一步工作安排。", 0)
    cells = [t for k, t, n in kinds if k == "cell"]
    assert cells == ["项目", "预算数", "决算数", "基本支出", "120", "118", "项目支出", "30", "29"]
    assert {n for k, _, n in kinds if k == "cell"} == {1}


def test_a_ruled_tables_cells_know_their_rows_and_columns(tmp_path: Path) -> None:
    """meta["grid"]: (block, table, row, column) of each cell, so that T108 can sum a column to its 合计 row."""
    from reportlint.testing import lint_path

    path = tmp_path / "t.pdf"
    c = _canvas(path)
    c.drawString(72, 780, "一、各科室培训人次如下表所示。")
    _grid(c, 72, 750, [150, 100], [["科室", "人次"], ["办公室", "12"], ["财务科", "9"], ["合计", "23"]])
    c.save()
    doc = load_pdf(path, path.read_bytes())
    assert [(doc.blocks[i].text, row, col) for i, _, row, col in doc.meta["grid"]] == [
        ("科室", 0, 0), ("人次", 0, 1), ("办公室", 1, 0), ("12", 1, 1), ("财务科", 2, 0), ("9", 2, 1), ("合计", 3, 0),
        ("23", 3, 1)]
    found = lint_path(path, select="T108").findings
    assert [f.excerpt for f in found] == ["23"] and "上面各行相加是 21" in found[0].message


def test_merged_cell_read_once(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    # first row: one cell across both columns (no inner border), text spans the boundary
    _grid(c, 72, 750, [120, 120], [["合并单元格的标题文字", ""], ["左", "右"]], skip_vertical={(0, 0)})
    c.save()
    doc = load_pdf(path, path.read_bytes())
    assert [b.text for b in doc.blocks] == ["合并单元格的标题文字", "左", "右"]


def test_white_background_boxes_are_not_a_table(tmp_path: Path) -> None:
    """Word processors draw a white rectangle behind each line of text: no table there."""
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    c.setFillColorRGB(1, 1, 1)
    for k in range(4):
        c.rect(70, 700 - k * 20, 440, 20, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    line = "这是一段很长的正文内容，用来检查白色底框不会被当成表格来读取。"
    c.drawString(72, 725, line[:24])
    c.drawString(72, 705, line[24:])
    c.save()
    doc = load_pdf(path, path.read_bytes())
    assert [(b.kind, b.text) for b in doc.blocks] == [("paragraph", line)]


def test_text_inside_a_form_xobject_is_read(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    c.beginForm("page")
    c.setFont(FONT, 12)
    c.drawString(72, 700, "整页内容放在表单对象里。")
    c.endForm()
    c.doForm("page")
    c.save()
    doc = load_pdf(path, path.read_bytes())
    assert [b.text for b in doc.blocks] == ["整页内容放在表单对象里。"]


def _full_body_lines(c: Any) -> float:
    """Three full lines from the left margin (so the page's margins are known); the y below them."""
    body = "正文从左边距开始排，每行排满二十八个字，这一行用来确定页面的左边距位置。"
    y = 780
    for _ in range(3):
        c.drawString(72, y, body[:28])
        y -= 20
    return y


def test_hanging_indent_lines_stay_in_their_paragraph(tmp_path: Path) -> None:
    """A list item whose wrapped lines all start right of the body margin is one paragraph."""
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    y = _full_body_lines(c)
    item = "1）报销时请把发票按时间顺序粘贴整齐并写明用途（发票税额也必须一并计入）后交财务。"
    c.drawString(96, y, item[:26])
    c.drawString(96, y - 20, item[26:])
    c.save()
    doc = load_pdf(path, path.read_bytes())
    assert doc.blocks[-1].text == item


def test_heading_near_the_margin_and_right_aligned_signature_stay_apart(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    y = _full_body_lines(c)
    c.drawString(96, y, "六、关于本单位基本支出决算情况的具体说明")  # a heading that nearly fills the line
    c.drawString(96, y - 20, "本年度基本支出一百二十万元。")
    c.drawRightString(72 + 28 * 12, y - 60, "某某单位")  # right-aligned signature
    c.drawString(200, y - 80, "二〇二四年一月一日")
    c.save()
    texts = [b.text for b in load_pdf(path, path.read_bytes()).blocks]
    assert texts[-4:] == ["六、关于本单位基本支出决算情况的具体说明", "本年度基本支出一百二十万元。", "某某单位",
                          "二〇二四年一月一日"]


def test_contents_page_of_short_lines_keeps_one_entry_per_line(tmp_path: Path) -> None:
    """A page holding only short lines takes the margin of the full pages of its size."""
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    body = "正文从左边距开始排，每行排满二十八个字，这一行用来确定页面的左边距位置。"
    entries = ["第一部分　基本情况", "一、主要职能和机构设置情况", "二、本年度重点工作完成情况说明", "三、下一步工作",
               "第二部分　收支情况", "一、收入支出总体情况说明", "二、财政拨款收支情况说明"]
    for k, entry in enumerate(entries):
        c.drawString(72, 780 - k * 24, entry)
    c.showPage()
    c.setFont(FONT, 12)
    c.drawString(96, 780, body[:26])
    for k in range(1, 6):
        c.drawString(72, 780 - k * 20, body[:28])
    c.save()
    texts = [b.text for b in load_pdf(path, path.read_bytes()).blocks]
    assert texts[:7] == entries


def test_folio_above_the_bottom_band_is_dropped_and_the_sentence_rejoined(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    sentence = "本段文字从第一页开始，一直写到页面底部还没有结束，它要接着写到下一页，中间隔着一个页码。"
    c.drawString(96, 200, sentence[:26])
    c.drawString(72, 180, sentence[26:54])
    c.drawCentredString(297, 130, "— 1 —")  # well above the bottom 12 % band
    c.showPage()
    c.setFont(FONT, 12)
    c.drawString(72, 780, sentence[54:])
    c.save()
    doc = load_pdf(path, path.read_bytes())
    assert [b.text for b in doc.blocks] == [sentence]


def test_two_column_page_read_column_by_column(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    c.drawCentredString(297, 800, "关于两栏排版的测试文件标题")
    left = "左栏的第一段文字从这里开始，连续写了好几行，直到左栏的最后一行才写完整句话。左栏第二句也在这一栏里，还有第三句。"
    right = "右栏的文字应当在左栏读完以后再读，不能和左栏一行一行地交错在一起，否则句子全被打乱了，读者就看不懂了。"
    for k in range(0, len(left), 14):
        c.drawString(60, 760 - k // 14 * 18, left[k:k + 14])
    for k in range(0, len(right), 14):
        c.drawString(320, 760 - k // 14 * 18, right[k:k + 14])
    c.save()
    texts = [b.text for b in load_pdf(path, path.read_bytes()).blocks]
    assert texts[0] == "关于两栏排版的测试文件标题"
    assert "".join(texts[1:]) == left + right


def test_form_labels_side_by_side_keep_their_rows(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    rows = [("姓名：张某", "性别：男"), ("单位：某局", "职务：科员"), ("电话：略", "邮编：略"), ("地址：某市", "日期：略"),
            ("学历：本科", "民族：汉")]
    for k, (a, b) in enumerate(rows):
        c.drawString(72, 760 - k * 20, a)
        c.drawString(330, 760 - k * 20, b)
    c.save()
    texts = [b.text for b in load_pdf(path, path.read_bytes()).blocks]
    assert texts[:2] == ["姓名：张某", "性别：男"]


def test_title_over_two_centred_lines_is_one_block(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "t.pdf"
    c = _canvas(path)
    mid = A4[0] / 2
    c.setFont(FONT, 22)
    c.drawCentredString(mid, 780, "关于做好本年度防汛抗旱")
    c.drawCentredString(mid, 752, "准备工作的通知")
    c.setFont(FONT, 12)
    c.drawString(72, 720, "各单位：")
    body = "为扎实做好今年防汛抗旱工作，保障沿河村镇群众安全度汛，现将有关事项通知如下，请认真贯彻执行。"
    c.drawString(96, 700, body[:38])
    c.drawString(72, 684, body[38:])
    c.save()
    texts = [b.text for b in load_pdf(path, path.read_bytes()).blocks]
    assert texts[0] == "关于做好本年度防汛抗旱准备工作的通知"
    assert texts[1] == "各单位："



def test_least_crossed_x_is_the_plain_scans() -> None:
    """The sweep that counts the lines crossing each candidate x finds what a plain scan of
    every x over every line finds, with line ends on, just left and just right of the
    candidates (0.3 of the width, then every 2 points)."""
    import random

    from reportlint.loaders.pdf import Line, _least_crossed

    rng = random.Random(7)
    width = 595.0
    xs = []
    x = width * 0.3
    while x <= width * 0.7:
        xs.append(x)
        x += 2.0
    for _ in range(300):
        lines = []
        for _ in range(rng.randint(1, 30)):
            a = rng.choice([rng.uniform(40, 560), rng.choice(xs), rng.choice(xs) + 1e-9, rng.choice(xs) - 1e-9])
            b = rng.choice([a + rng.uniform(0, 300), rng.choice(xs), a])
            lines.append(Line(1, "文字", min(a, b), max(a, b), 800, 790, 12, ""))
        scan = None
        for x in xs:
            crossing = sum(1 for ln in lines if ln.x0 < x < ln.x1)
            if scan is None or crossing < scan[0]:
                scan = (crossing, x)
        assert _least_crossed(lines, width) == scan


def _font_by_font(c, y: float, parts: list[tuple[str, str]], fonts: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """Draw one line set left to right, but font by font in the order of ``fonts`` (LibreOffice's PDF export
    draws a line's Chinese characters, then the quotation marks and digits of its Latin font in their gaps)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    placed, x = [], 72.0
    for text, font in parts:
        placed.append((x, text, font))
        x += stringWidth(text, font, 12)
    for font in fonts:
        c.setFont(font, 12)
        for x0, text, f in placed:
            if f == font:
                c.drawString(x0, y, text)


def test_marks_drawn_apart_from_their_line_are_read_in_place(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    line = [("要增强", FONT), ("“", "Helvetica"), ("四个意识", FONT), ("”", "Helvetica"), ("，做到", FONT),
            ("2", "Helvetica"), ("个维护。", FONT)]
    _font_by_font(c, 700, line, (FONT, "Helvetica"))  # the marks after the line: lines of lone marks at its height
    _font_by_font(c, 650, [("1.", "Helvetica"), ("落实", FONT), ("“", "Helvetica"), ("谁执法谁普法", FONT),
                           ("”", "Helvetica"), ("责任制。", FONT)], ("Helvetica", FONT))  # the marks first
    c.setFont(FONT, 12)
    c.drawString(72, 600, "重要通知")
    c.drawString(72.4, 600, "重要通知")  # drawn again a little aside: a bold face made by drawing twice
    c.drawString(72, 550, "盖章处")
    c.drawString(75, 550, "专用章")  # other text drawn over it: left in the order drawn
    c.save()
    texts = [b.text for b in load_pdf(path, path.read_bytes()).blocks]
    assert texts == ["要增强“四个意识”，做到2个维护。", "1.落实“谁执法谁普法”责任制。", "重要通知", "盖章处专用章"]


def test_a_few_unmapped_glyphs_are_pointed_at_not_called_garbled_text(tmp_path: Path) -> None:
    from reportlint.testing import lint_path

    path = tmp_path / "t.pdf"
    c = _canvas(path)
    c.drawString(72, 780, "关于做好年度考核工作的通知")
    for k in range(36):  # a sound page of text with two glyphs its fonts could not map (read as "(cid:12)")
        c.drawString(72, 740 - k * 20, "各科室要认真做好年度考核工作，按时报送材料。" + ("(cid:12)图标" if k in (3, 9) else ""))
    c.save()
    found = [f for f in lint_path(path, select="X103").findings]
    assert [(f.excerpt, f.page) for f in found] == [("(cid:12)", 1)]
    assert "全文共 2 处" in found[0].message and "乱码" not in found[0].message and len(found[0].related) == 1


def test_a_large_title_wrapped_flush_left_is_one_block(tmp_path: Path) -> None:
    # a web page printed to PDF: the <h1> runs to the right margin and wraps, its lines as far apart as its size makes
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    title = "关于进一步做好社区居家养老服务设施建设与运营管理工作的调研报告"
    c.setFont(FONT, 24)
    c.drawString(72, 780, title[:18])
    c.drawString(72, 742, title[18:])
    c.setFont(FONT, 12)
    body = ("近年来，我区把社区居家养老服务作为民生实事来抓，先后建成日间照料中心和老年助餐点，服务覆盖面逐步扩大，"
            "老年人满意度稳步提高，但设施运营和人员保障方面仍有短板，需要在下一步工作中加以解决。") * 3
    for k in range(0, len(body), 37):
        c.drawString(72, 700 - 18 * (k // 37), body[k:k + 37])
    c.save()
    texts = [b.text for b in load_pdf(path, path.read_bytes()).blocks]
    assert texts[0] == title
    assert texts[1].startswith("近年来")


def test_running_header_repeating_the_title_leaves_the_title_itself(tmp_path: Path) -> None:
    """A browser prints the page's title at the top of every page; on the first page the same title stands
    below it, set large: only the copies where the header runs are page furniture."""
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    title = "关于开展安全生产大检查的通知"
    for page in range(3):
        c.setFont(FONT, 8)
        c.drawString(250, 815, title)
        c.drawString(72, 815, "2026/12/2 13:12")
        c.drawString(500, 20, f"{page + 1}/3")
        c.setFont(FONT, 12)
        top = 760
        if page == 0:
            c.setFont(FONT, 20)
            c.drawCentredString(297, 780, title)
            c.setFont(FONT, 12)
            top = 740
        for k in range(12):
            c.drawString(96 if k % 4 == 0 else 72, top - k * 20, "各单位要认真组织开展检查，及时消除隐患。" if k % 4 == 3 else
                         "各单位要认真组织开展安全生产大检查，全面排查各类风险隐患，")
        c.showPage()
    c.save()
    texts = [b.text for b in load_pdf(path, path.read_bytes()).blocks]
    assert texts[0] == title and title not in "".join(texts[1:]) and "13:12" not in "".join(texts)


def test_a_web_pages_field_line_under_a_full_width_title_starts_a_paragraph(tmp_path: Path) -> None:
    # a web page printed to PDF: a title as wide as the body, then 发布日期: on the next line (no wrap of the title)
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    title = "某某县教育局关于二〇二三年度全县中小学校舍安全隐患排查整治工作情况的报告"[:37]
    c.drawString(72, 780, title)
    c.drawString(72, 764, "发布日期:2023-01-06 10:20 信息来源:某某县教育局")
    body = "今年以来，县教育局按照县委县政府统一部署，组织全县中小学校开展校舍安全隐患排查整治，现将有关情况报告如下，请审阅。"
    c.drawString(96, 730, body[:35])
    c.drawString(72, 714, body[35:72])
    c.drawString(72, 698, body[72:])
    c.save()
    texts = [b.text for b in load_pdf(path, path.read_bytes()).blocks]
    assert texts[:2] == [title, "发布日期:2023-01-06 10:20 信息来源:某某县教育局"]


def test_a_short_notices_lines_ending_at_one_place_are_no_margin(tmp_path: Path) -> None:
    # every line short: the title and one more line end at the same place, which is no right margin; the salutation
    # under the title is no wrapped line of it
    path = tmp_path / "t.pdf"
    c = _canvas(path)
    lines = ["关于做好本年度消防安全检查工作的通知", "各科室：", "请于本月底前报送自查表，联系人：王敏。", "特此通知。",
             "某某局办公室"]
    for n, line in enumerate(lines):
        c.drawString(72, 780 - 20 * n, line)
    c.save()
    assert [b.text for b in load_pdf(path, path.read_bytes()).blocks] == lines
