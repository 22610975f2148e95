"""``citywatch review`` and ``citywatch users`` against the embedded store in a tmp folder."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.review.accounts import authenticate
from citywatch.store import connect, save_articles
from tests.review.corpus import corpus


@pytest.fixture
def run(store_env):
    with connect() as store:
        save_articles(store, corpus())
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None):
        return runner.invoke(citywatch, list(args), input=stdin, catch_exceptions=False)

    return invoke


def test_users_add_reads_the_password_from_stdin(run):
    result = run("users", "add", "ana", "--role", "admin", "--password-stdin", stdin="s3cret-pass\n")
    assert result.exit_code == 0, result.output
    with connect() as store:
        user = authenticate(store, "ana", "s3cret-pass")
        assert user["role"] == "admin" and user["password"].startswith("$argon2id$")
        assert authenticate(store, "ana", "wrong") is None
    short = run("users", "add", "ben", "--role", "reviewer", "--password-stdin", stdin="short\n")
    assert short.exit_code == 1 and "at least 8 characters" in short.output


def test_list_decide_export(run, tmp_path):
    listed = run("review", "list", "--json")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["group_key"] for r in rows] == ["beijing|METONYMIC|said", "suzhou|LITERAL|in"]
    assert rows[0]["touches"] == 5
    assert [json.loads(x)["group_key"] for x in run("review", "list", "--json", "--lang", "fr").stdout.splitlines()] \
        == ["suzhou|LITERAL|in"]

    decided = run("review", "decide", "suzhou|LITERAL|in", "--label", "LITERAL", "--city", "341300", "--by", "ana")
    assert decided.exit_code == 0 and "applied to 3 mention(s)" in decided.output
    disputed = run("review", "decide", "suzhou|LITERAL|in", "--label", "NOT_PLACE", "--by", "ben")
    assert "sent to an admin" in disputed.output
    bad = run("review", "decide", "suzhou|LITERAL|in", "--label", "LITERAL", "--city", "000000", "--by", "ana")
    assert bad.exit_code == 1 and "unknown city adcode" in bad.output

    out = tmp_path / "reviews.jsonl"
    assert run("review", "export", "--out", str(out)).exit_code == 0
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["by"], r["status"]) for r in exported] == [("ana", "active"), ("ben", "disputed")]

    review_id = exported[0]["_id"]
    assert "3 mention(s) restored" in run("review", "revert", review_id, "--by", "ana").output
    assert "flag rate, whole corpus" in run("review", "flag-rate", "--top", "1").output


def test_country_filter_error_is_one_line(run):
    result = run("review", "list", "--country", "ZZ")
    assert result.exit_code == 1 and "no configured source is in country" in result.output


@pytest.mark.parametrize("content, expected", [
    (b'{"url": "u", "surface": "Beijing", "label": "LITERAL", "city": null}\n\xff\xfe\x00\x81binary\n', "line 2: not UTF-8"),
    (b'\n\n[1, 2]\n', "line 3: expected a JSON object"),
    (b'{"url": "u", "surface": "Beijing", "label": "CAPITAL"}\n', 'line 1: field "label"'),
    (b'{"url": "u", "label": "LITERAL", "start": "twelve"}\n', 'line 1: field "start"'),
    (b'{"url": "u", "label": "LITERAL", "surface": 7}\n', 'line 1: field "surface"'),
    (b'{"url": "u", "surface": "x", "label": "LITERAL", "city": 110000}\n', 'line 1: field "city"'),
    (b"[" * 5000 + b"]" * 5000 + b"\n", "line 1: expected a JSON object"),
])
def test_flag_rate_with_a_bad_answer_key_is_one_line_naming_file_line_and_field(run, tmp_path, content, expected):
    answers = tmp_path / "answers.jsonl"
    answers.write_bytes(content)
    result = run("review", "flag-rate", "--answers", str(answers))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and f"{answers}, {expected}" in result.output
