"""The review app under abuse: spoofed client addresses and hosts, parallel guessing, bad queries, error pages."""

from __future__ import annotations

import threading

import httpx
import pytest

from citywatch.review import accounts
from tests.review.conftest import running_app, seed
from tests.review.corpus import corpus
from tests.review.test_review_web import TOKEN, login


def _login_as(client: httpx.Client, user: str, password: str, forwarded: str) -> httpx.Response:
    token = TOKEN.search(client.get("/login").text).group(1)
    return client.post("/login", data={"username": user, "password": password, "csrf_token": token},
                       headers={"X-Forwarded-For": forwarded})


def test_x_forwarded_for_is_believed_only_from_a_named_proxy(users_store):
    with running_app(users_store) as app, httpx.Client(base_url=app.url) as client:  # the default: no proxy
        rotating = [_login_as(client, "ana", "wrong password", f"198.51.100.{i}").status_code for i in range(8)]
    assert rotating == [401] * 5 + [429] * 3
    with running_app(users_store, forwarded_allow_ips="127.0.0.1") as app, httpx.Client(base_url=app.url) as client:
        first = [_login_as(client, "ben", "wrong password", "198.51.100.1").status_code for _ in range(6)]
        other_client = _login_as(client, "ben", "wrong password", "198.51.100.2").status_code
    assert first == [401] * 5 + [429] and other_client == 401


@pytest.mark.parametrize("host", ["evil.example", "169.254.169.254", "127.0.0.1.nip.io"])
def test_foreign_host_headers_are_refused_with_security_headers(review_app, host):
    with httpx.Client(base_url=review_app.url) as client:
        response = client.get("/login", headers={"Host": host})
        assert response.status_code == 400 and "script-src 'self'" in response.headers["content-security-policy"]
        assert client.get("/login", headers={"Host": "localhost"}).status_code == 200


def test_extra_allowed_hosts(users_store):
    with running_app(users_store, extra_hosts=("review.example.org",)) as app, httpx.Client(base_url=app.url) as client:
        assert client.get("/login", headers={"Host": "review.example.org"}).status_code == 200
        assert client.get("/login", headers={"Host": "other.example.org"}).status_code == 400


def test_password_checks_do_not_block_other_requests(review_app, monkeypatch):
    """While one password is being checked, the app still answers: the check runs off the event loop."""
    checking, answered, seen = threading.Event(), threading.Event(), []
    real = accounts._hasher

    class SlowHasher:
        def verify(self, hashed: str, password: str) -> bool:
            checking.set()
            seen.append(answered.wait(20))  # a deadlock guard, not a speed limit
            return real.verify(hashed, password)

    monkeypatch.setattr(accounts, "_hasher", SlowHasher())
    with httpx.Client(base_url=review_app.url, timeout=30) as slow, httpx.Client(base_url=review_app.url,
                                                                                 timeout=8) as other:
        token = TOKEN.search(slow.get("/login").text).group(1)
        guess = threading.Thread(target=slow.post, args=("/login",),
                                 kwargs={"data": {"username": "ana", "password": "wrong password", "csrf_token": token}})
        guess.start()
        assert checking.wait(20)
        try:
            assert other.get("/login").status_code == 200
            answered.set()
        finally:
            answered.set()
            guess.join(30)
    assert seen == [True]


def test_parallel_guesses_cannot_exceed_the_limit(review_app):
    with httpx.Client(base_url=review_app.url, timeout=60) as client:
        token = TOKEN.search(client.get("/login").text).group(1)
        answers: list[int] = []

        def guess() -> None:
            answers.append(client.post("/login", data={"username": "ana", "password": "wrong password",
                                                       "csrf_token": token}).status_code)

        threads = [threading.Thread(target=guess) for _ in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert sorted(answers) == [401] * 5 + [429] * 7


def test_bad_query_parameters_are_422_pages_naming_the_parameter(review_app):
    seed(review_app, corpus())
    with httpx.Client(base_url=review_app.url) as client:
        login(client, "ana")
        for path in ("/queue?m=active&n=%C2%B2", "/queue?n=-1", "/history?n=1e3", "/next?n=%00",
                     "/review?key=x&n=99999999999999999999"):
            response = client.get(path)
            assert response.status_code == 422, path
            assert "query parameter n" in response.text and "script-src" in response.headers["content-security-policy"]
        assert client.get("/queue?since=yesterday").status_code == 400
        assert client.get("/queue?m=active&n=3").status_code == 200


def test_error_responses_carry_the_security_headers(review_app, monkeypatch):
    from citywatch.review import decisions

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    with httpx.Client(base_url=review_app.url) as client:
        login(client, "ana")
        monkeypatch.setattr(decisions, "count_by", broken)
        responses = {"404": client.get("/no/such/page"), "405": client.put("/queue"),
                     "404 static": client.get("/static/nothing.css"), "500": client.get("/queue")}
    assert [r.status_code for r in responses.values()] == [404, 405, 404, 500]
    for name, response in responses.items():
        assert response.headers.get("content-security-policy", "").startswith("default-src 'none'"), name
        assert response.headers["x-frame-options"] == "DENY" and response.headers["x-content-type-options"] == "nosniff"
        assert "a bug" not in response.text and "Traceback" not in response.text


def test_sessions_end_when_the_account_is_disabled_or_its_password_changes(review_app):
    with httpx.Client(base_url=review_app.url) as ana, httpx.Client(base_url=review_app.url) as ben:
        login(ana, "ana")
        login(ben, "ben")
        assert ana.get("/queue").status_code == 200
        with review_app.store() as store:
            accounts.set_password(store, "ana", "another long passphrase")
        assert ana.get("/queue").status_code == 303 and ben.get("/queue").status_code == 200
        assert login(ana, "ana").status_code == 401
        assert login(ana, "ana", "another long passphrase").status_code == 303
        with review_app.store() as store:
            accounts.set_disabled(store, "ana", True)
        assert ana.get("/queue").status_code == 303
        assert login(ana, "ana", "another long passphrase").status_code == 401
        with review_app.store() as store:
            accounts.remove_user(store, "ben")
        assert ben.get("/queue").status_code == 303
