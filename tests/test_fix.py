"""--fix / --diff: exact corrections carried by findings, applied to a copy (.txt/.md as text,
.docx as Word tracked changes); the input is never written."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from conftest import level as lvl
from conftest import make_docx, numbering

from reportlint.cli import main
from reportlint.fix import fix_text, narrow, plan
from reportlint.loaders.text import load_text
from reportlint.model import Block, Finding
from reportlint.testing import lint_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

REPORT = (
    "关于改进基层调研工作的报告\n"
    "\n"
    "一、基本情况\n"
    "今年组织了的的专题调研，覆盖社区食堂、等民生项目。\n"
    "依照市发改[2023]7号通知,各单位报送了材料。\n"
    "二、存在问题\n"
    "（一）调研前准备不足。\n"
    "（二）问题清单不够具体—4—后续跟踪偏少。\n"
    "（二）成果转化不够及时。\n"
    "（四）督促检查不够经常。\n"
)
FIXED = (
    "关于改进基层调研工作的报告\n"
    "\n"
    "一、基本情况\n"
    "今年组织了的专题调研，覆盖社区食堂等民生项目。\n"
    "依照市发改〔2023〕7号通知，各单位报送了材料。\n"
    "二、存在问题\n"
    "（一）调研前准备不足。\n"
    "（二）问题清单不够具体后续跟踪偏少。\n"
    "（三）成果转化不够及时。\n"
    "（四）督促检查不够经常。\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def finding(block: int, start: int, end: int, fix: tuple, rule: str = "T101") -> Finding:
    return Finding(path="x.txt", rule=rule, name="n", severity="warning", message="m", block=block, start=start,
                   end_block=block, end=end, excerpt="", fix=fix)


# --- choosing edits ---------------------------------------------------------------------------

def test_narrow_keeps_only_the_changed_characters() -> None:
    assert narrow("（三）", "（四）") == (1, 2, "四")
    assert narrow("的的", "的") == (1, 2, "")  # one 的 deleted, never an empty old text
    assert narrow("、", "") == (0, 1, "")
    assert narrow("[2023]", "〔2023〕") == (0, 6, "〔2023〕")


def test_overlapping_fixes_apply_the_first_and_leave_the_other() -> None:
    blocks = [Block(0, "甲乙丙丁戊")]
    first = finding(0, 1, 3, ((0, 1, 3, "X"),))
    second = finding(0, 2, 4, ((0, 2, 4, "Y"),), rule="T103")
    apart = finding(0, 4, 5, ((0, 4, 5, "Z"),), rule="T104")
    chosen = plan([second, apart, first], blocks)
    assert chosen.fixed == [first, apart]
    assert [(f, reason[:4]) for f, reason in chosen.left] == [(second, "与前面的")]
    assert chosen.edits == [(0, 1, 3, "X"), (0, 4, 5, "Z")]


def test_a_fix_is_all_or_nothing() -> None:
    blocks = [Block(0, "甲乙丙"), Block(1, "丁戊")]
    taken = finding(0, 0, 1, ((0, 0, 1, "A"),))
    both = finding(1, 0, 1, ((1, 0, 1, "D"), (0, 0, 2, "B")), rule="T103")  # its second edit overlaps
    chosen = plan([both, taken], blocks)
    assert chosen.fixed == [taken] and chosen.edits == [(0, 0, 1, "A")]


def test_an_edit_outside_its_block_is_refused() -> None:
    chosen = plan([finding(0, 0, 9, ((0, 0, 9, "X"),))], [Block(0, "短")])
    assert not chosen.fixed and chosen.left


# --- rules attach exact fixes only where they are certain -------------------------------------

def test_rules_attach_exact_fixes(tmp_path: Path) -> None:
    found = {f.rule + f.excerpt: f.fix for f in lint_text(REPORT, tmp_path, select="T101,T103,T104,B102,N101")}
    assert found["T101的的"] == ((3, 5, 7, "的"),)
    assert found["T103、"] == ((3, 18, 19, ""),)
    assert found["T104[2023]"] == ((4, 5, 11, "〔2023〕"),)
    assert found["T103,"] == ((4, 15, 16, "，"),)
    assert found["B102—4—"] == ((7, 11, 14, ""),)
    assert found["N101（二）"] == ((8, 0, 3, "（三）"),)


def test_a_duplicate_followed_by_the_number_it_repeats_is_not_renumbered(tmp_path: Path) -> None:
    text = "一、主要问题\n（一）第一项内容。\n（二）第二项内容。\n（二）第三项内容。\n（三）第四项内容。\n"
    dup = [f for f in lint_text(text, tmp_path, select="N101") if f.rule == "N101"]
    assert dup and dup[0].fix == ()  # an item inserted or one left over: the writer decides


def test_every_doc_number_bracket_is_one_fix(tmp_path: Path) -> None:
    text = "依照市发改[2023]7号通知办理。\n又见市发改(2022)3号文件要求。\n"
    docno = [f for f in lint_text(text, tmp_path, select="T104") if "2023" in f.excerpt]
    assert docno[0].fix == ((0, 5, 11, "〔2023〕"), (1, 5, 11, "〔2022〕"))


def test_judgements_carry_no_fix(tmp_path: Path) -> None:
    text = "一、下一步打算\n进一步加强学习，不断提高能力。\n"
    for f in lint_text(text, tmp_path, select="M1,S1"):
        assert f.fix == (), f


# --- text files -------------------------------------------------------------------------------

def test_diff_prints_a_unified_diff_and_exits_1(tmp_path: Path, capsys) -> None:
    src = tmp_path / "r.txt"
    src.write_text(REPORT, encoding="utf-8")
    before = digest(src)
    code, out, err = run(["check", str(src), "--diff", "--no-cache"], capsys)
    assert code == 1
    assert out.startswith(f"--- {src}\n+++ {src}\n")  # an absolute path as given; a/ b/ before a relative one
    assert "\n-今年组织了的的专题调研，覆盖社区食堂、等民生项目。\n" in out
    assert "\n+今年组织了的专题调研，覆盖社区食堂等民生项目。\n" in out
    assert "+（三）成果转化不够及时。\n" in out
    assert "可自动改正 6 个问题" in err
    assert digest(src) == before and list(tmp_path.iterdir()) == [src]


def test_diff_exits_0_when_nothing_is_fixable(tmp_path: Path, capsys) -> None:
    src = tmp_path / "r.txt"
    src.write_text("关于改进基层调研工作的报告\n一、基本情况\n今年组织了专题调研。\n", encoding="utf-8")
    code, out, _ = run(["check", str(src), "--diff", "--no-cache"], capsys)
    assert code == 0 and out == ""


def test_fix_writes_a_copy_and_shows_what_remains(tmp_path: Path, capsys) -> None:
    src = tmp_path / "r.txt"
    src.write_text(REPORT + "三、下一步打算\n进一步加强学习。\n", encoding="utf-8")
    before = digest(src)
    out_path = tmp_path / "r.fixed.txt"
    code, out, err = run(["check", str(src), "--fix", str(out_path), "--no-cache"], capsys)
    assert digest(src) == before
    assert out_path.read_text(encoding="utf-8") == FIXED + "三、下一步打算\n进一步加强学习。\n"
    assert "已改正 6 个问题" in err and "原文件未改动" in err
    assert "T101" not in out and "N101" not in out and str(out_path) in out  # what remains is the copy's
    assert code == 1  # the measure without a deadline remains


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_fix_with_nothing_to_fix_says_the_copy_is_the_same(tmp_path: Path, capsys, suffix: str) -> None:
    src = tmp_path / f"r{suffix}"
    lines = ["关于改进基层调研工作的报告", "一、基本情况", "今年组织了专题调研。"]
    if suffix == ".txt":
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        packed = make_docx(tmp_path / "made.docx", [(line, {}) for line in lines])
        with zipfile.ZipFile(packed) as zin, zipfile.ZipFile(src, "w") as zout:  # dated 1980: a re-pack differs
            for item in zin.infolist():
                zout.writestr(zipfile.ZipInfo(item.filename, (1980, 1, 1, 0, 0, 0)), zin.read(item))
    out_path = tmp_path / f"r.fixed{suffix}"
    code, _, err = run(["check", str(src), "--fix", str(out_path), "--no-cache", "--select", "N,S,M,B,T,X"], capsys)
    assert out_path.read_bytes() == src.read_bytes()  # the copy asked for is written, unchanged
    assert "没有可自动改正的问题" in err and "与原文件相同" in err and "已改正 0" not in err
    assert code == 0


def test_fix_refuses_the_input_and_an_existing_file(tmp_path: Path, capsys) -> None:
    src = tmp_path / "r.txt"
    src.write_text(REPORT, encoding="utf-8")
    before = digest(src)
    code, _, err = run(["check", str(src), "--fix", str(src)], capsys)
    assert code == 3 and "不能是被检查的文件本身" in err
    code, _, _ = run(["check", str(src), "--fix", str(tmp_path / "." / "r.txt"), "--force"], capsys)
    assert code == 3  # not even with --force
    other = tmp_path / "old.txt"
    other.write_text("旧内容", encoding="utf-8")
    code, _, err = run(["check", str(src), "--fix", str(other)], capsys)
    assert code == 3 and "已存在" in err and other.read_text(encoding="utf-8") == "旧内容"
    code, _, _ = run(["check", str(src), "--fix", str(other), "--force", "--no-cache"], capsys)
    assert code == 0 and other.read_text(encoding="utf-8") == FIXED
    assert digest(src) == before


def test_fix_usage_errors(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(REPORT, encoding="utf-8")
    b.write_text(REPORT, encoding="utf-8")
    assert run(["check", str(a), str(b), "--fix", str(tmp_path / "o.txt")], capsys)[0] == 3
    assert run(["check", str(a), "--fix", str(tmp_path / "o.txt"), "--diff"], capsys)[0] == 3
    baseline = tmp_path / "b.json"
    assert run(["check", str(a), "--write-baseline", str(baseline), "--no-cache"], capsys)[0] == 0
    code, _, err = run(["check", str(a), "--fix", str(tmp_path / "o.txt"), "--baseline", str(baseline)], capsys)
    assert code == 3 and "--baseline" in err and not (tmp_path / "o.txt").exists()
    d = tmp_path / "a.docx"
    make_docx(d, [("正文。", {})])
    code, _, err = run(["check", str(d), "--fix", str(tmp_path / "o.txt")], capsys)
    assert code == 3 and ".docx" in err


@pytest.mark.parametrize("encoding,bom", [("gb18030", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe")])
def test_fix_keeps_the_encoding_and_line_endings(tmp_path: Path, capsys, encoding: str, bom: bytes) -> None:
    src = tmp_path / "r.txt"
    src.write_bytes(bom + REPORT.replace("\n", "\r\n").encode(encoding))
    out_path = tmp_path / "o.txt"
    run(["check", str(src), "--fix", str(out_path), "--no-cache"], capsys)
    assert out_path.read_bytes() == bom + FIXED.replace("\n", "\r\n").encode(encoding)


def test_fix_maps_rejoined_lines_to_their_physical_line(tmp_path: Path) -> None:
    # a line that cannot begin a line (、) is joined to the one before; the fix lands on its own line
    data = "关于改进基层调研工作的报告\n今年组织了专题调研，走访了社区食堂\n、等民生项目。\n".encode()
    doc = load_text(tmp_path / "r.txt", data)
    joined = next(b for b in doc.blocks if b.joins)
    at = joined.text.index("、")
    fixed = fix_text(data, doc.blocks, [finding(joined.index, at, at + 1, ((joined.index, at, at + 1, ""),))],
                     dict(doc.meta))
    assert fixed.fixed.splitlines()[1:] == ["今年组织了专题调研，走访了社区食堂", "等民生项目。"]


def test_text_that_differs_from_the_finding_is_not_touched(tmp_path: Path) -> None:
    data = "甲乙丙\n".encode()
    doc = load_text(tmp_path / "r.txt", data)
    stale = finding(0, 0, 1, ((0, 0, 1, "X"),))
    other = Block(0, "丁乙丙")  # the blocks a finding was made from no longer match the file
    result = fix_text(data, [other], [stale], dict(doc.meta))
    assert result.fixed == "甲乙丙\n" and not result.plan.fixed and result.plan.left


# --- Word files: tracked changes ---------------------------------------------------------------

def _docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("关于改进基层调研工作的报告")
    p = d.add_paragraph()
    p.add_run("今年组织了的")
    bold = p.add_run("的专题调研，覆盖社区食堂")
    bold.bold = True
    p.add_run("、等民生项目。")
    d.add_paragraph("依照市发改[2023]7号通知,各单位报送了材料。")
    d.add_paragraph("一、存在问题")
    d.add_paragraph("（一）调研前准备不足。")
    d.add_paragraph("（一）成果转化不够及时。")
    d.add_paragraph("（三）督促检查不够经常。")
    d.save(str(path))
    return path


def _changes(path: Path) -> tuple[list, list]:
    import docx

    body = docx.Document(str(path)).element.body
    return list(body.iter(W + "ins")), list(body.iter(W + "del"))


def test_fix_docx_writes_tracked_changes_and_leaves_the_input(tmp_path: Path, capsys) -> None:
    src = _docx(tmp_path / "r.docx")
    before = digest(src)
    out_path = tmp_path / "r-fixed.docx"
    # the core rules only: a layout plugin installed beside reportlint would find more in this bare document
    code, out, err = run(["check", str(src), "--fix", str(out_path), "--no-cache", "--select", "N,S,M,B,T,X"], capsys)
    assert digest(src) == before
    inserted, deleted = _changes(out_path)
    assert [d.findtext(f".//{W}delText") for d in deleted] == ["的", "、", "[2023]", ",", "一"]
    assert ["".join(t.text for t in i.iter(W + "t")) for i in inserted] == ["〔2023〕", "，", "二"]
    ids = [c.get(W + "id") for c in inserted + deleted]
    assert len(set(ids)) == len(ids)
    assert {c.get(W + "author") for c in inserted + deleted} == {"reportlint"}
    assert all(c.get(W + "date", "").endswith("Z") for c in inserted + deleted)
    # the deleted 的 kept its run's bold; the text around it is untouched
    first_del = deleted[0]
    assert first_del.find(f"{W}r/{W}rPr/{W}b") is not None
    import docx

    para = docx.Document(str(out_path)).paragraphs[1]
    assert [r.text for r in para.runs] == ["今年组织了的", "专题调研，覆盖社区食堂", "等民生项目。"]
    assert para.runs[1].bold
    assert "已改正 5 个问题" in err and code == 0, out  # read with changes accepted: nothing remains


def test_fix_docx_skips_a_word_numbering_label(tmp_path: Path) -> None:
    from reportlint.fixdocx import fix_docx
    from reportlint.loaders.docx import load_docx

    num = numbering('<w:abstractNum w:abstractNumId="1">' + lvl(0, "chineseCounting", "（%1）") + "</w:abstractNum>",
                    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    src = make_docx(tmp_path / "n.docx", [("报告", {}), ("第一项的的内容。", {"num": 5})], numbering_xml=num)
    blocks = load_docx(src, src.read_bytes()).blocks
    assert blocks[1].label and blocks[1].text.startswith(blocks[1].label)
    shift = blocks[1].text.index("第")
    in_label = finding(1, 0, 2, ((1, 0, 2, "（二）"),), rule="N101")
    in_text = finding(1, shift + 3, shift + 5, ((1, shift + 3, shift + 5, "的"),))
    chosen = fix_docx(src, tmp_path / "o.docx", [in_label, in_text])
    assert chosen.fixed == [in_text]
    assert "自动编号" in chosen.left[0][1]
    assert [d.findtext(f".//{W}delText") for d in _changes(tmp_path / "o.docx")[1]] == ["的"]


def test_fix_docx_output_is_a_valid_package(tmp_path: Path, capsys) -> None:
    src = _docx(tmp_path / "r.docx")
    out_path = tmp_path / "o.docx"
    run(["check", str(src), "--fix", str(out_path), "--no-cache"], capsys)
    with zipfile.ZipFile(out_path) as zf:
        assert zf.testzip() is None
        xml = zf.read("word/document.xml").decode()
    assert "<w:ins " in xml and "<w:del " in xml


def test_the_text_report_counts_the_fixable_findings(tmp_path: Path, capsys) -> None:
    src = tmp_path / "r.txt"
    src.write_text(REPORT, encoding="utf-8")
    code, out, _ = run(["check", str(src), "--no-cache"], capsys)
    assert code == 1 and "其中 6 个可以自动改正" in out


def test_fix_output_is_the_same_kind_as_the_input(tmp_path: Path, capsys) -> None:
    src = tmp_path / "r.txt"
    src.write_text(REPORT, encoding="utf-8")
    code, _, err = run(["check", str(src), "--fix", str(tmp_path / "o.docx")], capsys)
    assert code == 3 and "同类" in err and not (tmp_path / "o.docx").exists()


def test_a_text_name_on_a_word_file_is_fixed_as_what_it_is(tmp_path: Path, capsys) -> None:
    src = _docx(tmp_path / "r.docx")
    disguised = tmp_path / "r.txt"
    disguised.write_bytes(src.read_bytes())
    code, _, _ = run(["check", str(disguised), "--fix", str(tmp_path / "o.txt"), "--no-cache"], capsys)
    assert code in (0, 1, 2, 3)  # never an internal error (4) nor text written over a zip
    out_path = tmp_path / "o.txt"
    assert not out_path.exists() or out_path.read_bytes()[:2] == b"PK"


def test_fix_docx_leaves_text_inside_another_tracked_change(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    from reportlint.fixdocx import fix_docx

    d = docx.Document()
    d.add_paragraph("报告")
    p = d.add_paragraph("序号\t开展了的的调研，")  # a tab before the defect: mapped around, not into
    p._p.append(parse_xml(f'<w:ins xmlns:w="{W[1:-1]}" w:id="90" w:author="张三" w:date="2024-01-01T00:00:00Z">'
                          f'<w:r><w:t>走访了了社区。</w:t></w:r></w:ins>'))
    src = tmp_path / "r.docx"
    d.save(str(src))
    text = "序号\t开展了的的调研，走访了了社区。"
    first = text.index("的的")
    second = text.index("了了")
    chosen = fix_docx(src, tmp_path / "o.docx", [finding(1, first, first + 2, ((1, first, first + 2, "的"),)),
                                                 finding(1, second, second + 2, ((1, second, second + 2, "了"),))])
    assert [f.start for f in chosen.fixed] == [first]
    assert "修订" in chosen.left[0][1]
    ins, dels = _changes(tmp_path / "o.docx")
    assert [d.findtext(f".//{W}delText") for d in dels] == ["的"]
    assert [i.get(W + "author") for i in ins] == ["张三"]  # the other reviewer's change is left as it was
