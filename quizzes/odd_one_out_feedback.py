"""What a « l’intrus » question shows: before the answer the four options' words only (dates,
sides and quotes stay on the server); after it which option was the intruder and why (its date
as the source writes it against the year asked, or the side it acts for), each option with its
quote and the teachers' notes."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext

from quizzes.engine.odd_one_out import BY_YEAR
from quizzes.engine.wording import has_year


def shown_prompt(data: dict) -> str:
    """The prompt in the reader's language with its year or side filled in; prompts without
    values stay the msgid the template translates."""
    params = data.get("prompt_params")
    return gettext(data["prompt"]) % params if params else data["prompt"]


def question_context(data: dict) -> dict:
    return {"items": [{"id": item["id"], "label": item["label"]} for item in data["items"]]}


def _when(item: dict) -> str:
    """The date as the source writes it, with its year when the words leave it out
    (« Le 26 juillet (1943) »)."""
    label = item.get("date_label", "")
    if has_year(label):
        return label
    first, last = date.fromisoformat(item["start"]).year, date.fromisoformat(item["end"]).year
    return f"{label} ({first if first == last else f'{first}–{last}'})"


def options(data: dict, notes: dict[str, str]) -> list[dict]:
    """Each option as the feedback and the builder's preview read it: what settles it."""
    by_year = data["criterion"] == BY_YEAR
    return [
        {
            "label": item["label"],
            "is_intruder": item["id"] == data["answer"],
            "when": _when(item) if by_year else "",
            "side": item.get("side", ""),
            "quote": item["quote"],
            "teacher_note": notes.get(item.get("fact_id", ""), ""),
        }
        for item in data["items"]
    ]


def result(data: dict, response: str, notes: dict[str, str]) -> dict:
    """The graded answer, for the feedback template; `notes` are the teachers' notes by fact."""
    labels = {item["id"]: item["label"] for item in data["items"]}
    return {
        "is_right": response == data["answer"],
        "chosen": labels[response],
        "intruder": labels[data["answer"]],
        "by_year": data["criterion"] == BY_YEAR,
        "target": data["target"],
        "options": options(data, notes),
    }
