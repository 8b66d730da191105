"""Django admin for editors and teachers: one module per concept."""

from quizzes.admin import accounts, facts, teaching  # noqa: F401
