"""quizsite's models, one module per concept."""

from quizzes.models.facts import Entity, Fact, FactQuerySet, Source

__all__ = ["Entity", "Fact", "FactQuerySet", "Source"]
