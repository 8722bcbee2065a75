"""The foundation pages in a real browser (Debian chromium), axe-clean in German and Arabic."""

from __future__ import annotations

import pytest

from bruecke.test import PASSWORD, World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    return World.build()


def use_language(page, live_server, code: str) -> None:
    page.goto(f"{live_server.url}/sprache/{code}/?next=/")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_public_start_page_is_accessible(page, live_server, axe, world, language):
    use_language(page, live_server, language)
    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert page.locator("h1").count() == 1
    axe(page)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_login_and_start_page_are_accessible(page, live_server, axe, world, language):
    use_language(page, live_server, language)
    page.goto(f"{live_server.url}/anmelden/")
    axe(page)
    page.fill("input[name=username]", "worker_hoerde")
    page.fill("input[name=password]", "wrong password")
    page.locator("button[type=submit]").click()
    # The error is shown, what was typed is kept, and the page stays accessible.
    page.locator("[role=alert]").first.wait_for()
    assert page.input_value("input[name=username]") == "worker_hoerde"
    axe(page)
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/arbeit/")
    assert "Jugendamt Dortmund" in page.locator("main").inner_text()
    axe(page)


def test_keyboard_user_can_skip_to_content_and_log_in(page, live_server, world):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.goto(f"{live_server.url}/anmelden/")
    # The login form puts the cursor into the user name field (autofocus may
    # land a moment after the load event on a busy machine).
    page.wait_for_function("document.activeElement && document.activeElement.name === 'username'")
    page.keyboard.type("worker_hoerde")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/arbeit/")


def test_kern_styles_are_applied(page, live_server, world):
    page.goto(f"{live_server.url}/")
    font = page.locator("h1").evaluate("el => getComputedStyle(el).fontFamily")
    assert "Fira Sans" in font
    assert page.evaluate("document.fonts.check('16px \"Fira Sans\"')")
