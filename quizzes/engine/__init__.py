"""The question engine: plain Python, no Django. Generates chronology and matching questions
from facts and grades answers with partial credit (Moodle's ordering methods)."""

from quizzes.engine.chronology import ChronologyBank, generate_chronology
from quizzes.engine.facts import EventFact, RelationFact
from quizzes.engine.grading import (
    ABSOLUTE_POSITION,
    ALL_OR_NOTHING,
    DEFAULT_ORDERING_METHOD,
    LONGEST_CONTIGUOUS_SUBSET,
    LONGEST_ORDERED_SUBSET,
    ORDERING_METHODS,
    RELATIVE_ALL_PREVIOUS_AND_NEXT,
    RELATIVE_NEXT_EXCLUDE_LAST,
    RELATIVE_NEXT_INCLUDE_LAST,
    RELATIVE_ONE_PREVIOUS_AND_NEXT,
    RELATIVE_TO_CORRECT,
    MalformedResponse,
    grade_matching,
    grade_ordering,
)
from quizzes.engine.matching import (
    DateBank,
    RelationBank,
    generate_date_matching,
    generate_matching,
)
from quizzes.engine.questions import ChronologyQuestion, MatchingQuestion, NotEnoughFacts

__all__ = [
    "ABSOLUTE_POSITION",
    "ALL_OR_NOTHING",
    "DEFAULT_ORDERING_METHOD",
    "LONGEST_CONTIGUOUS_SUBSET",
    "LONGEST_ORDERED_SUBSET",
    "ORDERING_METHODS",
    "RELATIVE_ALL_PREVIOUS_AND_NEXT",
    "RELATIVE_NEXT_EXCLUDE_LAST",
    "RELATIVE_NEXT_INCLUDE_LAST",
    "RELATIVE_ONE_PREVIOUS_AND_NEXT",
    "RELATIVE_TO_CORRECT",
    "ChronologyBank",
    "ChronologyQuestion",
    "DateBank",
    "EventFact",
    "MalformedResponse",
    "MatchingQuestion",
    "NotEnoughFacts",
    "RelationBank",
    "RelationFact",
    "generate_chronology",
    "generate_date_matching",
    "generate_matching",
    "grade_matching",
    "grade_ordering",
]
