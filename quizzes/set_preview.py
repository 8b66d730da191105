"""A preview of a question set from unsaved form data: one sample question of each kind the
set asks for, generated in memory (nothing stored), or why the facts cannot support it."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date

from django.utils.dates import MONTHS

from quizzes.engine.date_entry import DATE_ENTRY, MONTH
from quizzes.engine.odd_one_out import ODD_ONE_OUT
from quizzes.engine.questions import NotEnoughFacts
from quizzes.engine.true_false import TRUE_FALSE
from quizzes.engine.which_first import WHICH_FIRST
from quizzes.models import COUNT_FIELDS, QuestionSet
from quizzes.odd_one_out_feedback import options, shown_prompt
from quizzes.question_builder import build_questions
from quizzes.true_false_feedback import shown_statement, true_statement

PREVIEW_SEED = "apercu"


@dataclass
class Preview:
    questions: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _sample(question_set: QuestionSet, facts, count_field: str) -> dict:
    """One question of the kind `count_field` counts, shaped as the set asks."""
    sample = copy.copy(question_set)
    for name in COUNT_FIELDS:
        setattr(sample, name, 1 if name == count_field else 0)
    return build_questions(sample, PREVIEW_SEED, facts=facts, pinned=[])[0]


def build_preview(question_set: QuestionSet, facts) -> Preview:
    """One question of each kind the set asks for, with its answer, or the explicit message
    of what the facts lack, for one question or for the whole set (distinct questions run
    out before the facts do)."""
    facts = list(facts)
    preview = Preview()
    for count_field in COUNT_FIELDS:
        if not getattr(question_set, count_field):
            continue
        try:
            preview.questions.append(read_only(_sample(question_set, facts, count_field)))
        except NotEnoughFacts as error:
            preview.problems.append(str(error))
    if not preview.problems:
        try:
            build_questions(question_set, PREVIEW_SEED, facts=facts, pinned=[])
        except NotEnoughFacts as error:
            preview.problems.append(str(error))
    return preview


def read_only(question: dict) -> dict:
    """The question as a teacher reads it: items as shown, then the expected answer."""
    if question["kind"] == "chronology":
        items = {item["id"]: item for item in question["items"]}
        expected = [items[item_id] for item_id in question["answer"]]
        return {**question, "expected": expected}
    if question["kind"] == WHICH_FIRST:
        items = {item["id"]: item for item in question["items"]}
        return {**question, "expected": [items[question["answer"]]]}
    if question["kind"] == DATE_ENTRY:
        # What the student must type: the year, or the month and the year (a date-entry range
        # lies within one month or one year, engine.date_entry.precision_of).
        start = date.fromisoformat(question["answer"]["start"])
        typed = str(start.year)
        if question["precision"] == MONTH:
            typed = f"{MONTHS[start.month]} {start.year}"
        return {**question, "expected": [{**item, "typed": typed} for item in question["items"]]}
    if question["kind"] == TRUE_FALSE:
        return {
            **question,
            "statement": shown_statement(question),
            "true_statement": true_statement(question),
        }
    if question["kind"] == ODD_ONE_OUT:
        intruder = [o for o in options(question, {}) if o["is_intruder"]]
        return {**question, "prompt": shown_prompt(question), "expected": intruder}
    answers = {answer["id"]: answer["label"] for answer in question["answers"]}
    expected = [
        {"prompt": prompt, "answer": answers[question["answer"][prompt["id"]]]}
        for prompt in question["prompts"]
    ]
    return {**question, "expected": expected}
