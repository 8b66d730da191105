"""A question set as a QTI 3.0 content package (a zip): `imsmanifest.xml` and one
`qti-assessment-item` per question. Chronology → `qti-order-interaction` scored by the set's
ordering method (qti_scoring), matching → `qti-match-interaction` scored pair by pair with the
set's penalty, the other kinds → choice or text entry; the feedback with the quotes is a
modal feedback shown after the answer. Tests validate every file against 1EdTech's XSD."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from django.utils.translation import gettext
from lxml import etree

from quizzes.engine.date_entry import DATE_ENTRY, YEAR, YEAR_ONLY_CREDIT
from quizzes.engine.odd_one_out import ODD_ONE_OUT
from quizzes.engine.questions import CHRONOLOGY, MATCHING
from quizzes.engine.true_false import TRUE_FALSE
from quizzes.engine.which_first import WHICH_FIRST
from quizzes.exports.qti_scoring import Rule, ordering_rules
from quizzes.exports.questions import (
    ExportedQuestion,
    feedback_html,
    prompt_text,
    typed_date,
)
from quizzes.models import QuestionSet

ASI = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
CP = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The manifest schema of QTI 3.0 accepts only this version (shared/schemas/README.md).
SCHEMA_VERSION = "3.0.0"


def _q(tag: str) -> str:
    return f"{{{ASI}}}{tag}"


def _sub(parent, tag: str, text: str | None = None, **attributes):
    element = etree.SubElement(
        parent, _q(tag), {k.replace("_", "-"): v for k, v in attributes.items()}
    )
    if text is not None:
        element.text = text
    return element


def _base(parent, base_type: str, value: object):
    return _sub(parent, "qti-base-value", str(value), base_type=base_type)


def _variable(parent, identifier: str):
    return _sub(parent, "qti-variable", identifier=identifier)


def _set_score(parent, add: float | None = None, value: float | None = None):
    """SCORE := value, or SCORE := SCORE + add."""
    setter = _sub(parent, "qti-set-outcome-value", identifier="SCORE")
    if add is None:
        _base(setter, "float", value)
        return setter
    total = _sub(setter, "qti-sum")
    _variable(total, "SCORE")
    _base(total, "float", repr(add))
    return setter


def _declarations(item, cardinality: str, base_type: str, correct: Sequence[str]):
    response = _sub(
        item,
        "qti-response-declaration",
        identifier="RESPONSE",
        cardinality=cardinality,
        base_type=base_type,
    )
    values = _sub(response, "qti-correct-response")
    for value in correct:
        _sub(values, "qti-value", value)
    return response


def _outcomes(item):
    score = _sub(
        item, "qti-outcome-declaration", identifier="SCORE", cardinality="single", base_type="float"
    )
    _sub(_sub(score, "qti-default-value"), "qti-value", "0")
    maximum = _sub(
        item,
        "qti-outcome-declaration",
        identifier="MAXSCORE",
        cardinality="single",
        base_type="float",
    )
    _sub(_sub(maximum, "qti-default-value"), "qti-value", "1")
    _sub(
        item,
        "qti-outcome-declaration",
        identifier="FEEDBACK",
        cardinality="single",
        base_type="identifier",
    )


def _html(parent, markup: str) -> None:
    """Our own well-formed HTML fragment (format_html output) as QTI body content."""
    wrapper = etree.fromstring(f'<div xmlns="{ASI}">{markup}</div>')
    for child in wrapper:
        parent.append(child)


def _prompt(interaction, data: dict) -> None:
    prompt = _sub(interaction, "qti-prompt")
    _sub(prompt, "p", prompt_text(data))


def _match(parent, index: int, identifier: str):
    match = _sub(parent, "qti-match")
    position = _sub(match, "qti-index", n=str(index))
    _variable(position, "RESPONSE")
    _base(match, "identifier", identifier)
    return match


def _rule_condition(processing, rule: Rule, ids: dict[str, str]) -> None:
    branch = _sub(_sub(processing, "qti-response-condition"), "qti-response-if")
    holder = _sub(branch, "qti-or") if len(rule.alternatives) > 1 else branch
    for alternative in rule.alternatives:
        terms = _sub(holder, "qti-and") if len(alternative) > 1 else holder
        for position, item in alternative:
            _match(terms, position, ids[item])
    _set_score(branch, add=rule.weight)


def _show_feedback(processing) -> None:
    setter = _sub(processing, "qti-set-outcome-value", identifier="FEEDBACK")
    _base(setter, "identifier", "SOLUTION")


def _if_correct_score(processing, expression_tag: str = "qti-match", score: float = 1.0):
    branch = _sub(_sub(processing, "qti-response-condition"), "qti-response-if")
    match = _sub(branch, expression_tag)
    _variable(match, "RESPONSE")
    _sub(match, "qti-correct", identifier="RESPONSE")
    _set_score(branch, value=score)


def _chronology(item, body, processing, data: dict, method: str) -> bool:
    ids = {choice["id"]: f"E{index}" for index, choice in enumerate(data["items"], 1)}
    _declarations(item, "ordered", "identifier", [ids[i] for i in data["answer"]])
    _outcomes(item)
    interaction = _sub(
        body, "qti-order-interaction", response_identifier="RESPONSE", shuffle="false"
    )
    _prompt(interaction, data)
    for choice in data["items"]:
        _sub(interaction, "qti-simple-choice", choice["label"], identifier=ids[choice["id"]])
    rules, exact = ordering_rules(list(data["answer"]), method)
    for rule in rules:
        _rule_condition(processing, rule, ids)
    return exact


def _matching(item, body, processing, data: dict, penalty: float) -> None:
    prompts = {prompt["id"]: f"P{index}" for index, prompt in enumerate(data["prompts"], 1)}
    answers = {answer["id"]: f"A{index}" for index, answer in enumerate(data["answers"], 1)}
    pairs = [f"{prompts[p]} {answers[a]}" for p, a in data["answer"].items()]
    response = _declarations(item, "multiple", "directedPair", pairs)
    n = len(pairs)
    # A wrong pair costs `penalty` of one pair (QTI's default value), never below 0.
    mapping = _sub(
        response,
        "qti-mapping",
        default_value=repr(-penalty / n),
        lower_bound="0",
        upper_bound="1",
    )
    for pair in pairs:
        _sub(mapping, "qti-map-entry", map_key=pair, mapped_value=repr(1 / n))
    _outcomes(item)
    interaction = _sub(
        body,
        "qti-match-interaction",
        response_identifier="RESPONSE",
        shuffle="true",
        max_associations=str(n),
    )
    _prompt(interaction, data)
    # Each prompt takes one answer; an answer may serve several prompts (match-max 0: no limit).
    for choices, ids, match_max in (
        (data["prompts"], prompts, "1"),
        (data["answers"], answers, "0"),
    ):
        match_set = _sub(interaction, "qti-simple-match-set")
        for choice in choices:
            _sub(
                match_set,
                "qti-simple-associable-choice",
                choice["label"],
                identifier=ids[choice["id"]],
                match_max=match_max,
            )
    branch = _sub(_sub(processing, "qti-response-condition"), "qti-response-if")
    null = _sub(branch, "qti-is-null")
    _variable(null, "RESPONSE")
    _set_score(branch, value=0)
    otherwise = _sub(branch.getparent(), "qti-response-else")
    setter = _sub(otherwise, "qti-set-outcome-value", identifier="SCORE")
    _sub(setter, "qti-map-response", identifier="RESPONSE")


def _choice(item, body, processing, data: dict, choices: list[tuple[str, str]], right: str):
    _declarations(item, "single", "identifier", [right])
    _outcomes(item)
    interaction = _sub(
        body,
        "qti-choice-interaction",
        response_identifier="RESPONSE",
        shuffle="false",
        max_choices="1",
    )
    _prompt(interaction, data)
    for identifier, label in choices:
        _sub(interaction, "qti-simple-choice", label, identifier=identifier)
    _if_correct_score(processing)


def _date_entry(item, body, processing, data: dict) -> None:
    typed = typed_date(data)
    is_year = data["precision"] == YEAR
    _declarations(item, "single", "integer" if is_year else "string", [typed])
    _outcomes(item)
    _sub(body, "p", prompt_text(data))
    label = _sub(body, "p", data["items"][0]["label"] + " ")
    _sub(label, "qti-text-entry-interaction", response_identifier="RESPONSE", expected_length="20")
    if is_year:
        _if_correct_score(processing)
        return
    # Asked for the month and the year: case aside, the right text earns 1, the right year 0.5.
    condition = _sub(processing, "qti-response-condition")
    branch = _sub(condition, "qti-response-if")
    same = _sub(branch, "qti-string-match", case_sensitive="false")
    _variable(same, "RESPONSE")
    _sub(same, "qti-correct", identifier="RESPONSE")
    _set_score(branch, value=1)
    other = _sub(condition, "qti-response-else-if")
    pattern = _sub(other, "qti-pattern-match", pattern=f".*{data['answer']['start'][:4]}.*")
    _variable(pattern, "RESPONSE")
    _set_score(other, value=YEAR_ONLY_CREDIT)


def assessment_item(
    question: ExportedQuestion, question_set: QuestionSet, *, language: str = "fr"
) -> tuple[bytes, bool]:
    """One item's XML, and whether its score is exactly quizsite's."""
    data = question.data
    item = etree.Element(
        _q("qti-assessment-item"),
        {
            "identifier": question.identifier,
            "title": question.name,
            "adaptive": "false",
            "time-dependent": "false",
            XML_LANG: language,
        },
        nsmap={None: ASI},
    )
    # Declarations come first in the schema: built into `item`, then body and processing.
    body = etree.Element(_q("qti-item-body"))
    processing = etree.Element(_q("qti-response-processing"))
    exact = True
    if data["kind"] == CHRONOLOGY:
        exact = _chronology(item, body, processing, data, question_set.ordering_method)
    elif data["kind"] == MATCHING:
        _matching(item, body, processing, data, question_set.matching_penalty)
    elif data["kind"] in (WHICH_FIRST, ODD_ONE_OUT):
        choices = [(f"C{i}", choice["label"]) for i, choice in enumerate(data["items"], 1)]
        right = choices[[c["id"] for c in data["items"]].index(data["answer"])][0]
        _choice(item, body, processing, data, choices, right)
    elif data["kind"] == TRUE_FALSE:
        choices = [("VRAI", gettext("Vrai")), ("FAUX", gettext("Faux"))]
        _choice(item, body, processing, data, choices, "VRAI" if data["answer"] else "FAUX")
    elif data["kind"] == DATE_ENTRY:
        _date_entry(item, body, processing, data)
    else:
        raise ValueError(f"unknown kind {data['kind']!r}")
    _show_feedback(processing)
    item.append(body)
    item.append(processing)
    feedback = _sub(
        item,
        "qti-modal-feedback",
        outcome_identifier="FEEDBACK",
        identifier="SOLUTION",
        show_hide="show",
    )
    _html(_sub(feedback, "qti-content-body"), feedback_html(data))
    return etree.tostring(item, xml_declaration=True, encoding="UTF-8", pretty_print=True), exact


def manifest(question_set: QuestionSet, hrefs: Sequence[tuple[str, str]]) -> bytes:
    root = etree.Element(
        f"{{{CP}}}manifest", identifier=f"MANIFEST-quizsite-set-{question_set.pk}", nsmap={None: CP}
    )
    metadata = etree.SubElement(root, f"{{{CP}}}metadata")
    etree.SubElement(metadata, f"{{{CP}}}schema").text = "QTI Package"
    etree.SubElement(metadata, f"{{{CP}}}schemaversion").text = SCHEMA_VERSION
    etree.SubElement(root, f"{{{CP}}}organizations")
    resources = etree.SubElement(root, f"{{{CP}}}resources")
    for identifier, href in hrefs:
        resource = etree.SubElement(
            resources,
            f"{{{CP}}}resource",
            identifier=identifier,
            type="imsqti_item_xmlv3p0",
            href=href,
        )
        etree.SubElement(resource, f"{{{CP}}}file", href=href)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def qti_package(question_set: QuestionSet, questions: Sequence[ExportedQuestion]) -> bytes:
    """The zip: imsmanifest.xml, then items/<identifier>.xml for each question."""
    buffer = io.BytesIO()
    hrefs = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for question in questions:
            href = f"items/{question.identifier}.xml"
            package.writestr(href, assessment_item(question, question_set)[0])
            hrefs.append((question.identifier, href))
        package.writestr("imsmanifest.xml", manifest(question_set, hrefs))
    return buffer.getvalue()
