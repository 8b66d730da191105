"""What every htmx-enhanced page does the same way: the fragment htmx swaps in or the whole
page without JavaScript, and the status of a page whose form has errors."""

from __future__ import annotations


def page_or_fragment(request, *, page: str, fragment: str) -> str:
    """The template to render: the fragment for an htmx request, the whole page otherwise (the
    same URL works without JavaScript)."""
    return fragment if request.htmx else page


def form_status(request, *forms) -> int:
    """400 when a form has errors, as a page; 200 for htmx fragments, because htmx 2 swaps only
    2xx responses and the fragment carries its errors."""
    return 400 if any(form.errors for form in forms) and not request.htmx else 200
