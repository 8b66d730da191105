"""Reading an uploaded file into plain text: every format, and every way a file can be refused.

The files are built here, small and in memory: no binary is committed.
"""

import io
import random
import struct
import time
import zipfile
import zlib

import docx
import pytest
from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import OpenDocumentText
from pypdf import PdfWriter

from quizzes.extraction import reading
from quizzes.extraction.reading import (
    ACCEPTED_EXTENSIONS,
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    UnreadableDocument,
    clean_text,
    read_document,
)

NBSP = "\u00a0"
# Accents, typographic apostrophe, French quotes with non-breaking spaces inside.
FIRST = f"Le 14 juillet 1789, à Paris, la foule s’empare de la Bastille{NBSP}: «{NBSP}Vive la Nation{NBSP}!{NBSP}»"
SECOND = "Été 1792 : la Patrie est déclarée en danger."


# --- Building files ---------------------------------------------------------------------------


def make_docx(paragraphs=(FIRST, SECOND), table_rows=()):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table_rows:
        grid = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, values in zip(grid.rows, table_rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_odt(paragraphs=(FIRST, SECOND), table_rows=()):
    document = OpenDocumentText()
    for paragraph in paragraphs:
        document.text.addElement(odf_text.P(text=paragraph))
    if table_rows:
        grid = odf_table.Table()
        for values in table_rows:
            row = odf_table.TableRow()
            for value in values:
                cell = odf_table.TableCell()
                cell.addElement(odf_text.P(text=value))
                row.addElement(cell)
            grid.addElement(row)
        document.text.addElement(grid)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def make_pdf(pages):
    """A minimal PDF written by hand: one Helvetica text line per page (WinAnsi encoding, so
    é, à, ’, « », and the non-breaking space are single bytes), with a correct xref table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    font = 3
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    page_refs = []
    for line in pages:
        encoded = line.encode("cp1252").replace(b"\\", b"\\\\")
        encoded = encoded.replace(b"(", b"\\(").replace(b")", b"\\)")
        stream = b"BT /F1 11 Tf 50 750 Td (" + encoded + b") Tj ET"
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, content)
        )
        page_refs.append(len(objects))
    kids = b" ".join(b"%d 0 R" % ref for ref in page_refs)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_refs))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_scanned_pdf():
    """A page with no text layer, as a scanner makes (the image itself does not matter)."""
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_encrypted_pdf():
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf([SECOND])))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_with(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def with_declared_size(archive: bytes, size: int) -> bytes:
    """The same archive whose central directory claims each entry unpacks to `size` bytes: what
    a zip bomb's directory looks like, built in microseconds."""
    patched = bytearray(archive)
    position = patched.find(b"PK\x01\x02")
    while position != -1:
        struct.pack_into("<I", patched, position + 24, size)  # uncompressed size
        position = patched.find(b"PK\x01\x02", position + 4)
    return bytes(patched)


def zeros_bomb(megabytes: int) -> bytes:
    """A real .docx-named zip whose one entry inflates to `megabytes` MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = bytes(1024 * 1024)
        with archive.open(info, "w", force_zip64=True) as entry:
            for _ in range(megabytes):
                entry.write(chunk)
    return buffer.getvalue()


def refusal(filename, data):
    with pytest.raises(UnreadableDocument) as error:
        read_document(filename, data)
    return str(error.value)


# --- Reading each format ----------------------------------------------------------------------


@pytest.mark.parametrize("extension", [".txt", ".md"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_plain_text_is_read_in_its_encoding_with_accents_and_quotes_kept(extension, encoding):
    source = f"{FIRST}\n\n{SECOND}\n"
    assert read_document(f"cours{extension}", source.encode(encoding)) == source


def test_latin1_text_is_read_when_it_is_not_windows_1252():
    # 0x81 is undefined in Windows-1252: only Latin-1 decodes it (to a control character).
    data = "Révolution française, 1789.".encode("latin-1") + b"\x81" + b" La Bastille." * 20
    assert read_document("cours.txt", data).startswith("Révolution française, 1789.")


def test_markdown_is_kept_as_written():
    source = f"# La Révolution\n\n- **1789** : {FIRST}\n"
    assert read_document("cours.md", source.encode()) == source


def test_extension_is_case_insensitive():
    assert read_document("COURS.TXT", SECOND.encode()) == SECOND


def test_pdf_text_layer_is_read_page_by_page_with_accents_kept():
    text = read_document("cours.pdf", make_pdf([FIRST, SECOND]))
    assert text == f"{FIRST}\n\n{SECOND}"


def test_docx_paragraphs_and_table_cells_are_read_in_order():
    data = make_docx(table_rows=[("1789", "Prise de la Bastille"), ("1792", "République")])
    assert read_document("cours.docx", data) == (
        f"{FIRST}\n{SECOND}\n1789\tPrise de la Bastille\n1792\tRépublique"
    )


def test_docx_tracked_insertions_are_read_and_tracked_deletions_are_not():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph("Louis XVI est guillotiné le ")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:delText>20 janvier</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:t>21 janvier 1793</w:t></w:r></w:ins>"
        )
    )
    paragraph.add_run(".")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_document("cours.docx", buffer.getvalue()) == (
        "Louis XVI est guillotiné le 21 janvier 1793."
    )


def test_odt_paragraphs_and_table_cells_are_read_in_order():
    data = make_odt(table_rows=[("1789", "Prise de la Bastille"), ("1792", "République")])
    assert read_document("cours.odt", data) == (
        f"{FIRST}\n{SECOND}\n1789\tPrise de la Bastille\n1792\tRépublique"
    )


def test_odt_spaces_tabs_and_line_breaks_are_kept_but_notes_are_not():
    document = OpenDocumentText()
    paragraph = odf_text.P(text="Louis XVI")
    paragraph.addElement(odf_text.S(c=3))
    paragraph.addText("roi")
    paragraph.addElement(odf_text.Tab())
    paragraph.addText("des Français")
    paragraph.addElement(odf_text.LineBreak())
    note = odf_text.Note(noteclass="footnote")
    note.addElement(odf_text.NoteBody())
    note.firstChild.addElement(odf_text.P(text="Une note de bas de page."))
    paragraph.addElement(note)
    paragraph.addElement(odf_text.Span(text="1791"))
    document.text.addElement(paragraph)
    buffer = io.BytesIO()
    document.write(buffer)
    assert read_document("cours.odt", buffer.getvalue()) == "Louis XVI   roi\tdes Français\n1791"


# --- Refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filename", ["cours.doc", "cours.rtf", "image.png", "cours", "cours.pdf.exe"]
)
def test_unknown_extension_is_refused_with_the_accepted_formats(filename):
    message = refusal(filename, b"La Bastille")
    assert "n'est pas accepté" in message
    for extension in ACCEPTED_EXTENSIONS:
        assert extension in message


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("vide.txt", b""),
        ("blanc.txt", b"  \n\t\r\n   \n"),
        ("blanc.md", b"\xef\xbb\xbf \xc2\xa0\n"),
        ("vide.docx", make_docx(paragraphs=["", "   "])),
        ("vide.odt", make_odt(paragraphs=[""])),
    ],
    ids=["empty-txt", "whitespace-txt", "bom-and-nbsp-md", "empty-docx", "empty-odt"],
)
def test_empty_document_is_refused(filename, data):
    assert refusal(filename, data) == "Le texte est vide."


@pytest.mark.parametrize(
    "data",
    [
        random.Random(1789).randbytes(4096),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        b"La Bastille\x00\x00\x00 1789",
        bytes(range(1, 32)) * 20,
    ],
    ids=["random-bytes", "png", "nul-bytes", "control-characters"],
)
def test_binary_junk_named_txt_is_refused(data):
    assert refusal("cours.txt", data) == "Ce fichier ne contient pas de texte lisible."


@pytest.mark.parametrize("filename", ["cours.txt", "cours.pdf", "cours.docx", "cours.odt"])
def test_too_big_a_file_is_refused_before_any_parsing(filename, monkeypatch):
    def must_not_parse(data):
        raise AssertionError("parsed a file over the size limit")

    for reader in ("read_plain_text", "read_pdf", "read_docx", "read_odt"):
        monkeypatch.setattr(reading, reader, must_not_parse)
    payload = bytes(50 * 1024 * 1024)
    assert refusal(filename, payload) == "Le fichier dépasse 10 Mo."
    assert refusal(filename, bytes(MAX_UPLOAD_BYTES + 1)) == "Le fichier dépasse 10 Mo."


def test_a_file_of_exactly_the_limit_is_not_refused_for_its_size():
    data = (b"La Bastille. " * (MAX_UPLOAD_BYTES // 13 + 1))[:MAX_UPLOAD_BYTES]
    assert "10 Mo" not in refusal("cours.txt", data)  # refused for its length in characters


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("long.txt", ("a" * (MAX_TEXT_CHARS + 1)).encode()),
        ("long.docx", make_docx(paragraphs=["Vive la Nation ! " * 2000] * 7)),
        ("long.odt", make_odt(paragraphs=["Vive la Nation ! " * 2000] * 7)),
        ("long.pdf", make_pdf(["Vive la Nation ! " * 6000] * 2)),
    ],
    ids=["txt", "docx", "odt", "pdf"],
)
def test_too_long_a_text_is_refused(filename, data):
    assert refusal(filename, data).startswith("Le texte dépasse 200 000 caractères")


def test_a_text_of_exactly_the_limit_is_read():
    assert len(read_document("cours.txt", b"a" * MAX_TEXT_CHARS)) == MAX_TEXT_CHARS


def test_scanned_pdf_asks_for_the_text_to_be_pasted():
    message = refusal("scan.pdf", make_scanned_pdf())
    assert message.startswith("Ce PDF ne contient pas de texte (document scanné ?)")
    assert "Copiez-collez le texte" in message


def test_password_protected_pdf_is_refused_clearly():
    assert refusal("secret.pdf", make_encrypted_pdf()).startswith(
        "Ce PDF est protégé par un mot de passe"
    )


def test_pdf_encrypted_with_an_empty_password_is_read():
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf([SECOND])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert read_document("restreint.pdf", buffer.getvalue()) == SECOND


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"%PDF-1.4\nceci n'est pas un PDF",
        make_pdf([FIRST])[:200],
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
        SECOND.encode(),
    ],
    ids=["empty", "garbage", "truncated", "self-referencing", "plain-text"],
)
def test_malformed_pdf_is_refused_clearly(data):
    assert refusal("cours.pdf", data) == "Ce fichier n'est pas un PDF valide ou il est endommagé."


@pytest.mark.parametrize(
    ("filename", "message"),
    [
        ("cours.docx", "Ce fichier n'est pas un document Word (.docx) valide."),
        ("cours.odt", "Ce fichier n'est pas un document OpenDocument (.odt) valide."),
    ],
)
@pytest.mark.parametrize(
    "data",
    [
        SECOND.encode(),
        b"PK\x03\x04 truncated",
        zip_with({"notes.txt": SECOND}),
        zip_with({"word/document.xml": "<w:document><w:body"}),
    ],
    ids=["plain-text", "truncated-zip", "zip-of-something-else", "broken-xml"],
)
def test_file_that_is_not_a_valid_office_document_is_refused(filename, message, data):
    assert refusal(filename, data) == message


def test_docx_named_odt_is_refused():
    assert refusal("cours.odt", make_docx()) == (
        "Ce fichier n'est pas un document OpenDocument (.odt) valide."
    )


BOMB_MESSAGE = (
    "Ce document se décompresse en un volume anormalement grand : il est refusé par sécurité."
)


@pytest.mark.parametrize("filename", ["bombe.docx", "bombe.odt"])
def test_zip_bomb_declaring_gigabytes_is_refused_before_unpacking(filename, monkeypatch):
    def must_not_parse(*args, **kwargs):
        raise AssertionError("a zip bomb reached the parser")

    document = make_docx() if filename.endswith(".docx") else make_odt()
    bomb = with_declared_size(document, 4_000_000_000)
    monkeypatch.setattr(docx, "Document", must_not_parse)
    monkeypatch.setattr("odf.opendocument.load", must_not_parse)
    assert refusal(filename, bomb) == BOMB_MESSAGE


def test_real_zip_bomb_of_zeros_is_refused_quickly():
    bomb = zeros_bomb(megabytes=60)  # about 60 KB on disk
    assert len(bomb) < MAX_UPLOAD_BYTES
    started = time.perf_counter()
    assert refusal("bombe.docx", bomb) == BOMB_MESSAGE
    assert time.perf_counter() - started < 0.5


def test_entry_compressed_absurdly_is_refused_even_under_the_total_limit():
    archive = zip_with({"word/document.xml": bytes(5 * 1024 * 1024)})  # 5 MB of zeros, ~5 KB
    assert refusal("cours.docx", archive) == BOMB_MESSAGE


def test_archive_of_too_many_entries_is_refused():
    archive = zip_with({f"word/media/{number}.xml": "" for number in range(1500)})
    assert refusal("cours.docx", archive) == BOMB_MESSAGE


def test_odt_with_entity_declarations_is_refused():
    """The billion-laughs attack: a few bytes of DTD that expand to gigabytes if resolved."""
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        "<text:p>&lol3;</text:p></office:text></office:body></office:document-content>"
    )
    archive = io.BytesIO(make_odt())
    entries = {}
    with zipfile.ZipFile(archive) as original:
        for name in original.namelist():
            entries[name] = original.read(name)
    entries["content.xml"] = lol.encode()
    assert refusal("lol.odt", zip_with(entries)) == (
        "Ce fichier n'est pas un document OpenDocument (.odt) valide."
    )


# --- clean_text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Ligne 1\r\nLigne 2\rLigne 3", "Ligne 1\nLigne 2\nLigne 3"),
        ("Bas\x00tille\x07\x1b 1789", "Bastille 1789"),
        ("Colonne\tvaleur\n", "Colonne\tvaleur\n"),
        ("Fin de ligne   \t\nSuite", "Fin de ligne\nSuite"),
        ("Un\n\n\n\n\n\nDeux", "Un\n\n\nDeux"),
        ("Un\n\n\nDeux", "Un\n\n\nDeux"),
        ("Un\n  \n \n\t\n\nDeux", "Un\n\n\nDeux"),
        ("e\u0301te\u0301", "été"),  # decomposed accents become composed
        (FIRST, FIRST),
        (f"Valmy{NBSP}", f"Valmy{NBSP}"),  # a trailing non-breaking space is the source's own
        ("ﬁn du “Grand Siècle” — l’apogée…", "ﬁn du “Grand Siècle” — l’apogée…"),
    ],
    ids=[
        "newlines",
        "controls",
        "tabs-kept",
        "trailing-spaces",
        "many-blank-lines",
        "two-blank-lines-kept",
        "blank-lines-with-spaces",
        "nfc",
        "french-typography",
        "trailing-nbsp",
        "other-typography",
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_clean_text_is_idempotent():
    raw = f"  {FIRST}\r\n\r\n\r\n\r\n{SECOND}\x00  \n"
    assert clean_text(clean_text(raw)) == clean_text(raw)


def test_pasted_text_gets_the_same_checks_as_a_file():
    assert reading.prepare_text(f"{FIRST}\r\n") == f"{FIRST}\n"
    with pytest.raises(UnreadableDocument, match=r"^Le texte est vide\.$"):
        reading.prepare_text(" \x00\n")
    with pytest.raises(UnreadableDocument, match="200 000 caractères"):
        reading.prepare_text("a" * (MAX_TEXT_CHARS + 1))


def test_zlib_is_what_deflate_uses():
    # Guard for zeros_bomb's size claim: 1 MB of zeros deflates to about 1 KB.
    assert len(zlib.compress(bytes(1024 * 1024), 9)) < 2048
