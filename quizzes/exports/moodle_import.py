"""Moodle XML questions coming in: ordering and matching questions whose items are facts the
teacher may use become pinned questions of a set; every other question is listed as skipped,
with the reason.

The file is parsed with defusedxml, which refuses DTDs, entities (billion laughs) and external
references before anything is expanded or fetched; its size is checked before it is read."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.db import transaction
from django.db.models import Max
from django.utils.html import strip_tags
from django.utils.translation import gettext

from quizzes.engine.questions import NotEnoughFacts
from quizzes.models import Fact, PinnedQuestion, QuestionSet
from quizzes.question_builder import ALL_RELATIONS, DATE_RELATION, pinned_question

# Larger than any set's export with its variants (about 2 KB a question), small enough to
# parse in memory at once.
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_QUESTIONS = 200
ORDERING_TYPES = {"ordering"}
MATCHING_TYPES = {"matching", "match"}


class ImportRefused(ValueError):
    """The file cannot be read at all (message for the teacher); nothing was stored."""


@dataclass
class ImportReport:
    pinned: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def parse_moodle_xml(data: bytes) -> Element:
    """The <quiz> root of a Moodle XML file, or ImportRefused saying why not."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(
            gettext("Ce fichier dépasse %(mb)s Mo : il est refusé.")
            % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}
        )
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportRefused(
            gettext(
                "Ce fichier déclare une DTD, des entités ou des références externes : un fichier "
                "Moodle n’en contient pas, il est refusé."
            )
        ) from None
    except (ParseError, ValueError):
        raise ImportRefused(
            gettext("Ce fichier n’est pas un fichier XML bien formé : il est refusé.")
        ) from None
    if root.tag != "quiz":
        raise ImportRefused(
            gettext("Ce fichier XML n’est pas un export Moodle (il ne commence pas par <quiz>).")
        )
    if len(root.findall("question")) > MAX_IMPORT_QUESTIONS:
        raise ImportRefused(
            gettext("Ce fichier compte plus de %(n)s questions : importez-le en plusieurs fois.")
            % {"n": MAX_IMPORT_QUESTIONS}
        )
    return root


def plain(element: Element | None) -> str:
    """The text of a Moodle <…><text> as plain words (Moodle answers may be HTML)."""
    if element is None:
        return ""
    text = element.findtext("text", default="") if element.tag != "text" else element.text or ""
    return re.sub(r"\s+", " ", html.unescape(strip_tags(text))).strip()


def _name(question: Element, number: int) -> str:
    return plain(question.find("name")) or gettext("Question %(n)s") % {"n": number}


def _facts_by_text(owner, texts: list[str]) -> list[Fact] | str:
    """The event facts with these texts, one each, or the reason why not."""
    found = []
    events = Fact.objects.usable_by(owner).events()
    for text in texts:
        matches = list(events.filter(text=text).order_by("pk")[:2])
        if not matches:
            return gettext("« %(text)s » n’est aucun événement de vos sources.") % {"text": text}
        if len(matches) > 1:
            return gettext("« %(text)s » est un événement de plusieurs sources.") % {"text": text}
        found.append(matches[0])
    return found


def _pairs_to_facts(owner, pairs: list[tuple[str, str]]) -> tuple[str, list[Fact]] | str:
    """The relation and the facts that say these (prompt, answer) pairs, or the reason why not."""
    usable = Fact.objects.usable_by(owner)
    for relation in ALL_RELATIONS:
        facts = []
        for prompt, answer in pairs:
            if relation == DATE_RELATION:
                matches = usable.events().filter(text=prompt, date_label=answer)
            else:
                matches = usable.filter(relation=relation, subject__name=prompt, object=answer)
            matches = list(matches.order_by("pk")[:2])
            if len(matches) != 1:
                break
            facts.append(matches[0])
        else:
            return relation, facts
    return gettext("Ces paires ne sont pas toutes des faits d’un même type de vos sources.")


def _ordering(question: Element, owner, method: str) -> tuple[str, str, list[Fact]] | str:
    # Moodle reads the right order from the order of the <answer>s (fraction is the position).
    texts = [text for text in (plain(a) for a in question.findall("answer")) if text]
    found = _facts_by_text(owner, texts)
    if isinstance(found, str):
        return found
    expected = pinned_question("chronology", "", found, "import", ordering_method=method)
    by_fact = {item["id"]: item["fact_id"] for item in expected["items"]}
    if [by_fact[item_id] for item_id in expected["answer"]] != [str(f.pk) for f in found]:
        return gettext("L’ordre du fichier contredit les dates de vos sources.")
    return "chronology", "", found


def _matching(question: Element, owner) -> tuple[str, str, list[Fact]] | str:
    pairs = []
    for sub in question.findall("subquestion"):
        prompt, answer = plain(sub), plain(sub.find("answer"))
        if prompt and answer:
            pairs.append((prompt, answer))
        # A subquestion without text is a distractor: pinned questions have none.
    mapped = _pairs_to_facts(owner, pairs)
    if isinstance(mapped, str):
        return mapped
    relation, facts = mapped
    pinned_question("matching", relation, facts, "import")
    return "matching", relation, facts


def import_moodle_xml(*, question_set: QuestionSet, data: bytes) -> ImportReport:
    """Pin the file's ordering and matching questions in the set, all or nothing stored per
    file; raises ImportRefused when the file cannot be read."""
    root = parse_moodle_xml(data)
    owner = question_set.owner
    report = ImportReport()
    planned: list[tuple[str, str, list[Fact]]] = []
    for number, question in enumerate(root.findall("question"), 1):
        qtype = question.get("type", "")
        if qtype == "category":
            continue
        name = _name(question, number)
        try:
            if qtype in ORDERING_TYPES:
                outcome = _ordering(question, owner, question_set.ordering_method)
            elif qtype in MATCHING_TYPES:
                outcome = _matching(question, owner)
            else:
                outcome = gettext(
                    "type « %(type)s » : seuls « ordering » et « matching » sont importés."
                ) % {"type": qtype}
        except NotEnoughFacts as error:
            outcome = str(error)
        if isinstance(outcome, str):
            report.skipped.append((name, outcome))
        else:
            planned.append(outcome)
            report.pinned.append(name)
    with transaction.atomic():
        last = question_set.pinned_questions.aggregate(last=Max("position"))["last"]
        position = -1 if last is None else last
        for kind, relation, facts in planned:
            position += 1
            pin = PinnedQuestion.objects.create(
                question_set=question_set, kind=kind, relation=relation, position=position
            )
            pin.facts.set(facts)
    return report
