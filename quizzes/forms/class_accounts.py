"""The form where a teacher gives the class list to make their pupils' accounts from: names
pasted one a line, or a CSV file. Every problem is reported with its line, and nothing is
created while there is one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from quizzes.class_accounts import (
    MAX_LIST_FILE_BYTES,
    MAX_NAME_LENGTH,
    MAX_PUPILS_PER_BATCH,
    decode_list_file,
    names_in_class,
    read_name_list,
)

# Shown at most, so a list of a thousand bad lines is still a readable page.
MAX_ERRORS_SHOWN = 20


class ClassAccountsForm(forms.Form):
    names = forms.CharField(
        label=_("Noms des élèves, un par ligne"),
        help_text=_(
            "« Prénom Nom » sur chaque ligne, par exemple « Camille Lefèvre ». %(max)s noms au "
            "plus par envoi. Vous pouvez coller deux colonnes copiées d’un tableur."
        )
        % {"max": MAX_PUPILS_PER_BATCH},
        widget=forms.Textarea(attrs={"rows": 12, "autocomplete": "off", "spellcheck": "false"}),
        required=False,
        # Room for a full batch of long names; longer is refused before reading a line.
        max_length=MAX_PUPILS_PER_BATCH * (MAX_NAME_LENGTH + 2) * 2,
    )
    list_file = forms.FileField(
        label=_("… ou un fichier CSV"),
        help_text=_(
            "Une colonne « Prénom Nom », ou deux colonnes « Prénom » et « Nom » (séparées par "
            "des points-virgules ou des virgules), avec ou sans ligne d’en-tête."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )

    def __init__(self, *args, classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        text, upload = cleaned.get("names", ""), cleaned.get("list_file")
        field = "list_file" if upload else "names"
        if text.strip() and upload:
            raise forms.ValidationError(
                _("Collez la liste ou choisissez un fichier, pas les deux."), code="both"
            )
        if upload:
            if upload.size > MAX_LIST_FILE_BYTES:
                self.add_error(field, _("Ce fichier est trop gros pour une liste de classe."))
                return cleaned
            text = decode_list_file(upload.read())
            if text is None:
                self.add_error(field, _("Ce fichier n’est pas un fichier texte ou CSV lisible."))
                return cleaned
        names, errors = read_name_list(
            text, is_csv=upload is not None, in_class=names_in_class(self.classroom)
        )
        if errors:
            shown = errors[:MAX_ERRORS_SHOWN]
            if len(errors) > MAX_ERRORS_SHOWN:
                more = len(errors) - MAX_ERRORS_SHOWN
                shown.append(
                    ngettext(
                        "… et %(count)s autre ligne à corriger.",
                        "… et %(count)s autres lignes à corriger.",
                        more,
                    )
                    % {"count": more}
                )
            self.add_error(field, shown)
        elif not names:
            self.add_error(field, _("Donnez au moins un nom d’élève."))
        self.pupil_names = names
        return cleaned
