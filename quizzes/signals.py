"""Signals other apps listen to, so that quizzes need not know them (the optional LTI app sends
scores back to a learning platform when an attempt finishes)."""

from django.dispatch import Signal

# Sent once per attempt, after the transaction that stored its last answer has committed, with
# `attempt_id`. Nothing is read to send it when no receiver is connected.
attempt_finished = Signal()
