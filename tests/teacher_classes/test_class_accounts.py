"""A teacher makes a class's accounts from its list (pasted or CSV), prints the cards shown once,
and gives a pupil a new one-time password (issue 12, item 2)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.class_accounts import MAX_PUPILS_PER_BATCH, PASSWORD_ALPHABET, read_name_list
from quizzes.models import AccountProfile, Enrollment
from quizzes.roles import STUDENTS
from tests.conftest import make_student

User = get_user_model()
CARD_PASSWORD = re.compile(
    rf"<code>([{PASSWORD_ALPHABET}]{{4}}-[{PASSWORD_ALPHABET}]{{4}}-[{PASSWORD_ALPHABET}]{{4}})</code>"
)


def create(client, classroom, names="", **files):
    url = reverse("teacher_class_accounts", args=[classroom.pk])
    return client.post(url, {"names": names, **files})


def cards_of(response) -> dict[str, str]:
    """username → one-time password, as printed on the cards."""
    page = response.content.decode()
    usernames = re.findall(r"<dd><code>([a-z0-9.\-]+)</code></dd>\s*<dt>", page)
    return dict(zip(usernames, CARD_PASSWORD.findall(page), strict=True))


def test_a_pasted_list_makes_enrolled_accounts_and_one_card_each(
    teacher_client, classroom, teacher
):
    response = create(
        teacher_client, classroom, "Camille Lefèvre\n\n  Zoé   N’Diaye \nÆlis Øster\n"
    )
    assert response.status_code == 200
    cards = cards_of(response)
    assert list(cards) == ["camille.lefevre", "zoe.ndiaye", "aelis.oster"]
    assert len(set(cards.values())) == 3
    page = response.content.decode()
    assert page.count('class="pupil-card"') == 3
    assert "Zoé N’Diaye" in page and "3e B" in page
    assert "http://testserver/compte/connexion/" in page
    assert "n’est affichée qu’une fois" in page
    for username, password in cards.items():
        pupil = User.objects.get(username=username)
        assert pupil.check_password(password)
        assert pupil.groups.filter(name=STUDENTS).exists()
        assert Enrollment.objects.filter(classroom=classroom, student=pupil).exists()
        profile = AccountProfile.objects.get(user=pupil)
        assert profile.created_by == teacher and profile.must_change_password
    zoe = User.objects.get(username="zoe.ndiaye")
    assert (zoe.first_name, zoe.last_name) == ("Zoé", "N’Diaye")


def test_the_cards_are_never_stored_nor_cached(teacher_client, classroom):
    response = create(teacher_client, classroom, "Camille Lefèvre")
    password = next(iter(cards_of(response).values()))
    assert "no-store" in response["Cache-Control"]
    assert User.objects.get(username="camille.lefevre").password.count(password) == 0
    for page in (reverse("teacher_class", args=[classroom.pk]), reverse("teacher_classes")):
        assert password not in teacher_client.get(page).content.decode()


def test_usernames_stay_unique_and_unmistakable(teacher_client, classroom):
    make_student("camille.lefevre")
    make_student("zoe.herve2")
    make_student("lеo.martin")  # a Cyrillic « е »
    response = create(
        teacher_client, classroom, "Camille Lefèvre\nCamille Lefevre-Martin\nZoé Hervé\nLéo Martin"
    )
    assert list(cards_of(response)) == [
        "camille.lefevre2",
        "camille.lefevre-martin",
        "zoe.herve",
        "leo.martin2",
    ]


def test_a_csv_file_with_a_header_in_last_name_first_order(teacher_client, classroom):
    data = "Nom;Prénom\r\nLefèvre;Camille\r\nHervé;Zoé\r\n".encode("cp1252")
    upload = SimpleUploadedFile("3eB.csv", data, content_type="text/csv")
    response = create(teacher_client, classroom, list_file=upload)
    assert list(cards_of(response)) == ["camille.lefevre", "zoe.herve"]
    assert User.objects.get(username="zoe.herve").get_full_name() == "Zoé Hervé"


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (
            "Camille Lefèvre\nZoé Hervé\ncamille  lefèvre",
            "Ligne 3 : « camille lefèvre » figure déjà ligne 1",
        ),
        ("Camille Lefèvre\n" + "x" * 151, "Ligne 2 : le nom dépasse 150 caractères."),
        ("Camille\u202e Lefèvre", "Ligne 1 : le nom contient des caractères invisibles"),
        ("Camille Lefèvre\n\n12345", "Ligne 3 : « 12345 » ne contient aucune lettre."),
        (
            "\n".join(f"Élève {n:03d}" for n in range(MAX_PUPILS_PER_BATCH + 1)),
            "La liste compte 61 noms, 60 au plus par envoi",
        ),
        ("  \n \n", "Donnez au moins un nom d’élève."),
    ],
    ids=["duplicate", "too long", "control character", "no letter", "too many", "empty"],
)
def test_a_bad_list_is_a_form_error_naming_the_line_and_creates_nothing(
    teacher_client, classroom, names, message
):
    users_before = User.objects.count()
    response = create(teacher_client, classroom, names)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert User.objects.count() == users_before
    assert classroom.enrollments.count() == 1


def test_a_list_and_a_file_at_once_is_a_form_error(teacher_client, classroom):
    upload = SimpleUploadedFile("liste.csv", b"Camille Lefevre\n", content_type="text/csv")
    response = create(teacher_client, classroom, "Zoé Hervé", list_file=upload)
    assert response.status_code == 400
    assert "pas les deux" in response.content.decode()
    assert not User.objects.filter(username__in=["camille.lefevre", "zoe.herve"]).exists()


def test_a_file_that_is_not_text_is_a_form_error(teacher_client, classroom):
    upload = SimpleUploadedFile(
        "photo.csv", b"\x81\x8d\x8f\x90\x9d\xff\xfe", content_type="text/csv"
    )
    response = create(teacher_client, classroom, list_file=upload)
    assert response.status_code == 400
    assert "pas un fichier texte ou CSV lisible" in response.content.decode()


def test_many_bad_lines_are_listed_up_to_twenty(teacher_client, classroom):
    response = create(teacher_client, classroom, "\n".join(["1"] * 30))
    page = response.content.decode()
    assert page.count("ne contient aucune lettre") == 20
    assert "… et 10 autres lignes à corriger." in page


def test_pasted_spreadsheet_columns_make_one_name_each():
    names, errors = read_name_list("Camille\tLefèvre\nZoé;Hervé\nPrénom Nom")
    assert errors == []
    assert names == ["Camille Lefèvre", "Zoé Hervé", "Prénom Nom"]


def test_the_class_page_links_to_the_list_form_and_offers_a_reset_only_for_created_accounts(
    teacher_client, classroom, created_pupil, other_classroom_pupil
):
    Enrollment.objects.create(classroom=classroom, student=other_classroom_pupil)
    page = teacher_client.get(reverse("teacher_class", args=[classroom.pk])).content.decode()
    assert reverse("teacher_class_accounts", args=[classroom.pk]) in page
    assert reverse("teacher_class_reset_password", args=[classroom.pk, created_pupil.pk]) in page
    assert (
        reverse("teacher_class_reset_password", args=[classroom.pk, other_classroom_pupil.pk])
        not in page
    )


def test_a_reset_gives_a_new_one_time_password_on_a_card(teacher_client, classroom, created_pupil):
    created_pupil.set_password("ancien-mot-de-passe-9")
    created_pupil.save()
    url = reverse("teacher_class_reset_password", args=[classroom.pk, created_pupil.pk])
    confirmation = teacher_client.get(url)
    assert "Donner un nouveau mot de passe à usage unique à <strong>camille</strong>" in (
        confirmation.content.decode()
    )
    created_pupil.refresh_from_db()
    assert created_pupil.check_password("ancien-mot-de-passe-9")  # a GET changes nothing
    response = teacher_client.post(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    (password,) = CARD_PASSWORD.findall(response.content.decode())
    created_pupil.refresh_from_db()
    assert created_pupil.check_password(password)
    assert not created_pupil.check_password("ancien-mot-de-passe-9")
    assert AccountProfile.objects.get(user=created_pupil).must_change_password


@pytest.mark.parametrize("whose", ["self-made", "another teacher's", "not in this class"])
def test_a_teacher_resets_only_accounts_they_made_in_this_class(
    teacher_client, teacher, other_teacher, classroom, student, whose
):
    from quizzes.models import Classroom

    if whose == "another teacher's":
        AccountProfile.objects.create(user=student, created_by=other_teacher)
    if whose == "not in this class":
        AccountProfile.objects.create(user=student, created_by=teacher)
        other = Classroom.objects.create(name="4e A", teacher=teacher)
        classroom.enrollments.all().delete()
        Enrollment.objects.create(classroom=other, student=student)
    before = User.objects.get(pk=student.pk).password
    url = reverse("teacher_class_reset_password", args=[classroom.pk, student.pk])
    assert teacher_client.get(url).status_code == 404
    assert teacher_client.post(url).status_code == 404
    assert User.objects.get(pk=student.pk).password == before


def test_sending_the_same_list_again_creates_no_second_account(teacher_client, classroom):
    """The sheet reloaded (the browser posts the form again) or the button pressed twice."""
    create(teacher_client, classroom, "Camille Lefèvre\nZoé Hervé")
    again = create(teacher_client, classroom, "Zoé Hervé\nLéo Martin")
    assert again.status_code == 400
    assert "Ligne 1 : « Zoé Hervé » a déjà un compte dans la classe (zoe.herve)" in (
        again.content.decode()
    )
    assert not User.objects.filter(username__in=["zoe.herve2", "leo.martin"]).exists()


def test_a_csv_file_with_old_mac_line_ends_makes_one_account_a_line(teacher_client, classroom):
    """Line ends written as a lone carriage return (old spreadsheets) used to stop the CSV reader
    with a server error."""
    data = "Camille Lefèvre\rZoé Hervé\r".encode()
    upload = SimpleUploadedFile("3eB.csv", data, content_type="text/csv")
    response = create(teacher_client, classroom, list_file=upload)
    assert list(cards_of(response)) == ["camille.lefevre", "zoe.herve"]


def test_a_csv_text_the_csv_reader_refuses_is_a_problem_not_an_exception():
    """A field beyond the csv module's limit (larger than any upload allowed today)."""
    names, errors = read_name_list('"' + "x" * 140_000 + '"\n', is_csv=True)
    assert names == []
    assert errors and errors[0].startswith("Ce fichier CSV est illisible")
