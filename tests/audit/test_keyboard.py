"""Keyboard only: a whole quiz (chronology, then matching) with a visible focus ring on every
control reached, moves announced, and the result announced after each answer.

tests/browser/test_student_quiz.py already orders a chronology with « Monter »; this adds what it
does not check: the focus indicator, the matching question by keyboard, where focus lands after
an answer, and axe on the page as htmx left it.
"""

import pytest
from playwright.sync_api import Page, expect

from tests.audit.conftest import audit_page
from tests.audit.test_axe import assert_no_blocking_violation
from tests.browser.conftest import tab_to
from tests.browser.test_student_quiz import labels_in_page_order, right_labels
from tests.browser.test_student_quiz import wait_for_enhancement as wait_for_move_buttons

pytestmark = pytest.mark.browser

# The focused element's ring, and its contrast with the background around it (the first opaque
# background among its ancestors, since the ring is drawn outside the element).
FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const rgb = color => color.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
        const linear = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    let around = el.parentElement;
    while (around && rgb(getComputedStyle(around).backgroundColor)[3] === 0) {
        around = around.parentElement;
    }
    const background = around ? rgb(getComputedStyle(around).backgroundColor) : [255, 255, 255];
    const [light, dark] = [luminance(rgb(style.outlineColor)), luminance(background)]
        .sort((a, b) => b - a);
    return {outline: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0,
            shadow: style.boxShadow, contrast: (light + 0.05) / (dark + 0.05)};
}"""


def assert_focus_visible(page: Page):
    """A ring at least 2 px wide, 3:1 against what surrounds it (WCAG 2.2 1.4.11), or a shadow."""
    style = page.evaluate(FOCUS_STYLE)
    ring = style["outline"] != "none" and style["width"] >= 2 and style["contrast"] >= 3
    assert ring or style["shadow"] != "none", f"no visible focus indicator: {style}"


def focused_text(page: Page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


def tab_to_select(page: Page, label: str):
    for _ in range(40):
        if (
            page.evaluate(
                "document.activeElement.labels && document.activeElement.labels[0]"
                " ? document.activeElement.labels[0].textContent.trim() : null"
            )
            == label
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach the select for {label!r} with the Tab key")


def test_whole_quiz_by_keyboard_with_visible_focus_and_announced_results(
    open_audit_page, audit_scenario
):
    attempt = audit_scenario.open_attempt
    chronology = attempt.questions.get(kind="chronology")
    matching = attempt.questions.get(kind="matching")
    assert chronology.position < matching.position
    page = open_audit_page(audit_page("chronology"))
    wait_for_move_buttons(page)

    page.keyboard.press("Tab")  # the skip link, first stop on every page
    assert focused_text(page) == "Aller au contenu"
    assert_focus_visible(page)
    page.keyboard.press("Tab")  # the site's name, on the blue header
    assert focused_text(page) == "quizsite"
    assert_focus_visible(page)

    wanted = right_labels(chronology)
    for index, label in enumerate(wanted):
        current = labels_in_page_order(page).index(label)
        if current == index:
            continue
        tab_to(page, f"Monter « {label} »")
        assert_focus_visible(page)
        for _ in range(current - index):
            page.keyboard.press("Enter")
            assert_focus_visible(page)  # focus follows the moved item's button
        expect(page.locator("[data-live]")).to_have_text(
            f"« {label} » est maintenant en position {index + 1} sur {len(wanted)}."
        )
    assert labels_in_page_order(page) == wanted

    tab_to(page, "Valider")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    status = page.get_by_role("status")
    expect(status).to_contain_text("Votre score pour cette question : 100 %")
    expect(page.locator(":focus")).to_have_text("Votre score pour cette question : 100 %")
    assert_no_blocking_violation(page, "chronology feedback after an htmx answer")

    tab_to(page, "Question suivante")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.get_by_text(f"Question {matching.position} sur 2")).to_be_focused()

    for prompt_id, answer_id in dict(matching.data["answer"]).items():
        select = page.locator(f"#match-{prompt_id}")
        tab_to_select(page, select.evaluate("el => el.labels[0].textContent.trim()"))
        assert_focus_visible(page)
        letter = select.locator(f'option[value="{answer_id}"]').text_content().strip()[0]
        page.keyboard.type(letter)  # options read "B. …": typing the letter picks one
        expect(select).to_have_value(answer_id)
    tab_to(page, "Valider")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Votre score pour cette question : 100 %")
    expect(page.locator(":focus")).to_have_text("Votre score pour cette question : 100 %")
    assert_no_blocking_violation(page, "matching feedback after an htmx answer")

    tab_to(page, "Voir le résultat")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Total : 2 point(s) sur 2, soit 100 %")).to_be_visible()
