"""Spaced review (FSRS) and mastery: scheduling, review sessions, mastery for students and
teachers."""
