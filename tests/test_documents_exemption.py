"""possibly_exempt: documents last modified before 23 September 2018, from the document or from HTTP."""

from datetime import UTC, datetime

import pytest

from a11ycheck.documents import check_document
from a11ycheck.documents.dates import (
    last_modified,
    parse_http_date,
    parse_iso_date,
    parse_pdf_date,
    possibly_exempt,
)
from a11ycheck.documents.samples_office import OfficeSpec, build_docx, xlsx
from a11ycheck.documents.samples_pdf import PdfSpec, build_pdf


def test_the_cutoff_is_midnight_in_brussels_on_23_september_2018():
    assert possibly_exempt(datetime(2018, 9, 22, 21, 59, tzinfo=UTC)) is True
    assert possibly_exempt(datetime(2018, 9, 22, 22, 0, tzinfo=UTC)) is False
    assert possibly_exempt(None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("D:20170102030405+01'00'", "2017-01-02T03:04:05+01:00"),
        ("D:20170102", "2017-01-02T00:00:00+00:00"),
        ("D:2017", "2017-01-01T00:00:00+00:00"),
        ("gisteren", None),
        ("D:99999999", None),
        ("", None),
    ],
)
def test_pdf_dates(text, expected):
    parsed = parse_pdf_date(text)
    assert (parsed.isoformat() if parsed else None) == expected


def test_iso_and_http_dates():
    assert parse_iso_date("2017-05-03T10:00:00Z").isoformat() == "2017-05-03T10:00:00+00:00"
    assert parse_iso_date("2017-05").isoformat() == "2017-05-01T00:00:00+00:00"
    assert parse_iso_date("3 mei 2017") is None
    assert parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").isoformat() == "2015-10-21T07:28:00+00:00"
    assert parse_http_date("2015-10-21T07:28:00Z").isoformat() == "2015-10-21T07:28:00+00:00"
    assert parse_http_date("no date") is None


def test_the_latest_plausible_date_wins():
    old, new = datetime(2016, 1, 1, tzinfo=UTC), datetime(2020, 1, 1, tzinfo=UTC)
    assert last_modified(old, None, new) == new
    assert last_modified(datetime(1601, 1, 1, tzinfo=UTC), old) == old  # a placeholder date is ignored
    assert last_modified(datetime(2999, 1, 1, tzinfo=UTC)) is None  # so is one in the future
    assert last_modified() is None


def test_a_recent_server_date_overrides_an_old_document_date(tmp_path):
    path = tmp_path / "oud.pdf"
    path.write_bytes(build_pdf(PdfSpec(modified="2016-04-12T14:00:00+02:00")))
    assert check_document(path).possibly_exempt is True
    assert check_document(path, last_modified="Mon, 05 Jan 2015 10:00:00 GMT").possibly_exempt is True
    later = check_document(path, last_modified="Tue, 02 Oct 2018 08:00:00 GMT")
    assert later.possibly_exempt is False
    assert later.modified.isoformat() == "2018-10-02T08:00:00+00:00"


def test_the_server_date_alone_decides_when_the_document_has_none(tmp_path):
    path = tmp_path / "kaal.xlsx"
    path.write_bytes(xlsx())  # core properties: 2017
    assert check_document(path).possibly_exempt is True
    path = tmp_path / "kaal.html.pdf"
    path.write_bytes(b"<html></html>")
    unreadable = check_document(path, last_modified="Mon, 05 Jan 2015 10:00:00 GMT")
    assert (unreadable.status, unreadable.possibly_exempt) == ("unreadable", True)
    assert check_document(path).possibly_exempt is None


def test_office_dates(tmp_path):
    path = tmp_path / "oud.docx"
    path.write_bytes(build_docx(OfficeSpec(modified="2018-09-20T12:00:00Z")))
    result = check_document(path)
    assert (result.possibly_exempt, result.modified.isoformat()) == (True, "2018-09-20T12:00:00+00:00")
