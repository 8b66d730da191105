"""Usernames people cannot mistake for one another, and the readable ASCII ones quizsite makes
for pupils' accounts.

Two usernames collide when their confusable skeletons match case-insensitively: Unicode TR39's
skeleton maps every character to the prototype it can be mistaken for (Cyrillic « о » and Greek
« ο » to Latin « o », « 0 » to « O », « I » to « l », « m » to « rn »…). The mappings come from
the Unicode confusables data shipped by `confusable_homoglyphs`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from django.db import transaction

USERNAME_MAX_LENGTH = 150
# Marks the Unicode data wraps around right-to-left characters; not part of the characters.
_DIRECTION_MARKS = dict.fromkeys(map(ord, "\u200e\u200f"))


@cache
def _prototypes() -> dict[str, str]:
    """character → the prototype TR39 maps it to.

    `confusable_homoglyphs` stores each line of confusables.txt (source → prototype) in both
    directions. Prototypes are never sources, so a character that lists one single entry is a
    source whose prototype is that entry, unless that entry lists only this character back (an
    isolated pair, whose direction the data lost): both then map to the smaller, which keeps the
    only property used here, that confusable characters share one skeleton.
    """
    from confusable_homoglyphs.confusables import confusables_data

    table = {
        key.translate(_DIRECTION_MARKS): [e["c"].translate(_DIRECTION_MARKS) for e in entries]
        for key, entries in confusables_data.items()
    }
    prototypes = {}
    for char, entries in table.items():
        if len(char) != 1 or len(entries) != 1:
            continue
        (target,) = entries
        back = table.get(target, [])
        if len(target) > 1 or len(back) > 1 or target < char:
            prototypes[char] = target
    return prototypes


def _tr39(text: str) -> str:
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(prototypes.get(char, char) for char in decomposed))


def skeletons(text: str) -> frozenset[str]:
    """The keys two usernames must not share: the TR39 skeleton of the NFKC form, case folded
    before (« CAMILLE » is « camille ») and after (« Ivan » is « lvan », since « I » looks like
    « l »)."""
    normal = unicodedata.normalize("NFKC", text)
    return frozenset({_tr39(normal.casefold()).casefold(), _tr39(normal).casefold()})


def taken_skeletons() -> set[str]:
    """Every existing username's skeletons (quizzes.models.UsernameSkeleton), in one query."""
    from quizzes.models import UsernameSkeleton

    return set(UsernameSkeleton.objects.values_list("skeleton", flat=True))


def confusable_with_existing(username: str, *, besides=None) -> bool:
    """Whether an account (other than `besides`, an account being renamed) already has a
    username that looks like this one (the same name counts): one indexed query."""
    from quizzes.models import UsernameSkeleton

    taken = UsernameSkeleton.objects.filter(skeleton__in=skeletons(username))
    if besides is not None and besides.pk is not None:
        taken = taken.exclude(user=besides)
    return taken.exists()


def record_skeletons(sender, instance, created: bool, update_fields=None, **kwargs) -> None:
    """post_save of the user model: store the skeletons of a new or renamed account. A name
    that looks like another account's breaks the unique constraint (IntegrityError), which
    the sign-up form and the class accounts turn into a refusal or a retry."""
    from quizzes.models import UsernameSkeleton

    if update_fields is not None and instance.USERNAME_FIELD not in update_fields:
        return  # a login's last_login, a new password: the name is unchanged
    keys = skeletons(instance.get_username())
    with transaction.atomic():
        if not created:
            stored = set(instance.username_skeletons.values_list("skeleton", flat=True))
            if stored == keys:
                return
            instance.username_skeletons.exclude(skeleton__in=keys).delete()
            keys -= stored
        UsernameSkeleton.objects.bulk_create(
            UsernameSkeleton(user=instance, skeleton=key) for key in sorted(keys)
        )


# Letters NFKD does not decompose into a Latin letter and an accent.
_LIGATURES = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"}
)


def ascii_slug(text: str) -> str:
    """« Camille Lefèvre-Durand » → « camille.lefevre-durand »: accents dropped, letters and
    digits kept, words joined by dots."""
    lowered = text.lower().translate(_LIGATURES)
    plain = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", plain.lower())
    return ".".join(words)


def new_username(full_name: str, taken: set[str]) -> str:
    """A readable ASCII username for a pupil, unique against `taken` (skeletons, updated):
    « camille.lefevre », then « camille.lefevre2 »…"""
    base = ascii_slug(full_name)[:40].strip(".-") or "eleve"
    candidate, n = base, 1
    while skeletons(candidate) & taken:
        n += 1
        candidate = f"{base}{n}"
    taken.update(skeletons(candidate))
    return candidate
