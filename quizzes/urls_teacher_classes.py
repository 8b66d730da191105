"""Teacher pages: classes (mounted under /enseignant/ by quizzes.urls)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
