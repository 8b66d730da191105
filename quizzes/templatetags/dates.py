"""Dates written the way each language writes them in prose: « 1er octobre 1943 »."""

from django import template
from django.utils.dateformat import format as format_date
from django.utils.translation import get_language

register = template.Library()


@register.filter(expects_localtime=True)
def long_date(value, time_format: str = ""):
    """Day, month in words, year; French writes the first of the month « 1er »."""
    if not value:
        return ""
    text = format_date(value, "j F Y")
    if (get_language() or "fr").startswith("fr") and value.day == 1:
        text = "1er" + text[1:]
    if time_format:
        text += format_date(value, time_format)
    return text
