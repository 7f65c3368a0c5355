"""Detect the document type (the profile) from the title, or from the opening and headings."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Document
from .outline import Outline
from .rulebook import Profile
from .textutil import normalize_heading


def _titles(doc: Document, outline: Outline, residue: frozenset[int]) -> list[str]:
    """The document's titles: its own, else one run into the text, else a site's over it."""
    return [t for t in (outline.title.text if outline.title else "", doc.title) if t] \
        or glued_titles(doc, residue) or site_titles(doc, residue)


def titled(doc: Document, outline: Outline, profile: Profile, residue: frozenset[int]) -> bool:
    """Whether a title of the document (``_titles``) names ``profile``'s kind: ``detect`` read it there, not guessed
    it from the opening and the headings."""
    return any(kw in _QUOTED.sub("", t) for t in _titles(doc, outline, residue) for kw in profile.match)


_AND_NEXT_PLAN = re.compile(r"(?<=总结)(?:及|和|暨|与|以及)[^，。,]{0,16}(?:要点|计划|打算|思路|安排)$")


def detect(doc: Document, outline: Outline, profiles: Iterable[Profile], residue: frozenset[int]) -> Profile | None:
    """The profile whose title keyword matches best (the longest keyword wins); without a
    usable title, the profile whose opening words and section headings fit best."""
    profiles = list(profiles)
    titles = _titles(doc, outline, residue)
    best: tuple[tuple[bool, int], Profile] | None = None
    endings: list[str] = []  # each title's end, its site's tail (……工作计划范文) set aside
    for title in titles:
        # a document the title quotes (《〈政府工作报告〉重点工作任务分工方案》政策解读, 关于印发《××方案》的通知) is
        # not this document: its kind is read outside the 书名号
        title = _QUOTED.sub("", title)
        ending = SITE_TAIL.sub("", title.rstrip()) or title.rstrip()  # (……工作计划范文: the site's word for a sample)
        # a year's summary joined to the next year's plan (……2022年工作总结及2023年工作要点) is a summary whose last
        # part is the plan: its kind is the summary's
        ending = _AND_NEXT_PLAN.sub("", ending)
        endings.append(ending)
        for prof in profiles:
            for kw in prof.match:
                if kw not in title:
                    continue  # most keywords: no score to make
                # the genre word closing the title decides (……实施方案执行进展的报告 is a 报告),
                # then the longest keyword
                score = (ending.endswith(kw), len(kw))
                if best is None or score > best[0]:
                    best = (score, prof)
        if best:
            if not best[0][0] and ending.endswith(_OTHER_KINDS):
                return None  # 党组织民主生活会制度 is a set of rules about a meeting, not the meeting's material
            return best[1]
        if ending.endswith(_OTHER_KINDS):
            return None  # a 函 answering a deputy's proposal: its kind is named, and no profile describes it
    # a title naming a plan (……工作计划, its site's 范文 set aside) names no report of work done: the kinds whose parts
    # review achievements (a summary, a 述职报告) are not read from its opening and headings, though its background may
    # name 取得的成绩 and 存在的不足
    if any(ending.endswith(_PLAN_KINDS) for ending in endings):
        profiles = [p for p in profiles if not any(sec.role == "achievements" for sec in p.sections)]
    opening = "".join(b.text for b in doc.blocks[:12] if b.index not in residue)[:600]
    if _ENACTS_RULES.search(opening):
        return None  # 现制定以下会议规则, 特制定本考核办法: a set of rules, whatever else its opening names
    # each heading normalised once (fuzzy_contains: equal, or holding a wording of 3 or more
    # characters); a long document has thousands of short lines, and every profile asks
    normalised = {normalize_heading(h.text) for h in outline.headings}
    joined = "\n".join(normalised)  # a normalised wording holds no line break: found inside one heading

    def carriers(wording: str) -> set[str]:
        """The headings that name a section by ``wording``: equal to it or holding it (3 characters or more)."""
        w = normalize_heading(wording)
        if not w or (w not in normalised and (len(w) < 3 or w not in joined)):
            return set()  # most wordings: one search of the joined headings
        # not inside the heading of one area of a list (（二）履职尽责方面: a kind of problem, not the duties done)
        return {h for h in normalised if h == w or (len(w) >= 3 and w in h and not h.endswith("方面"))}

    scored: list[tuple[int, int, Profile]] = []
    for order, prof in enumerate(profiles):
        hits = sum(1 for kw in prof.body_match
                   if kw in opening and (not kw.endswith(_KIND_WORDS) or _names_itself(opening, kw)))
        required = [s for s in prof.sections if s.required]
        # sections named by different headings: one heading naming two (存在的主要问题和改进措施) is one piece of
        # evidence, which many kinds of report share
        found = _distinct([set().union(*map(carriers, s.wordings)) for s in required])
        if required and found >= 2 and found * 2 >= len(required):
            scored.append((hits + found * 2, -order, prof))
        elif hits >= 1 and (found >= 1 or not required):
            scored.append((hits + found, -order, prof))
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return scored[0][2]


def _distinct(heads: list[set[str]]) -> int:
    """How many of the sections, each with the headings that name it, are named by headings of their own (a
    matching: each heading counts for one section)."""
    owner: dict[str, int] = {}

    def place(k: int, seen: set[str]) -> bool:
        for h in heads[k] - seen:
            seen.add(h)
            if h not in owner or place(owner[h], seen):
                owner[h] = k
                return True
        return False

    return sum(place(k, set()) for k in range(len(heads)))


_QUOTED = re.compile(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》")

# a document the opening cites as its basis (根据教育局党建工作要点, 按照《…方案》) is another one: its kind word says
# nothing of this document's kind (an event it cites, 根据……召开民主生活会的部署, is this document's occasion)
_KIND_WORDS = ("要点", "总结", "方案", "计划", "意见", "报告", "通知", "简报", "请示")
_CITING = re.compile(r"(?:根据|按照|依据|依照|对照|落实|贯彻|遵照|结合)[^，。；,;：:]{0,16}\Z"
                     # … or a document named by its subject in a sentence (……关于召开民主生活会的通知要求)
                     r"|关于[^，。；,;：:]{1,30}的\Z")
# the words after a document's kind that make it another document's (……的通知精神, 指导意见要求, 通知规定)
_CITED_AFTER = ("精神", "要求", "规定", "部署")


def _names_itself(opening: str, keyword: str) -> bool:
    """Whether ``keyword`` occurs in ``opening`` outside 书名号 and outside a clause citing another document (按照……,
    关于……的, or the kind followed by 精神 or 要求)."""
    at = opening.find(keyword)
    while at >= 0:
        if _own_at(opening, keyword, at):
            return True
        at = opening.find(keyword, at + 1)
    return False


def _own_at(text: str, words: str, at: int) -> bool:
    """Whether ``words`` at ``at`` in ``text`` are the text's own, not inside 书名号 nor in a clause citing another
    document (``_CITING`` before, ``_CITED_AFTER`` after)."""
    before = text[:at]
    return before.count("《") <= before.count("》") and not _CITING.search(before[-36:]) \
        and not text.startswith(_CITED_AFTER, at + len(words))


# kinds of document no profile describes (rules, records, replies: GB/T 9704-2012 and the 党政机关公文处理工作条例's
# kinds beyond reports): a title ending in one of them is of that kind, whatever a keyword inside it names
_OTHER_KINDS = ("制度", "办法", "规定", "细则", "规则", "条例", "章程", "守则", "准则", "主持词", "议程", "批复",
                "公告", "决定", "纪要", "决议", "公报", "函")


# an opening that says it lays down rules (现制定以下会议规则, 特制定本办法, 现修订如下制度): a document of one of the
# ``_OTHER_KINDS`` its title would name, when the title is lost
_ENACTS_RULES = re.compile(r"[现特](?:制定|修订|印发|出台)(?:了)?(?:以下|如下|本)?[^，。；,;：:“”《》]{0,12}?"
                           r"(?:制度|办法|规定|细则|规则|条例|章程|守则|准则)(?:[（(]试行[）)])?[。：:；;，,]")

_PLAN_KINDS = ("计划", "规划")  # kinds of a plan that no profile describes by name

# 关于印发《……工作要点》的通知: the document sent is the one whose type matters
_SENT = re.compile(r"(?:印发|转发|会签|下发|报送)《([^》]{2,60})》")
# 《……方案》政策解读 at the very start: the document's own title, naming its kind after the document it quotes
_LEADING_QUOTED = re.compile(r"[^\S\n]*《[^《》\n]{2,60}》[\u4e00-\u9fff]{1,6}")
# the kind may carry its qualifier (的调研报告, 的自查报告, 的实施方案, 的工作总结, 的实施意见, 的对照检查材料)
_ABOUT = re.compile(r"关于[^。；;！？]{2,60}?的(?:调研|自查|情况|专题|工作|实施|整改|指导|述职|对照检查|检查|考察)?"
                    r"(?:通知|通报|意见|报告|汇报|方案|要点|请示|函|纪要|总结|办法|规定|决定|材料)")


def site_titles(doc: Document, residue: frozenset[int]) -> list[str]:
    """The titles a sharing site printed over a text that has none of its own (投资促进工作总结6篇 / ……工作总结篇1):
    lines of the page's head, residue all, whose tail (``SITE_TAIL``) holds the site's count, piece number or sample
    word, without it. The kind they name is the kind of the text below (the site files it under that name); a contents
    page's entries carry no such tail."""
    out = []
    for b in doc.blocks[:24]:
        text = b.text.strip()
        if not text:
            continue
        if b.index not in residue:
            break  # the body began
        bare = SITE_TAIL.sub("", text)
        if ("篇" in text[len(bare):] or "范文" in text[len(bare):]) and 4 <= len(bare) <= 40 \
                and not _SENTENCE_MARKS.search(bare):
            out.append(bare)
    return out


# what a sharing site puts after the kind in its heading over the text: its count ((精选6篇), 6篇), the piece's number
# (篇1, 第2篇, 篇一) and its words for a sample (优秀范文, 范文大全)
SITE_TAIL = re.compile(r"(?:\s*(?:[（(][^（()）]{0,10}[)）]|\d{1,3}\s*篇|篇\s*\d{1,2}|第\s*\d{1,2}\s*篇"
                       r"|篇[一二三四五六七八九十]{1,3}|优秀范文|精选范文|范文精[选選]|范文大全|范文|精选|大全))+\s*$")
_SENTENCE_MARKS = re.compile(r"[。，,；;！？!?：:>＞]")


def glued_titles(doc: Document, residue: frozenset[int]) -> list[str]:
    """Title candidates of a document whose title is glued to its body on one long line
    (text copied from a PDF or a web page): a title opening the line with the document it quotes (《…》政策解读),
    the document it sends (印发《…》), then the first 关于…的通知 phrase near the start."""
    first = next((b for b in doc.blocks if b.text.strip() and b.index not in residue), None)
    if first is None:
        return []
    head = first.text[:200]
    lead = _LEADING_QUOTED.match(head)
    out = ([lead.group().strip()] if lead else []) + [m.group(1) for m in _SENT.finditer(head)]
    # not a document the first sentence cites (按照……关于召开……的通知要求, 贯彻《关于……的意见》精神)
    about = next((m for m in _ABOUT.finditer(head) if _own_at(head, m.group(), m.start())), None)
    if about:
        out.append(about.group())
    opening = _OPENING_TITLE.match(head)
    if opening and not about:
        out.append(opening.group(1))
    return out


# a title without 关于 glued to the first sentence (××县2025年××工作方案为进一步……, ××局2024年工作总结2024年，……): the
# line's opening up to a kind word, with no mark of a sentence in it, right before the words that open a 公文's first
# sentence (为, 根据, 按照, 现将, 近年来, 今年以来, a year)
_OPENING_TITLE = re.compile(
    r"[^\S\n]*([^，。；;：:！？、\n]{2,50}?(?:方案|总结|要点|报告|材料|意见|计划|通知|通报|请示|提纲|讲话))"
    r"(?=为(?!期)|根据|按照|依据|现将|近年来|今年以来|\d{4}年|二〇)")
