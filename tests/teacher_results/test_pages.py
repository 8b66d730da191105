"""The results overview and the detail of one class on one set: what a teacher reads."""

import re

import pytest
from django.urls import reverse

from tests.factories import build_attempts, enrolled_pupils, make_class
from tests.teacher_results.conftest import at

pytestmark = pytest.mark.django_db


def detail_url(data):
    return reverse("teacher_results_detail", args=[data["classroom"].pk, data["set"].pk])


def test_overview_shows_completion_bar_and_class_average(teacher_client, small_class):
    page = teacher_client.get(reverse("teacher_results")).content.decode()
    assert "3e B" in page and "Débarquements" in page
    # Two of three students finished; average of best scores (100 + 0) / 2 = 50 %.
    assert re.search(r'<progress[^>]*max="3" value="2"', page)
    assert "50 %" in page
    assert detail_url(small_class) in page


def test_overview_of_a_teacher_without_classes_says_so(client, other_teacher):
    client.force_login(other_teacher)
    page = client.get(reverse("teacher_results")).content.decode()
    assert "Vous n’avez pas encore de classe." in page


def test_overview_htmx_request_gets_the_fragment_only(teacher_client, small_class):
    page = teacher_client.get(reverse("teacher_results"), headers={"HX-Request": "true"})
    assert b'id="results-classes"' in page.content
    assert b"<html" not in page.content


def test_detail_lists_every_student_with_best_last_and_attempts(teacher_client, small_class):
    page = teacher_client.get(detail_url(small_class)).content.decode()
    rows = {
        match.group(1).strip(): match.group(0)
        for match in re.finditer(r"<tr>\s*<th scope=\"row\">([^<]+)<.*?</tr>", page, re.S)
    }
    camille = rows["camille"]
    assert re.findall(r"<td>([^<]*)</td>", camille)[:3] == ["100 %", "100 %", "2"]
    assert "oui, le 11 mars 2026" in camille
    dominique = rows["dominique-b"]
    assert re.findall(r"<td>([^<]*)</td>", dominique)[:3] == ["0 %", "0 %", "2"]
    eden = rows["Éden Lefèvre"]
    assert re.findall(r"<td>([^<]*)</td>", eden) == ["—", "—", "0", "non commencé"]


def test_detail_histogram_is_an_accessible_svg_with_unlocalised_coordinates(
    teacher_client, small_class
):
    page = teacher_client.get(detail_url(small_class)).content.decode()
    svg = re.search(r"<svg class=\"score-histogram\".*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg
    assert "Meilleurs scores de 2 élèves" in svg
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1)
    assert desc == "de 0 à 10 % : 1 élève ; de 90 à 100 % : 1 élève."
    coordinates = re.findall(r' (?:x|y|width|height)="([^"]*)"', svg)
    assert coordinates and all("," not in value for value in coordinates)


def test_detail_ranks_facts_hardest_first_with_their_quotes(teacher_client, small_class):
    results = teacher_client.get(detail_url(small_class)).context["results"]
    rates = [fact.rate for fact in results.facts]
    assert rates == sorted(rates)
    # Positions 3 and 4 were right once in three finished attempts, positions 1 and 2 twice.
    assert {round(row.rate) for row in results.positions} == {33, 67}
    page = teacher_client.get(detail_url(small_class)).content.decode()
    assert f"« {results.facts[0].fact.quote} »" in page.replace("&#x27;", "'")


def test_detail_with_few_attempts_says_there_are_not_enough(teacher_client, small_class):
    page = teacher_client.get(detail_url(small_class)).content.decode()
    assert "Pas assez de tentatives" in page
    assert "Indice de discrimination" not in page


def test_item_statistics_on_first_attempts_of_five_students(
    teacher_client, classroom, assigned_set, question_templates
):
    # First attempts only: the second attempt of eleve-000 is ignored.
    students = enrolled_pupils(classroom=classroom, count=5)
    build_attempts(
        question_set=assigned_set,
        templates=question_templates,
        plan=[
            (students[0], [1, 1, 1, 0], at(0)),
            (students[1], [1, 1, 0, 0], at(0)),
            (students[2], [1, 0, 1, 0], at(0)),
            (students[3], [0, 0, 0, 0], at(0)),
            (students[4], [1, 1, 1, 0], at(0)),
            (students[0], [0, 0, 0, 0], at(5)),
        ],
    )
    response = teacher_client.get(
        reverse("teacher_results_detail", args=[classroom.pk, assigned_set.pk])
    )
    results = response.context["results"]
    chronology, matching = results.report.kinds
    # Chronology: mean of places 1-2 → [1, 1, 0.5, 0, 1], facility 3.5 / 5 = 70 %; matching:
    # places 3-4 → [0.5, 0, 0.5, 0, 0.5], 30 %. Discrimination of the chronologies against
    # the matchings: deviations [0.3, 0.3, -0.2, -0.7, 0.3] and [0.2, -0.3, 0.2, -0.3, 0.2],
    # covariance 0.2 / 4, variances 0.8 / 4 and 0.3 / 4 → 100 × 0.2 / √0.24 ≈ 40.8.
    assert (chronology.key, round(chronology.facility)) == ("chronology", 70)
    assert (matching.key, round(matching.facility)) == ("matching", 30)
    assert chronology.discrimination == pytest.approx(40.825, abs=1e-3)
    # Every fact of a question scored 1 is right: the facts are the items of the lower table.
    assert results.fact_items and all(row.item.answers >= 1 for row in results.fact_items)
    page = response.content.decode()
    assert "Indice de discrimination" in page and "première tentative terminée" in page
    assert "70 %" in page and "41" in page
    # Five first attempts: items are shown, the set's reliability waits for ten.
    assert "Pas assez de tentatives pour juger la fiabilité de la série" in page


def test_overview_counts_a_student_in_each_of_the_teachers_classes_separately(
    teacher_client, teacher, other_teacher, student, small_class
):
    # Camille also sits in 4e A (set not given there) and in another teacher's class.
    make_class(teacher=teacher, name="4e A", pupils=[student])
    elsewhere = make_class(teacher=other_teacher, name="3e C", pupils=[student])
    small_class["set"].classrooms.add(elsewhere)
    classes = teacher_client.get(reverse("teacher_results")).context["classes"]
    assert [c.classroom.name for c in classes] == ["3e B", "4e A"]
    third_b, fourth_a = classes
    assert [(s.finished_students, s.class_size) for s in third_b.sets] == [(2, 3)]
    assert fourth_a.sets == []


def test_detail_htmx_request_gets_the_fragment_only(teacher_client, small_class):
    page = teacher_client.get(detail_url(small_class), headers={"HX-Request": "true"})
    assert b'id="results-detail"' in page.content
    assert b"<html" not in page.content
