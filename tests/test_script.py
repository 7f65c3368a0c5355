"""T109: traditional characters in a simplified report, on sentences written for these tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from reportlint.testing import lint_text

HEAD = "县文旅局关于做好节日值班工作的通知\n各股室：\n节日期间的值班安排，请各股室按以下要求执行。\n"


def _found(text: str, tmp_path: Path) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in lint_text(text, tmp_path, select="T109")]


def test_a_pasted_traditional_paragraph_is_one_finding_with_its_simplified_forms(tmp_path: Path) -> None:
    text = (HEAD + "一、加强值班值守\n經過研究，決定實行領導帶班制度，各單位要認真落實。\n"
            "二、及时报告信息\n遇有突发情况，第一时间向局办公室报告。\n")
    found = _found(text, tmp_path)
    assert len(found) == 1
    line, message = found[0]
    assert line == 5 and "“經”应为“经”" in message and "共 10 个" in message


def test_neighbouring_traditional_paragraphs_are_one_passage(tmp_path: Path) -> None:
    text = (HEAD + "一、加强值班值守\n經過研究，決定實行領導帶班制度。\n\n各單位要認真落實，確保節日安全。\n"
            "二、及时报告信息\n遇有突发情况，第一时间向局办公室报告，不得迟报漏报。\n三、做好后勤保障\n值班人员要坚守岗位。\n")
    assert [line for line, _ in _found(text, tmp_path)] == [5]


def test_a_whole_traditional_document_is_one_finding(tmp_path: Path) -> None:
    text = "關於做好節日值班工作的通知\n各單位：\n為做好節日期間值班工作，現將有關事項通知如下。\n一、加強領導，認真落實。\n"
    found = _found(text, tmp_path)
    assert len(found) == 1 and found[0][1].startswith("全文是繁体字")


def test_standard_characters_names_and_one_quoted_word_are_not_reported(tmp_path: Path) -> None:
    # 乾, 於, 徵 are standard characters too; two traditional characters in a quotation are no paragraph in that script
    text = (HEAD + "一、加强值班值守\n乾坤朗朗，由於志强同志负责，宫商角徵羽的编排另行通知。\n"
            "二、做好接待\n接待来宾时，横幅写“歡迎”二字。\n")
    assert _found(text, tmp_path) == []


def test_the_table_keeps_only_forms_that_are_never_simplified() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_traditional", Path(__file__).resolve().parents[1] / "scripts" / "build_traditional.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ts = {"後": ["后"], "乾": ["干", "乾"], "藉": ["藉", "借"], "週": ["周"], "钟": ["钟"], "ab": ["a"]}
    st = {"后": ["后", "後"], "周": ["周", "週"], "週": ["周"]}
    # 乾 and 藉 map to themselves too; 週 is a key of the simplified table here; 钟 is its own simplified form
    assert module.traditional_pairs(ts, st) == "後后"


def test_the_shipped_table_holds_no_standard_character() -> None:
    import tomllib

    pairs = tomllib.loads((Path(__file__).resolve().parents[1] / "rules" / "proofread.toml").read_text(
        encoding="utf-8"))["T109"]["params"]["pairs"]
    traditional = set(pairs[0::2])
    assert len(pairs) % 2 == 0 and len(traditional) > 2000
    assert not traditional & set("乾於徵著藉瞭覆干后发面里只台余系")
    assert not traditional & set(pairs[1::2])
