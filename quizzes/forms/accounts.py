"""Accounts people make or finish themselves: signing up as a student, and choosing one's own
password after a teacher's one-time password."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import SetPasswordForm, UserCreationForm
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from quizzes.usernames import confusable_with_existing

TAKEN_MESSAGE = _("Ce nom d’utilisateur est déjà pris, ou ressemble trop à un nom déjà pris.")


def refuse_look_alike(username: str, *, besides=None) -> str:
    """The username, or a ValidationError if it looks like another account's: an exact copy
    in other case, another script's letters (Cyrillic « о » for Latin « o ») or digits for
    letters. Nobody can pass for somebody else in a teacher's roster."""
    if username and confusable_with_existing(username, besides=besides):
        raise forms.ValidationError(TAKEN_MESSAGE, code="confusable_username")
    return username


class SignupForm(UserCreationForm):
    def clean_username(self):
        return refuse_look_alike(super().clean_username())

    def save_unless_taken(self):
        """The new account, or None with the form's error when a look-alike name was taken
        since the form was checked (two sign-ups at the same instant: the skeletons' unique
        constraint lets only one through, and nothing of the other is kept)."""
        try:
            with transaction.atomic():
                return self.save()
        except IntegrityError:
            self.add_error(
                "username", forms.ValidationError(TAKEN_MESSAGE, code="confusable_username")
            )
            return None


class ChoosePasswordForm(SetPasswordForm):
    """The pupil's own password, checked by the site's password validators."""
