"""A French page for a refused CSRF check (expired form), instead of Django's English one."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
