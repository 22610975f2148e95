"""``citywatch review`` and ``citywatch users`` against the embedded store in a tmp folder."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.review.accounts import SESSIONS, add_user, find_login, find_session, open_session, verify
from citywatch.store import connect, save_articles
from tests.review.conftest import PASSWORD
from tests.review.corpus import corpus


def authenticate(store, name: str, password: str) -> dict | None:
    user = find_login(store, name)
    return user if verify(user, password) else None


@pytest.fixture
def run(store_env):
    with connect() as store:
        save_articles(store, corpus())
        for name in ("ana", "ben"):
            add_user(store, name, "reviewer", PASSWORD)
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


@pytest.mark.parametrize("password, reason", [
    ("ana-rocks-2026", "must not contain the user name"), ("xxANAxx-password", "must not contain the user name"),
    ("iloveyou", "most common passwords"), ("Password123", "most common passwords"),
    ("x" * 257, "at most 256 characters"), ("short", "at least 8 characters"),
])
def test_password_policy(run, password, reason):
    for args in (("users", "add", "ana", "--role", "reviewer"), ("users", "passwd", "ana")):
        result = run(*args, "--password-stdin", stdin=password + "\n")
        assert result.exit_code == 1 and reason in result.output and result.output.count("\n") == 1
    with connect() as store:
        assert authenticate(store, "ana", PASSWORD) is not None  # nothing changed


@pytest.mark.parametrize("command", ["add", "passwd"])
def test_non_utf8_password_on_stdin_is_one_line_and_changes_nothing(run, command):
    extra = ("--role", "reviewer") if command == "add" else ()
    result = CliRunner().invoke(citywatch, ["users", command, "ana", *extra, "--password-stdin"],
                                input=b"caf\xe9-au-lait-42\n")
    assert result.exit_code == 1 and "not UTF-8" in result.output and result.output.count("\n") == 1
    with connect() as store:
        assert authenticate(store, "ana", PASSWORD) is not None


def _session(name: str) -> str:
    with connect() as store:
        return open_session(store, store.collection("users").find_one({"_id": name}))


def _alive(token: str) -> bool:
    with connect() as store:
        return find_session(store, token) is not None


def test_passwd_disable_remove_end_that_accounts_sessions_at_once(run):
    ana, ana_too, ben = _session("ana"), _session("ana"), _session("ben")
    changed = run("users", "passwd", "ana", "--password-stdin", stdin="a-new-long-passphrase\n")
    assert changed.exit_code == 0, changed.output
    assert not _alive(ana) and not _alive(ana_too) and _alive(ben)
    with connect() as store:
        assert authenticate(store, "ana", "a-new-long-passphrase") and not authenticate(store, "ana", PASSWORD)

    ana = _session("ana")
    assert run("users", "disable", "ana").exit_code == 0
    assert not _alive(ana) and _alive(ben)
    with connect() as store:
        assert authenticate(store, "ana", "a-new-long-passphrase") is None
    assert run("users", "enable", "ana").exit_code == 0
    with connect() as store:
        assert authenticate(store, "ana", "a-new-long-passphrase") is not None

    ben_too = _session("ben")
    assert run("users", "remove", "ben").exit_code == 0
    assert not _alive(ben) and not _alive(ben_too)
    with connect() as store:
        assert store.collection(SESSIONS).count_documents({"user": "ben"}) == 0
        assert store.collection("users").find_one({"_id": "ben"}) is None


def test_users_list_and_unknown_names(run):
    _session("ana")
    run("users", "disable", "ben")
    listed = run("users", "list")
    rows = [line.split() for line in listed.stdout.splitlines()]
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [("ana", "reviewer", "enabled", "1"),
                                                        ("ben", "reviewer", "disabled", "0")]
    assert "password" not in listed.output and "argon2" not in listed.output
    for command in ("passwd", "disable", "enable", "remove"):
        result = run("users", command, "nobody", *(["--password-stdin"] if command == "passwd" else []), stdin="x\n")
        assert result.exit_code == 1 and "no account named 'nobody'" in result.output


def test_decide_and_revert_need_an_existing_enabled_account(run):
    key = "suzhou|LITERAL|in"
    ghost = run("review", "decide", key, "--label", "LITERAL", "--by", "ghost")
    assert ghost.exit_code == 1 and "no account named 'ghost'" in ghost.output
    run("users", "disable", "ben")
    disabled = run("review", "decide", key, "--label", "LITERAL", "--by", "ben")
    assert disabled.exit_code == 1 and "'ben' is disabled" in disabled.output
    posing = run("review", "decide", key, "--label", "LITERAL", "--by", "ana", "--role", "admin")
    assert posing.exit_code == 1 and "needs an admin account" in posing.output
    with connect() as store:
        assert store.reviews.count_documents({}) == 0
    assert run("review", "decide", key, "--label", "LITERAL", "--by", "ana").exit_code == 0
    with connect() as store:
        review_id = store.reviews.find_one({})["_id"]
    assert run("review", "revert", review_id, "--by", "ghost").exit_code == 1
    with connect() as store:
        assert store.reviews.find_one({})["status"] == "active"


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


def test_serve_passes_the_host_and_proxy_options(monkeypatch):
    import citywatch.review.web as web

    served = []
    monkeypatch.setattr(web, "serve", served.append)
    result = CliRunner().invoke(citywatch, ["review", "serve", "--host", "0.0.0.0", "--port", "8080", "--allowed-host",
                                            "review.example.org", "--forwarded-allow-ips", "10.0.0.5"])
    assert result.exit_code == 0, result.output
    assert served == [web.ServeOptions("0.0.0.0", 8080, ("review.example.org",), "10.0.0.5")]
    CliRunner().invoke(citywatch, ["review", "serve"])
    assert served[1].forwarded_allow_ips is None and served[1].allowed_hosts == ["127.0.0.1", "localhost"]
