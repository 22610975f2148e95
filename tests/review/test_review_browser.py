"""End to end in a real headless Chromium: keyboard review, group decisions, undo, hostile content."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.review.conftest import PASSWORD, seed
from tests.review.corpus import article, corpus, mention

BEIJING = "110000"


def scored_articles(app, adcode: str) -> int:
    """The city's article count in the score for March 2026 (scoring's own computation, no bootstrap)."""
    from citywatch.config.scoring import load_config
    from scoring.periods import parse_period
    from scoring.ranking import compute

    with app.store() as store:
        result = compute(store, parse_period("2026-03"), load_config().with_(bootstrap_resamples=0))
    return next(row["articles"] for row in result.rows if row["adcode"] == adcode)


def log_in(page: Page, base: str, user: str = "ana") -> None:
    page.goto(f"{base}/queue")
    expect(page).to_have_url(f"{base}/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    expect(page).to_have_url(f"{base}/queue")


def press(page: Page, *keys: str) -> None:
    """Press keys once the page's shortcut script is listening (it marks <html data-keys="ready">)."""
    page.wait_for_selector("html[data-keys=ready]", state="attached")
    for key in keys:
        page.keyboard.press(key)


def flagged_left(page: Page) -> int:
    return int(page.locator("#progress strong").nth(1).inner_text())


def test_keyboard_review_group_decision_and_undo(review_app, page):
    seed(review_app, corpus())
    base = review_app.url
    log_in(page, base)
    expect(page.locator("#ranking tr[data-city='110000']")).to_have_count(0)  # no LITERAL Beijing yet

    press(page, "r")  # start: the highest-impact group ("Beijing said", 5 flagged)
    expect(page).to_have_url(re.compile(r"/review\?key=beijing"))
    first_url = page.locator(".context .url").inner_text()
    assert flagged_left(page) == 8

    # one item, keyboard only: this mention only (g), label LITERAL (1), save (Enter)
    press(page, "g")
    press(page, "1")
    press(page, "Enter")
    expect(page.locator(".flash")).to_have_text("Saved: applied to 1 mention(s).")
    assert flagged_left(page) == 7
    assert page.locator(".context .url").inner_text() != first_url  # the reviewed item left the queue
    expect(page.locator("#touch")).to_have_text("4")
    assert scored_articles(review_app, BEIJING) == 1

    # the rest of the group with one decision (the whole group is the default scope)
    press(page, "1")
    press(page, "Enter")
    expect(page.locator(".flash")).to_have_text("Saved: applied to 4 mention(s).")
    expect(page).to_have_url(re.compile(r"key=suzhou"))
    assert scored_articles(review_app, BEIJING) == 5
    page.goto(f"{base}/queue")
    expect(page.locator("tr[data-group='beijing|METONYMIC|said']")).to_have_count(0)
    expect(page.locator("#ranking tr[data-city='110000'] td.num")).to_have_text("5")

    # undo the group decision from the queue page: the four come back
    press(page, "u")
    expect(page.locator(".flash")).to_have_text("Undid your last decision.")
    expect(page.locator("#touch")).to_have_text("4")
    assert scored_articles(review_app, BEIJING) == 1

    # change city of a homonym group, then "not a Chinese city" via n after skipping
    page.goto(f"{base}/review?key=suzhou%7CLITERAL%7Cin")
    press(page, "y")
    press(page, "ArrowDown")
    press(page, "ArrowDown")  # Suzhou (Anhui)
    press(page, "Enter")
    expect(page.locator(".flash")).to_have_text("Saved: applied to 3 mention(s).")
    assert scored_articles(review_app, "341300") == 2  # the third is from 2025, outside the period
    assert scored_articles(review_app, "320500") == 0


def test_skip_and_not_a_city_with_the_keyboard(review_app, page):
    seed(review_app, corpus())
    log_in(page, review_app.url)
    press(page, "r")
    expect(page).to_have_url(re.compile(r"key=beijing"))
    press(page, "s")
    expect(page).to_have_url(re.compile(r"key=suzhou"))
    press(page, "n")
    expect(page.locator(".flash")).to_have_text("Saved: applied to 3 mention(s).")
    assert scored_articles(review_app, "320500") == 0


HOSTILE_TITLE = '<script>window.__pwned = "title"</script><img src=x onerror="window.__pwned = \'img\'">'
HOSTILE_TEXT = ('Crowds in Xian <img src=x onerror="window.__pwned = \'text\'"> cheered '
                '<a href="javascript:window.__pwned=\'link\'">here</a>.\n\n'
                '<script>window.__pwned = "body"</script><svg onload="window.__pwned = \'svg\'"></svg>')


def test_hostile_article_content_stays_inert_in_the_browser(review_app, page):
    seed(review_app, [article("javascript:window.__pwned='url'//x", HOSTILE_TEXT,
                              [mention(HOSTILE_TEXT, "Xian", "LITERAL", "610100", cue="crowds")],
                              title=HOSTILE_TITLE)])
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    log_in(page, review_app.url)
    press(page, "r")
    expect(page).to_have_url(re.compile(r"key=xian"))
    expect(page.locator(".context .title")).to_have_text(HOSTILE_TITLE)  # shown as text
    expect(page.locator("blockquote.sentence mark")).to_have_text("Xian")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("main img, main svg, main script").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    page.click(".context .url")  # the unsafe URL is plain text: clicking it runs nothing
    page.locator(".paragraph").click()
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []
