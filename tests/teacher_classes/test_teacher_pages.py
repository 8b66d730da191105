"""Teachers create classes, show the join code, add and remove students."""

from django.urls import reverse

from quizzes.models import Classroom, Enrollment
from tests.factories import finished_attempt, make_teacher


def test_teacher_creates_a_class_and_lands_on_its_page(teacher_client, teacher):
    response = teacher_client.post(reverse("teacher_classes"), {"name": "  4e   A "})
    classroom = Classroom.objects.get(teacher=teacher)
    assert classroom.name == "4e A"
    assert response.status_code == 302
    assert response["Location"] == reverse("teacher_class", args=[classroom.pk])
    page = teacher_client.get(response["Location"]).content.decode()
    assert classroom.join_code[:3] in page
    assert "Classe « 4e A » créée" in page


def test_creating_a_class_with_htmx_redirects_the_browser_to_it(teacher_client, teacher):
    response = teacher_client.post(
        reverse("teacher_classes"), {"name": "4e A"}, headers={"HX-Request": "true"}
    )
    classroom = Classroom.objects.get(teacher=teacher)
    assert response["HX-Redirect"] == reverse("teacher_class", args=[classroom.pk])


def test_duplicate_class_name_is_a_form_error_and_nothing_is_stored(teacher_client, classroom):
    response = teacher_client.post(reverse("teacher_classes"), {"name": "3E b"})
    assert response.status_code == 400
    assert "Vous avez déjà une classe nommée « 3E b »" in response.content.decode()
    assert Classroom.objects.count() == 1


def test_duplicate_name_with_htmx_returns_the_panel_with_the_error(teacher_client, classroom):
    response = teacher_client.post(
        reverse("teacher_classes"), {"name": "3e B"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="classes-panel"' in page
    assert "<html" not in page
    assert "Vous avez déjà une classe" in page


def test_another_teacher_may_use_the_same_class_name(client, classroom):
    colleague = make_teacher("m-leroy")
    client.force_login(colleague)
    response = client.post(reverse("teacher_classes"), {"name": "3e B"})
    assert response.status_code == 302
    assert Classroom.objects.filter(name="3e B").count() == 2


def test_empty_class_name_is_a_form_error(teacher_client):
    response = teacher_client.post(reverse("teacher_classes"), {"name": "   "})
    assert response.status_code == 400
    assert not Classroom.objects.exists()


def test_teacher_home_lists_only_own_classes_with_student_counts(
    teacher_client, classroom, other_teacher, other_student
):
    Enrollment.objects.create(classroom=classroom, student=other_student)
    Classroom.objects.create(name="Classe de M. Martin", teacher=other_teacher)
    Classroom.objects.create(name="4e A", teacher=classroom.teacher)
    page = teacher_client.get(reverse("teacher_classes"))
    classes = {room.name: room.student_count for room in page.context["classes"]}
    assert classes == {"3e B": 2, "4e A": 0}
    assert "Classe de M. Martin" not in page.content.decode()


def test_class_page_shows_code_roster_scores_and_assigned_sets(
    teacher_client, classroom, class_set, student
):
    finished_attempt(student=student, question_set=class_set, score=3)  # 3 / 5 = 60 %
    finished_attempt(student=student, question_set=class_set, score=4)  # 4 / 5 = 80 %
    response = teacher_client.get(reverse("teacher_class", args=[classroom.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"{classroom.join_code[:3]}&#8239;{classroom.join_code[3:]}" in page
    assert "/classes/rejoindre/" in page
    [row] = response.context["enrollments"]
    assert (row.student, row.attempt_count, round(row.best_percent)) == (student, 2, 80)
    assert 'value="80"' in page
    assert "La campagne d’Italie" in page


def test_attempts_on_sets_of_other_classes_do_not_count(teacher_client, classroom, student):
    from quizzes.models import QuestionSet

    elsewhere = QuestionSet.objects.create(title="Ailleurs", status="published")
    finished_attempt(student=student, question_set=elsewhere, score=5)
    response = teacher_client.get(reverse("teacher_class", args=[classroom.pk]))
    [row] = response.context["enrollments"]
    assert (row.attempt_count, row.best_percent) == (0, None)


def test_regenerating_the_code_changes_it_and_the_old_one_stops_working(
    teacher_client, classroom, client_as, other_student
):
    old_code = classroom.join_code
    response = teacher_client.post(reverse("teacher_class_regenerate_code", args=[classroom.pk]))
    assert response.status_code == 302
    classroom.refresh_from_db()
    assert classroom.join_code != old_code
    joined = client_as(other_student).post(reverse("join_class"), {"code": old_code})
    assert joined.status_code == 400
    assert not Enrollment.objects.filter(student=other_student).exists()


def test_regenerating_the_code_with_htmx_returns_the_code_fragment(teacher_client, classroom):
    response = teacher_client.post(
        reverse("teacher_class_regenerate_code", args=[classroom.pk]),
        headers={"HX-Request": "true"},
    )
    classroom.refresh_from_db()
    page = response.content.decode()
    assert 'id="join-code"' in page
    assert classroom.join_code[3:] in page
    assert "<html" not in page


def test_teacher_adds_a_pupil_of_another_of_their_classes_by_username(
    teacher_client, classroom, other_classroom_pupil
):
    url = reverse("teacher_class_add_student", args=[classroom.pk])
    response = teacher_client.post(url, {"username": " dominique "})
    assert response.status_code == 302
    assert classroom.students.filter(pk=other_classroom_pupil.pk).exists()
    page = teacher_client.get(response["Location"]).content.decode()
    assert "dominique a été ajouté·e à la classe" in page


def test_adding_an_enrolled_student_again_keeps_one_enrollment(teacher_client, classroom, student):
    url = reverse("teacher_class_add_student", args=[classroom.pk])
    response = teacher_client.post(url, {"username": "camille"}, follow=True)
    assert "camille fait déjà partie de la classe" in response.content.decode()
    assert Enrollment.objects.filter(classroom=classroom, student=student).count() == 1


def test_adding_an_unknown_username_is_a_form_error(teacher_client, classroom):
    url = reverse("teacher_class_add_student", args=[classroom.pk])
    response = teacher_client.post(url, {"username": "personne"})
    assert response.status_code == 400
    assert "Aucun de vos élèves n’a ce nom d’utilisateur" in response.content.decode()
    assert classroom.enrollments.count() == 1


def test_a_teacher_account_cannot_be_added_as_a_student(teacher_client, classroom, other_teacher):
    url = reverse("teacher_class_add_student", args=[classroom.pk])
    response = teacher_client.post(url, {"username": other_teacher.username})
    assert response.status_code == 400
    assert "Aucun de vos élèves n’a ce nom d’utilisateur" in response.content.decode()
    assert classroom.enrollments.count() == 1


def test_adding_a_student_with_htmx_returns_the_roster_fragment(
    teacher_client, classroom, other_classroom_pupil
):
    url = reverse("teacher_class_add_student", args=[classroom.pk])
    response = teacher_client.post(url, {"username": "dominique"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="roster"' in page
    assert "<html" not in page
    assert "dominique a été ajouté·e" in page
    errors = teacher_client.post(url, {"username": "personne"}, headers={"HX-Request": "true"})
    # htmx 2 swaps 2xx responses only: the fragment with its error comes with a 200.
    assert errors.status_code == 200
    assert "Aucun de vos élèves n’a ce nom d’utilisateur" in errors.content.decode()


def test_removing_a_student_asks_for_confirmation_then_keeps_their_attempts(
    teacher_client, classroom, class_set, student
):
    finished_attempt(student=student, question_set=class_set, score=3)
    url = reverse("teacher_class_remove_student", args=[classroom.pk, student.pk])
    confirmation = teacher_client.get(url)
    assert confirmation.status_code == 200
    assert "Retirer <strong>camille</strong> de la classe « 3e B » ?" in (
        confirmation.content.decode()
    )
    assert classroom.enrollments.count() == 1
    response = teacher_client.post(url)
    assert response.status_code == 302
    assert not classroom.enrollments.exists()
    assert student.attempts.count() == 1


def test_removing_a_student_who_is_not_in_the_class_is_a_404(
    teacher_client, classroom, other_student
):
    url = reverse("teacher_class_remove_student", args=[classroom.pk, other_student.pk])
    assert teacher_client.post(url).status_code == 404


def test_posting_no_class_name_is_a_form_error(teacher_client):
    response = teacher_client.post(reverse("teacher_classes"))
    assert response.status_code == 400
    assert not Classroom.objects.exists()
