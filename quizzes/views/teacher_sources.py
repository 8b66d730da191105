"""Teachers bring their own texts: the list of sources, a new source (pasted or uploaded), its
reading's progress, and the review of what the reading proposes, fact by fact."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from quizzes import fact_review, source_reading
from quizzes.forms.sources import (
    FactFieldsForm,
    LanguageForm,
    SourceForm,
    initial_from,
    limits_text,
)
from quizzes.models import CandidateFact, Fact, Source
from quizzes.permissions import own_source, teacher_required, visible_source
from quizzes.views.rendering import form_status


def _source_url(source: Source, anchor: str = "") -> str:
    return reverse("teacher_source", args=[source.pk]) + (f"#{anchor}" if anchor else "")


@teacher_required
@require_GET
def source_list(request):
    sources = (
        Source.objects.visible_to(request.user)
        .with_review_counts()
        .order_by("-created_at", "title")
    )
    return render(request, "teacher/source_list.html", {"sources": sources})


@teacher_required
@require_http_methods(["GET", "POST"])
def source_create(request):
    form = SourceForm(request.POST or None, request.FILES or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        source = source_reading.create_source(
            owner=request.user,
            title=data["title"],
            author=data["author"],
            language=data["language"],
            text=data["text"],
            filename=getattr(form, "filename", ""),
        )
        messages.success(
            request,
            _("Texte enregistré (%(language)s). Sa lecture a commencé.")
            % {"language": source.get_language_display()},
        )
        return redirect(_source_url(source))
    return render(
        request,
        "teacher/source_form.html",
        {"form": form, "limits": limits_text()},
        status=form_status(request, form),
    )


@teacher_required
@require_GET
def source_detail(request, source_id: int):
    source = visible_source(request, source_id)
    context = fact_review.review_page(source=source, user=request.user)
    context["language_form"] = LanguageForm(initial={"language": source.language})
    return render(request, "teacher/source_detail.html", context)


@teacher_required
@require_GET
def source_progress(request, source_id: int):
    """The reading's progress bar, polled by htmx; when the reading ends, the page reloads to
    show the proposals."""
    source = visible_source(request, source_id)
    job = source.extraction_jobs.latest_first().first()
    response = render(
        request, "teacher/_source_progress.html", {"source": source, "job": job, "editable": True}
    )
    if request.htmx and (job is None or not job.is_active):
        response["HX-Refresh"] = "true"
    return response


@teacher_required
@require_POST
def source_rerun(request, source_id: int):
    source = own_source(request, source_id)
    form = LanguageForm(request.POST)
    language = form.cleaned_data["language"] if form.is_valid() else None
    try:
        source_reading.read_again(source=source, language=language)
    except source_reading.ExtractionAlreadyRunning:
        messages.error(request, _("Une lecture de ce texte est déjà en cours."))
    else:
        messages.success(request, _("Nouvelle lecture du texte lancée."))
    return redirect(_source_url(source))


def _own_candidate(request, source_id: int, candidate_id: int) -> CandidateFact:
    source = own_source(request, source_id)
    return get_object_or_404(source.candidates.select_related("source"), pk=candidate_id)


def _candidate_done(request, candidate: CandidateFact, message: str):
    if request.htmx:
        return render(
            request,
            "teacher/_candidate_reviewed.html",
            {"candidate": candidate, "message": message},
        )
    messages.success(request, message)
    return redirect(_source_url(candidate.source, "propositions"))


@teacher_required
@require_POST
def candidate_accept(request, source_id: int, candidate_id: int):
    candidate = _own_candidate(request, source_id, candidate_id)
    try:
        fact_review.accept_candidate(candidate=candidate, user=request.user)
    except ValidationError as error:
        if request.htmx:
            return render(
                request,
                "teacher/_candidate.html",
                {"candidate": candidate, "errors": error.messages, "editable": True},
            )
        messages.error(request, " ".join(error.messages))
        return redirect(_source_url(candidate.source, f"proposition-{candidate.pk}"))
    return _candidate_done(
        request, candidate, _("Fait accepté : %(text)s") % {"text": candidate.text}
    )


@teacher_required
@require_POST
def candidate_reject(request, source_id: int, candidate_id: int):
    candidate = _own_candidate(request, source_id, candidate_id)
    fact_review.reject_candidate(candidate=candidate)
    return _candidate_done(
        request, candidate, _("Proposition rejetée : %(text)s") % {"text": candidate.text}
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def candidate_edit(request, source_id: int, candidate_id: int):
    candidate = _own_candidate(request, source_id, candidate_id)
    if candidate.status != CandidateFact.Status.PROPOSED:
        messages.error(request, _("Cette proposition a déjà été examinée."))
        return redirect(_source_url(candidate.source))
    form = FactFieldsForm(
        request.POST or None,
        initial=initial_from(candidate),
        source=candidate.source,
        preferred_start=candidate.quote_start,
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        changes = dict(values["values"], subject=values["subject_name"])
        try:
            fact_review.accept_candidate(candidate=candidate, user=request.user, changes=changes)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Fait modifié et accepté : %(text)s") % {"text": form.cleaned_data["text"]},
            )
            return redirect(_source_url(candidate.source, "propositions"))
    return render(
        request,
        "teacher/fact_form.html",
        {
            "form": form,
            "source": candidate.source,
            "candidate": candidate,
            "title": _("Modifier puis accepter"),
        },
        status=form_status(request, form),
    )


@teacher_required
@require_POST
def accept_all(request, source_id: int):
    source = own_source(request, source_id)
    outcome = fact_review.accept_all(source=source, user=request.user)
    if outcome.accepted:
        messages.success(
            request,
            ngettext("%(count)s fait accepté.", "%(count)s faits acceptés.", outcome.accepted)
            % {"count": outcome.accepted},
        )
    else:
        messages.info(request, _("Aucun fait accepté."))
    for candidate, problems in outcome.refused:
        messages.error(
            request,
            _("Non accepté : « %(text)s » — %(problems)s")
            % {"text": candidate.text, "problems": " ".join(problems)},
        )
    return redirect(_source_url(source, "propositions"))


@teacher_required
@require_http_methods(["GET", "POST"])
def fact_create(request, source_id: int):
    source = own_source(request, source_id)
    initial = {"kind": Fact.Kind.EVENT, "quote": request.GET.get("quote", "")[:5000]}
    form = FactFieldsForm(request.POST or None, initial=initial, source=source)
    if request.method == "POST" and form.is_valid():
        values = form.values()
        try:
            fact = fact_review.save_fact(
                source=source,
                user=request.user,
                values=values["values"],
                subject_name=values["subject_name"],
                origin=Fact.Origin.MANUAL,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Fait ajouté : %(text)s") % {"text": fact.text})
            return redirect(_source_url(source, "faits"))
    return render(
        request,
        "teacher/fact_form.html",
        {"form": form, "source": source, "title": _("Nouveau fait")},
        status=form_status(request, form),
    )


def _own_fact(request, source_id: int, fact_id: int) -> Fact:
    source = own_source(request, source_id)
    return get_object_or_404(source.facts.select_related("source", "subject"), pk=fact_id)


@teacher_required
@require_http_methods(["GET", "POST"])
def fact_edit(request, source_id: int, fact_id: int):
    fact = _own_fact(request, source_id, fact_id)
    form = FactFieldsForm(
        request.POST or None,
        initial=initial_from(fact),
        source=fact.source,
        preferred_start=fact.quote_start,
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        try:
            fact_review.save_fact(
                source=fact.source,
                user=request.user,
                values=values["values"],
                subject_name=values["subject_name"],
                origin=fact.origin,
                fact=fact,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Fait modifié : %(text)s") % {"text": fact.text})
            return redirect(_source_url(fact.source, "faits"))
    return render(
        request,
        "teacher/fact_form.html",
        {"form": form, "source": fact.source, "fact": fact, "title": _("Modifier un fait")},
        status=form_status(request, form),
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def fact_delete(request, source_id: int, fact_id: int):
    fact = _own_fact(request, source_id, fact_id)
    if request.method == "POST":
        try:
            fact_review.delete_fact(fact=fact)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Fait supprimé."))
        return redirect(_source_url(fact.source, "faits"))
    return render(
        request, "teacher/fact_confirm_delete.html", {"fact": fact, "source": fact.source}
    )
