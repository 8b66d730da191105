"""Keyboard only, the question-set builder: Tab to the title, type it (the live preview fills in),
Tab on to « Enregistrer » and press Enter, with a visible focus ring on every control reached.
"""

import pytest
from playwright.sync_api import Page, expect

from tests.audit.conftest import audit_page
from tests.audit.test_axe import assert_no_blocking_violation
from tests.audit.test_keyboard import assert_focus_visible

pytestmark = pytest.mark.browser

# Far more than the builder's controls (the fact list holds up to 100 checkboxes).
MAX_TABS = 400

# `own`: the focus is on the element itself, not on a part of the browser's own control inside
# it (the calendar button of a date field, whose thin ring Chromium draws and CSS cannot style).
FOCUSED = """() => {
    const el = document.activeElement;
    return {id: el.id, tag: el.tagName.toLowerCase(), text: el.textContent.trim(),
            own: el.matches(":focus")};
}"""


def tab_until(page: Page, reached) -> int:
    """Tab until reached(focused) is true, checking the focus ring at every stop; the number of
    stops."""
    for stops in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["tag"] != "body", f"focus fell back to the page after {stops} stops"
        if not focused["own"]:
            continue
        try:
            assert_focus_visible(page)
        except AssertionError as error:
            raise AssertionError(f"{focused}: {error}") from error
        if reached(focused):
            return stops
    raise AssertionError(f"not reached with {MAX_TABS} presses of Tab")


def test_a_set_is_built_and_saved_keyboard_only_with_visible_focus(open_audit_page):
    page = open_audit_page(audit_page("set-new"))
    page.wait_for_function("window.htmx !== undefined")

    tab_until(page, lambda focused: focused["id"] == "id_title")
    page.keyboard.type("Libération de Paris, au clavier")
    # Typing is enough for the live preview (htmx, after a pause in the typing).
    expect(page.locator("#set-preview .preview-question").first).to_be_visible()
    assert_no_blocking_violation(page, "the builder with its live preview")

    stops = tab_until(
        page, lambda focused: focused["tag"] == "button" and focused["text"] == "Enregistrer"
    )
    assert stops > 20  # every control of the form was on the way
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Série « Libération de Paris, au clavier »"
    )
    expect(page.get_by_role("status")).to_contain_text(
        "Série « Libération de Paris, au clavier » créée."
    )
