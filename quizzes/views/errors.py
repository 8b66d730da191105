"""Error pages in French (and the reader's language), instead of Django's English ones.

Django's own 400, 403 and 404 views are wrapped in `requires_csrf_token`, which runs the CSRF
check again and so reads the form once more: a form posted in another encoding than UTF-8 (which
Django refuses with BadRequest) then fails a second time inside the error view and turns into a
500. These views render the same templates without that wrapper; the CSRF middleware still sets
the token cookie on the way out, so the forms of the page (language choice) keep working."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    # The reason a view gave (PermissionDenied("…")), shown as Django's own view does.
    reason = str(exception) if exception is not None else ""
    return render(request, "403.html", {"exception": reason}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
