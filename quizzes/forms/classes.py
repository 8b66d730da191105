"""Forms for classes: a teacher creates a class and adds one of their own pupils by username; a
student joins a class with its code. Each form's save() enrols through
quizzes.class_roster.enroll, so views stay thin.

Enrolment is the pupil's own act (the join code) or the teacher's for accounts they created or
already teach (quizzes.class_accounts): never anyone else's account, a teacher, staff or an
administrator."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from quizzes.class_accounts import pupils_of
from quizzes.class_roster import enroll
from quizzes.models import Classroom
from quizzes.models.classes import normalize_join_code
from quizzes.roles import is_teacher, may_be_enrolled


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name"]
        labels = {"name": _("Nom de la classe")}
        help_texts = {"name": _("Par exemple « 3e B » ou « Terminale 2 — spécialité ».")}

    def __init__(self, *args, teacher, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.teacher = teacher

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Donnez un nom à la classe."))
        taken = Classroom.objects.filter(teacher=self.instance.teacher, name__iexact=name)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Vous avez déjà une classe nommée « %(name)s »."), params={"name": name}
            )
        return name

    def save(self, commit=True):
        try:
            with transaction.atomic():
                return super().save(commit=commit)
        except IntegrityError:
            # The same name posted twice at once: the database constraint has the last word.
            self.add_error("name", _("Vous avez déjà une classe de ce nom."))
            return None


class AddStudentForm(forms.Form):
    """One of the teacher's own pupils (an account they created, or a pupil of another of their
    classes) added by username. Every other account gets the same answer, whether it exists or
    not, is a pupil elsewhere or a teacher: the form tells nothing about other people's
    accounts."""

    username = forms.CharField(
        label=_("Nom d’utilisateur de l’élève"),
        max_length=150,
        help_text=_(
            "Un élève dont vous avez créé le compte ou qui est dans une de vos classes. Les "
            "autres rejoignent la classe avec son code."
        ),
    )

    def __init__(self, *args, classroom: Classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        lookup = {get_user_model().USERNAME_FIELD: username}
        self.student = pupils_of(self.classroom.teacher).filter(**lookup).first()
        if self.student is None:
            raise forms.ValidationError(
                _("Aucun de vos élèves n’a ce nom d’utilisateur."), code="not_your_pupil"
            )
        return username

    def save(self) -> bool:
        """Returns False when the student was already in the class."""
        return enroll(classroom=self.classroom, student=self.student)


class JoinClassForm(forms.Form):
    code = forms.CharField(
        label=_("Code de la classe"),
        max_length=40,
        help_text=_("Le code que votre professeur vous a donné, par exemple « K7M 2QX »."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_code(self):
        if is_teacher(self.user):
            raise forms.ValidationError(
                _("Un compte enseignant ne peut pas rejoindre une classe comme élève.")
            )
        if not may_be_enrolled(self.user):
            raise forms.ValidationError(
                _("Un compte d’administration ne peut pas rejoindre une classe comme élève.")
            )
        code = normalize_join_code(self.cleaned_data["code"])
        # One message for every failure, so codes cannot be probed.
        self.classroom = Classroom.objects.filter(join_code=code).first() if code else None
        if self.classroom is None:
            raise forms.ValidationError(
                _("Code inconnu. Vérifiez-le auprès de votre professeur."), code="unknown_code"
            )
        return code

    def save(self) -> bool:
        """Returns False when the student was already in the class."""
        return enroll(classroom=self.classroom, student=self.user)
