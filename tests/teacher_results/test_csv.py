"""The grades export: bytes a French spreadsheet opens as they are."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from quizzes.models import Enrollment
from tests.factories import build_attempts, make_student

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(teacher_client, classroom, student, assigned_set, question_templates):
    """Camille: 25 % then 75 %, the last one finished at 23:30 UTC on 31 March, already
    1 April in Paris (summer time, UTC+2). Zoé Hervé (accents) never started."""
    student.first_name, student.last_name = "Camille", "Lefèvre"
    student.save()
    zoe = make_student("zoé")
    zoe.first_name, zoe.last_name = "Zoé", "Hervé"
    zoe.save()
    Enrollment.objects.create(classroom=classroom, student=zoe)
    build_attempts(
        question_set=assigned_set,
        templates=question_templates,
        plan=[
            (student, [1, 0, 0, 0], datetime(2026, 3, 30, 10, 0, tzinfo=UTC)),
            (student, [1, 1, 1, 0], datetime(2026, 3, 31, 23, 30, tzinfo=UTC)),
        ],
    )
    return teacher_client.get(reverse("teacher_results_csv", args=[classroom.pk, assigned_set.pk]))


def rows_of(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_starts_with_a_utf8_byte_order_mark_for_excel(export):
    assert export.status_code == 200
    assert export.content.startswith(b"\xef\xbb\xbf")
    assert export["Content-Type"] == "text/csv; charset=utf-8"


def test_csv_is_an_attachment_named_after_class_and_set_in_ascii(export):
    disposition = export["Content-Disposition"]
    assert disposition == 'attachment; filename="notes-3e-b-debarquements.csv"'
    disposition.encode("ascii")


def test_csv_has_french_headers_semicolons_and_surviving_accents(export):
    rows = rows_of(export)
    assert rows[0] == [
        "élève",
        "nom complet",
        "tentatives",
        "meilleur score (%)",
        "dernier score (%)",
        "terminé le",
    ]
    assert b";" in export.content.splitlines()[0]
    assert "Zoé Hervé".encode() in export.content


def test_csv_values_are_the_students_scores_and_local_finish_date(export):
    by_username = {row[0]: row for row in rows_of(export)[1:]}
    # 1/4 = 25 %, then 3/4 = 75 %: best and last are both 75; 23:30 UTC is 01:30 in Paris.
    assert by_username["camille"] == ["camille", "Camille Lefèvre", "2", "75", "75", "01/04/2026"]
    assert by_username["zoé"] == ["zoé", "Zoé Hervé", "0", "", "", ""]


def test_export_is_kept_by_no_cache_on_the_way_or_in_the_browser(export):
    cache_control = {part.strip() for part in export["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
