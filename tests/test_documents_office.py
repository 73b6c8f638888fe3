"""DOCX and ODT checks (title, language, image-alt) and the office types that are recognised, not checked."""

import pytest

from a11ycheck.documents import CORPUS, check_document, write_samples
from a11ycheck.documents.samples_office import OfficeSpec, build_docx, build_odt

P, F, NA = "passed", "failed", "not-applicable"
ALL_PASS = {"title": P, "language": P, "image-alt": P}

EXPECTED = {
    "accessible.docx": ALL_PASS,
    "no-title.docx": ALL_PASS | {"title": F},
    "no-language.docx": ALL_PASS | {"language": F},
    "image-without-alt.docx": ALL_PASS | {"image-alt": F},
    "decorative-image.docx": ALL_PASS,
    "modified-2017.docx": ALL_PASS,
    "accessible.odt": ALL_PASS,
    "no-title.odt": ALL_PASS | {"title": F},
    "no-language.odt": ALL_PASS | {"language": F},
    "image-without-alt.odt": ALL_PASS | {"image-alt": F},
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_samples(folder, {name: make for name, make in CORPUS.items() if not name.endswith(".pdf")})
    return folder


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_check_has_its_known_outcome(corpus, name):
    result = check_document(corpus / name)
    assert result.status == "checked", result.message
    assert result.type == name.rsplit(".", 1)[1]
    assert {c.id: c.outcome.value for c in result.checks} == EXPECTED[name]
    assert result.accessible is (F not in EXPECTED[name].values())
    assert result.pages == 2  # as the saving application recorded it


def test_details_and_mappings(corpus):
    docx = check_document(corpus / "accessible.docx")
    assert docx.check("title").detail == 'the title is "Aanvraag evenement op openbaar domein"'
    assert docx.check("language").detail == 'the default language is "nl-BE" (the document defaults)'
    assert docx.check("image-alt").detail == "the image has alternative text"
    assert docx.check("image-alt").wcag == ("1.1.1",) and docx.check("image-alt").en_301_549 == ("10.1.1.1",)
    assert docx.check("title").wcag == ("2.4.2",) and docx.check("language").wcag == ("3.1.1",)
    odt = check_document(corpus / "accessible.odt")
    assert odt.check("language").detail == 'the default language is "nl-BE" (the default paragraph style)'
    assert check_document(corpus / "image-without-alt.odt").check("image-alt").detail == (
        "1 of 1 images have no alternative text"
    )
    assert check_document(corpus / "no-language.docx").check("language").detail == (
        "no default language is saved in the document"
    )


def test_an_invalid_language_and_no_image_at_all(tmp_path):
    path = tmp_path / "taal.docx"
    path.write_bytes(build_docx(OfficeSpec(language="Nederlands", image=False)))
    result = check_document(path)
    assert result.check("language").outcome == F
    assert result.check("language").detail == (
        'the default language is wrong: "Nederlands" is not a valid BCP 47 language tag (like nl or nl-BE)'
    )
    assert result.check("image-alt").outcome == NA
    path = tmp_path / "taal.odt"
    path.write_bytes(build_odt(OfficeSpec(language="nl", image=False)))
    result = check_document(path)
    assert result.check("language").outcome == P  # fo:country="none" gives just "nl"
    assert result.check("image-alt").outcome == NA


def test_the_modified_date_decides_the_exemption(corpus):
    assert check_document(corpus / "modified-2017.docx").possibly_exempt is True
    assert check_document(corpus / "accessible.docx").possibly_exempt is False
    assert check_document(corpus / "accessible.odt").modified.isoformat() == "2026-02-10T09:30:00+00:00"


def test_types_without_checks_are_recorded_as_not_checked(corpus):
    workbook = check_document(corpus / "workbook.xlsx")
    assert (workbook.type, workbook.status, workbook.checks, workbook.accessible) == (
        "xlsx",
        "not-checked",
        (),
        None,
    )
    assert workbook.message == "XLSX documents are not checked: only PDF, DOCX and ODT"
    assert workbook.possibly_exempt is True  # its core properties say 2017
    old = check_document(corpus / "old-format.doc")
    assert (old.type, old.status, old.message) == (
        "doc",
        "not-checked",
        "DOC documents are not checked: only PDF, DOCX and ODT",
    )


def test_hostile_office_files_get_a_status_and_a_plain_message(corpus):
    bomb = check_document(corpus / "zip-bomb.docx")
    assert (bomb.status, bomb.message) == (
        "too-large",
        "word/document.xml is 134217880 bytes uncompressed (limit 67108864)",
    )
    entities = check_document(corpus / "entity-bomb.docx")
    assert (entities.status, entities.message) == (
        "unreadable",
        "damaged DOCX: docProps/core.xml declares a DTD, which these documents never need (refused)",
    )
    encrypted = check_document(corpus / "encrypted.docx")
    assert (encrypted.type, encrypted.status, encrypted.message) == (
        "docx",
        "password-protected",
        "a password-protected Office document: it needs a password to open",
    )
    encrypted = check_document(corpus / "encrypted.odt")
    assert (encrypted.status, encrypted.message) == (
        "password-protected",
        "an OpenDocument text (ODT): it needs a password to open",
    )


def test_a_zip_member_that_lies_about_its_size_is_not_read_past_it(tmp_path):
    """The central directory says 100 bytes, the data inflates to 16 MiB: zipfile stops at the declared
    size and the checksum then fails, so the document is unreadable, without inflating the rest."""
    import io
    import zipfile

    name = "word/document.xml"
    source = zipfile.ZipFile(io.BytesIO(build_docx(OfficeSpec())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.namelist():
            body = source.read(member) if member != name else source.read(member) + b" " * (16 << 20)
            archive.writestr(member, body)
    data = bytearray(out.getvalue())
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(name.encode()))
    assert data[central + 46 : central + 46 + len(name)] == name.encode()
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")  # the uncompressed size it claims
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    result = check_document(path)
    assert result.status == "unreadable"
    assert result.message == f"damaged DOCX: {name} cannot be read (Bad CRC-32 for file '{name}')"
