"""The linker's work grows linearly with the number of mentions (counted, not timed).

Each mention looks up the province names around it; a text twice as long with twice the
mentions must cost about twice the look-ups, not four times.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nlp.cues import cues_for
from nlp.lexicon import read_lexicon
from nlp.linker import article_context, link

SENTENCE = ("Suzhou, Anhui, and Suzhou in Jiangsu province signed a deal with Taizhou and Fuzhou. "
            "Officials from Yulin, Shaanxi, met their peers from Guangxi. ")


class CountingList(list):
    """A list that counts every element read, by iteration or by index."""

    reads = 0

    def __iter__(self) -> Iterator[Any]:
        for item in super().__iter__():
            self.reads += 1
            yield item

    def __getitem__(self, index: Any) -> Any:
        self.reads += 1
        return super().__getitem__(index)


def _reads(repeats: int) -> int:
    lexicon = read_lexicon()
    text = SENTENCE * repeats
    hits = lexicon.find(text)
    ctx = article_context(text, hits, lexicon, cues_for("en")["china_words"])
    counting = CountingList(ctx.province_hits)
    ctx.province_hits = counting
    mentions = [h for h in hits if h.kind == "city" and lexicon.form(h.form) is not None]
    assert len(mentions) >= 5 * repeats
    for hit in mentions:
        link(text, hit, lexicon.form(hit.form), lexicon, ctx)
    return counting.reads


def test_province_look_ups_grow_linearly_with_mentions() -> None:
    small, double = _reads(200), _reads(400)
    assert small > 0
    assert double <= 2.2 * small, (small, double)


def test_a_long_text_is_tagged_in_windows_with_offsets_into_the_whole(monkeypatch) -> None:
    import nlp.pipeline as pipeline

    text = "".join(f"Line {i}: traders from Suzhou, Anhui, met officials in Wuhan.\n" for i in range(40))
    whole = pipeline.tag_texts([text], ["en"])[0]
    monkeypatch.setattr(pipeline, "WINDOW", 300)
    pieces = pipeline.windows(text, 300)
    assert len(pieces) > 5 and max(len(p) for _, p in pieces) <= 300
    windowed = pipeline.tag_texts([text], ["en"])[0]
    assert [(m["start"], m["end"], m["label"], m["city"]) for m in windowed] == \
        [(m["start"], m["end"], m["label"], m["city"]) for m in whole]
    assert all(text[m["start"]:m["end"]] == m["surface"] for m in windowed)
