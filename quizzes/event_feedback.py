"""What a « which came first? » or date-entry question shows: before the answer the events'
words only (their dates stay on the server); after it the dates as the source writes them,
the quotes and the teachers' notes, and how the answer was graded."""

from __future__ import annotations

from datetime import date

from django.utils.dates import MONTHS

from quizzes.engine.date_entry import DATE_ENTRY, MONTH, grade_date_entry
from quizzes.engine.which_first import WHICH_FIRST
from quizzes.timeline import TimelineEntry, by_year, stated_orders

EVENT_KINDS = (WHICH_FIRST, DATE_ENTRY)


def question_context(data: dict) -> dict:
    context = {"items": [{"id": item["id"], "label": item["label"]} for item in data["items"]]}
    if data["kind"] == DATE_ENTRY:
        context["precision"] = data["precision"]
        context["months"] = list(MONTHS.items())
    return context


def _timeline(data: dict, notes: dict[str, str]):
    """The events as the source dates them; for « which came first? », the earlier one first
    (the source may order events whose dates overlap), the later one citing the words that
    settle the order (`settled`, as chronology feedback shows them)."""
    items = data["items"]
    labels = {item["id"]: item["label"] for item in items}
    settled_by = stated_orders(data.get("settled", []), labels)
    in_order = data["kind"] == WHICH_FIRST
    if in_order:
        items = sorted(items, key=lambda item: item["id"] != data["answer"])
    return by_year(
        [
            TimelineEntry(
                text=item["label"],
                date_label=item["date_label"],
                start=date.fromisoformat(item["start"]),
                end=date.fromisoformat(item["end"]),
                quote=item["quote"],
                teacher_note=notes.get(item.get("fact_id", ""), ""),
                settled_by=settled_by.get(item["id"], ()),
            )
            for item in items
        ],
        in_order=in_order,
    )


def result(data: dict, response, notes: dict[str, str]) -> dict:
    """The graded answer, for the feedback template; `notes` are the teachers' notes by fact."""
    shown = {"timeline": _timeline(data, notes)}
    if data["kind"] == WHICH_FIRST:
        labels = {item["id"]: item["label"] for item in data["items"]}
        return {
            **shown,
            "is_right": response == data["answer"],
            "chosen": labels[response],
            "first": labels[data["answer"]],
        }
    month = response.get("month")
    graded = grade_date_entry(
        date.fromisoformat(data["answer"]["start"]),
        date.fromisoformat(data["answer"]["end"]),
        data["precision"],
        response["year"],
        month,
    )
    return {
        **shown,
        "event": data["items"][0]["label"],
        "given_year": response["year"],
        "given_month": MONTHS[month] if month else "",
        "month_asked": data["precision"] == MONTH,
        "year_is_right": graded.year_is_right,
        "month_is_right": graded.month_is_right,
    }
