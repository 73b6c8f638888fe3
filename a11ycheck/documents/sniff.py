"""What a file is, from its bytes; what its name and content type claim it is; and whether they agree.

The bytes decide: a magic number, and for ZIP containers the members that OOXML (`word/`, `xl/`, `ppt/`)
and ODF/EPUB (the `mimetype` member) put there. A file whose bytes are not what its name or content type
says is reported as unreadable, in words: "named .pdf but is an HTML page".
"""

import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

DOCUMENT_TYPES = ("pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "doc", "xls", "ppt", "rtf", "epub")

EXTENSIONS = {f".{t}": t for t in DOCUMENT_TYPES}
CONTENT_TYPES = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/vnd.ms-powerpoint": "ppt",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "application/epub+zip": "epub",
}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
    b"application/epub+zip": "epub",
}
OOXML_FOLDERS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
# Saved with the other format's extension, Word, Excel and PowerPoint open these without complaint.
INTERCHANGEABLE = {frozenset({"doc", "docx"}), frozenset({"xls", "xlsx"}), frozenset({"ppt", "pptx"})}
DESCRIPTIONS = {
    "pdf": "a PDF",
    "docx": "a Word document (DOCX)",
    "odt": "an OpenDocument text (ODT)",
    "xlsx": "an Excel workbook (XLSX)",
    "ods": "an OpenDocument spreadsheet (ODS)",
    "pptx": "a PowerPoint presentation (PPTX)",
    "odp": "an OpenDocument presentation (ODP)",
    "doc": "an older Word document (DOC)",
    "xls": "an older Excel workbook (XLS)",
    "ppt": "an older PowerPoint presentation (PPT)",
    "rtf": "an RTF document",
    "epub": "an EPUB book",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_STREAMS = {  # stream names in an OLE compound file's directory, stored as UTF-16LE
    "WordDocument": "doc",
    "Workbook": "xls",
    "PowerPoint Document": "ppt",
}
HEAD_BYTES = 4096


@dataclass(frozen=True)
class Sniffed:
    """What the bytes are: a document type (or None) and a description for messages."""

    type: str | None
    kind: str
    encrypted: bool = False  # an OOXML package inside an encrypted OLE file, or an encrypted ODF package


def sniff_file(path: Path, max_bytes: int) -> Sniffed:
    """The type of the file at `path`, from its bytes."""
    size = os.path.getsize(path)
    if size == 0:
        return Sniffed(None, "an empty file")
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    if b"%PDF-" in head[:1024]:
        return Sniffed("pdf", DESCRIPTIONS["pdf"])
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path)
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(path, max_bytes)
    if head.startswith(b"{\\rtf"):
        return Sniffed("rtf", DESCRIPTIONS["rtf"])
    return Sniffed(None, _describe_other(head))


def _sniff_zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            mimetype = b""
            if "mimetype" in names and archive.getinfo("mimetype").file_size <= 200:
                mimetype = archive.read("mimetype").strip()
            manifest = b""
            info = archive.getinfo("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else None
            if info is not None and info.file_size <= 1024 * 1024:
                manifest = archive.read(info)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
    ):
        return Sniffed(None, "a damaged ZIP archive")
    except RuntimeError:  # an encrypted member
        return Sniffed(None, "an encrypted ZIP archive")
    odf = ODF_MIMETYPES.get(mimetype)
    if odf:
        return Sniffed(odf, DESCRIPTIONS[odf], encrypted=b"encryption-data" in manifest)
    if "[Content_Types].xml" in names:
        for folder, kind in OOXML_FOLDERS.items():
            if any(name.startswith(folder) for name in names):
                return Sniffed(kind, DESCRIPTIONS[kind])
    return Sniffed(None, "a ZIP archive")


def _sniff_ole(path: Path, max_bytes: int) -> Sniffed:
    # The directory's stream names tell Word, Excel and PowerPoint apart; an encrypted DOCX, XLSX or PPTX
    # is an OLE file with an EncryptedPackage stream. Searching the bytes for the names is enough here.
    with open(path, "rb") as f:
        data = f.read(max_bytes)
    if "EncryptedPackage".encode("utf-16-le") in data:
        return Sniffed(None, "a password-protected Office document", encrypted=True)
    for stream, kind in OLE_STREAMS.items():
        if stream.encode("utf-16-le") + b"\x00\x00" in data:
            return Sniffed(kind, DESCRIPTIONS[kind])
    return Sniffed(None, "an OLE compound file of an unknown kind")


def _describe_other(head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or (
        text.startswith((b"<!--", b"<?xml", b"<!doctype")) and b"<html" in text
    ):
        return "an HTML page"
    if text.startswith(b"<"):
        return "an XML or markup file"
    if head.startswith(b"\x89PNG"):
        return "a PNG image"
    if head.startswith(b"\xff\xd8\xff"):
        return "a JPEG image"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "a GIF image"
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
            return "a text file"
        except UnicodeDecodeError:
            pass
    return "data of an unknown kind"


@dataclass(frozen=True)
class Claim:
    """The type a name or content type claims, and the words that say so ("named .pdf")."""

    type: str
    said: str


def claimed_type(name: str | None, content_type: str | None) -> Claim | None:
    """What the document's name (its URL's path or a file name) or content type says it is, if anything."""
    if name:
        path = urlsplit(name).path if "://" in name else name
        suffix = PurePosixPath(unquote(path).replace("\\", "/")).suffix.lower()
        if suffix in EXTENSIONS:
            return Claim(EXTENSIONS[suffix], f"named {suffix}")
    if content_type:
        media = content_type.split(";")[0].strip().lower()
        if media in CONTENT_TYPES:
            return Claim(CONTENT_TYPES[media], f"sent as {media}")
    return None


def mismatch(claim: Claim | None, sniffed: Sniffed) -> str | None:
    """A plain message when the bytes are not what the claim says, else None."""
    if claim is None or sniffed.type == claim.type:
        return None
    if sniffed.type and frozenset({sniffed.type, claim.type}) in INTERCHANGEABLE:
        return None
    if (
        sniffed.encrypted
        and sniffed.type is None
        and claim.type in ("docx", "xlsx", "pptx", "doc", "xls", "ppt")
    ):
        return None  # an encrypted Office file: reported as password-protected
    return f"{claim.said} but is {sniffed.kind}"
