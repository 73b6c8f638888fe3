"""What a document's response or failed request becomes: a DocumentItem with the file, or with why there is
none. Used by the spider (site_spider.py), which decides what to fetch."""

import re

from a11ycheck.spiders.items import DocumentItem
from OpenSSL import SSL
from scrapy.http import Response
from twisted.python.failure import Failure

from a11ycheck.egress import REFUSAL_TITLE
from a11ycheck.vocabulary.statuses import REFUSED, TIMEOUT, TLS_ERROR, TOO_LARGE, http_status

DOCUMENT_TYPES = frozenset(
    {
        "application/pdf",
        "application/msword",
        "application/rtf",
        "text/rtf",
        "application/epub+zip",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
    }
)
DOCUMENT_TYPE_PREFIXES = (
    "application/vnd.openxmlformats-officedocument.",
    "application/vnd.oasis.opendocument.",
)
DEFAULT_MAX_DOCUMENT_BYTES = 52_428_800  # a11ycheck's A11YCHECK_MAX_DOCUMENT_BYTES
EXPECTED_SIZE = re.compile(r"Expected to receive (\d+) bytes")  # Scrapy's message when Content-Length is over


def content_type(response: Response) -> str:
    raw = response.headers.get(b"Content-Type") or b""
    return raw.decode("latin-1").split(";", 1)[0].strip().lower()


def is_document_type(media_type: str) -> bool:
    return media_type in DOCUMENT_TYPES or media_type.startswith(DOCUMENT_TYPE_PREFIXES)


def recorded_document(url: str, response: Response, referrer: str | None) -> DocumentItem:
    """A document recorded from a HEAD request (or a GET), not downloaded for a check."""
    length = response.headers.get(b"Content-Length")
    if length is not None and length.isdigit():
        size: int | None = int(length)
    else:
        size = len(response.body) if response.request.method != "HEAD" else None
    return DocumentItem(
        url=url,
        content_type=content_type(response) or None,
        size=size,
        http_status=response.status,
        referrer=referrer,
    )


def downloaded_document(url: str, response: Response, referrer: str | None) -> DocumentItem:
    """A document fetched whole: its file, or the HTTP error the server answered instead."""
    media_type = content_type(response) or None
    if response.status == 403 and REFUSAL_TITLE.encode() in response.body[:2000]:
        return DocumentItem(  # the egress guard's answer, not the site's: the address changed since its check
            url=url,
            referrer=referrer,
            status=REFUSED,
            message="refused by the address check (the egress guard): it resolved to an address not allowed",
        )
    if not 200 <= response.status < 300:
        return DocumentItem(
            url=url,
            content_type=media_type,
            http_status=response.status,
            referrer=referrer,
            status=http_status(response.status),
            message=f"the server answered HTTP {response.status}",
        )
    modified = response.headers.get(b"Last-Modified")
    return DocumentItem(
        url=url,
        content_type=media_type,
        size=len(response.body),
        http_status=response.status,
        referrer=referrer,
        last_modified=modified.decode("latin-1")[:100] if modified else None,
        body=response.body,
    )


def is_tls_failure(error: BaseException | None) -> bool:
    """A TLS handshake that failed: OpenSSL's error, directly, as the reason no response came (Twisted's
    ResponseFailed), or under the Scrapy error that wraps those (`raise ... from`)."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, SSL.Error):
            return True
        reasons = getattr(error, "reasons", None) or []
        if any(isinstance(reason, Failure) and reason.check(SSL.Error) for reason in reasons):
            return True
        error, seen = error.__cause__, seen + 1
    return False


def failure_message(status: str, error: str, max_bytes: int) -> str:
    """A download's failure in plain words; `error` is what the failure said."""
    if status == TOO_LARGE:
        return f"larger than {max_bytes} bytes (A11YCHECK_MAX_DOCUMENT_BYTES): not downloaded"
    if status == TIMEOUT:
        return "the download did not finish in time"
    if status == TLS_ERROR:
        return f"the secure connection failed ({error[:300]})"
    return error[:500]


def expected_size(error: BaseException) -> int | None:
    """The size a server announced for a download cancelled at the size cap, if it announced one."""
    found = EXPECTED_SIZE.search(str(error))
    return int(found[1]) if found else None
