"""The web app over real HTTP: login, sessions, CSRF, rate limit, roles, disputes (no browser needed)."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.review.conftest import PASSWORD, seed
from tests.review.corpus import corpus

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def login(client: httpx.Client, user: str, password: str = PASSWORD) -> httpx.Response:
    form = client.get("/login")
    token = TOKEN.search(form.text).group(1)
    return client.post("/login", data={"username": user, "password": password, "csrf_token": token})


def csrf(client: httpx.Client, path: str = "/queue") -> str:
    return TOKEN.search(client.get(path).text).group(1)


@pytest.fixture
def client(review_app):
    seed(review_app, corpus())
    with httpx.Client(base_url=review_app.url, follow_redirects=False) as c:
        yield c


@pytest.mark.parametrize("path", ["/", "/queue", "/next", "/review?key=beijing%7CMETONYMIC%7Csaid", "/history",
                                  "/admin"])
def test_nothing_is_readable_without_a_session(client, path):
    response = client.get(path)
    assert response.status_code == 303 and response.headers["location"] == "/login"


def test_posts_without_a_session_go_to_login(client):
    response = client.post("/decide", data={"key": "beijing|METONYMIC|said", "action": "confirm"})
    assert response.status_code == 303 and response.headers["location"] == "/login"


def test_login_sets_a_strict_httponly_session_and_security_headers(client):
    response = login(client, "ana")
    assert response.status_code == 303 and response.headers["location"] == "/queue"
    cookie = response.headers["set-cookie"].lower()
    assert "cw_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    page = client.get("/queue")
    assert page.status_code == 200 and "beijing|METONYMIC|said" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_forms_without_the_csrf_token_are_refused(client):
    form = client.get("/login")
    assert client.post("/login", data={"username": "ana", "password": PASSWORD}).status_code == 403
    assert client.post("/login", data={"username": "ana", "password": PASSWORD,
                                       "csrf_token": "forged"}).status_code == 403
    assert "csrf_token" in form.text
    login(client, "ana")
    fields = {"key": "beijing|METONYMIC|said", "action": "confirm", "machine_label": "METONYMIC"}
    assert client.post("/decide", data=fields).status_code == 403
    assert client.post("/decide", data={**fields, "csrf_token": "wrong"}).status_code == 403
    assert client.post("/undo", data={}).status_code == 403
    assert client.post("/logout", data={}).status_code == 403
    ok = client.post("/decide", data={**fields, "csrf_token": csrf(client)})
    assert ok.status_code == 303 and "m=active" in ok.headers["location"]


def test_repeated_wrong_passwords_are_rate_limited(client):
    for _ in range(5):
        assert login(client, "ana", "wrong password").status_code == 401
    blocked = login(client, "ana", "wrong password")
    assert blocked.status_code == 429 and "Too many" in blocked.text
    assert login(client, "ana").status_code == 429  # even the right password, until the window passes
    assert login(client, "ben").status_code == 303  # other accounts are unaffected


def test_unknown_user_and_wrong_password_look_the_same(client):
    unknown, wrong = login(client, "nobody", "whatever1"), login(client, "ana", "whatever1")
    assert unknown.status_code == wrong.status_code == 401
    assert TOKEN.sub("", unknown.text) == TOKEN.sub("", wrong.text)


def test_logout_ends_the_session_on_the_server(client):
    login(client, "ana")
    cookie = client.cookies.get("cw_session")
    client.post("/logout", data={"csrf_token": csrf(client)})
    client.cookies.set("cw_session", cookie)
    assert client.get("/queue").status_code == 303


def test_disagreement_reaches_the_admin_queue(review_app):
    seed(review_app, corpus())
    key = "beijing|METONYMIC|said"
    with (httpx.Client(base_url=review_app.url, follow_redirects=True) as ana,
          httpx.Client(base_url=review_app.url, follow_redirects=True) as ben,
          httpx.Client(base_url=review_app.url, follow_redirects=True) as boss):
        for c, name in ((ana, "ana"), (ben, "ben"), (boss, "boss")):
            login(c, name)
        ana.post("/decide", data={"key": key, "action": "confirm", "machine_label": "METONYMIC",
                                  "csrf_token": csrf(ana)})
        answer = ben.post("/decide", data={"key": key, "action": "change", "label": "LITERAL", "city": "keep",
                                           "csrf_token": csrf(ben)})
        assert "sent to an admin" in answer.text
        assert ben.get("/admin").status_code == 403
        disputes = boss.get("/admin")
        assert disputes.status_code == 200 and key in disputes.text and disputes.text.count("Uphold this") == 2
        dispute = re.search(r'name="dispute" value="([0-9a-f]+)"', disputes.text).group(1)
        boss.post("/admin/resolve", data={"dispute": dispute, "uphold": dispute, "csrf_token": csrf(boss, "/admin")})
        assert "No open disputes" in boss.get("/admin").text
    with review_app.store() as store:
        doc = store.articles.find_one({"_id": "https://news.example/0"})
        assert doc["mentions"][0]["review"]["label"] == "LITERAL" and doc["mentions"][0]["review"]["by"] == "boss"


def test_reviewer_cannot_revert_someone_elses_decision(review_app):
    seed(review_app, corpus())
    with (httpx.Client(base_url=review_app.url, follow_redirects=True) as ana,
          httpx.Client(base_url=review_app.url, follow_redirects=True) as ben):
        login(ana, "ana")
        login(ben, "ben")
        ana.post("/decide", data={"key": "suzhou|LITERAL|in", "action": "not_city", "csrf_token": csrf(ana)})
        with review_app.store() as store:
            review_id = store.reviews.find_one({})["_id"]
        assert ben.post("/revert", data={"review_id": review_id, "csrf_token": csrf(ben)}).status_code == 403
        assert ana.post("/revert", data={"review_id": review_id, "csrf_token": csrf(ana)}).status_code == 200
    with review_app.store() as store:
        assert store.reviews.find_one({})["status"] == "reverted"
