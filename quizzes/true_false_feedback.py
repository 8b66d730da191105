"""What a true-or-false question shows: before the answer only the statement (whether it is
true stays on the server); after it the verdict, the true statement, its quote and the
teacher's note. Statements are worded in the reader's language from their stored parts."""

from __future__ import annotations

from django.utils.translation import gettext

from quizzes.engine.true_false import statement


def shown_statement(data: dict) -> str:
    return statement(gettext(data["wording"]), data["parts"])


def true_statement(data: dict) -> str:
    return statement(gettext(data["wording"]), data["true_parts"])


def question_context(data: dict) -> dict:
    return {"statement": shown_statement(data)}


def result(data: dict, response: bool, notes: dict[str, str]) -> dict:
    """The graded answer, for the feedback template; `notes` are the teachers' notes by fact."""
    [item] = data["items"]
    return {
        "is_right": response == data["answer"],
        "said_true": response,
        "statement_is_true": data["answer"],
        "true_statement": true_statement(data),
        "quote": item["quote"],
        "teacher_note": notes.get(item.get("fact_id", ""), ""),
    }
