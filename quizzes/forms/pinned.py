"""The teacher's pinned questions: a chronology or a matching question written by choosing its
facts, checked by the question engine before it is kept."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from quizzes import question_builder
from quizzes.engine.questions import NotEnoughFacts
from quizzes.forms.fields import BoundedModelMultipleChoiceField
from quizzes.models import MATCHING_RELATIONS, Fact, PinnedQuestion, QuestionSet, Source

MAX_PINNED = 20


class PinForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type de question"),
        choices=PinnedQuestion.Kind.choices,
        widget=forms.RadioSelect,
        initial=PinnedQuestion.Kind.CHRONOLOGY,
    )
    relation = forms.ChoiceField(
        label=_("Type d’association"),
        choices=[("", _("— pour une association —")), *MATCHING_RELATIONS],
        required=False,
    )
    facts = BoundedModelMultipleChoiceField(
        label=_("Faits"),
        queryset=Fact.objects.select_related("subject").order_by("date_start", "pk"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Cochez les faits de la question."),
            "invalid_choice": _("Fait inconnu : %(value)s."),
            "invalid_pk_value": _("Fait inconnu : %(pk)s."),
        },
    )

    def __init__(self, *args, question_set: QuestionSet, **kwargs):
        super().__init__(*args, **kwargs)
        self.question_set = question_set
        kind = self["kind"].value()
        relation = self["relation"].value()
        facts = self.fields["facts"].queryset.filter(
            source__in=Source.objects.visible_to(question_set.owner)
        )
        if kind != PinnedQuestion.Kind.MATCHING or relation == question_builder.DATE_RELATION:
            self.fields["facts"].queryset = facts.filter(kind=Fact.Kind.EVENT)
            self.fields["facts"].label_from_instance = event_label
        else:
            narrowed = facts.filter(relation=relation) if relation else facts.exclude(relation="")
            self.fields["facts"].queryset = narrowed
            self.fields["facts"].label_from_instance = fact_label

    def clean(self):
        cleaned = super().clean()
        kind, relation = cleaned.get("kind"), cleaned.get("relation") or ""
        if kind == PinnedQuestion.Kind.MATCHING and not relation:
            self.add_error("relation", _("Choisissez le type d’association."))
        if kind == PinnedQuestion.Kind.CHRONOLOGY:
            relation = cleaned["relation"] = ""
        if self.question_set.pinned_questions.count() >= MAX_PINNED:
            self.add_error(None, _("Au plus %(n)s questions épinglées.") % {"n": MAX_PINNED})
        facts = cleaned.get("facts")
        if not self.errors and facts is not None:
            try:
                question_builder.pinned_question(kind, relation, list(facts), "verification")
            except NotEnoughFacts as error:
                self.add_error("facts", str(error))
        return cleaned

    def save(self) -> PinnedQuestion:
        last = self.question_set.pinned_questions.order_by("-position").first()
        pin = PinnedQuestion.objects.create(
            question_set=self.question_set,
            kind=self.cleaned_data["kind"],
            relation=self.cleaned_data["relation"],
            position=(last.position + 1) if last else 0,
        )
        pin.facts.set(self.cleaned_data["facts"])
        return pin


def event_label(fact: Fact) -> str:
    return f"{fact.text} ({fact.date_label})"


def fact_label(fact: Fact) -> str:
    if fact.relation and fact.subject_id:
        return f"{fact.subject.name} → {fact.object}"
    if fact.date_label:
        return event_label(fact)
    return fact.text
