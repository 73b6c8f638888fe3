"""Fetching one document by URL for `a11ycheck document check`, as carefully as the crawl fetches one.

The URL must pass the address check first (a malformed URL, a host that does not resolve or a private
address without --allow-private is bad usage: UserError). The request then goes through an EgressGuard,
the proxy that checks every address again, redirects included, and connects to the very address it
checked; within the crawl's time limit (A11YCHECK_DOWNLOAD_TIMEOUT, for the whole download) and size cap
(A11YCHECK_MAX_DOCUMENT_BYTES: a larger file is too-large, and never read whole). Like Scrapy in a crawl,
certificates are not verified: a document is read, nothing is sent. What the site answers instead of a
document (an HTTP error, a refused redirect, a failed TLS handshake, a timeout) is a status, not an error.
"""

import http.client
import os
import socket
import ssl
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from a11ycheck.egress import REFUSAL_TITLE, EgressGuard
from a11ycheck.errors import UserError
from a11ycheck.netguard import RefusedAddress, check_url
from a11ycheck.vocabulary.statuses import ERROR, REDIRECT_LOOP, REFUSED, TIMEOUT, TLS_ERROR, http_status

CHUNK = 64 * 1024
MAX_REDIRECTS = 10  # as the crawl (REDIRECT_MAX_TIMES)
TOO_LARGE = "too-large"  # a11ycheck.documents.Status.TOO_LARGE
GUARD_FAILURE_TITLE = "<title>a11ycheck: Bad Gateway</title>"  # the guard could not connect


@dataclass(frozen=True)
class FetchedDocument:
    """A download: `path` is a temporary file holding it (the caller deletes it), or None with the
    `status` and `message` saying why there is none."""

    url: str  # where the document was found in the end (after redirects)
    path: Path | None = None
    status: str | None = None
    message: str | None = None
    content_type: str | None = None
    last_modified: str | None = None
    size: int | None = None


class _Refused(Exception):
    pass


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) only, at most MAX_REDIRECTS, remembering where each went."""

    max_redirections = MAX_REDIRECTS

    def __init__(self) -> None:
        self.hops: list[str] = []

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise _Refused(f"redirected to {newurl[:200]}, which is not a web address")
        self.hops.append(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_document(
    url: str,
    *,
    allow_private: bool,
    timeout: float,
    max_bytes: int,
    user_agent: str,
    temp_dir: str | None = None,
) -> FetchedDocument:
    """Download `url` to a temporary file; UserError when the URL is bad usage (malformed, refused by the
    address check, a host that cannot be reached)."""
    try:
        check_url(url, allow_private=allow_private)
    except RefusedAddress as exc:
        raise UserError(str(exc)) from None
    with EgressGuard(allow_private=allow_private) as guard:
        redirects = _Redirects()
        opener = _opener(guard.address, redirects)
        request = urllib.request.Request(url, headers={"User-Agent": user_agent})
        deadline = time.monotonic() + timeout
        try:
            with opener.open(request, timeout=timeout) as response:
                return _download(response, url, max_bytes, deadline, temp_dir)
        except urllib.error.HTTPError as exc:
            return _http_error(exc, url, redirects.hops)
        except _Refused as exc:
            return FetchedDocument(url, status=REFUSED, message=str(exc))
        except urllib.error.URLError as exc:
            return _connection_failure(exc.reason, url, redirects.hops)
        except TimeoutError:
            return FetchedDocument(
                _last(url, redirects.hops), status=TIMEOUT, message=_timeout_message(timeout)
            )
        except (OSError, http.client.HTTPException) as exc:
            return _connection_failure(exc, url, redirects.hops)


def _opener(proxy: str, redirects: _Redirects) -> urllib.request.OpenerDirector:
    """http and https through the guard, nothing else (no ftp:, file: or data: handlers)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler({"http": f"http://{proxy}", "https": f"http://{proxy}"}),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=context),
        redirects,
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _download(response, url: str, max_bytes: int, deadline: float, temp_dir: str | None) -> FetchedDocument:
    final_url = response.geturl() or url
    content_type = (response.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower() or None
    last_modified = (response.headers.get("Last-Modified") or "")[:100] or None
    declared = response.headers.get("Content-Length")
    found = FetchedDocument(final_url, content_type=content_type, last_modified=last_modified)
    if declared and declared.isdigit() and int(declared) > max_bytes:
        return _too_large(found, int(declared), max_bytes)
    handle, name = tempfile.mkstemp(prefix="a11ycheck-document-", dir=temp_dir)
    size, keep = 0, False
    try:
        with os.fdopen(handle, "wb") as file:
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    return _too_large(found, None, max_bytes)
                if time.monotonic() > deadline:
                    return FetchedDocument(
                        final_url, status=TIMEOUT, message="the download did not finish in time"
                    )
                file.write(chunk)
        keep = True
        return FetchedDocument(final_url, Path(name), None, None, content_type, last_modified, size)
    finally:
        if not keep:
            os.unlink(name)


def _too_large(found: FetchedDocument, size: int | None, max_bytes: int) -> FetchedDocument:
    return FetchedDocument(
        found.url,
        status=TOO_LARGE,
        message=f"larger than {max_bytes} bytes (A11YCHECK_MAX_DOCUMENT_BYTES): not downloaded",
        content_type=found.content_type,
        last_modified=found.last_modified,
        size=size,
    )


def _http_error(exc: urllib.error.HTTPError, url: str, hops: list[str]) -> FetchedDocument:
    where = exc.geturl() or _last(url, hops)
    if exc.code in (301, 302, 303, 307, 308):  # urllib gives up on a loop or after MAX_REDIRECTS
        return FetchedDocument(where, status=REDIRECT_LOOP, message=f"gave up after {len(hops)} redirects")
    try:
        head = exc.read(4096).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        head = ""
    if exc.code == 403 and REFUSAL_TITLE in head:
        return FetchedDocument(where, status=REFUSED, message=f"refused by the address check: {where}")
    if exc.code == 502 and GUARD_FAILURE_TITLE in head:
        return _unreachable(where, url, hops)
    return FetchedDocument(
        where, status=http_status(exc.code), message=f"the server answered HTTP {exc.code}"
    )


def _connection_failure(reason: object, url: str, hops: list[str]) -> FetchedDocument:
    """A failure below HTTP: the guard refused or could not open a tunnel, TLS failed, or time ran out."""
    where = _last(url, hops)
    text = str(reason)
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return FetchedDocument(
            where, status=TLS_ERROR, message=f"the secure connection failed ({text[:200]})"
        )
    if isinstance(reason, TimeoutError | socket.timeout):
        return FetchedDocument(where, status=TIMEOUT, message="the server did not answer in time")
    if "Tunnel connection failed: 403" in text:
        return FetchedDocument(where, status=REFUSED, message=f"refused by the address check: {where}")
    if "Tunnel connection failed: 502" in text:
        return _unreachable(where, url, hops)
    return FetchedDocument(where, status=ERROR, message=text[:300] or type(reason).__name__)


def _unreachable(where: str, url: str, hops: list[str]) -> FetchedDocument:
    """The guard could not connect: bad usage for the URL given, a finding for a redirect's target."""
    if not hops:
        host = urlsplit(url).netloc
        raise UserError(f"cannot reach {host}: no connection; check the URL and the network")
    return FetchedDocument(where, status=ERROR, message=f"redirected to {where}, which cannot be reached")


def _last(url: str, hops: list[str]) -> str:
    return hops[-1] if hops else url


def _timeout_message(timeout: float) -> str:
    return f"no answer within {timeout:g} s"
