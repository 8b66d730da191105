"""What a question page shows: before the answer only ids and labels (the right answer stays on
the server); after it the score, which items were right, the right order or pairs, the quotes."""

from __future__ import annotations

from datetime import date
from string import ascii_uppercase

from django.urls import reverse

from quizzes import event_feedback, odd_one_out_feedback, statements, true_false_feedback
from quizzes.answers import grade
from quizzes.engine.odd_one_out import ODD_ONE_OUT
from quizzes.engine.true_false import TRUE_FALSE
from quizzes.models import Attempt, AttemptQuestion, Fact
from quizzes.timeline import TimelineEntry, by_year, stated_orders


def _public_items(items: list[dict]) -> list[dict]:
    return [{"id": item["id"], "label": item["label"]} for item in items]


def question_context(attempt: Attempt, q: AttemptQuestion) -> dict:
    data = q.data
    total = attempt.question_count
    context = {
        "kind": data["kind"],
        "prompt": odd_one_out_feedback.shown_prompt(data),
        "position": q.position,
        "total": total,
        "progress_percent": round(100 * attempt.answered_count / total) if total else 0,
        "is_last": q.position >= total,
        "next_url": reverse("attempt_question", args=[attempt.pk, q.position + 1]),
        "summary_url": reverse("attempt_summary", args=[attempt.pk]),
        "url": reverse("attempt_question", args=[attempt.pk, q.position]),
    }
    if data["kind"] in event_feedback.EVENT_KINDS:
        context.update(event_feedback.question_context(data))
    elif data["kind"] == TRUE_FALSE:
        context.update(true_false_feedback.question_context(data))
    elif data["kind"] == ODD_ONE_OUT:
        context.update(odd_one_out_feedback.question_context(data))
    elif data["kind"] == "chronology":
        context["items"] = _public_items(data["items"])
        context["positions"] = range(1, len(data["items"]) + 1)
    else:
        context["prompts"] = _public_items(data["prompts"])
        context["answers"] = [
            {**item, "letter": ascii_uppercase[index]}
            for index, item in enumerate(_public_items(data["answers"]))
        ]
    if q.is_answered:
        context["result"] = _result(attempt, q)
    return context


def _result(attempt: Attempt, q: AttemptQuestion) -> dict:
    question_set = attempt.question_set
    graded = grade(
        q.data,
        q.response,
        ordering_method=question_set.ordering_method,
        matching_penalty=question_set.matching_penalty,
    )
    result = {"score_percent": round(100 * q.score), "right": graded.right}
    data = q.data
    items = data.get("items", []) + data.get("prompts", [])
    notes = teacher_notes(item.get("fact_id", "") for item in items)
    if data["kind"] in event_feedback.EVENT_KINDS:
        result.update(event_feedback.result(data, q.response, notes))
    elif data["kind"] == TRUE_FALSE:
        result.update(true_false_feedback.result(data, q.response, notes))
    elif data["kind"] == ODD_ONE_OUT:
        result.update(odd_one_out_feedback.result(data, q.response, notes))
    elif data["kind"] == "chronology":
        items = {item["id"]: item for item in data["items"]}
        right_position = {item_id: index for index, item_id in enumerate(data["answer"], 1)}
        result["rows"] = [
            {
                "label": items[item_id]["label"],
                "right": graded.right.get(item_id, False),
                "your_position": index,
                "right_position": right_position[item_id],
            }
            for index, item_id in enumerate(q.response, 1)
        ]
        settled_by = stated_orders(
            data.get("settled", []), {item_id: item["label"] for item_id, item in items.items()}
        )
        result["timeline"] = by_year(
            [
                TimelineEntry(
                    text=items[item_id]["label"],
                    date_label=items[item_id]["date_label"],
                    start=date.fromisoformat(items[item_id]["start"]),
                    end=date.fromisoformat(items[item_id]["end"]),
                    quote=items[item_id]["quote"],
                    teacher_note=notes.get(items[item_id].get("fact_id", ""), ""),
                    settled_by=settled_by.get(item_id, ()),
                )
                for item_id in data["answer"]
            ],
            in_order=True,
        )
    else:
        answers = {item["id"]: item for item in data["answers"]}
        right = dict(data["answer"])
        result["pairs"] = [
            {
                "prompt": prompt["label"],
                "given": answers[q.response[prompt["id"]]]["label"],
                "expected": answers[right[prompt["id"]]]["label"],
                "right": graded.right.get(prompt["id"], False),
                "quote": prompt["quote"],
                "teacher_note": notes.get(prompt.get("fact_id", ""), ""),
            }
            for prompt in data["prompts"]
        ]
    return result


def teacher_notes(fact_ids) -> dict[str, str]:
    """The teachers' notes of these facts, by fact id as the questions store it (a string).
    Read again at every feedback (a note edited shows at once), as one plain statement: a read
    by primary keys, no rule of a queryset, and as many keys as the question has facts (a
    PreparedQuery takes a fixed number of values)."""
    ids = [int(i) for i in fact_ids if str(i).isdigit()]
    if not ids:
        return {}
    rows = statements.fetch(
        statements.select(Fact, ("id", "teacher_note"), where_in={"id": ids}), ids
    )
    return {str(pk): note for pk, note in rows if note}


def summary_row(q: AttemptQuestion) -> dict:
    return {
        "position": q.position,
        "prompt": odd_one_out_feedback.shown_prompt(q.data),
        "kind": q.kind,
        "answered": q.is_answered,
        "score_percent": round(100 * q.score) if q.is_answered else None,
    }
