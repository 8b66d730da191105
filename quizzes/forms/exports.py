"""Forms of the export and import pages: how many generated variants to export, and the
Moodle XML file to import (its size checked before it is read)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from quizzes.exports.moodle_import import MAX_IMPORT_BYTES
from quizzes.exports.questions import DEFAULT_VARIANTS, MAX_VARIANTS


class ExportForm(forms.Form):
    variantes = forms.IntegerField(
        label=_("Variantes générées"),
        min_value=1,
        max_value=MAX_VARIANTS,
        initial=DEFAULT_VARIANTS,
        help_text=_(
            "Chaque variante est le tirage d’une tentative ; les questions épinglées s’y ajoutent une fois."
        ),
    )

    def variants(self) -> int:
        return self.cleaned_data["variantes"]


class MoodleImportForm(forms.Form):
    fichier = forms.FileField(
        label=_("Fichier Moodle XML"),
        help_text=_(
            "Export de la banque de questions de Moodle, au format « Moodle XML », 2 Mo au plus."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
    )

    def clean_fichier(self):
        upload = self.cleaned_data["fichier"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("Ce fichier dépasse %(mb)s Mo : il est refusé."),
                params={"mb": MAX_IMPORT_BYTES // (1024 * 1024)},
            )
        return upload
