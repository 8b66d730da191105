"""A student answers the newer question kinds in real headless Chromium: « which came first? »,
the date to type (year, or month and year) and cause → consequence matching; each with the
mouse, with the keyboard alone, and with JavaScript disabled (plain form posts)."""

from datetime import date

import pytest
from django.db.models import Q
from django.utils.dates import MONTHS
from playwright.sync_api import Page, expect

from quizzes.models import Fact, QuestionSet
from tests.audit.test_axe import assert_no_blocking_violation
from tests.audit.test_keyboard import assert_focus_visible, tab_to_select
from tests.browser.conftest import answer_matching, log_in, start_set, tab_to

pytestmark = pytest.mark.browser

SCORE = "Votre score pour cette question : {} %"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe is injected as an inline script, which the site's Content-Security-Policy forbids.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def dates_set(site):
    """One « which came first? » and two dates to type: the spring 1943 event's year, the
    26 July 1943 event's month and year (the source dates each no more precisely)."""
    question_set = QuestionSet.objects.create(
        title="Italie 1943 : quelle date ?",
        chronology_count=0,
        matching_count=0,
        which_first_count=1,
        date_entry_count=2,
        status=QuestionSet.Status.PUBLISHED,
    )
    question_set.facts.set(
        Fact.objects.events().filter(
            Q(date_label="Le 26 juillet") | Q(text__startswith="Les groupes d’opposition")
        )
    )
    assert question_set.facts.count() == 2
    return question_set


@pytest.fixture
def causes_set(site):
    return QuestionSet.objects.create(
        title="Italie 1943 : causes et conséquences",
        chronology_count=0,
        matching_count=1,
        matching_pairs=3,
        matching_relations=["causes"],
        status=QuestionSet.Status.PUBLISHED,
    )


def which_first_then_two_dates(attempt):
    """The « which came first? » question; the two dates follow it, one of each precision."""
    questions = list(attempt.questions.order_by("position"))
    which_first = next(q for q in questions if q.kind == "which_first")
    dates = {q.data["precision"]: q for q in questions if q.kind == "date_entry"}
    assert [q.kind for q in questions] == ["which_first", "date_entry", "date_entry"]
    assert set(dates) == {"year", "month"}
    return which_first


def labels(question) -> dict[str, str]:
    return {item["id"]: item["label"] for item in question.data["items"]}


def wrong_choice(question) -> str:
    return next(i for i in labels(question) if i != question.data["answer"])


def source_date(question) -> tuple[int, int]:
    start = date.fromisoformat(question.data["answer"]["start"])
    return start.year, start.month


def expect_answered(page: Page, answered: int, score: int):
    """The score announced in the status region, the progress bar one step further."""
    expect(page.get_by_role("status")).to_contain_text(SCORE.format(score))
    progress = page.get_by_role("progressbar", name="Questions répondues")
    expect(progress).to_have_attribute("value", str(answered))


def expect_sources_shown(page: Page, question):
    """The dates as the source writes them, and each quote once its « Voir la citation » opens
    (they never reach the page before the answer; tests/student checks that)."""
    timeline = page.get_by_role("list", name="Ce que dit la source")
    for item in question.data["items"]:
        entry = timeline.locator(".timeline-event").filter(has_text=item["label"])
        expect(entry.locator(".date-label")).to_have_text(item["date_label"])
        quote = entry.get_by_text(f"« {item['quote']} »")
        expect(quote).to_be_hidden()
        entry.get_by_text("Voir la citation").click()
        expect(quote).to_be_visible()


def expect_which_first_feedback(page: Page, question, *, right: bool):
    first = labels(question)[question.data["answer"]]
    verdict = page.locator(".is-right" if right else ".is-wrong").filter(has_text="En premier")
    expect(verdict).to_contain_text(f"En premier : « {first} ».")
    expect(verdict.locator(".verdict")).to_have_text("✓ juste" if right else "✗ faux")
    chosen = page.get_by_text(f"Votre réponse : {labels(question)[wrong_choice(question)]}")
    if right:
        expect(chosen).to_have_count(0)
    else:
        expect(chosen).to_be_visible()


def expect_date_feedback(page: Page, question, *, year: int, month: int | None, score: int):
    given = f"{MONTHS[month]} {year}" if month else str(year)
    expect(page.get_by_text(f"votre réponse : {given}")).to_be_visible()
    right_year, right_month = source_date(question)
    verdicts = page.locator(".date-verdicts")
    year_verdict = "✓ L’année est juste." if year == right_year else "✗ L’année est fausse."
    expect(verdicts).to_contain_text(year_verdict)
    if month:
        # A month is right only in the right year (July 1944 is not July 1943).
        month_is_right = (year, month) == (right_year, right_month)
        month_verdict = "✓ Le mois est juste." if month_is_right else "✗ Le mois est faux."
        expect(verdicts).to_contain_text(month_verdict)
    half = page.get_by_text("La bonne année sans le bon mois rapporte la moitié des points.")
    if score == 50:
        expect(half).to_be_visible()
    else:
        expect(half).to_have_count(0)


def expect_matching_feedback(page: Page, question):
    expect(page.get_by_role("heading", name="Les bonnes associations")).to_be_visible()
    answers = {item["id"]: item["label"] for item in question.data["answers"]}
    pairs = dict(question.data["answer"])
    review = page.locator(".pair-review > li")
    expect(review).to_have_count(len(pairs))
    for prompt in question.data["prompts"]:
        row = review.filter(has_text=prompt["label"])
        expect(row).to_have_class("is-right")
        expect(row).to_contain_text(f"{prompt['label']} → {answers[pairs[prompt['id']]]}")
        row.get_by_text("Voir la citation").click()
        expect(row.locator("blockquote")).to_be_visible()


def next_question(page: Page, position: int, total: int):
    page.get_by_role("link", name="Question suivante").click()
    expect(page.get_by_text(f"Question {position} sur {total}")).to_be_visible()


def see_total(page: Page, text: str):
    page.get_by_role("link", name="Voir le résultat").click()
    expect(page.locator(".total-score")).to_have_text(text)


def type_date_with_the_mouse(page: Page, year: int, month: int | None):
    if month:
        page.get_by_label("Mois").select_option(str(month))
    page.get_by_label("Année").click()
    page.keyboard.type(str(year))


# Mouse


def test_student_answers_which_first_and_dates_with_the_mouse(page: Page, site, dates_set):
    log_in(page, site)
    attempt = start_set(page, dates_set)
    which_first = which_first_then_two_dates(attempt)

    right = labels(which_first)[which_first.data["answer"]]
    page.locator("label").filter(has_text=right).click()
    expect(page.get_by_role("radio", name=right)).to_be_checked()
    page.get_by_role("button", name="Valider").click()
    expect_answered(page, 1, 100)
    expect_which_first_feedback(page, which_first, right=True)
    expect_sources_shown(page, which_first)

    for position in (2, 3):
        next_question(page, position, 3)
        question = attempt.questions.get(position=position)
        year, month = source_date(question)
        if question.data["precision"] == "month":
            month = month % 12 + 1  # the right year, the next month: half the points
            score = 50
        else:
            month, score = None, 100
        type_date_with_the_mouse(page, year, month)
        page.get_by_role("button", name="Valider").click()
        expect_answered(page, position, score)
        expect_date_feedback(page, question, year=year, month=month, score=score)
        expect_sources_shown(page, question)

    see_total(page, "Total : 2,50 point(s) sur 3, soit 83 %")
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 2.5


def test_student_answers_cause_matching_with_the_mouse(page: Page, site, causes_set):
    log_in(page, site)
    attempt = start_set(page, causes_set)
    question = attempt.questions.get()
    assert question.kind == "matching"
    expect(
        page.get_by_role("heading", name="Associez chaque cause à sa conséquence.")
    ).to_be_visible()
    answer_matching(page, question)
    page.get_by_role("button", name="Valider").click()
    expect_answered(page, 1, 100)
    expect_matching_feedback(page, question)
    see_total(page, "Total : 1 point(s) sur 1, soit 100 %")


# Keyboard only: Tab, Space, arrows, typing and Enter; no click.


def expect_focus_on_score(page: Page, score: int):
    """After the htmx swap, focus sits on the score heading, visibly, which is read out; the
    page as htmx left it has no serious accessibility violation."""
    expect(page.locator(":focus")).to_have_text(SCORE.format(score))
    assert_focus_visible(page)
    assert_no_blocking_violation(page, f"{page.url} after an htmx answer")


def next_question_by_keyboard(page: Page, position: int, total: int):
    tab_to(page, "Question suivante")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.get_by_text(f"Question {position} sur {total}")).to_be_focused()
    assert_focus_visible(page)


def open_quotes_by_keyboard(page: Page, count: int):
    for index in range(count):
        tab_to(page, "Voir la citation")
        assert_focus_visible(page)
        page.keyboard.press("Enter")
        expect(page.locator("details.quote").nth(index)).to_have_attribute("open", "")
        page.keyboard.press("Tab")  # on to the next one


def test_student_answers_which_first_and_dates_by_keyboard_only(page: Page, site, dates_set):
    log_in(page, site)
    attempt = start_set(page, dates_set)
    which_first = which_first_then_two_dates(attempt)

    # Tab reaches the first choice of the group; the arrow keys move to the other and pick it.
    wrong = wrong_choice(which_first)
    tab_to_select(page, labels(which_first)[next(iter(labels(which_first)))])
    assert_focus_visible(page)
    page.keyboard.press("Space")
    if list(labels(which_first)).index(wrong) == 1:
        page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name=labels(which_first)[wrong])).to_be_checked()
    expect(page.get_by_role("radio", name=labels(which_first)[wrong])).to_be_focused()
    assert_focus_visible(page)
    tab_to(page, "Valider")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect_answered(page, 1, 0)
    expect_focus_on_score(page, 0)
    expect_which_first_feedback(page, which_first, right=False)
    open_quotes_by_keyboard(page, 2)

    for position in (2, 3):
        next_question_by_keyboard(page, position, 3)
        question = attempt.questions.get(position=position)
        year, month = source_date(question)
        if question.data["precision"] == "month":
            tab_to_select(page, "Mois")
            assert_focus_visible(page)
            page.keyboard.type(str(MONTHS[month]))  # a closed select picks the option typed
            expect(page.get_by_label("Mois")).to_have_value(str(month))
        else:
            month = None
        page.keyboard.press("Tab")
        expect(page.get_by_label("Année")).to_be_focused()
        assert_focus_visible(page)
        page.keyboard.type(str(year))
        page.keyboard.press("Enter")  # submits the form from the text field
        expect_answered(page, position, 100)
        expect_focus_on_score(page, 100)
        expect_date_feedback(page, question, year=year, month=month, score=100)

    tab_to(page, "Voir le résultat")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Total : 2 point(s) sur 3, soit 67 %")).to_be_visible()


def test_an_answer_typed_before_the_swap_settles_still_goes_through_htmx(
    page: Page, site, dates_set
):
    """htmx wires swapped-in content only when the swap settles; on a busy phone that can come
    after the student has already typed the year and pressed Enter. The answer must still be
    sent by htmx (no page reload, focus on the score), not as a plain form post."""
    log_in(page, site)
    attempt = start_set(page, dates_set)
    which_first = which_first_then_two_dates(attempt)
    page.evaluate("() => { htmx.config.defaultSettleDelay = 5000; window.stillThisPage = true; }")
    page.get_by_role("radio", name=labels(which_first)[wrong_choice(which_first)]).check()
    page.get_by_role("button", name="Valider").press("Enter")
    expect_answered(page, 1, 0)

    next_question_by_keyboard(page, 2, 3)
    question = attempt.questions.get(position=2)
    year, month = source_date(question)
    if question.data["precision"] == "month":
        page.get_by_label("Mois").select_option(str(month))
    page.get_by_label("Année").fill(str(year))
    page.get_by_label("Année").press("Enter")
    expect_answered(page, 2, 100)
    expect(page.locator(":focus")).to_have_text(SCORE.format(100))
    assert page.evaluate("() => window.stillThisPage === true"), "the answer reloaded the page"


def test_student_answers_cause_matching_by_keyboard_only(page: Page, site, causes_set):
    log_in(page, site)
    attempt = start_set(page, causes_set)
    question = attempt.questions.get()
    for prompt_id, answer_id in dict(question.data["answer"]).items():
        select = page.locator(f"#match-{prompt_id}")
        tab_to_select(page, select.evaluate("el => el.labels[0].textContent.trim()"))
        assert_focus_visible(page)
        letter = select.locator(f'option[value="{answer_id}"]').text_content().strip()[0]
        page.keyboard.type(letter)  # options read "B. …": typing the letter picks one
        expect(select).to_have_value(answer_id)
    tab_to(page, "Valider")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect_answered(page, 1, 100)
    expect_focus_on_score(page, 100)
    open_quotes_by_keyboard(page, len(question.data["prompts"]))
    tab_to(page, "Voir le résultat")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Total : 1 point(s) sur 1, soit 100 %")).to_be_visible()


# Without JavaScript: every answer is a plain form post and a whole page.


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_student_answers_which_first_and_dates_without_javascript(no_js_page, site, dates_set):
    page = no_js_page
    log_in(page, site)
    attempt = start_set(page, dates_set)
    which_first = which_first_then_two_dates(attempt)

    page.get_by_role("radio", name=labels(which_first)[which_first.data["answer"]]).check()
    page.get_by_role("button", name="Valider").click()
    expect_answered(page, 1, 100)
    expect_which_first_feedback(page, which_first, right=True)
    expect_sources_shown(page, which_first)

    for position in (2, 3):
        next_question(page, position, 3)
        assert page.url.endswith(f"/tentatives/{attempt.pk}/questions/{position}/")
        question = attempt.questions.get(position=position)
        year, month = source_date(question)
        if question.data["precision"] == "month":
            page.get_by_label("Mois").select_option(str(month))
            year += 1  # a wrong year earns nothing, even with the right month
            score = 0
        else:
            month, score = None, 100
        page.get_by_label("Année").fill(str(year))
        page.get_by_role("button", name="Valider").click()
        expect_answered(page, position, score)
        expect_date_feedback(page, question, year=year, month=month, score=score)
        expect_sources_shown(page, question)

    see_total(page, "Total : 2 point(s) sur 3, soit 67 %")


def test_student_answers_cause_matching_without_javascript(no_js_page, site, causes_set):
    page = no_js_page
    log_in(page, site)
    attempt = start_set(page, causes_set)
    question = attempt.questions.get()
    answer_matching(page, question)
    page.get_by_role("button", name="Valider").click()
    expect_answered(page, 1, 100)
    expect_matching_feedback(page, question)
    see_total(page, "Total : 1 point(s) sur 1, soit 100 %")
