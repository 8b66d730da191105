"""The questions an export holds: the set's pinned questions, then N generated variants (each
drawn as one attempt would be), with what every format writes of them in the reader's language
(prompt, items, right answer, the quotes for the feedback)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils.dates import MONTHS
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_noop

from quizzes.engine.date_entry import DATE_ENTRY, MONTH
from quizzes.engine.odd_one_out import ODD_ONE_OUT
from quizzes.engine.questions import CHRONOLOGY, MATCHING
from quizzes.engine.true_false import TRUE_FALSE
from quizzes.engine.which_first import WHICH_FIRST
from quizzes.models import QuestionSet
from quizzes.odd_one_out_feedback import shown_prompt
from quizzes.question_builder import build_questions, pinned_for_set, pinned_question
from quizzes.true_false_feedback import shown_statement, true_statement

# How many generated variants an export holds unless the teacher says otherwise, and at most
# (each variant is one attempt's draw: 20 × 120 questions is already a large file).
DEFAULT_VARIANTS = 5
MAX_VARIANTS = 20

KIND_NAMES = {
    CHRONOLOGY: gettext_noop("Chronologie"),
    MATCHING: gettext_noop("Association"),
    WHICH_FIRST: gettext_noop("Lequel d’abord ?"),
    DATE_ENTRY: gettext_noop("Date à écrire"),
    TRUE_FALSE: gettext_noop("Vrai ou faux"),
    ODD_ONE_OUT: gettext_noop("L’intrus"),
}


@dataclass(frozen=True)
class ExportedQuestion:
    """One question as the engine made it (`data`), with a name unique within the export."""

    name: str
    identifier: str
    data: dict
    pinned: bool = False

    @property
    def kind(self) -> str:
        return self.data["kind"]


# Characters XML 1.0 cannot hold (control characters a pasted text may carry): dropped, since
# lxml refuses to write them and no platform could read them.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value):
    """The question's strings without the characters XML cannot hold, at any depth."""
    if isinstance(value, str):
        return NOT_XML.sub("", value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [xml_safe(item) for item in value]
    return value


def _signature(data: dict) -> tuple:
    """What makes two drawn questions the same question (variants may draw one twice)."""
    if data["kind"] == MATCHING:
        return (MATCHING, tuple(sorted(data["answer"].items())), len(data["answers"]))
    return (data["kind"], repr(data.get("answer")), tuple(i["label"] for i in data["items"]))


def questions_for_export(question_set: QuestionSet, *, variants: int) -> list[ExportedQuestion]:
    """The pinned questions once, then `variants` attempts' worth of generated questions,
    without repeats. Raises NotEnoughFacts when the facts cannot support the set."""
    if not 1 <= variants <= MAX_VARIANTS:
        raise ValueError(f"variants must be between 1 and {MAX_VARIANTS}")
    exported: list[ExportedQuestion] = []
    seen: set[tuple] = set()
    for index, pin in enumerate(pinned_for_set(question_set), 1):
        data = xml_safe(
            pinned_question(
                pin.kind,
                pin.relation,
                list(pin.facts.all()),
                f"export:{question_set.pk}:p{index}",
                ordering_method=question_set.ordering_method,
            )
        )
        seen.add(_signature(data))
        name = gettext("Épinglée %(n)s · %(kind)s") % {"n": index, "kind": kind_name(data)}
        exported.append(ExportedQuestion(name, f"q-p{index}", data, pinned=True))
    for variant in range(1, variants + 1):
        drawn = build_questions(question_set, f"export:{question_set.pk}:v{variant}", pinned=[])
        for number, data in enumerate(map(xml_safe, drawn), 1):
            if _signature(data) in seen:
                continue
            seen.add(_signature(data))
            name = gettext("Variante %(v)s · %(n)s · %(kind)s") % {
                "v": variant,
                "n": number,
                "kind": kind_name(data),
            }
            exported.append(ExportedQuestion(name, f"q-v{variant}-{number}", data))
    return exported


def kind_name(data: dict) -> str:
    return gettext(KIND_NAMES[data["kind"]])


def prompt_text(data: dict) -> str:
    """What the student is asked, in the reader's language."""
    if data["kind"] == ODD_ONE_OUT:
        return gettext(shown_prompt(data))
    if data["kind"] == TRUE_FALSE:
        return shown_statement(data)
    return gettext(data["prompt"])


def items_by_id(data: dict) -> dict[str, dict]:
    return {item["id"]: item for item in data["items"]}


def ordered_items(data: dict) -> list[dict]:
    """A chronology's items in the right order, oldest first."""
    items = items_by_id(data)
    return [items[item_id] for item_id in data["answer"]]


def typed_date(data: dict) -> str:
    """What a date-entry question expects: the year, or the month and the year."""
    start = date.fromisoformat(data["answer"]["start"])
    if data["precision"] == MONTH:
        return f"{MONTHS[start.month]} {start.year}"
    return str(start.year)


def item_note(item: dict) -> str:
    """An item's date as the source writes it and its quote, as HTML."""
    if item.get("date_label"):
        return format_html("{} — « {} »", item["date_label"], item["quote"])
    return format_html("« {} »", item["quote"]) if item.get("quote") else ""


def feedback_html(data: dict) -> str:
    """The general feedback: the right answer with the source's words behind each part."""
    kind = data["kind"]
    if kind == CHRONOLOGY:
        rows = ordered_items(data)
        body = format_html_join(
            "",
            "<li><strong>{}</strong> — {} <q>{}</q></li>",
            ((item["date_label"], item["label"], item["quote"]) for item in rows),
        )
        return format_html("<p>{}</p><ol>{}</ol>", gettext("L’ordre juste :"), body)
    if kind == MATCHING:
        answers = {answer["id"]: answer["label"] for answer in data["answers"]}
        body = format_html_join(
            "",
            "<li>{} → <strong>{}</strong> <q>{}</q></li>",
            (
                (item["label"], answers[data["answer"][item["id"]]], item["quote"])
                for item in data["prompts"]
            ),
        )
        return format_html("<p>{}</p><ul>{}</ul>", gettext("Les bonnes paires :"), body)
    if kind == TRUE_FALSE:
        verdict = gettext("Vrai") if data["answer"] else gettext("Faux")
        return format_html(
            "<p><strong>{}</strong> — {}</p><p><q>{}</q></p>",
            verdict,
            true_statement(data),
            data["items"][0]["quote"],
        )
    body = format_html_join(
        "",
        "<li>{} — {}</li>",
        ((item["label"], item_note(item)) for item in data["items"]),
    )
    return format_html("<ul>{}</ul>", body)
