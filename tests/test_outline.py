"""The outline: markers at block starts and inside one-line documents, the tree, the title."""

from __future__ import annotations

from pathlib import Path

from reportlint.loaders.text import load_text
from reportlint.model import Block, Document
from reportlint.outline import build
from reportlint.scan import Body


def _doc(*lines: str) -> Document:
    return Document("t.txt", tuple(Block(i, t) for i, t in enumerate(lines)))


def test_markers_of_a_one_line_document_form_a_tree() -> None:
    line = ("县机关事务中心年度工作总结 一、主要工作 （一）加强学习。全年学习24次。（二）完善制度。修订制度5项。"
            "二、存在的问题 （一）学习不够深入。1.联系实际不够。2.学用脱节。")
    out = build(_doc(line))
    labels = [(line[m.start:m.end], it.depth) for it in out.items for m in [it.marker]]
    assert labels == [("一、", 0), ("（一）", 1), ("（二）", 1), ("二、", 0), ("（一）", 1), ("1.", 2), ("2.", 2)]
    assert out.title is not None and out.title.text == "县机关事务中心年度工作总结"


def test_decimals_ranges_and_years_are_not_markers() -> None:
    out = build(_doc("标题", "1.5万元已拨付。", "一、二季度完成投资。", "2023年工作回顾。"))
    assert out.markers == ()


def test_an_attachment_list_whose_first_name_begins_with_a_year_is_one_list(tmp_path: Path) -> None:
    """附件：1.2025年……清单 (GB/T 9704-2012 7.3.4 writes 附件：1.×××× with the names under it): the 1. after the
    colon opens the list of names, though a year follows it; 2. and 3. below are its items, no headings without text
    nor measures of a 重点任务 part."""
    from reportlint.testing import lint_text

    lines = ("关于印发2026年重点工作分解的通知", "各乡镇人民政府：", "现将任务分解表发送各乡镇，望对照执行。",
             "一、明确责任。各乡镇要指定专人负责。", "附件：1.2026年重点工作任务清单", "2.2026年为民办实事项目分解",
             "3.2026年工作备忘录分解", "县政府督查室", "2026年3月2日")
    out = build(_doc(*lines))
    assert [(m.value, m.intro) for m in out.markers if m.family == "ar"] == [(1, True), (2, False), (3, False)]
    assert lint_text("\n".join(lines) + "\n", tmp_path, select="S103,M101") == []
    # the one name a colon numbered, the others run on without theirs: a 1. later opens a list of its own, no repeat
    one_line = ("县档案局关于订阅档案刊物的通知 各单位：请做好订阅工作。附件：1.2026年度档案刊物订阅单2.订阅办法 "
                "订阅办法 订阅可以通过网上平台办理。1.手机端订阅：扫描二维码填写订单。2.电脑端订阅：登录网站填写订单。")
    assert lint_text(one_line + "\n", tmp_path, select="N101,N102") == []


def test_an_item_whose_text_begins_with_a_month_or_a_day_is_an_item() -> None:
    out = build(_doc("标题", "3.完成台账整理。", "4.6月底前报送评估结果。", "5.15日前上报名单。",
                     "增长1.5个百分点。", "1、2月份完成调研。", "6.35日内办结。", "7.13月"))
    assert [(m.value, m.title[:2]) for m in out.markers] == [(3, "完成"), (4, "6月"), (5, "15")]


def test_an_item_whose_text_begins_with_a_product_is_an_item() -> None:
    # 2、4×100米接力: the relay's legs begin the item's text; 2、4月 and 1.5 stay a range and a decimal
    out = build(_doc("标题", "1、团体跳绳。", "2、4×100米接力。", "3、拔河比赛。", "2、4月完成招标。", "1.5×2米展板。"))
    assert [(m.value, m.title[:3]) for m in out.markers] == [(1, "团体跳"), (2, "4×1"), (3, "拔河比")]


def test_page_number_series_is_stray() -> None:
    body = "这是一段很长的正文内容，" * 4 + "讲完了一件事。" + "这是一段很长的正文内容，" * 5
    out = build(_doc("1、" + body + "继续写到", "2、页面末尾没有句号的" + body + "还在", "3、" + body + "结束",
                     "4、" + body + "又断在"))
    assert all(m.stray for m in out.markers)
    assert out.items == ()


def test_title_is_found_after_residue_and_missing_when_body_starts() -> None:
    assert build(_doc("温馨提示：", "关于做好防汛工作的通知", "各乡镇：", "现将有关事项通知如下。"),
                 frozenset({0})).title.text == "关于做好防汛工作的通知"
    assert build(_doc("今年以来，我局认真落实各项部署，取得了明显成效。", "一、主要工作")).title is None


def test_a_later_line_naming_a_kind_of_document_is_the_title() -> None:
    # an issuing body's name, a portal's switch or links over the page come first; the title names the kind
    assert build(_doc("县人民政府", "长辈版 无障碍", "县人民政府关于同意撤并部分村民小组的批复", "城关镇人民政府：",
                      "你镇《关于撤并村民小组的请示》收悉。")).title.text == "县人民政府关于同意撤并部分村民小组的批复"
    # a fragment that names only the kind (工作报告) is no title; the first short line stays the title when none does
    assert build(_doc("工作报告", "县档案馆专题调研工作报告", "今年以来，我馆开展了专题调研。")).title.text == "县档案馆专题调研工作报告"
    assert build(_doc("县档案馆", "专题调研情况", "今年以来，我馆开展了专题调研。")).title.text == "县档案馆"


def test_a_slogan_title_over_its_dashed_subtitle_is_the_title() -> None:
    # a speech's main title may end in ！ or ？; the ——在……上的讲话 line under it says it is a title
    # (the subtitle, which names the kind of document, is taken as the title, as a later line naming a kind is)
    assert build(_doc("奋斗的青春最美丽！", "——在2024级新生开学典礼上的讲话", "同学们：", "大家好！")).title.text \
        == "——在2024级新生开学典礼上的讲话"
    assert build(_doc("奋斗的青春最美丽！", "——致全校新同学", "同学们：", "大家好！")).title.text == "奋斗的青春最美丽！"
    # without the subtitle, an exclaiming first line opens the body
    assert build(_doc("同学们，奋斗的青春最美丽！", "大家好！今天我们在这里集会。")).title is None


def test_a_news_headline_led_by_its_place_and_a_colon_is_the_title() -> None:
    assert build(_doc("某某镇：“三项机制”激活基层治理新动能", "今年以来，某某镇坚持问题导向，扎实推进工作。")).title.text \
        == "某某镇：“三项机制”激活基层治理新动能"
    # a field's label over the text (发布时间：…, 来源：…) is no place: no title
    assert build(_doc("来源：某某县融媒体中心报道组", "今年以来，某某镇坚持问题导向，扎实推进工作。")).title is None



def test_a_speech_or_lecture_titled_by_its_kind_and_a_colon_is_the_title() -> None:
    for line in ("交流发言：以党建引领为乡村振兴注入强劲动力", "专题党课：赓续红色血脉 勇担时代使命"):
        assert build(_doc(line, "同志们：今天我和大家一起学习交流，谈几点体会。")).title.text == line
    # a kind's word with too little after it is a field, not a title
    assert build(_doc("党课：第三讲", "同志们：今天我和大家一起学习交流，谈几点体会。")).title is None


def test_a_markdown_page_opening_with_its_top_heading_has_that_title(tmp_path: Path) -> None:
    # a judicial interpretation with its court's 公告 line under the title: the writer marked the title with #
    text = "# 最高人民法院关于适用《中华人民共和国土地法》的解释\n\n法释〔2020〕3号\n\n中华人民共和国最高人民法院公告\n\n为正确适用法律，制定本解释。\n"
    doc = load_text(tmp_path / "a.md", text.encode())
    title = build(doc).title
    assert title is not None and title.text == "最高人民法院关于适用《中华人民共和国土地法》的解释"
    assert doc.blocks[title.block].text[title.start:title.end] == title.text


def test_first_items_glued_to_their_headings_are_children() -> None:
    line = "工作方案一、改造范围（一）老旧小区十二个。（二）改造内容1.年底前完成管网。2.逐年加装电梯。二、资金保障分级负担。"
    out = build(_doc(line))
    labels = [(line[it.marker.start:it.marker.end], it.depth) for it in out.items if it.marker.family != "heading"]
    assert labels == [("一、", 0), ("（一）", 1), ("（二）", 1), ("1.", 2), ("2.", 2), ("二、", 0)]


def test_a_glued_headings_title_ends_at_its_first_sub_item() -> None:
    # 二、保障措施（一）加强领导: the heading's title is 保障措施; a top-level label after a closing bracket
    # (……（责任单位：县财政局）三、保障措施) is a label too
    line = ("实施方案为推进工作，制定本方案。一、主要任务（一）建设站点。年底前建成10个。（责任单位：县交通局）"
            "二、保障措施（一）强化统筹。县直部门要压实责任。")
    out = build(_doc(line))
    tops = [(line[it.marker.start:it.marker.end], it.marker.title) for it in out.items if it.depth == 0
            and it.marker.family != "heading"]
    assert tops == [("一、", "主要任务"), ("二、", "保障措施")]


def test_parts_and_tables_are_scopes_of_their_own() -> None:
    doc = Document("t.docx", (Block(0, "第一部分 总体情况"), Block(1, "一、基本情况"), Block(2, "二、主要问题"),
                              Block(3, "1.", kind="cell", table=1), Block(4, "2.", kind="cell", table=1),
                              Block(5, "三、下步打算"), Block(6, "第二部分 工作安排"), Block(7, "一、目标")))
    out = build(doc)
    kids = {out.items[p].marker.title if p >= 0 else "": [doc.blocks[out.items[k].marker.block].text
                                                       for k in ks if out.items[k].marker.family != "heading"]
            for p, ks in out.children.items()}
    assert kids["第一部分 总体情况"] == ["一、基本情况", "二、主要问题", "三、下步打算"]
    assert kids["第二部分 工作安排"] == ["一、目标"]
    assert ["1.", "2."] in kids.values()


def _top(out, doc: Document) -> list[str]:
    return [doc.blocks[out.items[k].marker.block].text for k in out.children_of(-1)
            if out.items[k].marker.family != "heading"]


def test_a_heading_style_inside_a_numbered_section_keeps_the_section_open() -> None:
    # 一、 and 二、 are plain paragraphs; the topics under them carry a Word heading style
    doc = Document("t.docx", (Block(0, "一、研究内容"), Block(1, "课题甲 数据采集", kind="heading", level=4),
                              Block(2, "（1）采集方法"), Block(3, "（2）清洗规则"),
                              Block(4, "课题乙 模型训练", kind="heading", level=4), Block(5, "（1）训练方法"),
                              Block(6, "二、创新之处"), Block(7, "课题甲 新方法", kind="heading", level=4),
                              Block(8, "三、预期成果")))
    out = build(doc)
    assert _top(out, doc) == ["一、研究内容", "二、创新之处", "三、预期成果"]


def test_headings_of_the_same_level_still_close_the_lists_under_them() -> None:
    # Heading 1 sections whose items count on: the second heading is no child of an item
    doc = Document("t.docx", (Block(0, "工作回顾", kind="heading", level=1), Block(1, "1.加强学习。"),
                              Block(2, "2.完善制度。"), Block(3, "下步打算", kind="heading", level=1),
                              Block(4, "3.强化监督。")))
    out = build(doc)
    parents = {out.items[i].marker.title: out.items[i].parent for i in range(len(out.items))
               if out.items[i].marker.family == "heading"}
    assert parents == {"工作回顾": -1, "下步打算": -1}


def test_a_cell_that_carries_on_the_body_list_belongs_to_the_body() -> None:
    # an application form: the body sits in one big table, some section headings in cells of their own
    doc = Document("t.docx", (Block(0, "一、立项目的", table=1), Block(1, "二、研发模式", kind="cell", table=1),
                              Block(2, "1.", kind="cell", table=2), Block(3, "2.", kind="cell", table=2),
                              Block(4, "三、主要内容", table=1), Block(5, "四、进度安排", kind="cell", table=1)))
    out = build(doc)
    assert _top(out, doc) == ["一、立项目的", "二、研发模式", "三、主要内容", "四、进度安排"]


def test_lists_that_restart_again_and_again_stay_siblings() -> None:
    doc = _doc("一、安排", "1、准备。", "2、实施。", "1、整理。", "2、评估。", "1、测试。", "2、运行。")
    out = build(doc)
    assert max(it.depth for it in out.items) == 2


def _cut_by_definition(text: str, start: int) -> bool:
    """An inline arabic marker cuts a sentence: the whole text before it ends mid-sentence and its last
    piece after a sentence end, colon or space holds 15 characters or more (the rule as first written)."""
    import re

    from reportlint.outline import SENTENCE_END, _ends_mid_sentence

    before = text[:start].rstrip()
    since = re.split(rf"[{SENTENCE_END}：:\s]", before)[-1] if before else ""
    return _ends_mid_sentence(before) and len(since) >= 15


def test_inline_markers_cut_a_sentence_as_defined_whatever_the_length_of_the_paragraph() -> None:
    """``_mark_stray`` reads only the characters just before a marker (a long paragraph with many markers
    used to be split in full for each one): the same verdicts as the definition, long blank runs included."""
    import random

    from reportlint.outline import Marker, _mark_stray

    rng = random.Random(11)
    pieces = ["推进工作落实", "各项任务", "。", "，", "：", " ", "\u3000" * 3, " " * 70, "\n", "完成", "abc", "1"]
    blocks, markers = [], []
    for index in range(400):
        text = ""
        for _ in range(rng.randint(0, 12)):
            text += "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
            markers.append(Marker(index, len(text), len(text) + 2, "ar", 2, punct=".", inline=True))
            text += "2.工作"
        blocks.append(Block(index, text))
    out = _mark_stray(list(markers), tuple(blocks))
    cuts = [mk.stray == "cut" for mk in out]
    assert cuts == [_cut_by_definition(blocks[mk.block].text, mk.start) for mk in markers]
    assert 20 < sum(cuts) < len(cuts) - 20  # both verdicts were tested


# ---- the outline's scanning shortcuts find what the plain patterns find ----------------------------------

import re  # noqa: E402

import pytest  # noqa: E402
from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from reportlint import outline  # noqa: E402

_PIECES = ["一、", "（一）", "(2)", "1.", "2．", "3、", "12.", "十二、", "①", "第一，", "二是", "附件1", "工作", "推进",
           "。", "；", "：", " ", "\u3000", "\t", "”", "）", "2024年", "1.5万", "I、", "是", "第", "，", "\n", "（", "a",
           "（ 三 ）", "2。", "7，", "《"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_inline_scan_finds_what_its_pattern_finds(text: str) -> None:
    plain = re.compile(outline._INLINE_SOURCE, re.MULTILINE)
    assert [(m.span(), m.groups()) for m in outline._INLINE.finditer(text)] == \
        [(m.span(), m.groups()) for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_loose_scan_skips_only_the_matches_at_line_openers(text: str) -> None:
    # positions no match runs across: line starts, and the first character after a line's leading blanks
    lines = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    lead = [i + len(text[i:].split("\n", 1)[0]) - len(text[i:].split("\n", 1)[0].lstrip()) for i in lines]
    openers = sorted(set(lines) | set(lead))
    every = list(outline._LOOSE.pattern.finditer(text))
    kept = [m.span() for m in every if m.start() not in openers]
    assert [m.span() for m in outline._loose_matches(text, openers)] == kept


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.integers(min_value=0, max_value=40))
def test_heading_text_stops_where_a_search_of_the_rest_alone_stops(text: str, start: int) -> None:
    start = min(start, len(text))
    rest = text[start:start + 200]  # the title is read from the text after the label, as if it stood alone
    m = re.search(r"[。！？!?；;：:]|(?<=\S)\s", rest)
    stop = start + m.start() if m else len(text)
    # … and it ends where a first sub-item is glued on within its first 41 characters, two or more after the label
    child = re.compile(r"[（(][一1][）)]|(?<![\d.．])1[.．、](?=[\u4e00-\u9fff])").search(text, start, min(stop, start + 41))
    if child and child.start() - start >= 2:
        stop = child.start()
    title = text[start:stop].strip()
    assert outline._heading_text(text, start) == (title if len(title) <= 40 else "")


def test_heading_text_is_read_within_200_characters_as_a_search_of_the_rest_alone() -> None:
    """Titles near the 200-character reach of ``_heading_text``, and long blank runs after a label."""
    import random

    rng = random.Random(5)
    pieces = ["工作", "推进", " ", "\u3000" * 7, " " * 60, "。", "：", "a", "2", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 120)))
        start = rng.randint(0, len(text))
        rest = text[start:start + 200]
        m = re.search(r"[。！？!?；;：:]|(?<=\S)\s", rest)
        title = text[start:start + m.start() if m else len(text)].strip()
        assert outline._heading_text(text, start) == (title if len(title) <= 40 else "")


def _start_marker_by_definition(text: str) -> tuple[str, int, int, int, str] | None:
    """A block-start marker as first written: the pattern of a family its first visible character can
    open (a decimal digit the arabic pattern; ① … ⑨, digits to ``str.isdigit`` but no decimals, the circled one), then a 一， not before a Chinese
    character, a 3， and a 一、二季度 or 1、2月 (an enumeration of numbers) are turned down one by one."""
    lead = r"[ \t\u3000\u00a0]*"
    # 4.6月底前, 3.15日前: item 4 whose text begins with a month, item 3 with a day (only after a point)
    month = r"(?<=[.．])(?:(?:1[0-2]|[1-9])月|(?:3[01]|[12]\d|[1-9])日)"
    cn, circled = outline.CN_NUM, outline.CIRCLED
    patterns = (
        ("cn-paren", rf"{lead}([（(])[ \u3000]*([{cn}]{{1,3}})[ \u3000]*([）)])([、，,.．]?)"),
        ("ar-paren", rf"{lead}([（(])[ \u3000]*(\d{{1,2}})[ \u3000]*([）)])([、，,.．]?)"),
        # a space typed before 、 (四 、加强……) still ends the marker
        ("cn", rf"{lead}()([{cn}]{{1,3}})()(?:[ \u3000](?=、))?([、，,.．])"),
        # … and a space typed before the stop of an item's number, before a Chinese character (31 ．强化……)
        ("ar", rf"{lead}()(\d{{1,3}})()(?:[ \u3000](?=[.．、][\u3400-\u9fff]))?([.．、，,])"
               # (2、% is a viewer's page number over a page that opens in a figure's unit; 1.5% is a number)
               rf"(?!(?!(?:19|20)\d\d年|{month})(?:[\d.．]|(?<![、])[%％]))"),
        ("circled", rf"{lead}()([{circled}])()()"),
        ("latin-paren", rf"{lead}([（(])[ \u3000]*([a-z])[ \u3000]*([）)])()(?=[\u3400-\u9fff])"),
    )
    first = text.lstrip(" \t\u3000\u00a0")[:1]
    if first and first in "（(":  # the families a block's first visible character can open
        families = {"cn-paren", "ar-paren", "latin-paren"}
    elif first.isdecimal():
        families = {"ar"}
    elif first and first in cn:
        families = {"cn"}
    else:
        families = {"circled"} if first and first in circled else set()
    for family, pattern in patterns:
        if family not in families:
            continue
        m = re.match(pattern, text)
        if not m:
            continue
        num, punct, end = m.group(2), m.group(4), m.end()
        if family.startswith("cn"):
            value = outline.cn_value(num)
        elif family == "circled":
            value = circled.index(num) + 1
        else:
            value = ord(num) - ord("a") + 1 if family == "latin-paren" else int(num)
        if not value:
            continue
        if family == "cn" and punct in ",，" and not "\u3400" <= text[end:end + 1] <= "\u9fff":
            continue
        if family == "ar" and punct in ",，":
            continue
        if family in ("cn", "ar") and re.match(rf"[{cn}\d]+(?:[、，,]|季度|等|年级|类|级|档|批|期|月|号|个|项|名)", text[end:]) \
                and not re.compile(month).match(text, end):
            continue
        return family, m.start(1), end, value, punct
    return None


_STARTS = ["一", "十", "二十", "一一", "3", "12", "2024", "０", "（", "(", "）", ")", "、", "，", ",", ".", "．", "。",
           " ", "\u3000", "①", "a", "b", "工作", "季度", "月", "年", "%", "2020年", "等", "x"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_STARTS), max_size=8).map("".join))
def test_block_start_marker_is_the_marker_of_its_definition(text: str) -> None:
    found = outline._block_start_marker(Block(0, text))
    assert (None if found is None else (found.family, found.start, found.end, found.value, found.punct)) \
        == _start_marker_by_definition(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*_STARTS, "\n", "\u00a0", "工", " " * 150, "规范民生保障" * 7]),
                        max_size=5).map("".join), max_size=8),
       st.frozensets(st.integers(0, 7)))
def test_start_markers_of_a_document_are_those_of_each_block(texts: list[str], residue: frozenset[int]) -> None:
    blocks = tuple(Block(i, t) for i, t in enumerate(texts))
    expected = [outline._block_start_marker(b) for b in blocks if b.index not in residue and b.text[:1] not in ("", "\n")]
    assert outline._start_markers(blocks, residue) == [mk for mk in expected if mk]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["第", "附", "件", "附件", "一", "部分", "\n", " "]), max_size=6).map("".join),
                max_size=8))
def test_blocks_holding_a_word_are_found_in_the_joined_text(texts: list[str]) -> None:
    blocks = tuple(Block(i, t) for i, t in enumerate(texts))
    expected = [b for b in blocks if "第" in b.text or "附件" in b.text]
    assert outline._blocks_holding(Body(blocks), ("第", "附件")) == expected


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from([*_STARTS, "工作", "。", "；", " " * 150, "\u3000" * 30, "规范民生保障" * 4, "\t"]),
                max_size=10).map("".join))
def test_a_start_marker_reads_its_title_as_heading_text_does(text: str) -> None:
    found = outline._block_start_marker(Block(0, text))
    if found is not None:
        assert found.title == outline._heading_text(text, found.end)


@pytest.mark.parametrize("text", [
    "1．" + " " * 300 + "工作。规范",  # blanks past the 200-character window: the title runs to the end
    "（一）" + "规" * 40 + "。", "（一）" + "规" * 41 + "。",  # 40 characters at most
    "一、" + "\u3000" * 198 + "工作", "一、" + "\u3000" * 199 + "工作。规范",
])
def test_a_start_marker_title_at_the_edges_of_heading_text(text: str) -> None:
    found = outline._block_start_marker(Block(0, text))
    assert found is not None and found.title == outline._heading_text(text, found.end)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*_STARTS, "\n", "工作", "。", "：", "（三）", "2．"]), max_size=8).map("".join),
                max_size=6))
@example(["工作。（三）工作", "（三）工作"])  # an inline marker in a block before a block-start one
def test_find_markers_gives_markers_in_reading_order(texts: list[str]) -> None:
    # build() takes them as the events of the tree, unsorted, when no loose or scope marker is added
    doc = Document("x.txt", tuple(Block(i, t) for i, t in enumerate(texts)))
    markers = outline.find_markers(doc)
    assert markers == sorted(markers, key=lambda mk: (mk.block, mk.start))


_TITLE_EDGES = [
    "1．" + " " * 300 + "工作。规范", "1．" + " " * 150 + "工作。规范",
    "（一）" + "规" * 40 + "。", "（一）" + "规" * 41 + "。", "（一）" + "规" * 42 + "。",
    "一、" + "\u3000" * 198 + "工作", "一、" + "\u3000" * 199 + "工作。规范", "一、" + "\u3000" * 170 + "规" * 30,
    "十一、" + "规" * 39, "一一、工作", "0．工作", "①工作", "（b）工作",
]


def test_start_markers_of_a_document_at_the_edges_of_a_title() -> None:
    # _start_markers writes _start_marker out in its loop: the same markers, the title's edges included
    blocks = tuple(Block(i, t) for i, t in enumerate(_TITLE_EDGES))
    assert outline._start_markers(blocks, frozenset()) == [m for b in blocks if (m := outline._block_start_marker(b))]


def test_three_page_numbers_cutting_sentences_make_the_whole_series_page_numbers() -> None:
    # three block-start "2." that cut a sentence (the block before runs on past 100 characters) make the
    # series a run of page numbers: the one after a full stop goes too
    long = "各单位要加强统筹协调，推进重点工作落实，" * 6
    texts = []
    for n in range(1, 4):
        texts += [long + "确保各项", f"{n}. 任务按期完成。"]
    texts += ["上一段到此结束。", "4. 下一项工作"]
    doc = Document("x.txt", tuple(Block(i, t) for i, t in enumerate(texts)))
    strays = [mk.stray for mk in outline.find_markers(doc)]
    assert strays == ["cut", "cut", "cut", "page"]


_SEQ_PIECES = ["一", "二", "十", "是", "第", "，", "、", "：", "。", " ", "\u3000", "\t", "\n", "工作", "就", "”", "个"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SEQ_PIECES), max_size=24).map("".join))
@example("工作。第十一，第二十：")  # 第 and three numerals: the longest match after its ordinal
@example("。 \u3000二十一是，一二三四是")
def test_sequence_matches_found_around_their_ordinals_are_those_of_the_pattern(text: str) -> None:
    assert [(m.span(), m.groups()) for m in outline._seq_matches(text)] \
        == [(m.span(), m.groups()) for m in outline._SEQ.pattern.finditer(text)]
