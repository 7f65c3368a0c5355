"""Loaders: text encodings and lines, Word numbering rendered as Word shows it, PDF paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import level, make_docx, make_pdf, numbering

from reportlint.engine import load
from reportlint.errors import LoadError
from reportlint.testing import session


def _load(path: Path):
    registry, _ = session().books()
    return load(path, registry)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("一、基本原则\r\n（一）工作目标\n".encode(), "UTF-8"),
        (b"\xef\xbb\xbf" + "一、基本原则\r\n（一）工作目标\n".encode(), "UTF-8（带 BOM）"),
        ("一、基本原则\r\n（一）工作目标\n".encode("utf-16-le"), None),
        ("一、基本原则\r\n（一）工作目标\n".encode("gbk"), "GBK（GB18030 兼容）"),
    ],
)
def test_text_encodings_give_the_editor_lines(tmp_path: Path, data: bytes, encoding: str | None) -> None:
    if encoding is None:
        data = b"\xff\xfe" + data
        encoding = "UTF-16LE"
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = _load(path)
    assert [b.text for b in doc.blocks] == ["一、基本原则", "（一）工作目标"]
    assert doc.meta["encoding"] == encoding


def test_text_mixed_line_endings_and_blank_lines_count(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("甲\r\n\r乙\n\n丙".encode())
    assert [b.text for b in _load(path).blocks] == ["甲", "", "乙", "", "丙"]


def test_binary_named_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    with pytest.raises(LoadError, match="二进制"):
        _load(path)


def test_docx_paragraphs_tables_and_headings(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", [
        ("关于做好防汛工作的通知", {"style": "Title"}),
        ("工作开展情况", {"style": "Heading 1"}),
        ("正文第一段。", {"table": [["表格甲", "表格乙"]]}),
        ("正文第二段。", {}),
    ])
    doc = _load(path)
    assert [b.text for b in doc.blocks] == ["关于做好防汛工作的通知", "工作开展情况", "正文第一段。", "表格甲",
                                            "表格乙", "正文第二段。"]
    assert doc.blocks[0].kind == "title" and doc.title == "关于做好防汛工作的通知"
    assert doc.blocks[1].kind == "heading" and doc.blocks[1].level == 1
    assert doc.blocks[3].kind == "cell"


CN_LIST = level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）") + level(2, "decimal", "%3.")


def test_docx_word_numbering_restarts_under_new_parent(tmp_path: Path) -> None:
    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{CN_LIST}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    path = make_docx(tmp_path / "a.docx", [
        ("成绩", {"num": 1, "ilvl": 0}), ("甲", {"num": 1, "ilvl": 1}), ("乙", {"num": 1, "ilvl": 1}),
        ("问题", {"num": 1, "ilvl": 0}), ("丙", {"num": 1, "ilvl": 1}), ("细目", {"num": 1, "ilvl": 2}),
    ], numbering_xml=xml)
    assert [b.text for b in _load(path).blocks] == ["一、成绩", "（一）甲", "（二）乙", "二、问题", "（一）丙", "1.细目"]
    # the parsed list definitions are kept for the next file of a batch, never its counters
    assert [b.text for b in _load(path).blocks][:2] == ["一、成绩", "（一）甲"]


def test_docx_level_that_never_restarts_continues(tmp_path: Path) -> None:
    lvls = level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）", extra='<w:lvlRestart w:val="0"/>')
    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    path = make_docx(tmp_path / "a.docx", [
        ("成绩", {"num": 1, "ilvl": 0}), ("甲", {"num": 1, "ilvl": 1}), ("乙", {"num": 1, "ilvl": 1}),
        ("问题", {"num": 1, "ilvl": 0}), ("丙", {"num": 1, "ilvl": 1}),
    ], numbering_xml=xml)
    assert [b.text for b in _load(path).blocks][-1] == "（三）丙"


def test_docx_start_override_and_shared_abstract(tmp_path: Path) -> None:
    xml = numbering(
        f'<w:abstractNum w:abstractNumId="0">{level(0, "decimal", "%1.")}</w:abstractNum>',
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    )
    path = make_docx(tmp_path / "a.docx", [
        ("甲", {"num": 1}), ("乙", {"num": 1}), ("丙", {"num": 2}), ("丁", {"num": 3}), ("戊", {"num": 3}),
    ], numbering_xml=xml)
    # numId 2 shares the abstract list and continues it; numId 3 restarts by its override
    assert [b.text for b in _load(path).blocks] == ["1.甲", "2.乙", "3.丙", "1.丁", "2.戊"]


def test_docx_list_continues_across_sections(tmp_path: Path) -> None:
    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{level(0, "chineseCountingThousand", "%1、")}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    path = make_docx(tmp_path / "a.docx", [
        ("甲", {"num": 1, "section_break": True}), ("乙", {"num": 1}), ("丙", {"num": 1}),
    ], numbering_xml=xml)
    assert [b.text for b in _load(path).blocks if b.text] == ["一、甲", "二、乙", "三、丙"]


def test_docx_style_linked_list(tmp_path: Path) -> None:
    lvl = level(0, "chineseCounting", "（%1）", extra='<w:pStyle w:val="Heading2"/>')
    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{lvl}</w:abstractNum>',
                    '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>')
    path = make_docx(tmp_path / "a.docx", [
        ("学习不够", {"style": "Heading 2"}), ("正文。", {}), ("作风不实", {"style": "Heading 2"}),
    ], numbering_xml=xml)
    texts = [b.text for b in _load(path).blocks]
    assert texts == ["（一）学习不够", "正文。", "（二）作风不实"]


def test_pdf_paragraphs_without_header_and_page_numbers(tmp_path: Path) -> None:
    p1 = "为深入贯彻落实上级部署要求，进一步加强机关作风建设，全面提升服务水平，现将有关情况报告如下。"
    p2 = "今年以来，我局坚持问题导向，对照年初确定的目标任务，逐项梳理工作进展情况，及时研究解决存在的困难和问题。"
    p3 = "下一步，我们将在六月底前完成全部制度修订工作，每季度开展一次督查。"
    path = make_pdf(tmp_path / "a.pdf", [[p1, p2], [p3]], header="某某局工作情况报告")
    doc = _load(path)
    assert [b.text for b in doc.blocks] == [p1, p2, p3]
    assert [b.page for b in doc.blocks] == [1, 1, 2]
    assert doc.meta["pages"] == 2


def test_pdf_paragraph_continues_across_pages(tmp_path: Path) -> None:
    long = "一二三四五六七八九十" * 8 + "。"
    path = make_pdf(tmp_path / "a.pdf", [["开头段落。", long[:54]], [">" + long[54:]]], header="页眉文字")
    doc = _load(path)
    assert [b.text for b in doc.blocks] == ["开头段落。", long]


def test_read_input_reads_the_file_as_it_is_when_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is read for the size ``stat`` gave plus one byte; a file that grew since is read on up to the
    limit plus one byte, as a read of the limit reads it, never cut at the size first seen."""
    import os

    from reportlint import sniff

    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 8)
    assert sniff.read_input(path, 10) == b"x" * 8
    real_stat = os.stat

    class Smaller:  # the size a stat taken before the file grew reports
        def __init__(self, st: os.stat_result) -> None:
            self.st_mode, self.st_size = st.st_mode, 3

    monkeypatch.setattr(sniff.os, "stat", lambda p: Smaller(real_stat(p)))
    assert sniff.read_input(path, 10) == b"x" * 8
    assert sniff.read_input(path, 5) == b"x" * 6


def test_xml_parser_reused_after_an_error_and_one_per_thread() -> None:
    import threading

    from reportlint.errors import LoadError
    from reportlint.loaders.docx import _parser, parse_xml

    with pytest.raises(LoadError):
        parse_xml(b"<a><b></a>", "x.xml")
    assert parse_xml(b"<a><b/></a>", "x.xml").tag == "a"
    other: list[object] = []
    thread = threading.Thread(target=lambda: other.append(_parser()))
    thread.start()
    thread.join()
    assert other and other[0] is not _parser()


def _outcome(read, *args):  # type: ignore[no-untyped-def]
    try:
        return ("ok", read(*args))
    except LoadError as exc:
        return ("error", str(exc))


def test_parts_inflated_from_the_package_bytes_are_what_zipfile_reads(tmp_path: Path) -> None:
    """``read_part`` with the package bytes inflates a part directly; zipfile's own reading is the
    reference, on sound parts (deflated and stored) and on damaged ones (CRC, size, local name,
    truncation, encryption flag), where the direct path must step aside so that zipfile's error
    is reported."""
    import io
    import random
    import struct
    import zipfile

    from reportlint.loaders.docx import read_part

    rng = random.Random(7)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document>" + "正文" * 500 + "</w:document>", zipfile.ZIP_DEFLATED)
        zf.writestr("stored.xml", "<a>存储</a>", zipfile.ZIP_STORED)
        zf.writestr("empty.xml", "", zipfile.ZIP_DEFLATED)
    sound = buf.getvalue()
    names = ["word/document.xml", "stored.xml", "empty.xml", "missing.xml"]
    damaged = []
    for _ in range(300):
        data = bytearray(sound)
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        damaged.append(bytes(data))
    with zipfile.ZipFile(io.BytesIO(sound)) as zf:
        at = zf.getinfo("stored.xml").header_offset
    renamed = bytearray(sound)
    renamed[at + 30] ^= 1  # the local header names another part than the directory
    encrypted = bytearray(sound)
    flags, = struct.unpack("<H", encrypted[at + 6:at + 8])
    encrypted[at + 6:at + 8] = struct.pack("<H", flags | 1)
    checked = 0
    for data in [sound, bytes(renamed), bytes(encrypted), sound[:len(sound) // 2] + sound[len(sound) // 2 + 40:],
                 *damaged]:
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            infos = zf.infolist()
        except Exception:
            continue
        if [i.filename for i in infos] != names[:3]:
            continue
        for name in names:
            assert _outcome(read_part, zf, name, data) == _outcome(read_part, zf, name), name
            checked += 1
    assert checked > 100


def test_a_part_that_inflates_beyond_its_recorded_size_is_not_inflated_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A directory that records a small size for a part whose data inflates to far more (a bomb)
    must not make the direct path inflate it all: it asks zlib for one byte past the recorded size
    and leaves the part to zipfile, which reads the recorded size."""
    import io
    import zipfile
    import zlib

    from reportlint.loaders.docx import _inflate

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * 2_000_000)
    data = buf.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
    info.file_size = 10  # what a crafted directory would say
    inflated: list[int] = []
    real = zlib.decompressobj

    class Counting:
        def __init__(self, wbits: int) -> None:
            self.inner = real(wbits)

        def decompress(self, raw: bytes, max_length: int = 0) -> bytes:
            out = self.inner.decompress(raw, max_length)
            inflated.append(len(out))
            return out

    monkeypatch.setattr(zlib, "decompress", lambda raw, wbits: inflated.append(-1) or real(wbits).decompress(raw))
    monkeypatch.setattr(zlib, "decompressobj", Counting)
    assert _inflate(info, data) is None
    assert inflated == [11]


def test_a_table_copied_one_cell_per_line_between_pipes_is_a_table(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    rows = [["任务", "责任科室", "完成时限"], ["清理规范性文件", "办公室", "年底前"], ["更新公开目录", "各科室", "持续推进"],
            ["编制年度报告", "办公室", "持续推进"], ["规范依申请公开", "各科室", "持续推进"]]
    lines = ["县司法局政务公开重点任务分工", *"\n|\n".join("\n|\n".join(r) for r in rows).split("\n"), "特此通知。"]
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = _load(path)
    cells = [b for b in doc.blocks if b.kind == "cell"]
    assert len(cells) == len(lines) - 2 and {b.table for b in cells} == {1}
    assert doc.blocks[0].kind == doc.blocks[-1].kind == "paragraph"
    # its short cells are no broken lines, its repeated deadline no running header
    assert lint_text("\n".join(lines), tmp_path, select="X104,B102") == []
    # lines that are short on their own, with no separators, are still judged
    assert lint_text("\n".join(["县司法局政务公开重点任务分工", *[c for r in rows for c in r], "特此通知。"]), tmp_path,
                     select="X104") != []


def _numbered_table(rows: int, cells: tuple[str, ...] = ("修缮村道", "交通站", "九月底")) -> list[str]:
    lines = ["序号", "工程", "承办单位", "时间"]
    for n in range(1, rows + 1):
        lines += [str(n), *(f"{c}{n}" for c in cells)]
    return lines


def test_a_table_pasted_one_cell_per_line_is_told_by_its_row_numbers(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    table = _numbered_table(4)
    lines = ["乡道养护情况", "一、基本情况", "今年共养护乡道四条。", *table, "二、下一步打算", "入冬前完成全部养护。"]
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = _load(path)
    cells = [b.text for b in doc.blocks if b.kind == "cell"]
    assert cells == table  # the header row and every row, the last one's cells included
    assert {b.table for b in doc.blocks if b.kind == "cell"} == {1}
    assert doc.blocks[-2].kind == "paragraph" and doc.blocks[-2].text == "二、下一步打算"
    assert lint_text("\n".join(lines), tmp_path, select="X104,N1") == []


def test_numbers_alone_on_lines_without_a_table_stay_text(tmp_path: Path) -> None:
    # two rows only; a number before one line of text (a list whose markers were cut off); rows of long prose
    for lines in (_numbered_table(2),
                  ["一、要求", "1", "各单位要按时报送材料。", "2", "各单位要指定专人负责。", "3", "各单位要做好保密工作。"],
                  _numbered_table(3, ("各乡镇要在规定时间内完成辖区内全部村道的排查、修缮和验收工作，并将情况报送交通运输局备案"
                                      "以便统一汇总上报县政府，逾期未报的将予以通报，并纳入年度考核",) * 3)):
        path = tmp_path / "t.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        assert all(b.kind == "paragraph" for b in _load(path).blocks), lines


def test_a_task_table_pasted_with_blank_lines_and_rows_of_varied_length_is_a_table(tmp_path: Path) -> None:
    # an attachment's task list: header, a category row, a cell merged over two rows, blank lines between all cells;
    # the plan's text says the tasks before, the table says them again
    tasks = [f"完成第{n}段堤防加固{n * 3}公里，汛前全部验收合格并移交管护单位" for n in range(1, 7)]
    body = ["县水利局堤防加固三年行动方案", "一、主要任务", *tasks, "二、保障措施", "由县水利局牵头，每季度通报进度。", "附件"]
    table = ["类别", "序号", "任务内容", "牵头单位", "行动一：主堤加固"]
    for n, task in enumerate(tasks, 1):
        table += [str(n), task, *(["县水利局、各乡镇"] if n % 2 else [])]
        if n == 3:
            table.append("行动二：支堤加固")
    path = tmp_path / "t.txt"
    path.write_text("\n\n".join(body + table), encoding="utf-8")
    doc = _load(path)
    assert [b.text for b in doc.blocks if b.kind == "cell"] == table
    assert lint_text_file(path, "B104,X104,N1") == []


def test_a_grid_of_figures_pasted_one_cell_per_line_is_a_table(tmp_path: Path) -> None:
    # a PDF-to-text tool writes a table with no numbered rows one cell per line: names, values, units
    grid = ["各站点", "东湖站", "西山站", "南岭站", "北坡站", "降水量", "12.5", "毫米", "8-15", "毫米", "30.2", "毫米",
            "26-40", "毫米"]
    lines = ["汛期雨情报告", "一、雨情概况", "本周各站点降水情况如下：", *grid,
             "二、下一步工作", "各站点每日8时前报送雨量，由防汛办汇总。"]
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = _load(path)
    assert [b.text for b in doc.blocks if b.kind == "cell"] == grid
    assert doc.blocks[lines.index("二、下一步工作")].kind == "paragraph"
    assert lint_text_file(path, "X104,B102,T108,N1") == []


def test_a_run_of_short_words_with_few_values_stays_text(tmp_path: Path) -> None:
    # a heading or a sentence broken into words, two numbers among them: no grid, X104 still judges it
    words = ["我们", "要", "坚持", "问题", "导向", "全年", "完成", "改造", "120", "户", "投入", "资金", "300", "万元"]
    path = tmp_path / "t.txt"
    path.write_text("\n".join(["关于老旧小区改造的报告", *words, "特此报告。"]), encoding="utf-8")
    assert all(b.kind == "paragraph" for b in _load(path).blocks)
    assert "X104" in lint_text_file(path, "X104")


def lint_text_file(path: Path, select: str) -> list[str]:
    from reportlint.testing import lint_text

    return [f.rule for f in lint_text(path.read_text(encoding="utf-8"), path.parent, select=select)]
