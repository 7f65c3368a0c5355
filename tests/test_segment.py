"""reportlint's segmenter: exactly jieba.posseg.cut(text, HMM=False) with the government terms
added as jieba.add_word adds them, on a lexicon cached sealed and never trusted unchecked."""

from __future__ import annotations

import itertools
import logging
import os
from pathlib import Path

import jieba
import jieba.posseg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint import segment, store


def _reference(dictionary: Path | None, tmp: Path, extra: list[tuple[str, int, str]]):  # type: ignore[no-untyped-def]
    """jieba's own POS tagger on ``dictionary`` (jieba's dict.txt when None), with ``extra``
    added through ``Tokenizer.add_word``; jieba's cache goes to ``tmp``."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer(str(dictionary)) if dictionary else jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp)
    tokenizer.initialize()
    tagger = jieba.posseg.POSTokenizer(tokenizer)
    for word, freq, tag in extra:
        tokenizer.add_word(word, freq, tag)
    return lambda text: [(p.word, p.flag) for p in tagger.cut(text, HMM=False)]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """(ours, jieba's) on jieba's installed dictionary and rules/dict/gov.txt."""
    tmp = tmp_path_factory.mktemp("jieba")
    dictionary = segment._jieba_dict()
    assert dictionary is not None
    words, total = segment.read_jieba_dict(dictionary.read_bytes())
    ours = segment.make_tagger(segment.build(words, total, segment.user_words()))
    return ours, _reference(None, tmp, segment.user_words())


HANDWRITTEN = [
    "",
    "。",
    " ",
    "\r\n",
    "\u3000\u3000一、总体情况",
    "践行三严三实要求，两个月内完成三个乡镇改造，年底前完成",
    "各级干部坚定四个自信，时刻把四个意识和两个维护记在心上",
    "2024年6月底前完成全部整改任务",
    "到2025年底，建成5G基站120个，覆盖率达到98.5%。",
    "K0+100至K2+350段路面修复已于3月完工",
    "新建C++与Python培训班两期，参训人员300余人次",
    "一是加强组织领导；二是完善工作机制；三是强化督促检查。",
    "（一）存在的主要问题",
    "第三季度召开专题会议2次，研究解决问题15个",
    "全年累计投入资金1.2亿元，同比增长12.3%",
    "由县农业农村局牵头，各乡镇（街道）配合，9月30日前完成",
    "对照检查发现的问题，逐条建立台账、明确责任人和完成时限",
    "举一反三，建立健全长效机制，防止问题反弹回潮",
    "APP上线后日均访问量超过1万次，PDF版本同步发布",
    "WiFi、4G/5G网络实现行政村全覆盖",
    "Ａ级景区３家，全角数字１２３也要切分",
    "邮箱：office@example.gov.cn，电话：0571-88888888",
    "编号ABC-123_x&y#z.v2",
    "半角句点1.5.6和3..4以及.5",
    "tab\t分隔\t的\t文字",
    "换行\n后的文字\r\n再换行",
    "不间断\xa0空格与窄空格\u2009混排",
    "𠀀𠀁生僻字与𪚥字混排，还有😀表情",
    "㐀㐁扩展A区汉字和鿖鿗鿿等边界字符",
    "龥龦是边界附近的字",
    "“两学一做”学习教育常态化制度化",
    "《关于进一步加强基层党组织建设的意见》",
    "三个乡镇、五个村、十二个社区",
    "两批次、三轮次、四个方面",
    "二十余家企业、百余名干部、上千户群众",
    "近三年来，共化解矛盾纠纷四百八十件",
    "每月开展一次，每季度通报一次，每半年总结一次",
    "今后一个时期，当前和今后，年内，月底前，季度末",
    "截至十一月底，完成年度目标任务的百分之九十五",
    "人均可支配收入增长百分之七点五",
    "要要坚持，的的确确，了了解，应对对外开放",
    "abc",
    "ABCdef123",
    "a1b2c3 d4",
    "x",
    "9",
    "＋＃＆",
    "+#&._",
    "……——",
    "!!??",
    "中文English混合Text测试",
    "iPhone15ProMax和Mate60的销量",
    "GDP增长5.2%，CPI上涨0.2%",
    "3D打印、AI大模型、IoT设备",
    "第1、2、3项任务",
    "No.1文件与No.2文件",
    "1949年10月1日中华人民共和国成立",
    "二〇二四年十二月三十一日",
    "零点五个百分点",
    "一一对应，一五一十",
    "长江大桥南京市长江大桥",
    "研究生命起源",
    "结婚的和尚未结婚的",
    "他说的确实在理",
    "乒乓球拍卖完了",
    "工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作",
    "B超检查和X光片",
    "AA制聚餐",
    "AT&T和T-Mobile的合作，c#与C#",
]

_SUBJECTS = ["县委", "市政府办公室", "各乡镇街道", "区发展改革局", "党支部", "驻村工作队", "市场监管部门"]
_VERBS = ["要加快推进", "牵头落实", "认真组织开展", "持续抓好", "全面完成", "督促整改"]
_OBJECTS = ["三个乡镇污水管网改造", "5G基站建设", "老旧小区改造项目20个", "整改台账销号",
            "K12+300段边坡治理", "年度考核评价", "两学一做学习教育", "农村人居环境整治"]
_TIMES = ["，2024年6月底前完成", "，年底前见效", "。", "；", "，三个月内完成。", " ", "，Q3前上线"]


def _sentences() -> list[str]:
    made = ["".join(parts) for parts in itertools.product(_SUBJECTS[:4], _VERBS[:3], _OBJECTS, _TIMES[:3])]
    made += ["".join(parts) for parts in itertools.product(_SUBJECTS[4:], _VERBS[3:], _OBJECTS[:4], _TIMES[3:])]
    return HANDWRITTEN + made


def test_there_are_a_few_hundred_sentences() -> None:
    assert len(_sentences()) >= 300


def test_our_words_and_tags_are_jiebas(pair) -> None:  # type: ignore[no-untyped-def]
    ours, jiebas = pair
    for text in _sentences():
        assert ours(text) == jiebas(text), text


def test_the_words_cover_the_text(pair) -> None:  # type: ignore[no-untyped-def]
    ours, _ = pair
    for text in _sentences():
        assert "".join(w for w, _ in ours(text)) == text


def test_known_words_and_tags(pair) -> None:  # type: ignore[no-untyped-def]
    ours, _ = pair
    words = ours("践行三严三实要求，两个月内完成三个乡镇改造，年底前完成")
    assert ("三严三实", "nz") in words  # from gov.txt
    assert ("三个", "m") in words and ("年底前", "t") in words
    assert ("5G", "eng") in ours("建成5G基站")
    assert ours("") == []


_ALPHABET = ("的一是在了不和有大这中人上为们地个用工时要动国以我到他会作来三两个乡镇年月底前内"
             "完成任务改造建设基站严实维护意识亿元百千万零〇"
             "abcXYZ0123456789+#&._-%/"
             "，。、；：？！“”（）《》…—\u3000 \t\n\r\xa0"
             "Ａ１㐀鿖𠀀😀\x00\x1c\x85\u2028\ud800")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_any_text_gets_jiebas_words_and_tags(pair, text: str) -> None:  # type: ignore[no-untyped-def]
    ours, jiebas = pair
    assert ours(text) == jiebas(text)


# --- a small dictionary: how dict.txt is read ----------------------------------------------

SMALL = ("B超 3 n\n"
         "中国 100000 ns\n"  # too large for the packed field: kept beside it
         "中国人 30 n\n"
         "人民 80 n\n"
         "国人 5 n\n"
         "民 0 ng\n"  # a count of 0: in the tag table, never a word of the route
         "乡镇 40 n\n"
         "三个 20 m\n"
         "B超 7 nz\n"  # listed twice: the last count and tag win, both counts are in the total
         "5G 9 eng\n"
         "甲 4 n\n甲乙 10 n\n乙丙 10 n\n丙 4 n\n")  # 甲乙丙: two routes of equal score, jieba takes the longer first word


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """jieba's dictionary replaced by SMALL and gov.txt by two terms, the cache in tmp_path."""
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text(SMALL, encoding="utf-8")
    gov = tmp_path / "gov.txt"
    gov.write_text("# comment\n三个乡镇 50 nz\n中国人 1 x\n", encoding="utf-8")
    monkeypatch.setattr(segment, "_jieba_dict", lambda: dictionary)
    monkeypatch.setattr(segment, "_gov_path", lambda: gov)
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


SMALL_TEXTS = ["甲乙丙", "中国人民", "B超三个乡镇", "中国人民人", "民", "5G中国", "中国5G", "三个乡镇B超民5", "国人民"]


def test_a_small_dictionary_is_read_as_jieba_reads_it(small: Path) -> None:
    reference = _reference(small / "dict.txt", small, segment.user_words())
    ours = segment.make_tagger(segment.load())
    for text in SMALL_TEXTS:
        assert ours(text) == reference(text), text
    lex = segment.load()
    assert lex.total == 3 + 100000 + 30 + 80 + 5 + 0 + 40 + 20 + 7 + 9 + 4 + 10 + 10 + 4 + 50 + 1
    assert ours("甲乙丙") == [("甲乙", "n"), ("丙", "n")]
    assert ("民", "ng") in ours("民") and ("B超", "nz") in ours("B超")


def _entry(small: Path) -> Path:
    [path] = (small / "cache" / "reportlint").glob("seglex-*")
    return path


def test_the_lexicon_is_cached_once_and_read_back(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = segment.load()
    path = _entry(small)
    monkeypatch.setattr(segment, "build", lambda *a: pytest.fail("built again"))
    again = segment.load()
    ours, read = segment.make_tagger(first), segment.make_tagger(again)
    assert [ours(t) for t in SMALL_TEXTS] == [read(t) for t in SMALL_TEXTS]
    assert _entry(small) == path


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty"])
def test_a_damaged_entry_is_rebuilt_and_never_handed_to_marisa(small: Path, monkeypatch: pytest.MonkeyPatch,
                                                               damage: str) -> None:
    built = segment.make_tagger(segment.load())
    expected = [built(t) for t in SMALL_TEXTS]
    path = _entry(small)
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[len(data) * 2 // 3] ^= 0x10  # inside the trie's bytes
    elif damage == "truncate":
        data = data[: len(data) - 100]
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    decoded: list[bytes] = []
    real_decode = segment.decode
    monkeypatch.setattr(segment, "decode", lambda payload: decoded.append(payload) or real_decode(payload))
    rebuilt = segment.make_tagger(segment.load())
    assert decoded == []  # the broken seal stopped it before any parsing
    assert [rebuilt(t) for t in SMALL_TEXTS] == expected
    assert store.read_entry(path, segment._KIND) is not None  # rewritten whole


def test_a_sealed_entry_with_wrong_fields_is_rebuilt(small: Path) -> None:
    good = segment.load()
    path = _entry(small)
    payload = store.read_entry(path, segment._KIND)
    assert payload is not None and segment.decode(payload) is not None
    head = list(segment._HEAD.unpack_from(payload))
    size = segment._HEAD.size
    tags_len, packed_len, big_len = head[6], head[7], head[8]
    assert big_len > 0  # SMALL has a count too large for its field
    trie_at = size + sum(n + -n % 8 for n in (tags_len, packed_len, big_len, 2 * big_len))

    def with_head(i: int, value: object) -> bytes:
        return segment._HEAD.pack(*[value if j == i else f for j, f in enumerate(head)]) + payload[size:]

    bad = [payload[:-1], payload + b"\0" * 8, payload[:size - 1], b"",
           with_head(0, b"SEGLEXxx"), with_head(1, segment.FORMAT + 1), with_head(2, 0), with_head(2, 40),
           with_head(3, 0), with_head(4, 3), with_head(4, 4), with_head(5, 0), with_head(6, tags_len - 1),
           with_head(7, packed_len - 2), with_head(7, packed_len + 8), with_head(8, big_len + 4), with_head(8, 0),
           with_head(9, head[9] - 1),
           payload[:trie_at - 2 * big_len - 8] + (10**9).to_bytes(4, "little") + payload[trie_at - 2 * big_len - 4:],
           payload[:size] + b"\xff" + payload[size + 1:],  # tag names not UTF-8
           payload[:size] + payload[size:size + tags_len].replace(b"\n", b"\t", 1) + payload[size + tags_len:],
           payload[:trie_at] + bytes(len(payload) - trie_at)]  # not a trie
    for variant in bad:
        assert segment.decode(variant) is None
        store.write_entry(path, segment._KIND, variant)
        lex = segment.load()
        assert segment.make_tagger(lex)("三个乡镇B超") == segment.make_tagger(good)("三个乡镇B超")
        assert segment.decode(store.read_entry(path, segment._KIND) or b"") is not None  # rewritten
    assert segment.decode(bytearray(payload)) is None  # only an immutable payload is mapped


def test_a_mapped_trie_keeps_its_buffer(small: Path) -> None:
    import gc

    lex = segment.load()
    prefixes = lex.trie.iter_prefixes_with_ids
    expected = list(prefixes("中国人民"))
    del lex
    gc.collect()
    junk = [bytes(range(256)) * 64 for _ in range(2000)]  # reuse of freed memory would show here
    assert list(prefixes("中国人民")) == expected and junk


def test_a_new_gov_txt_gets_its_own_entry(small: Path) -> None:
    segment.load()
    first = _entry(small)
    (small / "gov.txt").write_text("三个乡镇 50 nz\n人民人 9 nz\n", encoding="utf-8")
    assert ("人民人", "nz") in segment.make_tagger(segment.load())("中国人民人")
    assert len(list((small / "cache" / "reportlint").glob("seglex-*"))) == 2
    assert first.exists()


def test_without_a_usable_cache_folder_it_still_works(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "cache_root", lambda: None)
    expected = _reference(small / "dict.txt", small, segment.user_words())
    assert segment.make_tagger(segment.load())("三个乡镇B超") == expected("三个乡镇B超")
    assert not (small / "cache").exists()


def test_a_folder_others_may_write_is_not_used(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = small / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(shared))
    (shared / "reportlint").mkdir(mode=0o777)
    os.chmod(shared / "reportlint", 0o777)
    assert segment.make_tagger(segment.load())("中国人民") == _reference(small / "dict.txt", small,
                                                                        segment.user_words())("中国人民")
    assert list((shared / "reportlint").iterdir()) == []


def test_the_tagger_is_loaded_once(small: Path) -> None:
    segment.tagger.cache_clear()
    try:
        assert not segment.loaded()
        first = segment.tagger()
        assert segment.loaded() and segment.tagger() is first
    finally:
        segment.tagger.cache_clear()


def test_remembered_blocks_give_the_same_words(pair, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    ours, jiebas = pair
    text = "三个乡镇年底前完成，三个乡镇年底前完成。5G基站"
    first = ours(text)
    first.append(("changed", "x"))  # a caller's list is its own
    assert ours(text) == jiebas(text)
    monkeypatch.setattr(segment, "_MEMO_CHARS", 5)  # the older half is dropped when full
    small_memo = segment.make_tagger(segment.build(*segment.read_jieba_dict(SMALL.encode()), []))
    for t in SMALL_TEXTS * 2:
        assert small_memo(t) == segment.make_tagger(segment.build(*segment.read_jieba_dict(SMALL.encode()), []))(t)


def test_every_count_is_read_back_whole(tmp_path: Path) -> None:
    counts = [0, 1, 2**15 - 2, 2**15 - 1, 2**15, 10**12]  # one tag: 1 bit for it, 15 for the count
    words = {f"词{i}": (count, "n") for i, count in enumerate(counts)}
    for lex in (built := segment.build(words, sum(counts), [])), segment.decode(segment.encode(built)):
        assert lex is not None and lex.shift == 1
        assert {word: lex.count(key) for word, key in lex.trie.iteritems()} == {w: c for w, (c, _) in words.items()}
        assert {lex.tag(key) for _, key in lex.trie.iteritems()} == {"n"}
