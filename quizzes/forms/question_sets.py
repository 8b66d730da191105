"""The question-set builder's form: the set itself, its limits mirroring the database
constraints with French messages. Pinned questions: quizzes.forms.pinned; the searchable fact
list: quizzes.fact_picker; the fields both use: quizzes.forms.fields."""

from __future__ import annotations

from django import forms
from django.forms.models import construct_instance, model_to_dict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from quizzes import question_builder
from quizzes.engine import grading
from quizzes.engine.questions import (
    MAX_CHRONOLOGY_ITEMS,
    MAX_DISTRACTORS,
    MAX_PAIRS,
    MAX_QUESTIONS_PER_KIND,
    MIN_CHRONOLOGY_ITEMS,
    MIN_PAIRS,
    NotEnoughFacts,
)
from quizzes.fact_picker import checked_ids
from quizzes.forms.fields import (
    BoundedModelMultipleChoiceField,
    bounded,
    datetime_field,
    optional_count,
)
from quizzes.models import (
    COUNT_FIELDS,
    MATCHING_RELATIONS,
    MAX_CLOSING_GRACE_MINUTES,
    Classroom,
    Fact,
    QuestionSet,
    Source,
)

MAX_ATTEMPTS = 100
ALL_FACTS = "all"
PICKED_FACTS = "picked"
# The worked example of every ordering method: the right order, and an answer to grade.
EXAMPLE_CORRECT = ("A", "B", "C", "D")
EXAMPLE_ANSWER = ("B", "A", "C", "D")
OPTIONAL_COUNTS = ("which_first_count", "date_entry_count", "true_false_count", "odd_one_out_count")
# The set's fields by what they settle, in the order shown: this form and the admin's fieldsets
# (quizzes.admin.teaching) both list them from here.
FACT_FIELDS = ("sources", "facts", "period_start", "period_end")
QUESTION_FIELDS = (
    "chronology_count",
    "chronology_items",
    "matching_count",
    "matching_pairs",
    "matching_distractors",
    "matching_relations",
    *OPTIONAL_COUNTS,
    "difficulty",
)
GRADING_FIELDS = (
    "ordering_method",
    "matching_penalty",
    "attempts_allowed",
    "regenerate_per_attempt",
    "opens_at",
    "closes_at",
    "closing_grace_minutes",
)


class QuestionSetForm(forms.ModelForm):
    fact_choice = forms.ChoiceField(
        label=_("Faits utilisés"),
        choices=[
            (ALL_FACTS, _("Tous les faits des sources et de la période choisies")),
            (PICKED_FACTS, _("Seulement les faits que je choisis")),
        ],
        initial=ALL_FACTS,
        widget=forms.RadioSelect,
    )
    chronology_count = bounded(_("Questions de chronologie"), 0, MAX_QUESTIONS_PER_KIND)
    chronology_items = bounded(
        _("Événements par chronologie"), MIN_CHRONOLOGY_ITEMS, MAX_CHRONOLOGY_ITEMS
    )
    matching_count = bounded(_("Questions d’association"), 0, MAX_QUESTIONS_PER_KIND)
    matching_pairs = bounded(_("Paires par association"), MIN_PAIRS, MAX_PAIRS)
    matching_distractors = bounded(
        _("Réponses en trop par association"),
        0,
        MAX_DISTRACTORS,
        _("Des réponses qui ne vont avec aucune question, pour ne pas deviner la dernière."),
    )
    which_first_count = optional_count(
        _("Questions « lequel d’abord ? »"),
        _("Deux événements : l’élève choisit celui qui a eu lieu en premier (tout ou rien)."),
    )
    date_entry_count = optional_count(
        _("Questions de date à écrire"),
        _(
            "L’élève écrit l’année, ou le mois et l’année quand la source date l’événement au "
            "mois près ; la bonne année sans le bon mois rapporte la moitié des points."
        ),
    )
    true_false_count = optional_count(
        _("Questions vrai ou faux"),
        _(
            "Une affirmation tirée d’un fait, ou faussée (personne, lieu ou date échangés) de "
            "sorte que la source la contredit ; la correction donne l’affirmation vraie et sa "
            "citation (tout ou rien)."
        ),
    )
    odd_one_out_count = optional_count(
        _("Questions « l’intrus »"),
        _(
            "Quatre propositions dont une seule ne partage pas ce qu’ont en commun les autres "
            "(l’année, le camp…) : l’élève la trouve (tout ou rien)."
        ),
    )
    matching_relations = forms.MultipleChoiceField(
        label=_("Types d’association"),
        choices=MATCHING_RELATIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Aucun coché : tous les types possibles."),
        error_messages={"invalid_choice": _("Type d’association inconnu : %(value)s.")},
    )
    matching_penalty = forms.FloatField(
        label=_("Pénalité par paire fausse"),
        min_value=0,
        max_value=1,
        help_text=_(
            "Entre 0 et 1 : la part d’une paire retirée pour chaque paire fausse (0 : aucune)."
        ),
        error_messages={
            "min_value": _("La pénalité est comprise entre 0 et 1."),
            "max_value": _("La pénalité est comprise entre 0 et 1."),
            "required": _("Indiquez une pénalité (0 pour aucune)."),
            "invalid": _("Indiquez un nombre, par exemple 0,25."),
        },
        widget=forms.NumberInput(attrs={"min": 0, "max": 1, "step": "0.05"}),
    )
    attempts_allowed = bounded(_("Tentatives autorisées"), 0, MAX_ATTEMPTS, _("0 : illimité."))
    regenerate_per_attempt = forms.TypedChoiceField(
        label=_("Questions"),
        choices=[
            ("True", _("Nouvelles questions à chaque tentative")),
            ("False", _("Les mêmes questions pour tous les élèves et toutes les tentatives")),
        ],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
    )
    opens_at = datetime_field(_("Ouverture"))
    closes_at = datetime_field(_("Fermeture"))
    closing_grace_minutes = bounded(
        _("Délai de grâce (minutes)"),
        0,
        MAX_CLOSING_GRACE_MINUTES,
        _(
            "Après la fermeture, les tentatives déjà commencées acceptent encore des réponses "
            "pendant ce nombre de minutes. 0 : plus aucune réponse après la fermeture."
        ),
    )
    closing_grace_minutes.required = False  # left out of a post (an older form), it means none

    class Meta:
        model = QuestionSet
        fields = [
            "title",
            "instructions",
            *FACT_FIELDS,
            *QUESTION_FIELDS,
            *GRADING_FIELDS,
            "status",
            "classrooms",
        ]
        labels = {
            "title": _("Titre"),
            "instructions": _("Consignes pour les élèves"),
            "sources": _("Sources"),
            "facts": _("Faits choisis"),
            "period_start": _("Période : à partir du"),
            "period_end": _("Période : jusqu’au"),
            "difficulty": _("Difficulté"),
            "ordering_method": _("Notation des chronologies"),
            "status": _("État"),
            "classrooms": _("Classes"),
        }
        help_texts = {
            "sources": _("Aucune cochée : toutes les sources."),
            "facts": "",
            "period_start": _("Facultatif : seuls les événements datés dans la période servent."),
            "classrooms": _("Les élèves de ces classes voient la série une fois publiée."),
        }
        widgets = {
            "instructions": forms.Textarea(attrs={"rows": 3}),
            "sources": forms.CheckboxSelectMultiple,
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "difficulty": forms.RadioSelect,
            "ordering_method": forms.RadioSelect,
            "status": forms.RadioSelect,
            "classrooms": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "sources": BoundedModelMultipleChoiceField,
            "facts": BoundedModelMultipleChoiceField,
            "classrooms": BoundedModelMultipleChoiceField,
        }
        error_messages = {
            "title": {"required": _("Donnez un titre à la série.")},
            "classrooms": {
                "invalid_choice": _("Cette classe n’est pas l’une des vôtres (%(value)s)."),
                "invalid_pk_value": _("Classe inconnue : %(pk)s."),
            },
            "facts": {
                "invalid_choice": _("Fait inconnu : %(value)s."),
                "invalid_pk_value": _("Fait inconnu : %(pk)s."),
            },
            "sources": {
                "invalid_choice": _("Source inconnue : %(value)s."),
                "invalid_pk_value": _("Source inconnue : %(pk)s."),
            },
        }

    def __init__(self, *args, owner, check_generation: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.instance.owner = owner
        if self.instance.pk is None:
            # A new set starts from the model's defaults (Django leaves a ModelForm without
            # an instance empty, and every number field here is required).
            plain = [f.name for f in QuestionSet._meta.concrete_fields if f.name in self.fields]
            for name, value in model_to_dict(self.instance, fields=plain).items():
                self.initial.setdefault(name, value)
        # The preview shows why the facts fall short instead of refusing the form.
        self.check_generation = check_generation
        self.fields["classrooms"].queryset = Classroom.objects.filter(teacher=owner)
        self.fields["sources"].queryset = Source.objects.visible_to(owner).order_by("title")
        self.fields["facts"].queryset = Fact.objects.usable_by(owner)
        self.fields["facts"].widget = forms.MultipleHiddenInput()
        for name in ("difficulty", "ordering_method", "status"):
            self.fields[name].choices = [
                choice for choice in self.fields[name].choices if choice[0]
            ]
        if self.instance.pk and self.instance.facts.exists():
            self.initial.setdefault("fact_choice", PICKED_FACTS)
        self.initial.setdefault("regenerate_per_attempt", str(self.instance.regenerate_per_attempt))

    def checked_fact_ids(self) -> list[int]:
        if self.is_bound:
            return checked_ids(self.data.getlist(self.add_prefix("facts")))
        initial = self.initial.get("facts") or []
        return checked_ids(getattr(fact, "pk", fact) for fact in initial)

    def ordering_methods(self) -> list[dict]:
        """Each ordering method with its radio button, its explanation and what the engine
        gives for the worked example."""
        radios = {radio.data["value"]: radio for radio in self["ordering_method"]}
        return [
            {
                "radio": radios[method],
                "label": gettext(grading.ORDERING_METHOD_LABELS[method]),
                "help": gettext(grading.ORDERING_METHOD_HELP[method]),
                "percent": round(
                    100 * grading.grade_ordering(EXAMPLE_CORRECT, EXAMPLE_ANSWER, method)
                ),
            }
            for method in grading.ORDERING_METHODS
            if method in radios
        ]

    def clean(self):
        cleaned = super().clean()
        for name in (*OPTIONAL_COUNTS, "closing_grace_minutes"):
            if cleaned.get(name) is None and name not in self.errors:
                cleaned[name] = 0
        counts = [cleaned.get(name) for name in COUNT_FIELDS]
        if None not in counts and sum(counts) < 1:
            self.add_error(
                None,
                _(
                    "Demandez au moins une question générée : chronologie, association, "
                    "« lequel d’abord ? » ou date à écrire (les questions épinglées s’y "
                    "ajoutent)."
                ),
            )
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and opens >= closes:
            self.add_error("closes_at", _("La fermeture doit suivre l’ouverture."))
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("La fin de la période précède son début."))
        if cleaned.get("fact_choice") == PICKED_FACTS and not cleaned.get("facts"):
            self.add_error("facts", _("Cochez au moins un fait, ou utilisez tous les faits."))
        if (
            self.check_generation
            and not self.errors
            and cleaned.get("status") == QuestionSet.Status.PUBLISHED
        ):
            problem = self.generation_problem()
            if problem:
                self.add_error(
                    "status",
                    _("Publication impossible : %(problem)s") % {"problem": problem},
                )
        return cleaned

    def draft(self) -> QuestionSet:
        """An unsaved set with the cleaned values (for previews and checks; never saved)."""
        return construct_instance(self, QuestionSet(owner=self.owner), self._meta.fields)

    def chosen_facts(self):
        picked = self.cleaned_data.get("facts") or []
        if self.cleaned_data.get("fact_choice") != PICKED_FACTS:
            picked = []
        return question_builder.facts_from(
            self.cleaned_data.get("sources") or [], picked, owner=self.owner
        )

    def generation_problem(self) -> str | None:
        """Why the chosen facts cannot support the set's questions, or None."""
        try:
            question_builder.build_questions(
                self.draft(), "verification", facts=self.chosen_facts(), pinned=[]
            )
        except NotEnoughFacts as error:
            return str(error)
        return None

    def save(self, commit=True):
        if self.cleaned_data.get("fact_choice") != PICKED_FACTS:
            self.cleaned_data["facts"] = Fact.objects.none()
        return super().save(commit=commit)
