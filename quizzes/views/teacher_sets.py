"""Teachers build question sets: their list, the builder form with its live preview,
publishing, assignment to classes, pinned hand-written questions, deletion and copies."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from quizzes.exports.questions import DEFAULT_VARIANTS, MAX_VARIANTS
from quizzes.fact_picker import checked_ids, fact_list
from quizzes.forms.pinned import PinForm
from quizzes.forms.question_sets import PICKED_FACTS, QuestionSetForm
from quizzes.models import PinnedQuestion, QuestionSet
from quizzes.permissions import own_set, teacher_required
from quizzes.question_builder import pinned_for_set
from quizzes.set_preview import build_preview
from quizzes.views.rendering import form_status


def _unbound_copy(form: QuestionSetForm, **kwargs) -> QuestionSetForm:
    """The same values, unbound: filtering the fact list must not show validation errors."""
    initial = {name: form[name].data for name in form.fields}
    return QuestionSetForm(initial=initial, owner=form.owner, instance=form.instance, **kwargs)


def _initial_from_query(request) -> dict:
    facts = checked_ids(request.GET.getlist("facts"))
    return {"facts": facts, "fact_choice": PICKED_FACTS} if facts else {}


def _page(request, form, question_set=None, *, preview=None, pin_form=None, status=200):
    source = request.POST if request.method == "POST" else request.GET
    context = {
        "form": form,
        "question_set": question_set,
        "preview": preview,
        "action_url": (
            reverse("teacher_set_edit", args=[question_set.pk])
            if question_set
            else reverse("teacher_set_create")
        ),
        "preview_url": (
            reverse("teacher_set_preview", args=[question_set.pk])
            if question_set
            else reverse("teacher_set_preview")
        ),
        **fact_list(
            source.get("q", "").strip(),
            source.get("fact_kind", ""),
            form.checked_fact_ids(),
            owner=request.user,
        ),
    }
    if question_set:
        context["pinned"] = [
            {"pin": pin, "facts": list(pin.facts.all())} for pin in pinned_for_set(question_set)
        ]
        context["export_default_variants"] = DEFAULT_VARIANTS
        context["export_max_variants"] = MAX_VARIANTS
        context["pin_form"] = pin_form or PinForm(
            prefix="pin",
            question_set=question_set,
            initial={
                "kind": request.GET.get("pin-kind") or PinnedQuestion.Kind.CHRONOLOGY,
                "relation": request.GET.get("pin-relation", ""),
            },
        )
    return render(request, "teacher/set_form.html", context, status=status)


@teacher_required
@require_GET
def set_list(request):
    return render(
        request,
        "teacher/set_list.html",
        {"question_sets": QuestionSet.objects.listed_for(request.user)},
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def set_create(request):
    if request.method == "GET":
        form = QuestionSetForm(owner=request.user, initial=_initial_from_query(request))
        return _page(request, form)
    form = QuestionSetForm(request.POST, owner=request.user)
    if "filter_facts" in request.POST:
        return _page(request, _unbound_copy(form))
    if form.is_valid():
        question_set = form.save()
        messages.success(request, _("Série « %(title)s » créée.") % {"title": question_set})
        return redirect("teacher_set_edit", question_set.pk)
    return _page(request, form, status=form_status(request, form))


@teacher_required
@require_http_methods(["GET", "POST"])
def set_edit(request, set_id: int):
    question_set = own_set(request, set_id)
    if request.method == "GET":
        form = QuestionSetForm(
            owner=request.user, instance=question_set, initial=_initial_from_query(request)
        )
        return _page(request, form, question_set)
    form = QuestionSetForm(request.POST, owner=request.user, instance=question_set)
    if "filter_facts" in request.POST:
        return _page(request, _unbound_copy(form), question_set)
    if form.is_valid():
        form.save()
        messages.success(request, _("Série « %(title)s » enregistrée.") % {"title": question_set})
        return redirect("teacher_set_edit", question_set.pk)
    # The failed post changed the object in memory only: show the page for the stored set.
    return _page(request, form, own_set(request, set_id), status=form_status(request, form))


@teacher_required
@require_POST
def set_preview(request, set_id: int | None = None):
    question_set = own_set(request, set_id) if set_id is not None else None
    form = QuestionSetForm(
        request.POST, owner=request.user, instance=question_set, check_generation=False
    )
    preview = build_preview(form.draft(), form.chosen_facts()) if form.is_valid() else None
    if request.htmx:
        return render(request, "teacher/_set_preview.html", {"form": form, "preview": preview})
    stored = own_set(request, set_id) if set_id is not None else None
    return _page(request, form, stored, preview=preview, status=form_status(request, form))


@teacher_required
@require_GET
def set_facts(request):
    """The searchable fact list alone (htmx); without JavaScript the builder page filters."""
    q = request.GET.get("q", "").strip()
    checked = checked_ids(request.GET.getlist("facts"))
    if not request.htmx:
        return redirect(reverse("teacher_set_create") + "?" + request.GET.urlencode())
    return render(
        request,
        "teacher/_set_facts.html",
        fact_list(q, request.GET.get("fact_kind", ""), checked, owner=request.user),
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def set_delete(request, set_id: int):
    question_set = own_set(request, set_id)
    if request.method == "POST":
        title = question_set.title
        question_set.delete()
        messages.success(request, _("Série « %(title)s » supprimée.") % {"title": title})
        return redirect("teacher_sets")
    return render(
        request,
        "teacher/set_confirm_delete.html",
        {"question_set": question_set, "attempt_count": question_set.attempts.count()},
    )


@teacher_required
@require_POST
def set_duplicate(request, set_id: int):
    original = own_set(request, set_id)
    copy = original.duplicate(title=_("Copie de %(title)s") % {"title": original.title})
    messages.success(request, _("Copie créée, en brouillon."))
    return redirect("teacher_set_edit", copy.pk)


@teacher_required
@require_POST
def pin_add(request, set_id: int):
    question_set = own_set(request, set_id)
    pin_form = PinForm(request.POST, prefix="pin", question_set=question_set)
    if pin_form.is_valid():
        pin_form.save()
        messages.success(request, _("Question épinglée."))
        return redirect(reverse("teacher_set_edit", args=[question_set.pk]) + "#epinglees")
    form = QuestionSetForm(owner=request.user, instance=question_set)
    return _page(
        request, form, question_set, pin_form=pin_form, status=form_status(request, pin_form)
    )


@teacher_required
@require_POST
def pin_remove(request, set_id: int, pin_id: int):
    question_set = own_set(request, set_id)
    get_object_or_404(question_set.pinned_questions, pk=pin_id).delete()
    messages.success(request, _("Question épinglée retirée."))
    return redirect(reverse("teacher_set_edit", args=[question_set.pk]) + "#epinglees")
