"""quizsite's models, one module per concept."""

from quizzes.models.accounts import AccountProfile, UsernameSkeleton
from quizzes.models.attempts import Attempt, AttemptQuestion, FactResult
from quizzes.models.classes import Classroom, Enrollment
from quizzes.models.extraction import CandidateFact, ExtractionJob
from quizzes.models.facts import (
    ActsFor,
    Entity,
    EventOrder,
    Fact,
    FactQuerySet,
    Opposes,
    Source,
)
from quizzes.models.pinned import PinnedQuestion
from quizzes.models.question_sets import (
    COUNT_FIELDS,
    MATCHING_RELATIONS,
    MAX_CLOSING_GRACE_MINUTES,
    QuestionSet,
)
from quizzes.models.review import Rating, ReviewCard, ReviewLog
from quizzes.models.throttling import FailureCount

__all__ = [
    "COUNT_FIELDS",
    "MATCHING_RELATIONS",
    "MAX_CLOSING_GRACE_MINUTES",
    "AccountProfile",
    "ActsFor",
    "Attempt",
    "AttemptQuestion",
    "CandidateFact",
    "Classroom",
    "Enrollment",
    "Entity",
    "EventOrder",
    "ExtractionJob",
    "Fact",
    "FactQuerySet",
    "FactResult",
    "FailureCount",
    "Opposes",
    "PinnedQuestion",
    "QuestionSet",
    "Rating",
    "ReviewCard",
    "ReviewLog",
    "Source",
    "UsernameSkeleton",
]
