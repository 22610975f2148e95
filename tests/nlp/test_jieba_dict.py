"""jieba read per phrase (``nlp.jieba_dict``) reads every phrase exactly as jieba with its whole dictionary does, on
the project's own Chinese and Japanese sentences cut into phrases of the lengths the segmenter gives it, and hands
over to the whole dictionary after ``WHOLE_AFTER`` phrases."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp import jieba_dict
from nlp.folding import simplified_table

DATA = Path(__file__).parent / "data"


def _phrases() -> list[str]:
    """Every 5, 12 and 25 characters of the own sentence files' Chinese and Japanese sentences (tests/nlp/data, tab
    separated: lang, label, surface, text), as simplified text, each phrase also at every offset of its first
    five characters."""
    table = simplified_table()
    texts = [columns[3].translate(table) for path in sorted(DATA.glob("*.tsv"))
             for columns in (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
             if len(columns) > 3 and columns[0] in ("zh", "ja")]
    phrases = {text[at + shift:at + shift + size] for text in texts for size in (5, 12, 25)
               for at in range(0, len(text), size) for shift in range(5)}
    return sorted(phrase for phrase in phrases if phrase.strip())


@pytest.fixture(autouse=True)
def _per_phrase(monkeypatch: pytest.MonkeyPatch) -> None:
    if jieba_dict.dictionary_file() is None:
        pytest.skip("the jieba package (the dictionary file) is not installed")
    monkeypatch.setattr(jieba_dict, "_read", 0)


def test_a_phrase_is_read_as_with_the_whole_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    import rjieba

    phrases = _phrases()
    assert len(phrases) > 1000
    monkeypatch.setattr(jieba_dict, "WHOLE_AFTER", len(phrases) + 1)
    differ = [phrase for phrase in phrases if jieba_dict.tag(phrase) != list(rjieba.tag(phrase, False))]
    assert differ == []
    words = {word for phrase in phrases[:300] for word, _ in rjieba.tag(phrase, False)} | {"长治久", "马里兰州x"}
    assert [w for w in words if jieba_dict.has_word(w) != bool(rjieba.has_word(w))] == []


def test_the_whole_dictionary_is_used_after_enough_phrases(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-phrase reader counts its phrases and stops at ``WHOLE_AFTER``; from then on the whole dictionary (the
    rjieba package) answers."""
    monkeypatch.setattr(jieba_dict, "WHOLE_AFTER", 2)
    built: list[str] = []
    monkeypatch.setattr(jieba_dict, "_empty", lambda: built.append("phrase") or jieba_dict._extension().Jieba.empty())
    import rjieba

    read = [jieba_dict.tag(phrase) for phrase in ("北京大学的学生", "长治久安", "马里兰州的首府", "义乌小商品城")]
    assert built == ["phrase", "phrase"]
    assert read == [list(rjieba.tag(phrase, False)) for phrase in ("北京大学的学生", "长治久安", "马里兰州的首府", "义乌小商品城")]


def test_the_dictionary_file_is_read_as_jieba_rs_sums_it(tmp_path: Path) -> None:
    """A word's last line wins and every line's frequency counts in the sum (as jieba-rs adds each line it reads);
    a line without a frequency is skipped."""
    source = tmp_path / "dict.txt"
    source.write_text("北京 100 ns\n上海 50\n北京 120 ns\n坏行\n", encoding="utf-8")
    entries, total = jieba_dict.read_entries(source)
    assert sorted(entries) == [("上海", 50, ""), ("北京", 120, "ns")]
    assert total == 270


def test_a_damaged_cache_file_leaves_the_whole_dictionary_to_read(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache file that is not an SQLite database (truncated, or written by something else) is not read: the
    whole dictionary reads the phrase, with the same words."""
    import rjieba

    source = jieba_dict.dictionary_file()
    assert source is not None
    stat = source.stat()
    (tmp_path / f"jieba-{stat.st_size}-{stat.st_mtime_ns}.sqlite").write_bytes(b"not a database")
    monkeypatch.setattr(jieba_dict, "CACHE_DIR", tmp_path)
    jieba_dict._table.cache_clear()
    try:
        assert jieba_dict._table() is None
        assert jieba_dict.tag("长治久安") == list(rjieba.tag("长治久安", False))
    finally:
        jieba_dict._table.cache_clear()
