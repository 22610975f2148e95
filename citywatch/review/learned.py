"""What review's learned rules buy: applying them to stored articles, and measuring the flag rate.

The rules themselves (one per decided group) and their application to fresh
mentions live in :mod:`citywatch.store.rules`, which the crawler and re-tagging
read too. :func:`sweep` applies them over the stored articles without touching
the tagger (``citywatch review learn``); :func:`measure_flag_rate` measures how
much deciding the top groups lowers the share of flagged mentions.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citywatch.review import writes
from citywatch.review.queue import is_pending, rank
from citywatch.review.vocabulary import ReviewError, adcode_of
from citywatch.store import Store, iter_articles
from citywatch.store.rules import Rules, apply_rules, load_rules, outcome_for
from nlp.labels import LABELS


def sweep(store: Store, rules: Rules | None = None, batch_size: int = 200) -> int:
    """Apply the rules to every stored mention they match (after a crawl/tag run); returns mentions stamped."""
    rules = load_rules(store) if rules is None else rules
    if not rules:
        return 0
    total = 0

    def changed() -> Iterator[tuple[str, list[dict]]]:
        nonlocal total
        for article in iter_articles(store, {}, {"mentions": 1}, batch_size):
            mentions, applied = apply_rules(article.get("mentions") or [], rules)
            if applied:
                total += applied
                yield article["_id"], mentions

    writes.save_mentions(store, changed())
    return total


# --- measuring what the rules buy ------------------------------------------------------------

Answer = tuple[str, str | None]  # (label, city adcode or None)
AnswerKey = Callable[[Mapping[str, Any], Mapping[str, Any]], Answer | None]  # (article, mention) -> answer
ANSWER_FIELDS = {"title": 1, "text": 1, "url": 1, "mentions": 1}  # what an answer key may look at


@dataclass
class FlagRate:
    mentions: int = 0
    flagged: int = 0

    @property
    def rate(self) -> float:
        return self.flagged / self.mentions if self.mentions else 0.0


@dataclass
class FlagRateReport:
    """Flag rates before and after deciding the top groups, on the corpus and on unseen articles."""

    groups_decided: int
    corpus_before: FlagRate
    corpus_after: FlagRate
    heldout_before: FlagRate  # articles the simulated reviewer never saw
    heldout_after: FlagRate
    rule_hits: int = 0  # held-out mentions a rule decided
    rule_correct: int | None = None  # of those, how many match the answer key (None without one)
    decided: list[tuple[str, str, str | None]] = field(default_factory=list)  # (group key, label, city)

    def lines(self) -> list[str]:
        def pct(r: FlagRate) -> str:
            return f"{r.flagged}/{r.mentions} = {r.rate:.1%}"

        out = [f"groups decided: {self.groups_decided}",
               f"flag rate, whole corpus:    before {pct(self.corpus_before)}  after {pct(self.corpus_after)}",
               f"flag rate, held-out half:   before {pct(self.heldout_before)}  after {pct(self.heldout_after)}"]
        if self.rule_correct is not None and self.rule_hits:
            out.append(f"rule decisions on held-out mentions matching the answer key: "
                       f"{self.rule_correct}/{self.rule_hits} = {self.rule_correct / self.rule_hits:.1%}")
        return out


def _half(article_id: str) -> int:
    return hashlib.sha1(article_id.encode()).digest()[0] & 1


def _simulated_rules(store: Store, top: int, answers: AnswerKey | None, half: int | None) -> dict[str, dict]:
    """Decide the top groups the way a reviewer would: the answer key's majority, else the machine's label."""
    keep = (lambda a: True) if half is None else (lambda a: _half(a["_id"]) == half)
    articles = (a for a in iter_articles(store, {}, {"source_id": 1, "mentions": 1}, 500) if keep(a))
    machine = {g.key: {"label": g.label, "city": None, "keep_city": True} for g in rank(articles).groups[:top]}
    if answers is None:
        return machine
    votes: dict[str, Counter] = {k: Counter() for k in machine}
    for article in iter_articles(store, {"mentions.flagged": True}, ANSWER_FIELDS, 200):
        if not keep(article):
            continue
        for m in article.get("mentions") or ():
            if m.get("group_key") in votes and is_pending(m):
                answer = answers(article, m)
                if answer is not None:
                    votes[m["group_key"]][answer] += 1
    rules = {}
    for key, counter in votes.items():
        if counter:
            (label, city), _ = counter.most_common(1)[0]
            rules[key] = {"label": label, "city": {"adcode": city} if city else None, "keep_city": False}
        else:
            rules[key] = machine[key]
    return rules


def _rates(store: Store, rules: Rules, half: int | None, answers: AnswerKey | None
           ) -> tuple[FlagRate, FlagRate, int, int]:
    before, after = FlagRate(), FlagRate()
    hits = correct = 0
    fields = ANSWER_FIELDS if answers else {"mentions": 1}
    for article in iter_articles(store, {}, fields, 200):
        if half is not None and _half(article["_id"]) != half:
            continue
        for m in article.get("mentions") or ():
            before.mentions += 1
            after.mentions += 1
            if not is_pending(m):
                continue
            before.flagged += 1
            rule = rules.get(m.get("group_key") or "")
            if rule is None:
                after.flagged += 1
                continue
            hits += 1
            if answers is not None:
                decided = outcome_for(rule, m)
                truth = answers(article, m)
                correct += truth is not None and truth == (decided["label"], adcode_of(decided["city"]))
    return before, after, hits, correct


def measure_flag_rate(store: Store, top: int = 20, answers: AnswerKey | None = None) -> FlagRateReport:
    """Flag rate before/after a simulated reviewer decides the ``top`` groups of the queue. Writes nothing.

    *Corpus*: the top groups of the whole queue are decided; a flagged mention is
    still flagged afterwards unless its group got a rule (what the next reviewer
    sees). *Held-out*: rules are learned from the top groups of one half of the
    articles (split by a hash of the URL) and applied to the other half, which no
    one reviewed: what the rules do for articles crawled tomorrow.

    ``answers(article, mention) -> (label, adcode | None) | None`` is the answer key a
    careful reviewer follows; without it the reviewer accepts the machine's label.
    """
    corpus_rules = _simulated_rules(store, top, answers, None)
    c_before, c_after, _, _ = _rates(store, corpus_rules, None, None)
    learn_rules = _simulated_rules(store, top, answers, 0)
    h_before, h_after, hits, correct = _rates(store, learn_rules, 1, answers)
    return FlagRateReport(
        groups_decided=len(corpus_rules), corpus_before=c_before, corpus_after=c_after,
        heldout_before=h_before, heldout_after=h_after, rule_hits=hits,
        rule_correct=correct if answers is not None else None,
        decided=[(k, r["label"], adcode_of(r["city"])) for k, r in corpus_rules.items()])


def answer_key_from_rows(rows: Iterable[Mapping[str, Any]]) -> AnswerKey:
    """An answer key from rows ``{"url", "surface", "label", "city", ["start"]}`` (city: adcode or null).

    A row with ``start`` answers that one mention; without, every mention of that
    surface in that article (the usual case for a hand-written demo key).
    """
    exact: dict[tuple[str, int], Answer] = {}
    by_surface: dict[tuple[str, str], Answer] = {}
    for row in rows:
        decided = (row["label"], row.get("city") or None)
        if row.get("start") is not None:
            exact[(row["url"], int(row["start"]))] = decided
        else:
            by_surface[(row["url"], row["surface"].casefold())] = decided

    def answer(article: Mapping[str, Any], mention: Mapping[str, Any]) -> Answer | None:
        url = article.get("url") or article["_id"]
        found = exact.get((url, mention["start"]))
        return found if found is not None else by_surface.get((url, str(mention.get("surface", "")).casefold()))

    return answer


def _answer_row(raw: bytes) -> dict[str, Any]:
    """One answer-key row, checked field by field; a ValueError names what is wrong."""
    try:
        row = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start + 1})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise ValueError("invalid JSON (nested too deeply)") from None
    if not isinstance(row, dict):
        raise ValueError("expected a JSON object")
    if not isinstance(row.get("url"), str):
        raise ValueError('field "url": missing or not a string')
    if row.get("label") not in LABELS:
        raise ValueError(f'field "label": must be one of {", ".join(LABELS)}')
    if row.get("city") is not None and not isinstance(row["city"], str):
        raise ValueError('field "city": must be an adcode string or null')
    start = row.get("start")
    if start is not None and (not isinstance(start, int) or isinstance(start, bool) or start < 0):
        raise ValueError('field "start": must be a character offset (an integer >= 0)')
    if start is None and not isinstance(row.get("surface"), str):
        raise ValueError('field "surface": missing or not a string (needed without "start")')
    return row


def read_answer_key(path: Path) -> AnswerKey:
    """The answer key in a JSON Lines file; a bad line raises ReviewError naming the file, line and field."""
    rows = []
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, 1):
                if not raw.strip():
                    continue
                try:
                    rows.append(_answer_row(raw))
                except ValueError as exc:
                    raise ReviewError(f"{path}, line {number}: {exc}") from None
    except OSError as exc:
        raise ReviewError(f"cannot read {path}: {exc.strerror}") from None
    return answer_key_from_rows(rows)
