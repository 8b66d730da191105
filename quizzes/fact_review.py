"""A teacher reviews what the reading proposed: accept (as is or edited), reject, accept all the
rest; and writes, edits or deletes facts of their own sources by hand. Every fact that comes out
passes the same checks as `validate_facts` (Fact.problems)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quizzes.highlight import highlighted
from quizzes.models import CandidateFact, Entity, Fact, Source

# Which kind of entity a relation's subject is, when the proposal did not say.
DEFAULT_SUBJECT_KIND = {
    Fact.Kind.ROLE: Entity.Kind.PERSON,
    Fact.Kind.PLACE: Entity.Kind.PLACE,
    Fact.Kind.FIGURE: Entity.Kind.FIGURE,
    Fact.Kind.EVENT: Entity.Kind.ARMY,
    Fact.Kind.CAUSE: Entity.Kind.HAPPENING,
}
FACT_FIELDS = (
    "kind",
    "text",
    "quote",
    "quote_start",
    "date_label",
    "date_start",
    "date_end",
    "date_precision",
    "relation",
    "object",
    "teacher_note",
)


@dataclass
class AcceptAllOutcome:
    accepted: int = 0
    refused: list[tuple[CandidateFact, list[str]]] = field(default_factory=list)


def review_page(*, source: Source, user) -> dict:
    """What the review page shows: the latest reading, the proposals awaiting review, the facts
    already accepted, and the text with both highlighted."""
    job = source.extraction_jobs.latest_first().first()
    candidates = list(source.candidates.in_text_order())
    pending = [c for c in candidates if c.status == CandidateFact.Status.PROPOSED]
    facts = list(
        source.facts.select_related("subject", "created_by").order_by("quote_start", "kind", "pk")
    )
    return {
        "source": source,
        "job": job,
        "no_dates": _no_dates(job, candidates, facts),
        "editable": source.is_editable_by(user),
        "pending": pending,
        "rejected_count": sum(c.status == CandidateFact.Status.REJECTED for c in candidates),
        "facts": facts,
        "segments": highlighted(source.text, pending, facts),
    }


def _no_dates(job, candidates, facts) -> bool:
    """A finished reading found no date at all: no chronology can come from this text."""
    if job is None or job.status != job.Status.DONE:
        return False
    return not any(item.kind == Fact.Kind.EVENT for item in [*candidates, *facts])


def _subject(source: Source, name: str, kind: str) -> Entity | None:
    name = " ".join(name.split())
    if not name:
        return None
    entity = Entity.objects.filter(source=source, name=name).first()
    if entity is None:
        entity = Entity.objects.create(source=source, name=name, kind=kind)
    return entity


def save_fact(
    *,
    source: Source,
    user,
    values: dict,
    subject_name: str = "",
    subject_kind: str = "",
    origin: str,
    fact: Fact | None = None,
) -> Fact:
    """Create (or update) a fact of the source from plain values, checked like validate_facts.
    Raises ValidationError with every problem, storing nothing."""
    fact = fact or Fact(source=source, origin=origin, created_by=user)
    for name in FACT_FIELDS:
        if name in values:
            value = values[name]
            setattr(fact, name, "" if value is None and name not in _NULLABLE else value)
    if fact.kind != Fact.Kind.EVENT and not fact.date_label:
        fact.date_start = fact.date_end = None
        fact.date_precision = ""
    fact.origin = origin if fact.pk is None else fact.origin
    with transaction.atomic():
        subject_kind = subject_kind or DEFAULT_SUBJECT_KIND.get(fact.kind, Entity.Kind.PERSON)
        fact.subject = _subject(source, subject_name, subject_kind) if fact.relation else None
        fact.clean()
        duplicate = Fact.objects.filter(source=source, kind=fact.kind, text=fact.text)
        if fact.pk:
            duplicate = duplicate.exclude(pk=fact.pk)
        if duplicate.exists():
            raise ValidationError(_("Un fait de ce type avec cet énoncé existe déjà."))
        try:
            with transaction.atomic():
                fact.save()
        except IntegrityError as error:
            raise ValidationError(
                _("Ce fait en répète un autre de la source (même sujet, relation et objet).")
            ) from error
    return fact


_NULLABLE = {"date_start", "date_end", "quote_start"}


def candidate_values(candidate: CandidateFact) -> dict:
    # A proposal has no teacher's note: the teacher adds it while reviewing.
    return {name: getattr(candidate, name, "") for name in FACT_FIELDS}


def accept_candidate(*, candidate: CandidateFact, user, changes: dict | None = None) -> Fact:
    """The candidate becomes a fact, as proposed or with the teacher's changes. Raises
    ValidationError naming what is wrong; the candidate then stays to review."""
    if candidate.status != CandidateFact.Status.PROPOSED:
        raise ValidationError(_("Cette proposition a déjà été examinée."))
    values = candidate_values(candidate)
    subject_name, subject_kind = candidate.subject, candidate.subject_kind
    edited = False
    if changes:
        subject_name = changes.pop("subject", subject_name)
        edited = any(values.get(k) != v for k, v in changes.items()) or (
            subject_name != candidate.subject
        )
        values.update(changes)
    with transaction.atomic():
        locked = CandidateFact.objects.select_for_update().get(pk=candidate.pk)
        if locked.status != CandidateFact.Status.PROPOSED:
            raise ValidationError(_("Cette proposition a déjà été examinée."))
        fact = save_fact(
            source=candidate.source,
            user=user,
            values=values,
            subject_name=subject_name,
            subject_kind=subject_kind,
            origin=Fact.Origin.EDITED if edited else Fact.Origin.ACCEPTED,
        )
        CandidateFact.objects.filter(pk=candidate.pk).update(
            status=CandidateFact.Status.ACCEPTED, fact=fact, reviewed_at=timezone.now()
        )
    return fact


def reject_candidate(*, candidate: CandidateFact) -> None:
    CandidateFact.objects.filter(pk=candidate.pk, status=CandidateFact.Status.PROPOSED).update(
        status=CandidateFact.Status.REJECTED, reviewed_at=timezone.now()
    )


def accept_all(*, source: Source, user) -> AcceptAllOutcome:
    """Accept every candidate still to review; those the checks refuse stay, with the reason."""
    outcome = AcceptAllOutcome()
    for candidate in source.candidates.pending().in_text_order():
        try:
            accept_candidate(candidate=candidate, user=user)
        except ValidationError as error:
            outcome.refused.append((candidate, error.messages))
        else:
            outcome.accepted += 1
    return outcome


def delete_fact(*, fact: Fact) -> None:
    """A fact leaves the source; a candidate it came from may be reviewed again. A fact pupils
    have already answered stays (their results rest on it): edit it instead."""
    if fact.results.exists():
        raise ValidationError(
            _("Des élèves ont déjà répondu à des questions sur ce fait : modifiez-le plutôt.")
        )
    with transaction.atomic():
        CandidateFact.objects.filter(fact=fact).update(
            status=CandidateFact.Status.PROPOSED, fact=None, reviewed_at=None
        )
        fact.delete()
