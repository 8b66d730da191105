"""A student takes a quiz in real headless Chromium: one chronology by dragging, one by keyboard
only, one matching question; then again with JavaScript disabled."""

import pytest
from playwright.sync_api import Page, expect

from quizzes.models import QuestionSet
from tests.browser.conftest import answer_matching, log_in, start_set, tab_to

pytestmark = pytest.mark.browser


@pytest.fixture
def three_question_set(site):
    question_set = QuestionSet.objects.create(
        title="Campagne d’Italie : épreuve",
        chronology_count=2,
        chronology_items=4,
        matching_count=1,
        matching_pairs=3,
        matching_relations=["role"],
        status=QuestionSet.Status.PUBLISHED,
    )
    return question_set


def labels_in_page_order(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(".order-item .order-label").all_text_contents()]


def right_labels(question) -> list[str]:
    items = {item["id"]: item["label"] for item in question.data["items"]}
    return [items[item_id] for item_id in question.data["answer"]]


def wait_for_enhancement(page: Page):
    """The scripts load deferred: wait until they have shown the move buttons."""
    expect(page.locator("[data-move-buttons]").first).to_be_visible()


def drag_into_order(page: Page, wanted: list[str]):
    """Drag items with the mouse (SortableJS) until the list reads in the wanted order."""
    page.set_viewport_size({"width": 1280, "height": 1400})  # the whole list on screen
    wait_for_enhancement(page)
    for index, label in enumerate(wanted):
        for _ in range(3):
            if labels_in_page_order(page)[index] == label:
                break
            source = page.locator(".order-item").filter(has_text=label).first
            target = page.locator(".order-item").nth(index)
            source_box, target_box = source.bounding_box(), target.bounding_box()
            page.mouse.move(source_box["x"] + 20, source_box["y"] + source_box["height"] / 2)
            page.mouse.down()
            page.mouse.move(source_box["x"] + 20, source_box["y"] + 5, steps=5)
            page.mouse.move(target_box["x"] + 20, target_box["y"] + 4, steps=20)
            page.wait_for_timeout(250)  # let SortableJS finish its 150 ms animation
            page.mouse.move(target_box["x"] + 20, target_box["y"] + 2, steps=2)
            page.mouse.up()
            page.wait_for_timeout(250)
    assert labels_in_page_order(page) == wanted


def keyboard_into_order(page: Page, wanted: list[str]):
    """Only Tab and Enter: move each item up with its « Monter » button to its place."""
    wait_for_enhancement(page)
    for index, label in enumerate(wanted):
        current = labels_in_page_order(page).index(label)
        if current == index:
            continue
        tab_to(page, f"Monter « {label} »")
        for _ in range(current - index):
            page.keyboard.press("Enter")
        expect(page.locator("[data-live]")).to_contain_text(f"position {index + 1} sur")
    assert labels_in_page_order(page) == wanted


def test_student_completes_a_quiz_by_drag_keyboard_and_matching(
    page: Page, site, three_question_set, artifacts
):
    log_in(page, site)
    attempt = start_set(page, three_question_set)
    questions = list(attempt.questions.order_by("position"))
    chronologies = [q for q in questions if q.kind == "chronology"]
    matching = next(q for q in questions if q.kind == "matching")

    expect(page.get_by_text("Question 1 sur 3")).to_be_visible()
    drag_into_order(page, right_labels(chronologies[0]))
    page.screenshot(path=artifacts / "quiz-chronology-desktop.png", full_page=True)
    page.get_by_role("button", name="Valider").click()
    expect(page.get_by_text("Votre score pour cette question : 100 %")).to_be_visible()
    expect(page.get_by_role("heading", name="La bonne chronologie")).to_be_visible()
    page.get_by_role("link", name="Question suivante").click()

    expect(page.get_by_text("Question 2 sur 3")).to_be_visible()
    assert page.url.endswith(f"/tentatives/{attempt.pk}/questions/2/")
    keyboard_into_order(page, right_labels(chronologies[1]))
    tab_to(page, "Valider")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Votre score pour cette question : 100 %")).to_be_visible()
    page.get_by_role("link", name="Question suivante").click()

    expect(page.get_by_text("Question 3 sur 3")).to_be_visible()
    answer_matching(page, matching)
    page.screenshot(path=artifacts / "quiz-matching-desktop.png", full_page=True)
    page.get_by_role("button", name="Valider").click()
    expect(page.get_by_text("Votre score pour cette question : 100 %")).to_be_visible()
    page.get_by_role("link", name="Voir le résultat").click()

    expect(page.get_by_text("Total : 3 point(s) sur 3, soit 100 %")).to_be_visible()
    page.get_by_role("link", name="Mes résultats", exact=True).click()
    expect(page.get_by_role("heading", name="Mes scores au fil du temps")).to_be_visible()
    page.screenshot(path=artifacts / "results-desktop.png", full_page=True)
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 3.0


def test_student_completes_a_quiz_without_javascript(browser, site, three_question_set, artifacts):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, site)
    attempt = start_set(page, three_question_set)
    for question in attempt.questions.order_by("position"):
        expect(page.get_by_text(f"Question {question.position} sur 3")).to_be_visible()
        if question.kind == "chronology":
            for position, label in enumerate(right_labels(question), 1):
                page.get_by_label(f"Position de « {label} »").select_option(str(position))
        else:
            answer_matching(page, question)
        page.get_by_role("button", name="Valider").click()
        expect(page.get_by_text("Votre score pour cette question : 100 %")).to_be_visible()
        if question.position < 3:
            page.get_by_role("link", name="Question suivante").click()
    page.screenshot(path=artifacts / "quiz-feedback-nojs.png", full_page=True)
    page.get_by_role("link", name="Voir le résultat").click()
    expect(page.get_by_text("Total : 3 point(s) sur 3, soit 100 %")).to_be_visible()
    context.close()
