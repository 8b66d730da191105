"""Django admin for editors and teachers: one module per concept."""

from quizzes.admin import facts  # noqa: F401
