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


def test_a_traditional_page_with_long_residue_is_still_one_finding(tmp_path: Path) -> None:
    """The site's own lines (its blurb in simplified characters) are residue: they count neither for nor against the
    document's script."""
    text = ("關於做好節日值班工作的通知\n下面是小编为大家整理的值班通知范文，欢迎大家阅读参考，希望对大家有所帮助，"
            "更多精彩内容请关注本站，本站每天更新大量范文供大家学习使用。\n各單位：\n為做好節日期間值班工作，現將有關事項通知如下。\n"
            "一、加強領導，認真落實值班責任。\n二、嚴格執行領導幹部帶班制度。\n")
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


def test_rules_that_read_simplified_wording_say_nothing_on_a_traditional_document(tmp_path: Path) -> None:
    """A plan written in traditional characters: its measures part, its sections and its wording are in words the
    measures, structure and typo rules cannot read, so T109 speaks for the document and they stay silent; the same
    plan in simplified characters gets its bare measure named."""
    traditional = ("縣農業局秋冬種工作實施方案\n一、工作目標\n全縣完成秋冬種面積十萬畝。\n二、保障措施\n"
                   "進一步加強宣傳引導，營造良好氛圍。\n")
    found = lint_text(traditional, tmp_path)
    assert [f.rule for f in found] == ["T109"], [(f.rule, f.message) for f in found]
    assert "转换后请再检查一次" in found[0].message
    # digits typed for a Chinese numeral are read in any script
    dated = traditional.replace("全縣完成", "二00六年全縣完成")
    assert sorted(f.rule for f in lint_text(dated, tmp_path)) == ["T105", "T109"]
    simplified = ("县农业局秋冬种工作实施方案\n一、工作目标\n全县完成秋冬种面积十万亩。\n二、保障措施\n"
                  "进一步加强宣传引导，营造良好氛围。\n")
    assert "M101" in [f.rule for f in lint_text(simplified, tmp_path)]


def test_a_rule_declares_only_the_script_it_reads(tmp_path: Path) -> None:
    import pytest

    from reportlint.rulebook import RulebookError, load_rulebook

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "extra.toml").write_text(
        '[Z901]\nname = "odd-script"\ncheck = "script.traditional"\nseverity = "info"\nsummary = "s"\nwhy = "w"\n'
        'message = "m"\ngood = ["甲"]\nbad = ["乙"]\nscript = "traditional"\n', encoding="utf-8")
    with pytest.raises(RulebookError, match="script 只能是"):
        load_rulebook([("test", folder)], ["script.traditional"])
