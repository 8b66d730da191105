"""Accounts people make or finish themselves: signing up as a student, and choosing one's own
password after a teacher's one-time password."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import SetPasswordForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from quizzes.usernames import confusable_with_existing


class SignupForm(UserCreationForm):
    def clean_username(self):
        username = super().clean_username()
        # Refused whether the look-alike is an exact copy in other case, another script's
        # letters (Cyrillic « о » for Latin « o ») or digits for letters: nobody can pass for
        # somebody else in a teacher's roster.
        if username and confusable_with_existing(username):
            raise forms.ValidationError(
                _("Ce nom d’utilisateur est déjà pris, ou ressemble trop à un nom déjà pris."),
                code="confusable_username",
            )
        return username


class ChoosePasswordForm(SetPasswordForm):
    """The pupil's own password, checked by the site's password validators."""
