"""Teachers take quizsite's questions elsewhere and bring Moodle questions in: a set as Moodle
XML or a QTI 3.0 package, a source's facts as an Anki deck, a Moodle XML file as pinned
questions of a set. Only the set's owner (a source's readers) may; others get a 404."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from quizzes.engine.questions import NotEnoughFacts
from quizzes.exports.anki import anki_package
from quizzes.exports.formats import EXPORT_FORMATS, export_filename, export_set
from quizzes.exports.moodle_import import ImportRefused, import_moodle_xml
from quizzes.forms.exports import ExportForm, MoodleImportForm
from quizzes.permissions import own_set, teacher_required, visible_source


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@teacher_required
@require_GET
def set_export(request, set_id: int, export_format: str):
    question_set = own_set(request, set_id)
    form = ExportForm(request.GET)
    if not form.is_valid():
        context = {"question_set": question_set, "form": form}
        return render(request, "teacher/set_export_refused.html", context, status=400)
    try:
        content = export_set(question_set, export_format=export_format, variants=form.variants())
    except NotEnoughFacts as error:
        context = {"question_set": question_set, "reason": str(error)}
        return render(request, "teacher/set_export_refused.html", context, status=409)
    content_type = EXPORT_FORMATS[export_format].content_type
    return _download(content, content_type, export_filename(question_set, export_format))


@teacher_required
@require_http_methods(["GET", "POST"])
def set_import(request, set_id: int):
    question_set = own_set(request, set_id)
    if request.method == "GET":
        form = MoodleImportForm()
        return render(
            request, "teacher/set_import.html", {"question_set": question_set, "form": form}
        )
    form = MoodleImportForm(request.POST, request.FILES)
    report = None
    if form.is_valid():
        try:
            report = import_moodle_xml(
                question_set=question_set, data=form.cleaned_data["fichier"].read()
            )
        except ImportRefused as error:
            form.add_error("fichier", str(error))
    context = {"question_set": question_set, "form": form, "report": report}
    return render(request, "teacher/set_import.html", context, status=400 if form.errors else 200)


@teacher_required
@require_GET
def source_anki(request, source_id: int):
    source = visible_source(request, source_id)
    filename = f"{slugify(source.title) or 'source'}.apkg"
    return _download(anki_package(source), "application/apkg", filename)
