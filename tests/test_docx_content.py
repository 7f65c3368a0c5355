"""Word body text as Word shows it: tracked changes accepted, text boxes once, hidden text,
table-of-contents results and ruby annotations left out, symbols and tables read."""

from __future__ import annotations

from pathlib import Path

from conftest import W_NS, _replace_part, make_docx

from reportlint.loaders.docx import load_docx
from reportlint.testing import lint_path

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"


def _doc(tmp_path: Path, body: str) -> list[tuple[str, str, int]]:
    path = make_docx(tmp_path / "a.docx", [("x", {})])
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:document xmlns:w="{W_NS}" xmlns:mc="{MC}" xmlns:wps="{WPS}" xmlns:v="{V}"><w:body>{body}'
           f'</w:body></w:document>')
    _replace_part(path, "word/document.xml", xml)
    doc = load_docx(path, path.read_bytes())
    return [(b.kind, b.text, b.table) for b in doc.blocks]


def r(text: str, props: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    body = p(r("计划于"), '<w:del w:id="1" w:author="a"><w:r><w:delText>明年</w:delText></w:r></w:del>',
             '<w:ins w:id="2" w:author="a">' + r("今年年底") + "</w:ins>", r("前完成。"),
             '<w:moveFrom w:id="3" w:author="a">' + r("挪走的话") + "</w:moveFrom>")
    assert _doc(tmp_path, body) == [("paragraph", "计划于今年年底前完成。", 0)]


def test_text_box_read_once_not_twice_from_its_fallback(tmp_path: Path) -> None:
    box = p(r("版头文字"))
    body = p("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>"
             f"<w:txbxContent>{box}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
             f"<mc:Fallback><w:pict><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></w:pict>"
             "</mc:Fallback></mc:AlternateContent></w:r>") + p(r("正文第一段。"))
    texts = [t for _, t, _ in _doc(tmp_path, body) if t]
    assert texts == ["版头文字", "正文第一段。"]


def test_hidden_text_ruby_and_symbols(tmp_path: Path) -> None:
    body = p(r("看得见"), r("看不见", "<w:vanish/>"), r("也看得见", '<w:vanish w:val="0"/>'),
             '<w:r><w:ruby><w:rt>' + r("zhù") + "</w:rt><w:rubyBase>" + r("注") + "</w:rubyBase></w:ruby></w:r>",
             '<w:r><w:sym w:font="Symbol" w:char="F0B1"/></w:r>', r("5\u200b%"))
    assert _doc(tmp_path, body) == [("paragraph", "看得见也看得见注±5%", 0)]


def test_table_of_contents_field_result_left_out(tmp_path: Path) -> None:
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r>'
    sep = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    body = (p(r("目录")) + p(begin, sep, r("一、总体情况\t1")) + p(r("二、主要做法\t1")) + p(r("三、下步打算\t2"), end)
            + p(r("一、总体情况")))
    assert [t for _, t, _ in _doc(tmp_path, body) if t] == ["目录", "一、总体情况"]


def test_table_of_contents_content_control_left_out(tmp_path: Path) -> None:
    body = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
            f'<w:sdtContent>{p(r("一、总体情况 1"))}</w:sdtContent></w:sdt>' + p(r("正文。")))
    assert [t for _, t, _ in _doc(tmp_path, body) if t] == ["正文。"]


def _tc(*paras: str) -> str:
    return "<w:tc>" + "".join(paras) + "</w:tc>"


def test_tables_numbered_nested_ones_too_and_running_text_in_a_cell_keeps_its_kind(tmp_path: Path) -> None:
    inner = ("<w:tbl><w:tr>" + _tc(p(r("指标"))) + _tc(p(r("1.1 数据采集")), p(r("1.2 数据清洗")), p(r("1.3 建模")))
             + "</w:tr></w:tbl>")
    outer = ("<w:tbl><w:tr>" + _tc(p(r("项目名称"))) + _tc(p(r("第一段。")), p(r("第二段。")), p(r("第三段。")), inner)
             + "</w:tr></w:tbl>")
    got = _doc(tmp_path, p(r("前言。")) + outer + p(r("结尾。")))
    assert got == [
        ("paragraph", "前言。", 0), ("cell", "项目名称", 1), ("paragraph", "第一段。", 1), ("paragraph", "第二段。", 1),
        ("paragraph", "第三段。", 1), ("cell", "指标", 2), ("cell", "1.1 数据采集", 2), ("cell", "1.2 数据清洗", 2),
        ("cell", "1.3 建模", 2), ("paragraph", "结尾。", 0),
    ]


def test_contents_field_that_never_ends_hides_nothing(tmp_path: Path) -> None:
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
    sep = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    body = p(begin, sep, r("一、总体情况 1")) + p(r("正文第一段。")) + p(r("正文第二段。"))
    assert [t for _, t, _ in _doc(tmp_path, body) if t] == ["一、总体情况 1", "正文第一段。", "正文第二段。"]


def test_plain_paragraph_shortcut_reads_what_the_full_walk_reads() -> None:
    """Most paragraphs are plain runs and are read without the element walk; any paragraph the
    shortcut accepts must give the walk's text, and the special cases must go to the walk."""
    from lxml import etree

    from reportlint.loaders.docx import Fields, _plain_text, _walk_text

    cases = {
        "plain": p(r("第一句。"), r("第二句")),
        "zero-width and line break": p(r("五\u200b%"), r("上行\n下行"), r("a\nb")),
        "text in paragraph properties": "<w:p><w:pPr><w:t>不读</w:t></w:pPr>" + r("正文") + "</w:p>",
        "text inside text": "<w:p><w:r><w:t>外<w:t>内</w:t></w:t></w:r></w:p>",
        "hidden run": p(r("看得见"), r("看不见", "<w:vanish/>")),
        "tab and break": p("<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>"),
        "deletion": p(r("留下"), '<w:del w:id="1" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>'),
        "field": p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>',
                   '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("3"),
                   '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    }
    walked_only = {"text in paragraph properties", "text inside text", "hidden run", "tab and break", "deletion",
                   "field"}
    for name, xml in cases.items():
        el = etree.fromstring(xml.replace("<w:p>", f'<w:p xmlns:w="{W_NS}">', 1).replace(
            "<w:p><w:pPr>", f'<w:p xmlns:w="{W_NS}"><w:pPr>', 1))
        fast = _plain_text(el)
        assert (fast is None) == (name in walked_only), name
        if fast is not None:
            assert fast == _walk_text(el, Fields())[0], name
    assert _plain_text(etree.fromstring(cases["zero-width and line break"].replace(
        "<w:p>", f'<w:p xmlns:w="{W_NS}">', 1))) == "五%上行下行a b"


def test_styles_reused_only_for_the_same_stored_styles_part(tmp_path: Path) -> None:
    """A batch parses a template's styles part once; a package whose styles part differs gets its own."""
    import io
    import zipfile

    from reportlint.loaders import docx as loader

    first = make_docx(tmp_path / "a.docx", [("总体情况", {"style": "Heading 1"}), ("正文一段。", {})])
    data = first.read_bytes()
    loader._PACKED_STYLES.clear()
    assert load_docx(first, data).blocks[0].style == "heading 1"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        styles = zf.read("word/styles.xml").decode()
    assert 'w:val="heading 1"' in styles
    _replace_part(first, "word/styles.xml", styles.replace('w:val="heading 1"', 'w:val="plain one"'))
    changed = first.read_bytes()
    assert load_docx(first, changed).blocks[0].style == "plain one"
    assert load_docx(first, data).blocks[0].style == "heading 1"
    assert len(loader._PACKED_STYLES) == 2


def test_a_list_level_or_outline_level_that_is_no_decimal_number_is_ignored(tmp_path: Path) -> None:
    """w:ilvl and w:outlineLvl values are read with int(): one that str.isdigit accepts but int() cannot read
    (a superscript two) is ignored like any other bad value, not a file that cannot be read at all."""
    from conftest import level, numbering

    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{level(0, "decimal", "%1.")}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    path = make_docx(tmp_path / "odd.docx", [("关于工作的通知", {"style": "Title"}), ("第一项", {"num": 1, "ilvl": "²"}),
                                             ("第二项", {"num": 1, "ilvl": 0})], numbering_xml=xml)
    result = lint_path(path)
    assert result.error is None
