"""A preview of a question set from unsaved form data: one sample question of each kind the
set asks for, generated in memory (nothing stored), or why the facts cannot support it."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from quizzes.engine.questions import NotEnoughFacts
from quizzes.models import QuestionSet
from quizzes.question_builder import build_questions

PREVIEW_SEED = "apercu"


@dataclass
class Preview:
    questions: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _sample(question_set: QuestionSet, facts, *, chronology: int, matching: int) -> dict:
    sample = copy.copy(question_set)
    sample.chronology_count = chronology
    sample.matching_count = matching
    return build_questions(sample, PREVIEW_SEED, facts=facts, pinned=[])[0]


def build_preview(question_set: QuestionSet, facts) -> Preview:
    """One chronology and one matching question (for the kinds the set asks), with their
    answers, or the explicit message of what the facts lack, for one question or for the
    whole set (distinct questions run out before the facts do)."""
    facts = list(facts)
    preview = Preview()
    wanted = []
    if question_set.chronology_count:
        wanted.append({"chronology": 1, "matching": 0})
    if question_set.matching_count:
        wanted.append({"chronology": 0, "matching": 1})
    for counts in wanted:
        try:
            preview.questions.append(read_only(_sample(question_set, facts, **counts)))
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
    answers = {answer["id"]: answer["label"] for answer in question["answers"]}
    expected = [
        {"prompt": prompt, "answer": answers[question["answer"][prompt["id"]]]}
        for prompt in question["prompts"]
    ]
    return {**question, "expected": expected}
