"""Form fields the teacher pages share: bounded counts with French messages, opening and
closing times a class can use, and fact choices that never crash on an impossible id."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from quizzes.engine.questions import MAX_QUESTIONS_PER_KIND

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def bounded(label, low, high, help_text=""):
    return forms.IntegerField(
        label=label,
        min_value=low,
        max_value=high,
        help_text=help_text,
        error_messages={
            "min_value": _("Au moins %(limit_value)s."),
            "max_value": _("Au plus %(limit_value)s."),
            "required": _("Indiquez un nombre."),
            "invalid": _("Indiquez un nombre entier."),
        },
        widget=forms.NumberInput(attrs={"min": low, "max": high}),
    )


def optional_count(label, help_text):
    """A count of a newer question kind: left out of a post (an older form), it means none."""
    field = bounded(label, 0, MAX_QUESTIONS_PER_KIND, help_text)
    field.required = False
    return field


# Opening and closing times a class can use. Beyond them (year 1, year 9999) the conversion to
# UTC overflows; a teacher who typed one made a typing mistake.
OPENING_YEARS = (2000, 2999)


class SchoolDateTimeField(forms.DateTimeField):
    """A date and time of opening or closing, refused (not a 500) outside OPENING_YEARS."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is not None and not OPENING_YEARS[0] <= moment.year <= OPENING_YEARS[1]:
            raise forms.ValidationError(
                _("Indiquez une année comprise entre %(first)s et %(last)s."),
                code="year_out_of_range",
                params={"first": OPENING_YEARS[0], "last": OPENING_YEARS[1]},
            )
        return moment


def datetime_field(label):
    return SchoolDateTimeField(
        label=label,
        required=False,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        error_messages={"invalid": _("Indiquez une date et une heure valides.")},
    )


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Ids beyond the database's 64-bit integers are unknown ids, not a crash of the query
    (SQLite raises OverflowError on them in the `pk__in` lookup)."""

    def _check_values(self, value):
        for pk in value:
            try:
                in_range = -(2**63) <= int(str(pk)) < 2**63
            except ValueError:
                continue  # not a number: Django's own check names it
            if not in_range:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
