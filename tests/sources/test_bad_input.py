"""Bad texts and files get a clear message and store nothing; the worker keeps running."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import ExtractionJob, Source
from tests.conftest import run_queued_tasks
from tests.sources.conftest import new_source_post


def post_file(client, name: str, data: bytes, **fields):
    upload = SimpleUploadedFile(name, data)
    return client.post(
        reverse("teacher_source_create"), new_source_post(text="", file=upload, **fields)
    )


def assert_refused(response, message: str):
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Source.objects.exists()
    assert not ExtractionJob.objects.exists()


@pytest.mark.django_db
def test_an_empty_text_is_refused(teacher_client):
    response = teacher_client.post(reverse("teacher_source_create"), new_source_post(text="  \n"))
    assert_refused(response, "vide")


@pytest.mark.django_db
def test_binary_junk_is_refused(teacher_client):
    assert_refused(post_file(teacher_client, "notes.txt", bytes(range(256)) * 40), "lisible")


@pytest.mark.django_db
def test_a_50_mb_upload_is_refused_by_its_size(teacher_client):
    response = post_file(teacher_client, "gros.txt", b"a" * (50 * 1024 * 1024))
    assert_refused(response, "Le fichier dépasse")


@pytest.mark.django_db
def test_a_docx_that_would_decompress_to_gigabytes_is_refused(teacher_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(80):
                entry.write(chunk)
    response = post_file(teacher_client, "bombe.docx", buffer.getvalue())
    assert_refused(response, "anormalement grand")


@pytest.mark.django_db
def test_a_scanned_pdf_without_text_is_refused(teacher_client):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    data = io.BytesIO()
    writer.write(data)
    assert_refused(post_file(teacher_client, "scan.pdf", data.getvalue()), "scanné")


@pytest.mark.django_db
def test_a_file_of_an_unknown_format_is_refused(teacher_client):
    assert_refused(post_file(teacher_client, "photo.jpg", b"\xff\xd8\xff\xe0"), "Formats acceptés")


@pytest.mark.django_db
def test_a_text_in_another_language_is_refused_unless_the_teacher_says_which(teacher_client):
    german = (
        "Am 10. Juli 1943 landeten die Alliierten auf Sizilien. Wenige Wochen später wurde "
        "Mussolini vom Großen Faschistischen Rat abgesetzt und verhaftet."
    )
    response = teacher_client.post(reverse("teacher_source_create"), new_source_post(text=german))
    assert_refused(response, "ni en français ni en anglais")


@pytest.mark.django_db
def test_a_text_longer_than_the_limit_is_refused(teacher_client):
    response = teacher_client.post(
        reverse("teacher_source_create"), new_source_post(text="Le 1er mai 1945. " * 20_000)
    )
    assert_refused(response, "200")


@pytest.mark.django_db
def test_a_second_source_with_the_same_title_is_refused(teacher_client, teacher):
    Source.objects.create(owner=teacher, title="La crise de Cuba", text="Texte.")
    response = teacher_client.post(reverse("teacher_source_create"), new_source_post())
    assert response.status_code == 400
    assert "déjà une source de ce titre" in response.content.decode()
    assert Source.objects.count() == 1


@pytest.mark.django_db
def test_a_tampered_language_is_refused(teacher_client):
    response = teacher_client.post(reverse("teacher_source_create"), new_source_post(language="xx"))
    assert response.status_code == 400 and not Source.objects.exists()


@pytest.mark.django_db
def test_unknown_ids_are_404s(teacher_client):
    assert teacher_client.get(reverse("teacher_source", args=[999999])).status_code == 404
    assert teacher_client.get("/enseignant/sources/99999999999999999999/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_text_without_any_date_says_no_chronology_can_come_from_it(teacher_client):
    text = (
        "Le président John F. Kennedy réunit ses conseillers à la Maison-Blanche. Ils "
        "discutent longuement des missiles installés à Cuba et des réponses possibles."
    )
    teacher_client.post(reverse("teacher_source_create"), new_source_post(text=text))
    run_queued_tasks()
    source = Source.objects.get()
    assert source.extraction_jobs.get().status == ExtractionJob.Status.DONE
    page = teacher_client.get(reverse("teacher_source", args=[source.pk])).content.decode()
    assert "Aucune date n’a été trouvée" in page
