"""A question set as a Moodle XML file (question bank import): chronology → `ordering`
(qtype_ordering), matching → `matching`, which-first and odd-one-out → `multichoice`,
true-or-false → `truefalse`, date entry → `numerical` (a year) or `shortanswer` (a month).

Element names, their order and their values follow Moodle's own export code and fixtures
(docs/exports.md); tests compare the structure with Moodle's fixtures element by element."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape, format_html
from django.utils.translation import gettext
from lxml import etree

from quizzes.engine.date_entry import DATE_ENTRY, YEAR, YEAR_ONLY_CREDIT
from quizzes.engine.odd_one_out import ODD_ONE_OUT
from quizzes.engine.questions import CHRONOLOGY, MATCHING
from quizzes.engine.true_false import TRUE_FALSE
from quizzes.engine.which_first import WHICH_FIRST
from quizzes.exports.questions import (
    ExportedQuestion,
    feedback_html,
    item_note,
    ordered_items,
    prompt_text,
    typed_date,
)
from quizzes.models import QuestionSet

# Moodle's default penalty for each wrong try in interactive mode (not quizsite's penalty per
# wrong pair: Moodle's matching has none, docs/exports.md).
MOODLE_PENALTY = "0.3333333"


def _text(parent, tag: str, value: str, fmt: str | None = "html"):
    """<tag format="html"><text>value</text></tag>; CDATA where escaping would change the
    text, as Moodle writes it."""
    element = etree.SubElement(parent, tag)
    if fmt:
        element.set("format", fmt)
    text = etree.SubElement(element, "text")
    # CDATA cannot hold "]]>": such a text is written escaped, which reads the same.
    wrap = value and escape(value) != value and "]]>" not in value
    text.text = etree.CDATA(value) if wrap else value
    return element


def _value(parent, tag: str, value: object):
    element = etree.SubElement(parent, tag)
    element.text = str(value)
    return element


def _head(question: ExportedQuestion, idnumber: str, qtype: str):
    element = etree.Element("question", type=qtype)
    name = etree.SubElement(element, "name")
    etree.SubElement(name, "text").text = question.name
    _text(element, "questiontext", format_html("<p>{}</p>", prompt_text(question.data)))
    _text(element, "generalfeedback", feedback_html(question.data))
    _value(element, "defaultgrade", "1.0000000")
    _value(element, "penalty", MOODLE_PENALTY)
    _value(element, "hidden", 0)
    _value(element, "idnumber", idnumber)
    return element


def _combined_feedback(element):
    _text(element, "correctfeedback", gettext("Bravo, c’est juste."))
    _text(element, "partiallycorrectfeedback", gettext("C’est en partie juste."))
    _text(element, "incorrectfeedback", gettext("Ce n’est pas juste."))


def _ordering(question: ExportedQuestion, idnumber: str, method: str):
    element = _head(question, idnumber, "ordering")
    items = ordered_items(question.data)
    _value(element, "layouttype", "VERTICAL")
    _value(element, "selecttype", "ALL")
    _value(element, "selectcount", len(items))
    _value(element, "gradingtype", method)
    _value(element, "showgrading", "SHOW")
    _value(element, "numberingstyle", "none")
    _combined_feedback(element)
    _value(element, "shownumcorrect", 1)
    # Moodle reads the right order from the order of the <answer>s; `fraction` is the position.
    for position, item in enumerate(items, 1):
        answer = _text(element, "answer", escape(item["label"]))
        answer.set("fraction", str(position))
        answer.attrib.pop("format")
        answer.set("format", "html")
        _text(answer, "feedback", item_note(item))
    return element


def _matching(question: ExportedQuestion, idnumber: str):
    data = question.data
    element = _head(question, idnumber, "matching")
    _value(element, "shuffleanswers", "true")
    _combined_feedback(element)
    etree.SubElement(element, "shownumcorrect")
    labels = {answer["id"]: answer["label"] for answer in data["answers"]}
    for prompt in data["prompts"]:
        sub = _text(element, "subquestion", escape(prompt["label"]))
        answer = etree.SubElement(sub, "answer")
        etree.SubElement(answer, "text").text = labels[data["answer"][prompt["id"]]]
    # A distractor is a subquestion without text (qtype_match: an extra wrong choice).
    used = set(data["answer"].values())
    for answer_id, label in labels.items():
        if answer_id not in used:
            sub = _text(element, "subquestion", "")
            answer = etree.SubElement(sub, "answer")
            etree.SubElement(answer, "text").text = label
    return element


def _multichoice(question: ExportedQuestion, idnumber: str, right_id: str):
    element = _head(question, idnumber, "multichoice")
    _value(element, "single", "true")
    _value(element, "shuffleanswers", "true")
    _value(element, "answernumbering", "abc")
    _value(element, "showstandardinstruction", 0)
    _combined_feedback(element)
    for item in question.data["items"]:
        answer = _text(element, "answer", escape(item["label"]))
        answer.set("fraction", "100" if item["id"] == right_id else "0")
        _text(answer, "feedback", item_note(item))
    return element


def _true_false(question: ExportedQuestion, idnumber: str):
    element = _head(question, idnumber, "truefalse")
    note = feedback_html(question.data)
    for value in (True, False):
        answer = _text(element, "answer", "true" if value else "false", fmt="moodle_auto_format")
        answer.set("fraction", "100" if question.data["answer"] is value else "0")
        _text(answer, "feedback", note)
    return element


def _date_entry(question: ExportedQuestion, idnumber: str):
    data = question.data
    note = feedback_html(data)
    if data["precision"] == YEAR:
        element = _head(question, idnumber, "numerical")
        answer = _text(element, "answer", typed_date(data), fmt="moodle_auto_format")
        answer.set("fraction", "100")
        _value(answer, "tolerance", 0)
        _text(answer, "feedback", note)
        _value(element, "unitgradingtype", 0)
        _value(element, "unitpenalty", "0.1000000")
        _value(element, "showunits", 3)
        _value(element, "unitsleft", 0)
        return element
    element = _head(question, idnumber, "shortanswer")
    _value(element, "usecase", 0)
    answer = _text(element, "answer", typed_date(data), fmt="moodle_auto_format")
    answer.set("fraction", "100")
    _text(answer, "feedback", note)
    # The right year with a wrong or missing month earns half, as quizsite grades it.
    year = _text(element, "answer", f"*{data['answer']['start'][:4]}*", fmt="moodle_auto_format")
    year.set("fraction", str(int(YEAR_ONLY_CREDIT * 100)))
    _text(year, "feedback", note)
    return element


def question_element(question: ExportedQuestion, idnumber: str, question_set: QuestionSet):
    kind, data = question.kind, question.data
    if kind == CHRONOLOGY:
        return _ordering(question, idnumber, question_set.ordering_method)
    if kind == MATCHING:
        return _matching(question, idnumber)
    if kind in (WHICH_FIRST, ODD_ONE_OUT):
        return _multichoice(question, idnumber, data["answer"])
    if kind == TRUE_FALSE:
        return _true_false(question, idnumber)
    if kind == DATE_ENTRY:
        return _date_entry(question, idnumber)
    raise ValueError(f"unknown kind {kind!r}")


def category_path(question_set: QuestionSet) -> str:
    """One category per set, under the course's default category."""
    return f"$course$/top/{question_set.title.replace('/', '-')}"


def moodle_xml(question_set: QuestionSet, questions: Sequence[ExportedQuestion]) -> bytes:
    quiz = etree.Element("quiz")
    quiz.append(etree.Comment(" question: 0  "))
    category = etree.SubElement(quiz, "question", type="category")
    _text(category, "category", category_path(question_set), fmt=None)
    for number, question in enumerate(questions, 1):
        idnumber = f"quizsite-{question_set.pk}-{question.identifier}"
        quiz.append(etree.Comment(f" question: {number}  "))
        quiz.append(question_element(question, idnumber, question_set))
    return etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)
