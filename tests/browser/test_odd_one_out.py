"""A student finds the intruder in real headless Chromium: with the mouse, by touch on a
phone, with the keyboard only, and with JavaScript disabled."""

import re

import pytest
from playwright.sync_api import Page, expect

from quizzes.models import QuestionSet
from tests.browser.test_student_quiz import log_in, start_set

pytestmark = pytest.mark.browser


@pytest.fixture
def odd_set(site):
    return QuestionSet.objects.create(
        title="Campagne d’Italie : l’intrus",
        chronology_count=0,
        matching_count=0,
        odd_one_out_count=3,
        status=QuestionSet.Status.PUBLISHED,
    )


def intruder_label(question) -> str:
    return next(i["label"] for i in question.data["items"] if i["id"] == question.data["answer"])


def expect_found(page: Page, question):
    expect(page.get_by_text("Votre score pour cette question : 100 %")).to_be_visible()
    expect(page.get_by_text(f"L’intrus : « {intruder_label(question)} ».")).to_be_visible()
    for item in question.data["items"]:
        expect(page.get_by_text(f"« {item['quote']} »")).to_be_visible()


def keyboard_choose(page: Page, value: str):
    """Only Tab, the arrow keys and Enter: Tab into the radio group, arrows to the option."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "intruder":
            break
    else:
        raise AssertionError("could not reach the options with the Tab key")
    for _ in range(8):
        if page.evaluate("document.activeElement.value") == value:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")  # checks the focused option if the arrows have not
    assert page.evaluate("document.activeElement.checked") is True
    assert page.evaluate("document.activeElement.value") == value
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Valider"
    page.keyboard.press("Enter")


def test_student_finds_the_intruder_with_the_mouse_then_the_keyboard(
    page: Page, site, odd_set, artifacts
):
    log_in(page, site)
    attempt = start_set(page, odd_set)
    first, second, third = attempt.questions.order_by("position")

    expect(
        page.get_by_role("group", name=re.compile("Lequel de ces (événements|acteurs)"))
    ).to_be_visible()
    page.get_by_label(intruder_label(first), exact=True).click()
    page.screenshot(path=artifacts / "odd-one-out-question.png", full_page=True)
    page.get_by_role("button", name="Valider").click()
    expect_found(page, first)
    page.screenshot(path=artifacts / "odd-one-out-feedback.png", full_page=True)
    page.get_by_role("link", name="Question suivante").click()

    expect(page.get_by_text("Question 2 sur 3")).to_be_visible()
    keyboard_choose(page, second.data["answer"])
    expect_found(page, second)
    page.get_by_role("link", name="Question suivante").click()

    expect(page.get_by_text("Question 3 sur 3")).to_be_visible()
    wrong = next(i for i in third.data["items"] if i["id"] != third.data["answer"])
    page.get_by_label(wrong["label"], exact=True).click()
    page.get_by_role("button", name="Valider").click()
    expect(page.get_by_text("Votre score pour cette question : 0 %")).to_be_visible()
    expect(page.get_by_text(f"Votre réponse : {wrong['label']}")).to_be_visible()
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 2.0


def test_student_finds_the_intruder_by_touch_on_a_phone(browser, site, odd_set, artifacts):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    log_in(page, site)
    attempt = start_set(page, odd_set)
    question = attempt.questions.get(position=1)
    page.get_by_label(intruder_label(question), exact=True).tap()
    page.get_by_role("button", name="Valider").tap()
    expect_found(page, question)
    page.screenshot(path=artifacts / "odd-one-out-phone.png", full_page=True)
    context.close()


def test_student_finds_the_intruder_without_javascript(browser, site, odd_set):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, site)
    attempt = start_set(page, odd_set)
    for question in attempt.questions.order_by("position"):
        expect(page.get_by_text(f"Question {question.position} sur 3")).to_be_visible()
        page.get_by_label(intruder_label(question), exact=True).check()
        page.get_by_role("button", name="Valider").click()
        expect_found(page, question)
        if question.position < 3:
            page.get_by_role("link", name="Question suivante").click()
    page.get_by_role("link", name="Voir le résultat").click()
    expect(page.get_by_text("Total : 3 point(s) sur 3, soit 100 %")).to_be_visible()
    context.close()
