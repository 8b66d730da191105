"""Forms of a teacher's sources: a new text (pasted or uploaded), a proposal edited before it is
accepted, a fact written by hand, the language to read the text in."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from quizzes.extraction.language import detect_language
from quizzes.extraction.reading import (
    ACCEPTED_EXTENSIONS,
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    UnreadableDocument,
    clean_text,
    prepare_text,
    read_document,
)
from quizzes.models import Fact, Source

AUTO = "auto"
LANGUAGE_CHOICES = [
    (AUTO, _("Détecter automatiquement")),
    (Source.Language.FRENCH, _("Français")),
    (Source.Language.ENGLISH, _("Anglais")),
]


def limits_text() -> str:
    return _(
        "Au plus %(chars)s caractères ; fichiers .txt, .md, .pdf (avec texte), .docx ou .odt de "
        "%(size)s au plus."
    ) % {
        "chars": number_format(MAX_TEXT_CHARS, force_grouping=True),
        "size": filesizeformat(MAX_UPLOAD_BYTES),
    }


class SourceForm(forms.Form):
    title = forms.CharField(label=_("Titre"), max_length=200)
    author = forms.CharField(label=_("Auteur ou origine"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("Langue du texte"), choices=LANGUAGE_CHOICES, initial=AUTO)
    text = forms.CharField(
        label=_("Texte"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Collez le texte ici, ou choisissez un fichier ci-dessous."),
    )
    file = forms.FileField(
        label=_("Ou un fichier"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.detected_language = None

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if Source.objects.filter(owner=self.owner, title=title).exists():
            raise ValidationError(_("Vous avez déjà une source de ce titre."))
        return title

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        pasted = cleaned.get("text") or ""
        if upload and pasted.strip():
            raise ValidationError(_("Collez un texte ou choisissez un fichier, pas les deux."))
        try:
            if upload:
                if upload.size > MAX_UPLOAD_BYTES:
                    raise UnreadableDocument(
                        _("Le fichier dépasse %(size)s.")
                        % {"size": filesizeformat(MAX_UPLOAD_BYTES)}
                    )
                text = read_document(upload.name, upload.read())
                self.filename = upload.name
            else:
                text = prepare_text(pasted) if pasted.strip() else ""
                self.filename = ""
        except UnreadableDocument as error:
            self.add_error("file" if upload else "text", str(error))
            return cleaned
        if not text.strip():
            self.add_error(
                "text", _("Le texte est vide : collez un texte ou choisissez un fichier.")
            )
            return cleaned
        cleaned["text"] = clean_text(text)
        detected = detect_language(cleaned["text"])
        self.detected_language = detected
        if cleaned.get("language") == AUTO:
            if detected is None:
                self.add_error(
                    "language",
                    _(
                        "Ce texte ne semble être ni en français ni en anglais : quizsite ne lit "
                        "que ces deux langues. Choisissez la langue si c’est une erreur."
                    ),
                )
            else:
                cleaned["language"] = detected
        return cleaned


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Langue du texte"), choices=Source.Language.choices)


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FactFieldsForm(forms.Form):
    """The fields a teacher may set on a fact, proposed or hand-written."""

    kind = forms.ChoiceField(label=_("Type"), choices=Fact.Kind.choices)
    text = forms.CharField(label=_("Énoncé"), max_length=400)
    quote = forms.CharField(
        label=_("Citation exacte"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mot pour mot, telle qu’elle figure dans le texte."),
    )
    date_label = forms.CharField(
        label=_("Date telle que la source l’écrit"), max_length=100, required=False
    )
    date_start = forms.DateField(label=_("Au plus tôt"), required=False, widget=DATE_INPUT)
    date_end = forms.DateField(label=_("Au plus tard"), required=False, widget=DATE_INPUT)
    date_precision = forms.ChoiceField(
        label=_("Précision"), choices=Fact.Precision.choices, required=False
    )
    subject = forms.CharField(
        label=_("Sujet (personne, groupe, lieu, chiffre)"), max_length=200, required=False
    )
    relation = forms.ChoiceField(label=_("Relation"), choices=Fact.Relation.choices, required=False)
    object = forms.CharField(
        label=_("Objet (rôle, ce qui s’est passé…)"), max_length=300, required=False
    )
    teacher_note = forms.CharField(
        label=_("Note de l’enseignant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=Fact._meta.get_field("teacher_note").help_text,
    )

    def __init__(self, *args, source: Source, preferred_start: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source
        # A quote found at several places keeps the position it had (the proposal's or the
        # fact's) when it is still there; otherwise its first occurrence.
        self.preferred_start = preferred_start

    def clean(self):
        cleaned = super().clean()
        quote = cleaned.get("quote")
        if quote is not None:
            quote = quote.replace("\r\n", "\n")
            position = self.source.text.find(quote) if quote.strip() else -1
            preferred = self.preferred_start
            if (
                preferred is not None
                and self.source.text[preferred : preferred + len(quote)] == quote
            ):
                position = preferred
            if position == -1:
                self.add_error(
                    "quote", _("Cette citation ne figure pas mot pour mot dans le texte.")
                )
            cleaned["quote"] = quote
            cleaned["quote_start"] = position if position >= 0 else None
        return cleaned

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        subject = data.pop("subject", "")
        return {"values": data, "subject_name": subject}


def initial_from(obj) -> dict:
    return {
        "kind": obj.kind,
        "text": obj.text,
        "quote": obj.quote,
        "date_label": obj.date_label,
        "date_start": obj.date_start,
        "date_end": obj.date_end,
        "date_precision": obj.date_precision,
        "subject": getattr(obj.subject, "name", obj.subject) or "",
        "relation": obj.relation,
        "object": obj.object,
        "teacher_note": getattr(obj, "teacher_note", ""),
    }
