"""Turning a teacher's uploaded file (or pasted text) into plain text, safely.

Accepted: plain text (.txt, .md), PDF with a text layer (.pdf), Word (.docx), OpenDocument text
(.odt). Anything the teacher cannot use is refused with `UnreadableDocument`, whose message is a
French sentence to show as is: never a raw parser exception, whatever the bytes.

Safety, since the bytes come from anyone with a teacher account:

- Size is checked before any parsing (MAX_UPLOAD_BYTES), and the text after reading
  (MAX_TEXT_CHARS); PDF pages and Word paragraphs stop being read once the text is too long.
- .docx and .odt are zip archives: before a parser opens one, the central directory is read and
  the archive refused if its entries would unpack to more than MAX_UNZIPPED_BYTES, if one entry
  is compressed more than MAX_COMPRESSION_RATIO times, or if it has too many entries (zip bombs).
  The declared sizes can be trusted: Python's zipfile, which python-docx and odfpy both use,
  stops decompressing an entry at its declared size and then fails its CRC check.
- XML: python-docx parses with lxml and `resolve_entities=False` (no entity expansion, no
  external entities). For .odt we rely on odfpy rather than parse content.xml ourselves: odfpy
  1.4 parses through `defusedxml.sax` (installed as its dependency), which refuses DTD entity
  declarations and external references, so the billion-laughs and XXE attacks are refused by a
  parser built for that, and odfpy already knows the ODF text model (spaces, tabs, lists, tables).
- PDF: pypdf 7 caps every decompressed stream (75 MB by default); any exception it raises on a
  malformed file becomes a clear message.

This module imports nothing from Django but its translation function, so it runs in a worker,
a management command or a test without a database.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import PurePath

from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_TEXT_CHARS = 200_000
ACCEPTED_EXTENSIONS = (".txt", ".md", ".pdf", ".docx", ".odt")

# A real 10 MB .docx of text and a few images unpacks to a few tens of MB at most; XML text
# compresses about 5 to 20 times, rarely more than 50.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_FROM_BYTES = 1024 * 1024  # small entries may compress well; the total still caps them
MAX_ZIP_ENTRIES = 1000

# A plain-text file with more than this share of control characters is binary, not text.
MAX_CONTROL_SHARE = 0.01
# C0 and C1 controls but tab, newline, carriage return and form feed.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class UnreadableDocument(ValueError):
    """The file cannot give a text; the message is a French sentence for the teacher."""


def too_big_message() -> str:
    return _("Le fichier dépasse 10 Mo.")


def too_long_message() -> str:
    return _(
        "Le texte dépasse 200 000 caractères : découpez-le en plusieurs parties et importez-les "
        "séparément."
    )


def read_document(filename: str, data: bytes) -> str:
    """The clean text of an uploaded file, or UnreadableDocument with the reason."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UnreadableDocument(too_big_message())
    extension = PurePath(filename).suffix.lower()
    readers = {
        ".txt": read_plain_text,
        ".md": read_plain_text,
        ".pdf": read_pdf,
        ".docx": read_docx,
        ".odt": read_odt,
    }
    if extension not in readers:
        raise UnreadableDocument(
            _("Ce format de fichier n'est pas accepté. Formats acceptés : %(formats)s.")
            % {"formats": ", ".join(ACCEPTED_EXTENSIONS)}
        )
    return prepare_text(readers[extension](data))


def prepare_text(text: str) -> str:
    """clean_text, then refuse an empty or too long text: for each file and for pasted text."""
    text = clean_text(text)
    if not text.strip():
        raise UnreadableDocument(_("Le texte est vide."))
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableDocument(too_long_message())
    return text


# C0 controls but tab and newline; carriage returns are dealt with first.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TRAILING_SPACES = re.compile(r"[ \t]+$", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{4,}")


def clean_text(text: str) -> str:
    """Normalised text: NFC, Unix newlines, no control characters, no trailing spaces, at most
    two blank lines in a row. Every other character stays exactly as it was (typographic quotes,
    apostrophes, non-breaking spaces), because facts quote the source verbatim."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    # Only ASCII spaces and tabs: a trailing non-breaking space is part of the source.
    text = _TRAILING_SPACES.sub("", text)
    return _MANY_BLANK_LINES.sub("\n\n\n", text)


# --- Plain text -------------------------------------------------------------------------------


def not_text_message() -> str:
    return _("Ce fichier ne contient pas de texte lisible.")


def read_plain_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Windows Notepad's "Unicode"), else
    Windows-1252 or Latin-1 when the bytes still look like text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableDocument(not_text_message()) from None
    if b"\x00" in data:
        raise UnreadableDocument(not_text_message())
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if looks_like_text(text):
            return text
        break  # a decoding that succeeded but gives control characters: the bytes are binary
    raise UnreadableDocument(not_text_message())


def looks_like_text(text: str) -> bool:
    """Few control characters: Latin-1 decodes any bytes, binary data gives many of them."""
    return len(_BINARY_CONTROLS.findall(text)) <= MAX_CONTROL_SHARE * len(text)


# --- PDF --------------------------------------------------------------------------------------


def read_pdf(data: bytes) -> str:
    """The text layer of each page, pages separated by a blank line."""
    from pypdf import PdfReader

    invalid = _("Ce fichier n'est pas un PDF valide ou il est endommagé.")
    encrypted = _(
        "Ce PDF est protégé par un mot de passe : enregistrez-en une copie sans protection, "
        "ou copiez-collez le texte."
    )
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are encrypted with an empty password only to restrict printing or
            # editing: those open without asking anything.
            try:
                opened = reader.decrypt("")
            except Exception:
                opened = 0
            if not opened:
                raise UnreadableDocument(encrypted)
        pages = []
        length = 0
        for page in reader.pages:
            page_text = page.extract_text() or ""
            pages.append(page_text)
            length += len(page_text)
            if length > MAX_TEXT_CHARS:
                raise UnreadableDocument(too_long_message())
    except UnreadableDocument:
        raise
    except Exception:
        # pypdf raises many kinds of exceptions on malformed files (PdfReadError, KeyError,
        # ValueError, zlib.error…): for the teacher they all mean the same thing.
        raise UnreadableDocument(invalid) from None
    text = "\n\n".join(page.strip() for page in pages)
    if not text.strip():
        raise UnreadableDocument(
            _(
                "Ce PDF ne contient pas de texte (document scanné ?) : ses pages sont des "
                "images, que quizsite ne sait pas lire. Copiez-collez le texte dans le "
                "formulaire, ou passez d'abord le PDF dans un logiciel de reconnaissance de "
                "caractères (OCR)."
            )
        )
    return text


# --- Zip archives (.docx, .odt) ---------------------------------------------------------------


def check_archive(data: bytes, invalid_message: str) -> None:
    """Refuse a zip that is not one, or that would unpack to too much (zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise UnreadableDocument(invalid_message) from None
    too_big = _(
        "Ce document se décompresse en un volume anormalement grand : il est refusé par sécurité."
    )
    if len(entries) > MAX_ZIP_ENTRIES:
        raise UnreadableDocument(too_big)
    if sum(entry.file_size for entry in entries) > MAX_UNZIPPED_BYTES:
        raise UnreadableDocument(too_big)
    for entry in entries:
        if (
            entry.file_size > RATIO_CHECK_FROM_BYTES
            and entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1)
        ):
            raise UnreadableDocument(too_big)


class _TextCollector:
    """Blocks of text in reading order, refusing as soon as the total is too long."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.length = 0

    def add(self, block: str) -> None:
        self.blocks.append(block)
        self.length += len(block) + 1
        if self.length > MAX_TEXT_CHARS:
            raise UnreadableDocument(too_long_message())

    def text(self) -> str:
        return "\n".join(self.blocks)


# --- Word (.docx) -----------------------------------------------------------------------------


def read_docx(data: bytes) -> str:
    """Paragraphs one per line in document order; a table row per line, cells separated by a
    tab. Headers, footers and comments are left out: they are not the text being taught."""
    import docx
    from docx.table import Table

    invalid = _("Ce fichier n'est pas un document Word (.docx) valide.")
    check_archive(data, invalid)
    collector = _TextCollector()
    try:
        document = docx.Document(io.BytesIO(data))
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                add_table(block, collector)
            else:
                collector.add(docx_paragraph_text(block._p))
    except UnreadableDocument:
        raise
    except Exception:
        # python-docx raises PackageNotFoundError, KeyError, ValueError or lxml errors on a
        # zip that is not a Word document, or a damaged one.
        raise UnreadableDocument(invalid) from None
    return collector.text()


# python-docx's Paragraph.text reads only the paragraph's own runs and links: text typed with
# "track changes" on (w:ins), in a field or in a content control would be lost. Deleted text
# (w:del, w:delText) stays out.
_DOCX_RUNS = (
    "w:r | w:hyperlink | w:ins/w:r | w:ins/w:hyperlink | w:smartTag/w:r | w:fldSimple/w:r"
    " | w:sdt/w:sdtContent/w:r | w:sdt/w:sdtContent/w:hyperlink"
)


def docx_paragraph_text(paragraph) -> str:
    return "".join(run.text for run in paragraph.xpath(_DOCX_RUNS))


def add_table(table, collector: _TextCollector) -> None:
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if cell._tc is previous:
                continue
            previous = cell._tc
            text = " ".join(docx_paragraph_text(p._p) for p in cell.paragraphs)
            cells.append(text)
        collector.add("\t".join(cells))


# --- OpenDocument (.odt) ----------------------------------------------------------------------


def read_odt(data: bytes) -> str:
    """Paragraphs and headings one per line in document order, lists and sections included; a
    table row per line, cells separated by a tab. Notes, comments and tracked deletions are left
    out."""
    from odf.opendocument import load

    invalid = _("Ce fichier n'est pas un document OpenDocument (.odt) valide.")
    check_archive(data, invalid)
    collector = _TextCollector()
    try:
        document = load(io.BytesIO(data))
        if document.mimetype != "application/vnd.oasis.opendocument.text":
            raise UnreadableDocument(invalid)
        add_odt_blocks(document.text, collector)
    except UnreadableDocument:
        raise
    except Exception:
        # odfpy raises KeyError, SAX or defusedxml errors on a damaged or hostile file.
        raise UnreadableDocument(invalid) from None
    return collector.text()


_ODF_WHITE_SPACE = re.compile(r"[ \t\r\n]+")
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_PARAGRAPHS = {(_TEXT_NS, "p"), (_TEXT_NS, "h")}
_CONTAINERS = {
    (_TEXT_NS, "list"),
    (_TEXT_NS, "list-item"),
    (_TEXT_NS, "list-header"),
    (_TEXT_NS, "section"),
    (_TABLE_NS, "table-header-rows"),
    (_TABLE_NS, "table-rows"),
    (_TABLE_NS, "table-row-group"),
}
_TABLES = {(_TABLE_NS, "table")}
_ROWS = {(_TABLE_NS, "table-row")}
# Inline elements whose text is not the paragraph's own: footnotes, comments, deleted text.
_SKIPPED_INLINE = {
    (_TEXT_NS, "note"),
    ("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "annotation"),
    (_TEXT_NS, "tracked-changes"),
}


def add_odt_blocks(element, collector: _TextCollector) -> None:
    for child in element.childNodes:
        name = getattr(child, "qname", None)
        if name in _PARAGRAPHS:
            collector.add(odt_inline_text(child))
        elif name in _CONTAINERS:
            add_odt_blocks(child, collector)
        elif name in _TABLES:
            add_odt_rows(child, collector)


def add_odt_rows(table, collector: _TextCollector) -> None:
    for child in table.childNodes:
        name = getattr(child, "qname", None)
        if name in _ROWS:
            cells = [odt_cell_text(cell) for cell in child.childNodes if hasattr(cell, "qname")]
            collector.add("\t".join(cells))
        elif name in _CONTAINERS:
            add_odt_rows(child, collector)


def odt_cell_text(cell) -> str:
    inner = _TextCollector()
    add_odt_blocks(cell, inner)
    return " ".join(inner.blocks)


def odt_inline_text(element) -> str:
    """A paragraph's text, refused as soon as it alone is too long."""
    parts = []
    length = 0
    for piece in odt_inline_pieces(element):
        length += len(piece)
        if length > MAX_TEXT_CHARS:
            raise UnreadableDocument(too_long_message())
        parts.append(piece)
    return "".join(parts)


def odt_inline_pieces(element):
    """text:s is N spaces, text:tab a tab, text:line-break a newline; spans and links give
    their text."""
    for child in element.childNodes:
        if child.nodeType == child.TEXT_NODE:
            # ODF collapses runs of XML white space into one space; real spaces are text:s.
            yield _ODF_WHITE_SPACE.sub(" ", child.data)
            continue
        name = getattr(child, "qname", None)
        if name == (_TEXT_NS, "s"):
            # A hostile file could ask for billions of spaces in a few bytes.
            count = int(child.getAttrNS(_TEXT_NS, "c") or 1)
            yield " " * min(count, MAX_TEXT_CHARS + 1)
        elif name == (_TEXT_NS, "tab"):
            yield "\t"
        elif name == (_TEXT_NS, "line-break"):
            yield "\n"
        elif name not in _SKIPPED_INLINE:
            yield from odt_inline_pieces(child)
