"""Small units: context cutting, safe links, the login limiter."""

from __future__ import annotations

import pytest

from citywatch.review.text import MAX_SIDE, paragraph, safe_link, sentence

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


def test_login_limiter_counts_per_user_and_per_address():
    from citywatch.review.accounts import LoginLimiter

    limiter = LoginLimiter(limit=2, window=3600)
    limiter.failed("ana", "1.2.3.4")
    assert not limiter.blocked("ana", "1.2.3.4")
    limiter.failed("ANA", "1.2.3.4")
    assert limiter.blocked("ana", "1.2.3.4") and not limiter.blocked("ana", "5.6.7.8")
    for name in ("b", "c", "d", "e", "f", "g"):
        limiter.failed(name, "1.2.3.4")
    assert limiter.blocked("someone-new", "1.2.3.4")  # 8 = 4 x limit failures from one address
    limiter.succeeded("ana", "5.6.7.8")
    assert not limiter.blocked("ana", "5.6.7.8")


def test_a_file_sent_as_the_form_token_is_refused_not_a_crash() -> None:
    from io import BytesIO

    from starlette.datastructures import UploadFile

    from citywatch.review.accounts import csrf_ok

    assert csrf_ok("token", "token") and not csrf_ok("token", None) and not csrf_ok("token", "")
    assert not csrf_ok("token", UploadFile(BytesIO(b"token"), filename="token"))
