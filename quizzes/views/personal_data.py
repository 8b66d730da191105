"""Personal data: the privacy page, a user's « Mes données » page with the download of all
their data, and a pupil deleting their own account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from quizzes import personal_data
from quizzes.forms.personal_data import DeleteAccountForm


@require_GET
def privacy(request):
    return render(request, "quizzes/privacy.html")


def _my_data_page(request, form: DeleteAccountForm | None = None, status: int = 200):
    may_delete = personal_data.may_delete_own_account(request.user)
    context = {
        "may_delete": may_delete,
        "form": (form or DeleteAccountForm(user=request.user)) if may_delete else None,
    }
    return render(request, "quizzes/my_data.html", context, status=status)


@login_required
@require_GET
def my_data(request):
    return _my_data_page(request)


@login_required
@require_GET
def download(request):
    response = HttpResponse(
        personal_data.export_json(request.user), content_type="application/json; charset=utf-8"
    )
    filename = personal_data.export_filename(request.user)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def delete_account(request):
    if not personal_data.may_delete_own_account(request.user):
        raise PermissionDenied(
            _("Un compte d’enseignant ou d’administrateur est supprimé par un administrateur.")
        )
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return _my_data_page(request, form, status=400)
    personal_data.delete_account(user=request.user)
    logout(request)
    messages.success(request, _("Votre compte et toutes vos données ont été supprimés."))
    return redirect("home")
