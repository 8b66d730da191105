"""The export formats of a question set, by the name the page and the command use: one home
for the writer, the content type and the file extension of each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify

from quizzes.exports.moodle import moodle_xml
from quizzes.exports.qti import qti_package
from quizzes.exports.questions import questions_for_export
from quizzes.models import QuestionSet


@dataclass(frozen=True)
class ExportFormat:
    writer: Callable
    content_type: str
    extension: str


EXPORT_FORMATS = {
    "moodle": ExportFormat(moodle_xml, "application/xml; charset=utf-8", "xml"),
    "qti3": ExportFormat(qti_package, "application/zip", "zip"),
}


def export_set(question_set: QuestionSet, *, export_format: str, variants: int) -> bytes:
    """The set's pinned questions and `variants` drawn attempts, written in that format.
    Raises NotEnoughFacts when the facts cannot support the set."""
    questions = questions_for_export(question_set, variants=variants)
    return EXPORT_FORMATS[export_format].writer(question_set, questions)


def export_filename(question_set: QuestionSet, export_format: str) -> str:
    extension = EXPORT_FORMATS[export_format].extension
    return f"{slugify(question_set.title) or 'serie'}-{export_format}.{extension}"
