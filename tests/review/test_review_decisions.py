"""Decisions, reverts, disputes and learned rules, on every store back end."""

from __future__ import annotations

import json

import pytest

from citywatch.review import decisions, learned
from citywatch.review.decisions import KEEP, decide, revert, undo_last
from citywatch.review.export import export_reviews
from citywatch.review.queue import build_queue
from citywatch.review.vocabulary import ReviewError
from citywatch.store import iter_articles, rules, save_articles
from citywatch.store.mentions import effective_city, effective_label
from citywatch.store.summary import is_current
from tests.review.corpus import beijing_said, corpus

BEIJING = "beijing|METONYMIC|said"
SUZHOU = "suzhou|LITERAL|in"


@pytest.fixture
def filled(store):
    assert not save_articles(store, corpus()).rejected
    return store


def effective(store, key):
    """(label, adcode) of every mention with this group key, by article."""
    out = {}
    for a in iter_articles(store, {"mentions.group_key": key}, {"mentions": 1}):
        for m in a["mentions"]:
            if m["group_key"] == key:
                out[(a["_id"], m["start"])] = (effective_label(m), (effective_city(m) or {}).get("adcode"))
    return out


def test_group_decision_applies_to_every_mention_and_leaves_the_queue(filled):
    outcome = decide(filled, BEIJING, "LITERAL", KEEP, by="ana")
    assert (outcome.status, outcome.touched) == ("active", 5)
    assert set(effective(filled, BEIJING).values()) == {("LITERAL", "110000")}
    assert [g.key for g in build_queue(filled).groups] == [SUZHOU]
    assert build_queue(filled).city_counts["110000"] == 5
    review = filled.reviews.find_one({"_id": outcome.review_id})
    assert review["by"] == "ana" and review["status"] == "active" and review["count"] == 5
    assert review["targets"][0]["before"]["label"] == "METONYMIC"
    assert review["targets"][0]["after"] == {"label": "LITERAL", "city": review["targets"][0]["before"]["city"]}
    doc = filled.articles.find_one({"_id": "https://news.example/0"})
    stamp = doc["mentions"][0]["review"]
    assert stamp["review_id"] == outcome.review_id and stamp["by"] == "ana" and stamp["scope"] == "group"
    assert is_current(doc) and ("110000", "LITERAL") in {(r["adcode"], r["label"]) for r in doc["city_refs"]["refs"]}


def test_change_city_and_not_a_city(filled):
    decide(filled, SUZHOU, "LITERAL", "341300", by="ana")
    assert set(effective(filled, SUZHOU).values()) == {("LITERAL", "341300")}
    decide(filled, SUZHOU, "OTHER_PLACE", None, by="ana")
    assert set(effective(filled, SUZHOU).values()) == {("OTHER_PLACE", None)}


def test_bad_decisions_are_refused(filled):
    with pytest.raises(ReviewError, match="unknown label"):
        decide(filled, SUZHOU, "CITY", KEEP, by="ana")
    with pytest.raises(ReviewError, match="unknown city adcode"):
        decide(filled, SUZHOU, "LITERAL", "999999", by="ana")
    with pytest.raises(ReviewError, match="needs a city"):
        decide(filled, SUZHOU, "LITERAL", None, by="ana")
    with pytest.raises(ReviewError, match="no mention"):
        decide(filled, SUZHOU, "LITERAL", KEEP, by="ana", target=("https://news.example/0", 0, 7))
    with pytest.raises(ReviewError, match="no mention has group key"):
        decide(filled, "suzhuo|LITERAL|in", "LITERAL", KEEP, by="ana")
    assert filled.reviews.count_documents({}) == 0


def test_single_mention_decision_is_kept_by_later_group_decisions(filled):
    one = ("https://news.example/suzhou/0", 13, 19)  # "A factory in Suzhou"
    decide(filled, SUZHOU, "NOT_PLACE", KEEP, by="ana", target=one)
    assert build_queue(filled).groups[1].pending == 2
    group = decide(filled, SUZHOU, "LITERAL", "341300", by="ana")
    assert group.touched == 2
    values = effective(filled, SUZHOU)
    assert values[one[:2]] == ("NOT_PLACE", None)
    assert sorted(values.values()).count(("LITERAL", "341300")) == 2


def test_revert_restores_and_reactivates_what_was_superseded(filled):
    first = decide(filled, SUZHOU, "LITERAL", "341300", by="ana")
    second = decide(filled, SUZHOU, "OTHER_PLACE", None, by="ana")
    assert filled.reviews.find_one({"_id": first.review_id})["status"] == "superseded"
    assert rules.lookup(filled, SUZHOU)["review_id"] == second.review_id
    assert revert(filled, second.review_id, by="ana") == 3
    assert set(effective(filled, SUZHOU).values()) == {("LITERAL", "341300")}
    assert filled.reviews.find_one({"_id": first.review_id})["status"] == "active"
    assert rules.lookup(filled, SUZHOU)["review_id"] == first.review_id
    revert(filled, first.review_id, by="ana")
    assert set(effective(filled, SUZHOU).values()) == {("LITERAL", "320500")}  # the machine's again
    assert rules.lookup(filled, SUZHOU) is None
    doc = filled.articles.find_one({"_id": "https://news.example/suzhou/0"})
    assert is_current(doc) and [(r["adcode"], r["label"]) for r in doc["city_refs"]["refs"]] == [("320500", "LITERAL")]
    assert build_queue(filled).pending_mentions == 8  # back in the queue
    history = [h["action"] for h in filled.reviews.find_one({"_id": first.review_id})["history"]]
    assert history == ["decided", "superseded", "reactivated", "reverted"]
    with pytest.raises(ReviewError, match="is reverted"):
        revert(filled, first.review_id, by="ana")


def test_undo_reverts_my_last_decision_only(filled):
    decide(filled, SUZHOU, "LITERAL", "341300", by="ana")
    mine = decide(filled, BEIJING, "LITERAL", KEEP, by="ana")
    first = filled.reviews.find_one({"by": "ana", "group_key": SUZHOU})["_id"]
    agreed = decide(filled, SUZHOU, "LITERAL", "341300", by="ben")  # agreement: takes over, no dispute
    assert agreed.status == "active"
    assert filled.reviews.find_one({"_id": agreed.review_id})["agrees_with"] == [first]
    assert undo_last(filled, "ana")["_id"] == mine.review_id
    assert set(effective(filled, BEIJING).values()) == {("METONYMIC", "110000")}
    assert set(effective(filled, SUZHOU).values()) == {("LITERAL", "341300")}
    assert undo_last(filled, "nobody") is None


def test_disagreement_goes_to_an_admin(filled):
    first = decide(filled, BEIJING, "LITERAL", KEEP, by="ana")
    other = decide(filled, BEIJING, "METONYMIC", KEEP, by="ben")
    assert other.status == "disputed" and other.conflicts == (first.review_id,) and other.touched == 0
    assert set(effective(filled, BEIJING).values()) == {("LITERAL", "110000")}  # first stays applied
    [open_] = decisions.disputes(filled)
    assert open_["review"]["_id"] == other.review_id and open_["against"][0]["_id"] == first.review_id
    settled = decisions.resolve(filled, other.review_id, other.review_id, by="boss")
    assert settled.touched == 5
    assert set(effective(filled, BEIJING).values()) == {("METONYMIC", "110000")}
    assert filled.reviews.find_one({"_id": other.review_id})["status"] == "upheld"
    assert filled.reviews.find_one({"_id": first.review_id})["status"] == "superseded"
    assert decisions.disputes(filled) == []


def test_admin_can_overrule_the_disputing_decision(filled):
    first = decide(filled, BEIJING, "LITERAL", KEEP, by="ana")
    other = decide(filled, BEIJING, "NOT_PLACE", KEEP, by="ben")
    assert decisions.resolve(filled, other.review_id, first.review_id, by="boss") is None
    assert filled.reviews.find_one({"_id": other.review_id})["status"] == "overruled"
    assert set(effective(filled, BEIJING).values()) == {("LITERAL", "110000")}
    with pytest.raises(ReviewError, match="no open dispute"):
        decisions.resolve(filled, other.review_id, first.review_id, by="boss")


def test_rules_decide_mentions_tagged_later(filled):
    decision = decide(filled, BEIJING, "LITERAL", KEEP, by="ana")
    rule = rules.lookup(filled, BEIJING)
    assert (rule["label"], rule["keep_city"], rule["review_id"]) == ("LITERAL", True, decision.review_id)
    fresh = beijing_said(50)
    mentions, applied = rules.apply_rules(fresh["mentions"], rules.load_rules(filled))
    assert applied == 1 and mentions[0]["review"]["via"] == "rule" and "review" not in mentions[1]
    save_articles(filled, [beijing_said(51)])  # stored by a tagger that did not consult the rules
    assert build_queue(filled).groups[0].key == BEIJING
    assert learned.sweep(filled) == 1
    assert [g.key for g in build_queue(filled).groups] == [SUZHOU]
    revert(filled, decision.review_id, by="ana")  # the rule's stamps go with the decision
    assert build_queue(filled).groups[0].pending == 6


def test_reviews_survive_retagging(filled):
    from nlp.retag import carry_reviews

    decide(filled, BEIJING, "LITERAL", KEEP, by="ana")
    stored = filled.articles.find_one({"_id": "https://news.example/0"})["mentions"]
    retagged, carried, stale = carry_reviews(stored, beijing_said(0)["mentions"])
    assert (carried, stale) == (1, 0) and effective_label(retagged[0]) == "LITERAL"


def test_flag_rate_measurement_writes_nothing(filled):
    save_articles(filled, [beijing_said(i) for i in range(10, 30)])
    report = learned.measure_flag_rate(filled, top=1)
    assert report.groups_decided == 1 and report.decided[0][0] == BEIJING
    assert report.corpus_before.flagged == 28 and report.corpus_after.flagged == 3
    assert report.heldout_after.flagged < report.heldout_before.flagged
    assert report.rule_correct is None
    assert filled.reviews.count_documents({}) == 0 and rules.load_rules(filled) == {}

    key = learned.answer_key_from_rows(
        {"url": f"https://news.example/{i}", "surface": "Beijing", "label": "METONYMIC", "city": "110000"}
        for i in range(30))
    keyed = learned.measure_flag_rate(filled, top=1, answers=key)
    assert keyed.decided[0] == (BEIJING, "METONYMIC", "110000")
    assert keyed.rule_hits and keyed.rule_correct == keyed.rule_hits


def test_export_writes_every_review(filled, tmp_path):
    decide(filled, BEIJING, "LITERAL", KEEP, by="ana")
    decide(filled, BEIJING, "NOT_PLACE", KEEP, by="ben")
    out = tmp_path / "reviews.jsonl"
    assert export_reviews(filled, out) == 2
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["status"] for r in rows] == ["active", "disputed"]
    assert rows[0]["targets"][0]["before"]["label"] == "METONYMIC"
