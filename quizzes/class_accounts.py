"""Pupils' accounts as schools run them: a teacher pastes a class list (or uploads it as CSV),
quizsite makes each pupil an account with a readable username and a one-time password, enrols
them, and the teacher prints the cards. The pupil chooses their own password at first login
(quizzes.first_login). Passwords are never kept in clear: the cards exist only in the answer to
the request that made them.
"""

from __future__ import annotations

import csv
import io
import secrets
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from quizzes.hashers import OneTimePasswordHasher
from quizzes.models import AccountProfile, Classroom, Enrollment
from quizzes.roles import TEACHERS, assign_role
from quizzes.usernames import new_username, taken_skeletons

MAX_PUPILS_PER_BATCH = 60
MAX_NAME_LENGTH = 150
MAX_LIST_FILE_BYTES = 100_000
# Lowercase, without the letters and digits people mistake for one another (l/1, o/0, i/j).
PASSWORD_ALPHABET = "abcdefghkmnpqrstuvwxyz23456789"
PASSWORD_GROUPS = 3
PASSWORD_GROUP_LENGTH = 4
# First cells that say a row is the header of a spreadsheet, not a pupil.
FIRST_NAME_HEADERS = {"prénom", "prenom", "first name", "firstname", "given name"}
LAST_NAME_HEADERS = {"nom", "nom de famille", "last name", "lastname", "surname", "family name"}
HEADERS = FIRST_NAME_HEADERS | LAST_NAME_HEADERS | {"élève", "eleve", "name", "nom complet"}


@dataclass(frozen=True)
class PupilCard:
    """What a pupil's cut-out card says: shown once, never stored."""

    name: str
    username: str
    password: str


def one_time_password() -> str:
    """« k7mq-2xpt-9trh »: 12 random characters (about 59 bits), easy to read and to type on a
    phone."""
    groups = (
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUP_LENGTH))
        for _ in range(PASSWORD_GROUPS)
    )
    return "-".join(groups)


def _one_time_hash(password: str) -> str:
    # Tests may replace the hashers: then the first one configured hashes it.
    if f"{OneTimePasswordHasher.__module__}.{OneTimePasswordHasher.__name__}" in (
        settings.PASSWORD_HASHERS
    ):
        return make_password(password, hasher=OneTimePasswordHasher.algorithm)
    return make_password(password)


# Reading the class list -------------------------------------------------------------------


def decode_list_file(data: bytes) -> str | None:
    """A CSV file's text: UTF-8 (with or without the mark spreadsheets add), else Windows-1252
    (French Excel); None when it is neither."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _rows(text: str, *, is_csv: bool) -> list[tuple[int, list[str]]]:
    """(line number, cells) for each non-empty line. A pasted list is one name a line, cells
    separated by tabs (pasted from a spreadsheet) or semicolons; a CSV file by its own
    delimiter."""
    lines = text.splitlines()
    if is_csv:
        first = next((line for line in lines if line.strip()), "")
        delimiter = max([";", ",", "\t"], key=first.count)
        # newline="": the csv module reads "\r", "\n" and "\r\n" line ends itself.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows = [(reader.line_num, row) for row in reader]
    else:
        rows = [(n, line.replace("\t", ";").split(";")) for n, line in enumerate(lines, start=1)]
    cleaned = [(n, [" ".join(cell.split()) for cell in cells]) for n, cells in rows]
    return [(n, [cell for cell in cells if cell]) for n, cells in cleaned if any(cells)]


def _without_header(rows):
    """Drop a header row; when it says « Nom ; Prénom », put first names first."""
    if not rows:
        return rows, False
    header = [cell.casefold() for cell in rows[0][1]]
    if not all(cell in HEADERS for cell in header):
        return rows, False
    last_first = (
        len(header) == 2 and header[0] in LAST_NAME_HEADERS and header[1] in FIRST_NAME_HEADERS
    )
    return rows[1:], last_first


def _problem(name: str) -> str | None:
    if len(name) > MAX_NAME_LENGTH:
        return _("le nom dépasse %(max)s caractères.") % {"max": MAX_NAME_LENGTH}
    if any(unicodedata.category(char)[0] == "C" for char in name):
        return _("le nom contient des caractères invisibles ou de contrôle.")
    if not any(char.isalpha() for char in name):
        return _("« %(name)s » ne contient aucune lettre.") % {"name": name}
    return None


def names_in_class(classroom: Classroom) -> dict[str, str]:
    """The class's pupils by full name (case folded) → username: a list sent again (the sheet
    reloaded, the form posted twice) must not make a second account for each pupil."""
    pupils = Enrollment.objects.filter(classroom=classroom).values_list(
        "student__first_name", "student__last_name", "student__username"
    )
    return {f"{first} {last}".strip().casefold(): username for first, last, username in pupils}


def read_name_list(
    text: str, *, is_csv: bool = False, in_class: dict[str, str] | None = None
) -> tuple[list[str], list[str]]:
    """The pupils' names (« Prénom Nom ») in the list and the problems found, each naming its
    line. Names given twice are a problem: two pupils with the same name need something to tell
    their cards apart; so is the name of a pupil already in the class (`in_class`, from
    names_in_class)."""
    in_class = in_class or {}
    try:
        rows, last_first = _without_header(_rows(text, is_csv=is_csv))
    except csv.Error as error:
        return [], [_("Ce fichier CSV est illisible (%(error)s).") % {"error": error}]
    names: list[str] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        if last_first:
            cells = [*cells[1:2], cells[0], *cells[2:]]
        name = " ".join(cells)
        problem = _problem(name)
        if problem is None and (first := seen.get(name.casefold())) is not None:
            problem = _(
                "« %(name)s » figure déjà ligne %(first)s. S’il s’agit de deux élèves, "
                "ajoutez de quoi les distinguer (l’initiale d’un second prénom)."
            ) % {"name": name, "first": first}
        if problem is None and (username := in_class.get(name.casefold())) is not None:
            problem = _(
                "« %(name)s » a déjà un compte dans la classe (%(username)s). S’il a perdu "
                "son mot de passe, donnez-lui-en un nouveau depuis la page de la classe."
            ) % {"name": name, "username": username}
        if problem is not None:
            errors.append(_("Ligne %(line)s : %(problem)s") % {"line": line, "problem": problem})
            continue
        seen[name.casefold()] = line
        names.append(name)
    if len(names) + len(errors) > MAX_PUPILS_PER_BATCH:
        errors.insert(
            0,
            _(
                "La liste compte %(count)s noms, %(max)s au plus par envoi : créez les comptes "
                "en plusieurs fois."
            )
            % {"count": len(names) + len(errors), "max": MAX_PUPILS_PER_BATCH},
        )
    return names, errors


# Creating and resetting accounts ------------------------------------------------------------


def _split(name: str) -> tuple[str, str]:
    first, _space, last = name.partition(" ")
    return first, last


def create_class_accounts(
    *, classroom: Classroom, teacher, names: list[str], attempts: int = 5
) -> list[PupilCard]:
    """One account per name, each enrolled in the class with a one-time password, all in one
    transaction: the list is created whole or not at all. Usernames are unique and cannot be
    mistaken for an existing one (quizzes.usernames); a username taken at the same moment by
    another request makes the whole batch start again."""
    if len(names) > MAX_PUPILS_PER_BATCH:
        raise ValueError(f"at most {MAX_PUPILS_PER_BATCH} names a batch")
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                return _create_all(classroom=classroom, teacher=teacher, names=names)
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def _create_all(*, classroom: Classroom, teacher, names: list[str]) -> list[PupilCard]:
    user_model = get_user_model()
    taken = taken_skeletons()
    cards = []
    for name in names:
        first_name, last_name = _split(name)
        card = PupilCard(
            name=name, username=new_username(name, taken), password=one_time_password()
        )
        pupil = user_model(
            username=card.username,
            first_name=first_name[:150],
            last_name=last_name[:150],
            password=_one_time_hash(card.password),
        )
        pupil.save()
        assign_role(pupil, "student")
        AccountProfile.objects.create(user=pupil, created_by=teacher, must_change_password=True)
        Enrollment.objects.create(classroom=classroom, student=pupil)
        cards.append(card)
    return cards


def accounts_created_by(teacher):
    """The pupils' accounts this teacher made and may give a new password: never staff, an
    administrator or a teacher, even if one of them was later given that role."""
    return (
        get_user_model()
        .objects.filter(account_profile__created_by=teacher, is_staff=False, is_superuser=False)
        .exclude(groups__name=TEACHERS)
    )


def pupils_of(teacher):
    """The accounts a teacher may add to one of their classes by username: those they made, and
    those already in one of their classes; never staff, an administrator or a teacher."""
    return (
        get_user_model()
        .objects.filter(
            Q(account_profile__created_by=teacher) | Q(enrollments__classroom__teacher=teacher),
            is_active=True,
            is_staff=False,
            is_superuser=False,
        )
        .exclude(groups__name=TEACHERS)
        .distinct()
    )


def reset_pupil_password(*, teacher, pupil) -> PupilCard:
    """A new one-time password for a pupil whose account this teacher made; the pupil chooses
    their own at next login. Their open sessions end (the password is part of the session's
    signature)."""
    if not accounts_created_by(teacher).filter(pk=pupil.pk).exists():
        raise PermissionError("only the teacher who created the account may reset it")
    password = one_time_password()
    with transaction.atomic():
        pupil.password = _one_time_hash(password)
        pupil.save(update_fields=["password"])
        AccountProfile.objects.filter(user=pupil).update(must_change_password=True)
    return PupilCard(name=pupil.get_full_name(), username=pupil.get_username(), password=password)
