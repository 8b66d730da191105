"""A student answers true-or-false questions in real headless Chromium: with the mouse, with the
keyboard only, by touch on a phone, and with JavaScript disabled; each time the correction
(the true statement and its quote) follows the answer."""

import pytest
from playwright.sync_api import Page, expect

from quizzes.engine.true_false import statement
from quizzes.models import QuestionSet
from tests.browser.test_student_quiz import log_in, start_set, tab_to

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def true_false_set(site):
    return QuestionSet.objects.create(
        title="Vrai ou faux : l’Italie en guerre",
        chronology_count=0,
        matching_count=0,
        true_false_count=3,
        status=QuestionSet.Status.PUBLISHED,
    )


def verdict(question) -> str:
    return "Vrai" if question.data["answer"] else "Faux"


def true_statement(question) -> str:
    return statement(question.data["wording"], question.data["true_parts"])


def expect_correction(page: Page, question):
    expect(page.get_by_text("Votre score pour cette question : 100 %")).to_be_visible()
    expect(page.get_by_role("heading", name="L’affirmation vraie")).to_be_visible()
    expect(page.locator(".true-statement")).to_contain_text(true_statement(question))
    expect(page.locator(".true-statement blockquote")).to_contain_text(
        question.data["items"][0]["quote"][:60]
    )


def focused_choice(page: Page) -> str | None:
    """The label of the focused radio button (its own text is empty)."""
    return page.evaluate(
        "(() => { const el = document.activeElement;"
        " return el && el.labels && el.labels.length ? el.labels[0].textContent.trim() : null;"
        " })()"
    )


def choose_by_keyboard(page: Page, wanted: str):
    """Tab into the radio group (it lands on « Vrai »), arrow down to « Faux » if wanted."""
    for _ in range(30):
        if focused_choice(page) in ("Vrai", "Faux"):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("could not reach the choices with the Tab key")
    page.keyboard.press("ArrowDown" if wanted == "Faux" else "Space")
    expect(page.get_by_role("radio", name=wanted)).to_be_checked()


def test_student_answers_with_the_mouse_then_with_the_keyboard_only(
    page: Page, site, true_false_set, artifacts
):
    log_in(page, site)
    attempt = start_set(page, true_false_set)
    questions = list(attempt.questions.order_by("position"))

    statement_shown = statement(questions[0].data["wording"], questions[0].data["parts"])
    expect(page.get_by_role("group", name=statement_shown)).to_be_visible()
    page.get_by_role("radio", name=verdict(questions[0])).click()
    page.get_by_role("button", name="Valider").click()
    expect_correction(page, questions[0])
    page.screenshot(path=artifacts / "quiz-true-false-feedback-desktop.png", full_page=True)

    for question in questions[1:]:
        tab_to(page, "Question suivante")
        page.keyboard.press("Enter")
        expect(page.get_by_text(f"Question {question.position} sur 3")).to_be_visible()
        choose_by_keyboard(page, verdict(question))
        tab_to(page, "Valider")
        page.keyboard.press("Enter")
        expect_correction(page, question)
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 3.0


def test_student_answers_by_touch_on_a_phone(browser, site, true_false_set, artifacts):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    log_in(page, site)
    attempt = start_set(page, true_false_set)
    for question in attempt.questions.order_by("position"):
        expect(page.get_by_text(f"Question {question.position} sur 3")).to_be_visible()
        choice = page.locator(".verdict-choice").filter(has_text=verdict(question))
        box = choice.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44  # a thumb's reach
        choice.tap()
        if question.position == 1:
            page.screenshot(path=artifacts / "quiz-true-false-phone.png", full_page=True)
        page.get_by_role("button", name="Valider").tap()
        expect_correction(page, question)
        if question.position < 3:
            page.get_by_role("link", name="Question suivante").tap()
    attempt.refresh_from_db()
    assert attempt.score == 3.0
    context.close()


def test_student_answers_without_javascript_and_a_wrong_verdict_scores_nothing(
    browser, site, true_false_set
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, site)
    attempt = start_set(page, true_false_set)
    for question in attempt.questions.order_by("position"):
        expect(page.get_by_text(f"Question {question.position} sur 3")).to_be_visible()
        right = question.position != 2
        wanted = verdict(question) if right else {"Vrai": "Faux", "Faux": "Vrai"}[verdict(question)]
        page.get_by_label(wanted, exact=True).check()
        page.get_by_role("button", name="Valider").click()
        if right:
            expect_correction(page, question)
        else:
            expect(page.get_by_text("Votre score pour cette question : 0 %")).to_be_visible()
            expect(page.locator(".true-statement")).to_contain_text(true_statement(question))
        if question.position < 3:
            page.get_by_role("link", name="Question suivante").click()
    page.get_by_role("link", name="Voir le résultat").click()
    expect(page.get_by_text("Total : 2 point(s) sur 3")).to_be_visible()
    context.close()
