"""Small units: context cutting, safe links, the login limiter, session purging."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from citywatch.review.accounts import SESSION_TTL, SESSIONS, USERS, LoginLimiter, add_user, open_session
from citywatch.review.text import MAX_SIDE, paragraph, safe_link, sentence
from tests.review.conftest import PASSWORD

TEXT = "First paragraph ends here.\n\nBeijing said no. Then Suzhou in Anhui replied! Later text.\nLast line."


def test_sentence_and_paragraph_around_a_mention():
    start = TEXT.index("Suzhou")
    assert sentence(TEXT, start, start + 6) == ("Then ", "Suzhou", " in Anhui replied!")
    assert paragraph(TEXT, start, start + 6) == ("Beijing said no. Then ", "Suzhou", " in Anhui replied! Later text.")
    assert sentence(TEXT, 28, 35) == ("", "Beijing", " said no.")


def test_huge_paragraphs_are_cut():
    text = "x" * 5000 + " Wuhan " + "y" * 5000
    before, mention, after = paragraph(text, 5001, 5006)
    assert mention == "Wuhan" and len(before) <= MAX_SIDE and len(after) <= MAX_SIDE


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                 "data:text/html,<script>", "vbscript:x", "//evil.example/x", "/relative",
                                 "https://ok.example/a b", "http:///nohost", None, ""])
def test_only_absolute_http_urls_become_links(url):
    assert safe_link(url) is None


def test_http_urls_are_links():
    assert safe_link("https://www.example.com/a?b=1") == "https://www.example.com/a?b=1"


def test_login_limiter_counts_per_account_and_address():
    limiter = LoginLimiter(limit=2, account_limit=5, window=3600)
    assert limiter.attempt("ana", "1.2.3.4") and limiter.attempt("ANA", "1.2.3.4")
    assert not limiter.attempt("ana", "1.2.3.4")  # this client, this account: done
    assert limiter.attempt("ana", "5.6.7.8")  # another address may still try ana
    limiter.succeeded("ana", "5.6.7.8")
    assert limiter.attempt("ana", "5.6.7.8")


def test_one_address_cannot_lock_out_accounts_it_did_not_try():
    limiter = LoginLimiter(limit=2, account_limit=5, window=3600)
    for name in [f"user{i}" for i in range(50)]:  # spraying names from one address
        while limiter.attempt(name, "6.6.6.6"):
            pass
    assert limiter.attempt("ana", "6.6.6.6") and limiter.attempt("ben", "1.2.3.4")


def test_a_distributed_guesser_cannot_lock_the_owner_out_of_a_trusted_address():
    limiter = LoginLimiter(limit=2, account_limit=5, window=3600)
    assert limiter.attempt("ana", "10.1.1.1")
    limiter.succeeded("ana", "10.1.1.1")  # ana's own machine
    guesses = sum(limiter.attempt("ana", f"203.0.113.{i}") for i in range(100) for _ in range(2))
    assert guesses == 5  # the account's bound over all addresses
    assert not limiter.attempt("ana", "198.51.100.7")  # a new address is refused for ana...
    assert limiter.attempt("ana", "10.1.1.1")  # ...but not the one ana logged in from
    assert limiter.attempt("ben", "198.51.100.7")  # and no other account is touched


def test_rotating_names_does_not_grow_the_limiter_without_bound():
    limiter = LoginLimiter(window=0.0, max_keys=100)
    for i in range(5000):
        limiter.attempt(f"name{i}", f"192.0.2.{i % 250}")
    assert len(limiter._failures) <= 102


def test_expired_sessions_and_their_skip_lists_are_purged_at_login(store):
    add_user(store, "ana", "reviewer", PASSWORD)
    user = store.collection(USERS).find_one({"_id": "ana"})
    old = datetime.now(UTC) - SESSION_TTL - timedelta(minutes=1)
    store.collection(SESSIONS).insert_one({"_id": "stale", "user": "ana", "role": "reviewer", "csrf": "x",
                                           "created_at": old, "expires_at": old + timedelta(seconds=1),
                                           "skipped": ["beijing|METONYMIC|said"]})
    open_session(store, user)
    assert store.collection(SESSIONS).find_one({"_id": "stale"}) is None
    assert store.collection(SESSIONS).count_documents({}) == 1


def test_allowed_hosts_are_the_bind_address_localhost_and_the_named_ones():
    from citywatch.review.web import ServeOptions

    assert ServeOptions("10.1.2.3").allowed_hosts == ["10.1.2.3", "localhost", "127.0.0.1"]
    assert ServeOptions("0.0.0.0", extra_hosts=("review.example.org",)).allowed_hosts == [
        "localhost", "127.0.0.1", "review.example.org"]
    assert ServeOptions().forwarded_allow_ips is None  # no proxy believed unless named


def test_a_file_sent_as_the_form_token_is_refused_not_a_crash() -> None:
    from io import BytesIO

    from starlette.datastructures import UploadFile

    from citywatch.review.accounts import csrf_ok

    assert csrf_ok("token", "token") and not csrf_ok("token", None) and not csrf_ok("token", "")
    assert not csrf_ok("token", UploadFile(BytesIO(b"token"), filename="token"))
