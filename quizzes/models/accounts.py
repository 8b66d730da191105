"""What quizsite keeps about an account beyond Django's user: who created a pupil's account, and
whether its password is a one-time password the pupil must replace."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountProfile(models.Model):
    """One per account that a teacher created (accounts people made themselves have none)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_profile"
    )
    # The teacher who made the account and alone may give it a new one-time password. Their
    # account deleted, the pupil keeps theirs.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_accounts",
    )
    must_change_password = models.BooleanField(_("doit choisir son mot de passe"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("profil de compte")
        verbose_name_plural = _("profils de compte")

    def __str__(self) -> str:
        return str(self.user)


class UsernameSkeleton(models.Model):
    """The confusable skeletons of every account's username (quizzes.usernames.skeletons, one
    or two per account): unique, so that two accounts whose names look alike cannot exist,
    even when both are created at the same instant, and a sign-up checks its name in one
    indexed query. Kept up to date when an account is saved (quizzes.usernames)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="username_skeletons"
    )
    # TR39 may write one character as several (« m » is « rn »).
    skeleton = models.CharField(_("squelette"), max_length=1000, unique=True)

    class Meta:
        verbose_name = _("squelette de nom d’utilisateur")
        verbose_name_plural = _("squelettes de noms d’utilisateur")

    def __str__(self) -> str:
        return self.skeleton
