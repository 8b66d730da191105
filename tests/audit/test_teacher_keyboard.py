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


def test_a_text_is_reviewed_keyboard_only_with_visible_focus(open_audit_page, audit_scenario):
    """Tab to « Accepter » and press Enter (htmx swaps the proposal for a message); on to
    « Modifier », change the statement, « Enregistrer et accepter »: the focus ring is visible at
    every stop, the highlighted quotes and the scrolling text box included."""
    from quizzes.models import CandidateFact, Fact

    source = audit_scenario.own_source
    pending = list(source.candidates.filter(status=CandidateFact.Status.PROPOSED).in_text_order())
    first, second = pending[0], pending[1]
    page = open_audit_page(audit_page("teacher-source-review"))
    page.wait_for_function("window.htmx !== undefined")

    tab_until(page, lambda focused: focused["text"] == f"Accepter « {first.text} »")
    page.keyboard.press("Enter")
    expect(page.locator(f"#proposition-{first.pk}")).to_contain_text(f"Fait accepté : {first.text}")
    first.refresh_from_db()
    assert first.status == CandidateFact.Status.ACCEPTED
    assert_no_blocking_violation(page, "the review page after an accepted proposal")

    tab_until(page, lambda focused: focused["text"] == f"Modifier « {second.text} »")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Modifier puis accepter")
    tab_until(page, lambda focused: focused["id"] == "id_text")
    page.keyboard.press("Control+A")
    page.keyboard.type("Énoncé réécrit au clavier")
    stops = tab_until(
        page,
        lambda focused: focused["tag"] == "button" and focused["text"] == "Enregistrer et accepter",
    )
    assert stops >= 8  # quote, date label, both dates, precision, subject, relation, object
    page.keyboard.press("Enter")
    message = page.get_by_role("status").filter(has_text="Fait modifié et accepté")
    expect(message).to_have_text("Fait modifié et accepté : Énoncé réécrit au clavier")
    fact = source.facts.get(text="Énoncé réécrit au clavier")
    assert fact.origin == Fact.Origin.EDITED
