"""A student reviews in real headless Chromium, with the keyboard alone and without JavaScript:
the home says how many facts are due, « Réviser » starts a session of questions about them,
each answered by Tab, arrows, Space and typing, posted as plain forms; the summary leads back."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from quizzes.models import Attempt, Fact, ReviewCard
from quizzes.review.scheduling import schedule_answers
from tests.audit.test_keyboard import assert_focus_visible
from tests.browser.conftest import log_in
from tests.conftest import right_answer_post

pytestmark = pytest.mark.browser


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def due_facts(site):
    """Camille missed 8 events three days ago: all due today."""
    facts = list(Fact.objects.events().order_by("pk")[:8])
    schedule_answers(
        user=site["student"],
        results=[(fact.pk, 1) for fact in facts],
        reviewed_at=timezone.now() - timedelta(days=3),
    )
    return facts


def tab_until(page: Page, selector: str, text: str | None = None, tries: int = 80):
    """Press Tab until the focused element matches `selector` (and reads `text`)."""
    for _ in range(tries):
        if page.evaluate(
            "([s, t]) => { const el = document.activeElement;"
            " return !!el && el.matches(s) && (t === null || el.textContent.trim() === t); }",
            [selector, text],
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {selector!r} {text or ''} with the Tab key")


def in_page_order(page: Page, post: dict) -> list[tuple[str, str]]:
    def place(name):
        return page.locator(f'[name="{name}"]').first.evaluate(
            "el => Array.from(document.querySelectorAll('input, select')).indexOf(el)"
        )

    return sorted(((name, str(value)) for name, value in post.items()), key=lambda i: place(i[0]))


def choose(page: Page, name: str, value: str):
    """A radio group: Tab reaches its first radio, the arrows move through the others."""
    tab_until(page, f'input[type="radio"][name="{name}"]')
    for _ in range(8):
        if page.evaluate("() => document.activeElement.value") == value:
            page.keyboard.press("Space")
            break
        page.keyboard.press("ArrowDown")
    expect(page.locator(f'input[name="{name}"][value="{value}"]')).to_be_checked()


def pick(page: Page, name: str, value: str):
    """A closed select: Home, then ArrowDown until the wanted option is chosen."""
    tab_until(page, f'select[name="{name}"]')
    assert_focus_visible(page)
    page.keyboard.press("Home")
    for _ in range(20):
        if page.evaluate("() => document.activeElement.value") == value:
            break
        page.keyboard.press("ArrowDown")
    expect(page.locator(f'select[name="{name}"]')).to_have_value(value)


def answer_by_keyboard(page: Page, question: dict):
    for name, value in in_page_order(page, right_answer_post(question)):
        kind = page.locator(f'[name="{name}"]').first.evaluate("el => el.tagName + el.type")
        if kind == "INPUTradio":
            choose(page, name, value)
        elif kind.startswith("SELECT"):
            pick(page, name, value)
        else:
            tab_until(page, f'input[name="{name}"]')
            page.keyboard.type(value)
    tab_until(page, 'main button[type="submit"]')
    page.keyboard.press("Enter")
    expect(page.get_by_text("Votre score pour cette question : 100 %")).to_be_visible()


def test_a_student_reviews_with_the_keyboard_and_without_javascript(
    no_js_page: Page, site, due_facts
):
    page = no_js_page
    log_in(page, site)
    expect(page.get_by_text("8 faits à revoir aujourd’hui.")).to_be_visible()

    tab_until(page, 'a[href="/reviser/"]')
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Réviser", level=1)).to_be_visible()
    tab_until(page, "main button")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile(r"^Question 1 sur \d$"))).to_be_visible()

    attempt = Attempt.objects.get(question_set__review_for=site["student"])
    questions = list(attempt.questions.order_by("position"))
    total = len(questions)
    for question in questions:
        expect(page.get_by_text(f"Question {question.position} sur {total}")).to_be_visible()
        answer_by_keyboard(page, question.data)
        link = "Voir le résultat" if question.position == total else "Question suivante"
        tab_until(page, "a.button", link)
        page.keyboard.press("Enter")

    expect(page.get_by_text(f"Total : {total} point(s) sur {total}, soit 100 %")).to_be_visible()
    answered = {
        int(item["fact_id"]) for q in questions for item in q.data.get("items") or q.data["prompts"]
    }
    due = {fact.pk for fact in due_facts}
    # Every fact the session asked about is now rated Good and no longer due today.
    cards = ReviewCard.objects.filter(user=site["student"], fact_id__in=answered & due)
    assert cards.exists()
    assert all(
        card.last_rating == 3 and card.due > timezone.now() + timedelta(days=1) for card in cards
    )
    tab_until(page, "a.button", "Retour à la révision")
    page.keyboard.press("Enter")
    remaining = len(due - answered)
    expected = f"{remaining} fait" if remaining else "Aucun fait à revoir aujourd’hui."
    expect(page.locator(".review-count")).to_contain_text(expected)


def test_a_teacher_turns_the_class_weakest_facts_into_a_review_set(page: Page, site):
    from quizzes.models import Classroom, Enrollment, QuestionSet
    from tests.browser.test_teacher_flow import log_in as log_in_as
    from tests.conftest import make_student, make_teacher

    teacher = make_teacher("mme-revision", "Messine-17-aout")
    classroom = Classroom.objects.create(name="3e R", teacher=teacher)
    pupils = [site["student"], make_student("lou-revision")]
    for pupil in pupils:
        Enrollment.objects.create(classroom=classroom, student=pupil)
    facts = list(Fact.objects.events().order_by("pk")[:14])
    for index, pupil in enumerate(pupils):
        # Everyone knows the first four facts; the others are missed by one pupil or both.
        results = [(f.pk, 3 if n < 4 or (index and n % 2) else 1) for n, f in enumerate(facts)]
        schedule_answers(user=pupil, results=results, reviewed_at=timezone.now())

    log_in_as(page, site, "mme-revision", "Messine-17-aout")
    page.goto(site["url"] + f"/enseignant/classes/{classroom.pk}/")
    page.get_by_role("link", name="Ce que la classe maîtrise, fait par fait").click()
    expect(page.get_by_role("heading", name="Ce que la classe « 3e R » maîtrise")).to_be_visible()
    table = page.get_by_role("table", name="Part de la classe qui maîtrise chaque fait")
    expect(table.get_by_role("row")).to_have_count(1 + len(facts))
    expect(table.get_by_role("row").nth(1)).to_contain_text("0 % (0 sur 2)")
    page.get_by_role("link", name="les plus manqués d’abord").click()
    expect(page.get_by_text("Manqué 2 fois").first).to_be_visible()

    page.get_by_role(
        "button", name="Créer une série de révision sur les faits les plus fragiles"
    ).click()
    expect(
        page.get_by_text(re.compile(r"Série « Révision « 3e R » du .* » publiée pour la classe"))
    ).to_be_visible()
    question_set = QuestionSet.objects.get(owner=teacher)
    assert question_set.status == QuestionSet.Status.PUBLISHED
    assert list(question_set.classrooms.all()) == [classroom]
    known = {f.pk for f in facts[:4]}
    assert not known & set(question_set.facts.values_list("pk", flat=True))
