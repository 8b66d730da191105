"""No question twice in an attempt, none sharing more than half of its items with another, and
a student's next attempt brings questions not seen yet while new ones remain."""

from quizzes.attempts import start_attempt
from quizzes.engine.quiz import item_facts, question_kind, too_similar


def questions_of(attempt) -> list[dict]:
    return [q.data for q in attempt.questions.order_by("position")]


def test_every_default_set_draws_questions_that_never_repeat_within_an_attempt(
    student, default_sets
):
    for question_set in default_sets.values():
        for _attempt in range(5):
            questions = questions_of(start_attempt(question_set, user=student))
            assert len(questions) == question_set.question_count
            for index, question in enumerate(questions):
                for other in questions[index + 1 :]:
                    assert not too_similar(question, other), question_set.title


def test_a_new_attempt_brings_questions_the_student_has_not_seen(student, default_sets):
    question_set = default_sets["Chronologie 1943-1945"]
    seen: set = set()
    for _attempt in range(4):
        questions = questions_of(start_attempt(question_set, user=student))
        drawn = {(question_kind(q), item_facts(q)) for q in questions}
        assert not drawn & seen
        seen |= drawn


def test_every_student_gets_the_same_questions_when_the_set_says_so(student, default_sets):
    question_set = default_sets["Chronologie 1943-1945"]
    question_set.regenerate_per_attempt = False
    question_set.save()
    first = questions_of(start_attempt(question_set, user=student))
    assert questions_of(start_attempt(question_set, user=student)) == first


def test_the_demo_summer_1943_set_shows_only_summer_1943_events(fact_base):
    from datetime import date

    from quizzes.default_sets import DEMO_CLASS_SET
    from quizzes.models import QuestionSet
    from quizzes.question_builder import build_questions

    question_set = QuestionSet(**DEMO_CLASS_SET)
    for seed in range(20):
        for question in build_questions(question_set, f"graine-{seed}", pinned=[]):
            for item in question["items"]:
                if item.get("start"):
                    assert date(1943, 7, 1) <= date.fromisoformat(item["start"])
                    assert date.fromisoformat(item["end"]) <= date(1943, 9, 30)
