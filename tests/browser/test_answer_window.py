"""In Chromium, with and without JavaScript: a student whose set is unpublished while they are
answering is told so in place of the question, and the answer is not counted."""

import pytest
from playwright.sync_api import expect

from quizzes.models import Attempt, QuestionSet
from tests.browser.test_student_quiz import answer_matching, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def one_question_set(site):
    return QuestionSet.objects.create(
        title="Campagne d’Italie : rôles",
        chronology_count=0,
        matching_count=1,
        matching_pairs=3,
        matching_relations=["role"],
        status=QuestionSet.Status.PUBLISHED,
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_an_answer_after_the_set_is_unpublished_is_refused_in_place(
    browser, site, one_question_set, javascript, artifacts
):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    log_in(page, site)
    card = page.locator(".set-card").filter(has_text=one_question_set.title)
    card.get_by_role("button", name="Commencer").click()
    expect(page.get_by_text("Question 1 sur 1")).to_be_visible()
    attempt = Attempt.objects.latest("pk")
    answer_matching(page, attempt.questions.get())

    one_question_set.status = QuestionSet.Status.DRAFT
    one_question_set.save()
    page.get_by_role("button", name="Valider").click()

    expect(page.get_by_role("alert")).to_contain_text("Cette série n’accepte plus de réponses")
    expect(page.get_by_role("button", name="Valider")).to_have_count(0)
    page.screenshot(path=artifacts / f"answer-refused-{'htmx' if javascript else 'nojs'}.png")
    page.get_by_role("link", name="Voir le résultat").click()
    expect(page.get_by_text("Total : 0 point(s) sur 1, soit 0 %")).to_be_visible()
    attempt.refresh_from_db()
    assert (attempt.answered_count, attempt.score, attempt.finished_at) == (0, 0.0, None)
    context.close()
