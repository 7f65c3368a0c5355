"""M1: what makes a measure quantified, dimension by dimension, and the traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import segment
from reportlint.testing import lint_text

HEAD = "县机关对照检查材料\n一、存在的问题\n（一）学习不深入。\n二、原因分析\n（一）认识不到位。\n三、整改措施\n"


def m101(tmp_path: Path, *measures: str) -> list[int]:
    text = HEAD + "\n".join(f"{i + 1}.{m}" for i, m in enumerate(measures))
    return [f.block + 1 for f in lint_text(text, tmp_path, select="M101")]


@pytest.mark.parametrize(
    "measure",
    [
        "加强理论学习。每月集中学习不少于一天。",  # cadence + target
        "完善议事规则。2025年6月底前修订完成。",  # deadline alone
        "改进调研方式。年内完成全部调研课题。",  # deadline word
        "强化督查问效。由县委办牵头组织实施。",  # responsible party alone
        "压实整改责任。责任单位：组织部。",  # responsible party as a label
        "推进项目建设。完成投资3.2亿元。",  # amount with unit
        "提升服务质量。群众满意度达到95%。",  # percentage and target
        "深化廉政教育。每季度开展一次警示教育。",  # Chinese numeral cadence
        "抓好问题整改。两个月内全部整改到位。",  # Chinese numeral deadline
        "加快老旧小区改造。完成三个乡镇的改造任务。",  # numeral + classifier
        "加强企业帮扶。帮扶二十余家企业解决融资难题。",  # 二十余家: found by the segmenter
        "压实安全责任。确保年底前隐患全部清零。",  # time word with 前
    ],
)
def test_quantified_measures_are_silent(tmp_path: Path, measure: str) -> None:
    assert m101(tmp_path, measure) == []


@pytest.mark.parametrize(
    "measure",
    [
        "着力强化落实举措。进一步调整优化产业结构，加快发展速度，提高发展效益。",
        "围绕县十四届三次党代会确定的目标，抓好各项工作。",  # an ordinal session is no amount
        "深入开展“三严三实”专题教育，增强“四个意识”。",  # formulas are no amounts
        "2023年以来，我们不断加强作风建设，持续改进工作方法。",  # a year in background is no deadline
        "作为一项重大政治任务，在当前和今后一个时期抓紧抓好。",  # 一项, 一个时期, 当前 are no quantities
        "严格落实“三包一联”等制度，强化目标管理，靠实工作责任。",
    ],
)
def test_unquantified_measures_are_reported(tmp_path: Path, measure: str) -> None:
    assert m101(tmp_path, measure) == [7]


def test_message_and_suggestion_say_what_to_add(tmp_path: Path) -> None:
    found = lint_text(HEAD + "1.加强学习。进一步提高认识。", tmp_path, select="M101")
    assert "量化指标、完成时限、责任主体和可检验的目标" in found[0].message
    assert found[0].suggestion and "何时完成" in found[0].suggestion
    assert found[0].excerpt == "1.加强学习。"


def test_heading_lines_are_not_measures(tmp_path: Path) -> None:
    assert lint_text(HEAD + "（一）2025年6月底前完成制度修订。", tmp_path, select="M101") == []


def test_without_a_profile_commitments_are_measures(tmp_path: Path) -> None:
    text = "会议纪要\n会议指出，今年工作成效明显。\n下一步，各单位要进一步加强学习，不断提高认识。\n各单位要在6月底前完成自查。"
    assert [f.block + 1 for f in lint_text(text, tmp_path, select="M101")] == [3]


def test_speech_profile_turns_m101_off(tmp_path: Path) -> None:
    text = "在全县工作会议上的讲话\n同志们：\n我们要进一步加强学习，不断提高认识，切实改进作风。\n"
    assert lint_text(text, tmp_path, select="M101") == []


def test_low_quantification_share(tmp_path: Path) -> None:
    text = HEAD + "1.加强学习，提高认识。\n2.改进作风，狠抓落实。\n3.完善制度，强化监督。\n4.每月开展一次督查。"
    found = lint_text(text, tmp_path, select="M103")
    assert [(f.block + 1, "4 条措施，只有 1 条" in f.message) for f in found] == [(6, True)]
    quantified = HEAD + "1.每月学习一次。\n2.6月底前修订制度。\n3.由办公室牵头督查。\n4.加强监督。"
    assert lint_text(quantified, tmp_path, select="M103") == []


def test_vague_density(tmp_path: Path) -> None:
    dense = "工作总结\n下一步，我们将进一步加强学习，不断提高认识，切实改进作风，全面推进工作，着力提升水平。"
    plain = "工作总结\n下一步，我们将在6月底前完成全部120名干部轮训，进一步加强学习。"
    assert [f.rule for f in lint_text(dense, tmp_path, select="M102")] == ["M102"]
    assert lint_text(plain, tmp_path, select="M102") == []


def test_segmenter_is_not_loaded_when_patterns_decide(tmp_path: Path) -> None:
    segment.tagger.cache_clear()
    lint_text(HEAD + "1.2025年6月底前修订议事规则。\n2.每季度开展一次集中学习。", tmp_path, select="M")
    assert not segment.loaded()
    lint_text(HEAD + "1.帮扶二十余家企业解决融资难题。", tmp_path, select="M101")
    assert segment.loaded()


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_both_segmenters_agree_on_the_fixtures(monkeypatch: pytest.MonkeyPatch, backend: str) -> None:
    pytest.importorskip(backend)
    monkeypatch.setenv("REPORTLINT_SEGMENTER", backend)
    segment.tagger.cache_clear()
    try:
        words = segment.tagger()("深入开展三严三实专题教育，两个月内完成三个乡镇改造，年底前完成")
    finally:
        segment.tagger.cache_clear()
    assert ("三严三实", "nz") in words
    assert ("三个", "m") in words and ("年底前", "t") in words


def test_jieba_tables_are_cached_once_and_give_the_same_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("jieba")
    monkeypatch.setenv("REPORTLINT_SEGMENTER", "jieba")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    sentence = "深入开展三严三实专题教育，两个月内完成三个乡镇改造，年底前完成"
    results = []
    try:
        for _ in range(2):  # built from jieba's dictionary, then read from the cache
            segment.tagger.cache_clear()
            results.append(segment.tagger()(sentence))
    finally:
        segment.tagger.cache_clear()
    assert results[0] == results[1]
    kept = [p.name for p in (tmp_path / "reportlint").iterdir() if p.name.startswith("jieba")]
    assert len(kept) == 1 and kept[0].endswith(".marshal")  # one table, and no copy of jieba's own
