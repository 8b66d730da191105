"""A teacher turns their class's weakest facts into a review set, published to the class: a set
of hand-picked facts asking every kind of question those facts allow."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quizzes.engine.questions import NotEnoughFacts
from quizzes.models import Classroom, Fact, QuestionSet
from quizzes.question_builder import build_questions

# What the set asks for at most, each kind kept only if the facts allow it (tried one by one,
# then together, halving the counts until every attempt draws).
WANTED_COUNTS = {
    "which_first_count": 2,
    "date_entry_count": 2,
    "true_false_count": 2,
    "chronology_count": 1,
    "matching_count": 1,
    "odd_one_out_count": 1,
}
COUNT_FIELDS = tuple(WANTED_COUNTS)
SHAPE = {"chronology_items": 3, "matching_pairs": 3, "matching_distractors": 1}
PROBE_SEEDS = ("probe-1", "probe-2", "probe-3")


def _draws(question_set: QuestionSet, facts: list[Fact]) -> bool:
    try:
        for seed in PROBE_SEEDS:
            build_questions(question_set, seed, facts=facts, pinned=[])
    except NotEnoughFacts:
        return False
    return True


def _counts_that_draw(question_set: QuestionSet, facts: list[Fact]) -> dict[str, int] | None:
    usable = {}
    for name, wanted in WANTED_COUNTS.items():
        for field_name in COUNT_FIELDS:
            setattr(question_set, field_name, wanted if field_name == name else 0)
        if _draws(question_set, facts):
            usable[name] = wanted
    while usable:
        for field_name in COUNT_FIELDS:
            setattr(question_set, field_name, usable.get(field_name, 0))
        if _draws(question_set, facts):
            return usable
        usable = {name: count // 2 for name, count in usable.items() if count // 2}
    return None


def create_review_set(*, classroom: Classroom, facts: Sequence[Fact]) -> QuestionSet:
    """A published set of these facts, assigned to the class, owned by its teacher. Raises
    NotEnoughFacts (with a message for the teacher) when they make no question."""
    teacher = classroom.teacher
    facts = list(Fact.objects.usable_by(teacher).filter(pk__in=[f.pk for f in facts]).for_engine())
    today = timezone.localdate()
    question_set = QuestionSet(
        owner=teacher,
        title=_("Révision « %(class)s » du %(date)s")
        % {"class": classroom.name, "date": today.strftime("%d/%m/%Y")},
        instructions=_("Les faits que la classe maîtrise le moins, à revoir ensemble."),
        status=QuestionSet.Status.PUBLISHED,
        **SHAPE,
    )
    counts = _counts_that_draw(question_set, facts) if facts else None
    if counts is None:
        raise NotEnoughFacts(
            _(
                "Ces faits ne suffisent pas à composer une question : attendez que la classe "
                "ait répondu à davantage de questions."
            )
        )
    for field_name in COUNT_FIELDS:
        setattr(question_set, field_name, counts.get(field_name, 0))
    with transaction.atomic():
        question_set.save()
        question_set.facts.set(facts)
        question_set.classrooms.add(classroom)
    return question_set
