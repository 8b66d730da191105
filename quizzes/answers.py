"""Read a student's answer from a form post, grade it on the server, store it once."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quizzes import statements
from quizzes.engine import grading
from quizzes.engine.date_entry import DATE_ENTRY, MONTH, grade_date_entry
from quizzes.engine.odd_one_out import ODD_ONE_OUT, grade_odd_one_out
from quizzes.engine.true_false import TRUE_FALSE, grade_true_false
from quizzes.engine.which_first import WHICH_FIRST, grade_which_first
from quizzes.models import Attempt, AttemptQuestion, FactResult
from quizzes.review import scheduling
from quizzes.signals import attempt_finished
from quizzes.visibility import takes_answers

POSITION_PREFIX = "position-"
MATCH_PREFIX = "match-"
FIRST_FIELD = "first"
INTRUDER_FIELD = "intruder"
YEAR_FIELD = "year"
MONTH_FIELD = "month"
MAX_YEAR_DIGITS = 4
VERDICT_FIELD = "verdict"
VERDICTS = {"true": True, "false": False}


class BadAnswer(Exception):
    """A post that is not a complete, well-formed answer to this question (HTTP 400)."""


class AnswersClosed(Exception):
    """The set no longer takes answers for this attempt (HTTP 403): closed (past its grace
    period), unpublished, or no longer offered to the student."""


@dataclass(frozen=True)
class Graded:
    score: float
    right: dict[str, bool]  # item id (chronology) or prompt id (matching) → right or not
    # Item id → share of the item's own points earned (0 to 1), for the spaced review: between
    # the two, the item was partly right. Items without points of their own are left out.
    credit: dict[str, float] = field(default_factory=dict)

    def __post_init__(self):
        if not self.credit:
            self.credit.update({item: float(right) for item, right in self.right.items()})


def _fields(post, prefix: str) -> dict[str, str]:
    return {key[len(prefix) :]: post.get(key) for key in post if key.startswith(prefix)}


def parse_response(question: dict, post) -> list[str] | dict[str, str]:
    """The response a post gives: the item ids in the student's order, or prompt → answer ids."""
    if question["kind"] == "chronology":
        return _parse_order(question, post)
    if question["kind"] == WHICH_FIRST:
        return _parse_which_first(question, post)
    if question["kind"] == DATE_ENTRY:
        return _parse_date(question, post)
    if question["kind"] == TRUE_FALSE:
        return _parse_verdict(post)
    if question["kind"] == ODD_ONE_OUT:
        return _parse_odd_one_out(question, post)
    return _parse_matching(question, post)


def _parse_verdict(post) -> bool:
    verdict = post.get(VERDICT_FIELD, "")
    if verdict not in VERDICTS:
        raise BadAnswer(_("Choisissez « Vrai » ou « Faux » avant de valider."))
    return VERDICTS[verdict]


def _parse_which_first(question: dict, post) -> str:
    chosen = post.get(FIRST_FIELD, "")
    if chosen not in {item["id"] for item in question["items"]}:
        raise BadAnswer(_("Choisissez l’un des deux événements avant de valider."))
    return chosen


def _parse_odd_one_out(question: dict, post) -> str:
    chosen = post.get(INTRUDER_FIELD, "")
    if chosen not in {item["id"] for item in question["items"]}:
        raise BadAnswer(_("Choisissez l’intrus parmi les quatre propositions avant de valider."))
    return chosen


def _whole_number(text: str) -> int | None:
    text = (text or "").strip()
    if text.isascii() and text.isdigit() and len(text) <= MAX_YEAR_DIGITS:
        return int(text)
    return None


def _parse_date(question: dict, post) -> dict[str, int]:
    """{"year": …} or {"year": …, "month": …}; a month where none is asked is a tampered post."""
    year = _whole_number(post.get(YEAR_FIELD, ""))
    if year is None:
        raise BadAnswer(_("Écrivez l’année en chiffres, par exemple 1789."))
    if question["precision"] != MONTH:
        if MONTH_FIELD in post:
            raise BadAnswer(_("Cette question ne demande que l’année."))
        return {"year": year}
    month = _whole_number(post.get(MONTH_FIELD, ""))
    if month is None or not 1 <= month <= 12:
        raise BadAnswer(_("Choisissez le mois dans la liste."))
    return {"year": year, "month": month}


def _parse_order(question: dict, post) -> list[str]:
    ids = [item["id"] for item in question["items"]]
    positions = _fields(post, POSITION_PREFIX)
    if set(positions) != set(ids):
        raise BadAnswer(_("La réponse ne correspond pas aux événements de cette question."))
    try:
        ranks = {item_id: int(positions[item_id]) for item_id in ids}
    except (TypeError, ValueError):
        raise BadAnswer(_("Chaque événement doit recevoir une position (un nombre).")) from None
    if sorted(ranks.values()) != list(range(1, len(ids) + 1)):
        raise BadAnswer(
            _("Chaque position de 1 à %(n)s doit être utilisée une seule fois.") % {"n": len(ids)}
        )
    return sorted(ids, key=ranks.__getitem__)


def _parse_matching(question: dict, post) -> dict[str, str]:
    prompt_ids = {item["id"] for item in question["prompts"]}
    answer_ids = {item["id"] for item in question["answers"]}
    matches = _fields(post, MATCH_PREFIX)
    if set(matches) != prompt_ids:
        raise BadAnswer(_("La réponse ne correspond pas aux éléments de cette question."))
    if any(not value for value in matches.values()):
        raise BadAnswer(_("Associez chaque élément à une réponse avant de valider."))
    if not set(matches.values()) <= answer_ids:
        raise BadAnswer(_("Une des réponses choisies n’existe pas dans cette question."))
    return matches


def grade(question: dict, response, *, ordering_method: str, matching_penalty: float) -> Graded:
    try:
        if question["kind"] == "chronology":
            result = grading.grade_ordering_detailed(question["answer"], response, ordering_method)
        elif question["kind"] in (WHICH_FIRST, DATE_ENTRY, TRUE_FALSE):
            return _grade_event_question(question, response)
        elif question["kind"] == ODD_ONE_OUT:
            ids = [item["id"] for item in question["items"]]
            score = grade_odd_one_out(question["answer"], response, ids)
            # All or nothing: every option was judged by the one choice (each fact right
            # when the intruder was found, to review otherwise).
            return Graded(score=score, right=dict.fromkeys(ids, score == 1.0))
        else:
            result = grading.grade_matching_detailed(
                dict(question["answer"]),
                response,
                penalty=matching_penalty,
                answer_ids=[item["id"] for item in question["answers"]],
            )
    except grading.MalformedResponse as error:
        raise BadAnswer(str(error)) from error
    return Graded(score=result.score, right=dict(result.item_is_right), credit=_credit(result))


def _credit(result) -> dict[str, float]:
    """Per item, the share of its points earned (chronology: Moodle's per-item points)."""
    if not isinstance(result, grading.OrderingGrade):
        return {}
    maxima = result.item_max_points or {}
    return {
        item: result.item_points[item] / maxima[item] for item in result.item_points if maxima[item]
    }


def _grade_event_question(question: dict, response) -> Graded:
    """Which came first: both events right or both wrong. Date entry: its one event is right
    only with full marks (a right year with a wrong month is still to review). True or false:
    the fact stated is right or wrong, all or nothing."""
    ids = [item["id"] for item in question["items"]]
    if question["kind"] == WHICH_FIRST:
        score = grade_which_first(question["answer"], response, ids)
    elif question["kind"] == TRUE_FALSE:
        score = grade_true_false(question["answer"], response)
    else:
        score = grade_date_entry(
            date.fromisoformat(question["answer"]["start"]),
            date.fromisoformat(question["answer"]["end"]),
            question["precision"],
            response["year"],
            response.get("month"),
        ).score
    # A right year with a wrong month earns half the points: partly right.
    return Graded(
        score=score, right=dict.fromkeys(ids, score == 1.0), credit=dict.fromkeys(ids, score)
    )


def fact_ids(question: dict) -> dict[str, int]:
    """Item or prompt id → the fact it was made from."""
    items = question["prompts"] if question["kind"] == "matching" else question["items"]
    return {item["id"]: int(item["fact_id"]) for item in items}


def submit(attempt_question: AttemptQuestion, response, graded: Graded) -> bool:
    """Store the answer unless the question already has one. Returns True when this call
    stored it; a repeated submission (double click, second tab) changes nothing. Raises
    AnswersClosed, storing nothing, when the set no longer takes answers: checked in the
    transaction that stores, so an answer posted just after closing is not counted."""
    attempt = attempt_question.attempt
    now = timezone.now()
    with transaction.atomic():
        if not takes_answers(attempt):
            raise AnswersClosed(
                _(
                    "Cette série n’accepte plus de réponses : elle est fermée, elle n’est plus "
                    "publiée ou elle ne vous est plus proposée. Cette réponse n’a pas été "
                    "enregistrée ; vos réponses précédentes sont conservées."
                )
            )
        if not _store(attempt_question, response, graded.score, now):
            return False
        # The instance now holds what its row holds, so the page needs no read back.
        attempt_question.response = json.loads(json.dumps(response))
        attempt_question.score = graded.score
        attempt_question.answered_at = now
        attempt.count_answer(graded.score, now)
        facts = fact_ids(attempt_question.data)
        created = statements.moment(now)
        # FactResult.objects.bulk_create() as plain SQL: created_at given here (the model's
        # auto_now_add). Only the call that stored the answer gets here, so the rows keep
        # one_result_per_fact (question, fact) without ignoring conflicts.
        statements.execute_many(
            statements.insert(FactResult, ("question", "fact", "user", "correct", "created_at")),
            [
                (attempt_question.pk, facts[item_id], attempt.user_id, right, created)
                for item_id, right in graded.right.items()
                if item_id in facts
            ],
        )
        if attempt.user_id is not None:  # visitors trying the sample quiz get no cards
            scheduling.schedule_reviews(
                [
                    scheduling.Review(
                        attempt.user_id, facts[item_id], scheduling.rating_for(credit), now
                    )
                    for item_id, credit in graded.credit.items()
                    if item_id in facts
                ]
            )
        # count_answer read the counters back as stored: each question is answered once, so
        # only the attempt's last answer sees every question answered.
        if attempt.answered_count == attempt.question_count:
            _announce_finished(attempt.pk)
    return True


def _store(attempt_question: AttemptQuestion, response, score: float, now) -> bool:
    """Write the answer unless the question already has one (plain SQL: see statements).
    `AttemptQuestion.objects.filter(pk=…, answered_at__isnull=True).update(response=…,
    score=…, answered_at=…)`: the three columns set together, as the model's constraint
    question_answered_all_or_nothing requires; the JSON prepared by the model's own field."""
    stored = statements.execute(
        statements.update(AttemptQuestion, ("response", "score", "answered_at"))
        + f" AND {statements.columns(AttemptQuestion, ['answered_at'])[0]} IS NULL",
        [
            AttemptQuestion._meta.get_field("response").get_db_prep_save(response, connection),
            score,
            statements.moment(now),
            attempt_question.pk,
        ],
    )
    return stored == 1


def _announce_finished(attempt_id: int) -> None:
    """Send attempt_finished once this transaction commits (the LTI app sends the grade)."""
    if attempt_finished.has_listeners(Attempt):
        transaction.on_commit(
            lambda: attempt_finished.send(sender=Attempt, attempt_id=attempt_id), robust=True
        )


def _already_answered() -> str:
    return _("Cette question a déjà reçu une réponse, qui ne peut plus être changée.")


@dataclass(frozen=True)
class AnswerOutcome:
    """What answering did, for the question page: its HTTP status and the message to show."""

    status: int
    error: str | None = None
    answers_closed: bool = False


def answer_question(*, attempt_question: AttemptQuestion, post) -> AnswerOutcome:
    """Parse, grade and store a student's posted answer to a question. A malformed post or a
    changed answer to an answered question is refused (400), a set that no longer takes answers
    too (403); the same answer again (double click, second tab) is counted once. The question
    and its attempt hold what is stored when this returns."""
    question_set = attempt_question.attempt.question_set
    try:
        response = parse_response(attempt_question.data, post)
        graded = grade(
            attempt_question.data,
            response,
            ordering_method=question_set.ordering_method,
            matching_penalty=question_set.matching_penalty,
        )
    except BadAnswer as error:
        return AnswerOutcome(400, str(error))
    if attempt_question.is_answered:
        if attempt_question.response == response:
            return AnswerOutcome(200)
        return AnswerOutcome(400, _already_answered())
    try:
        stored = submit(attempt_question, response, graded)
    except AnswersClosed as error:
        return AnswerOutcome(403, str(error), answers_closed=True)
    if not stored:  # answered meanwhile (another tab): the page shows the stored answer
        attempt_question.refresh_from_db()
        # Only the counters the other answer changed: the cached set stays, where a whole
        # refresh would read it again. (A stored answer brought them back with its update.)
        attempt_question.attempt.refresh_from_db(fields=["score", "answered_count", "finished_at"])
        if attempt_question.response != response:
            return AnswerOutcome(400, _already_answered())
    return AnswerOutcome(200)
