"""Statuses of pages and runs: short strings, because they are a contract of the export and the database."""

# Page statuses besides HTTP ones ("http-404", see http_status()).
OK = "ok"
TIMEOUT = "timeout"
ERROR = "error"
BROWSER_CRASH = "browser-crash"
NOT_HTML = "not-html"
TLS_ERROR = "tls-error"
TOO_LARGE = "too-large"  # HTML over A11YCHECK_MAX_PAGE_BYTES
REFUSED = "refused"  # the address check refused the URL, or where the page sent the browser
REDIRECT_LOOP = "redirect-loop"
# The page sent the browser elsewhere at once (a refresh with delay 0, a script, an HTTP redirect off the
# site): recorded with where it went (redirect_to), never audited under its own URL. An answer, like an
# HTTP error, not a failure of the audit.
REDIRECTED = "redirected"
# Audited with every rule but color-contrast, which did not finish within the axe limit on a very large page.
PARTIAL = "partial"
# Statuses that mean the audit itself failed, in whole or in part (worth exit code 1); HTTP errors are
# findings about the site.
AUDIT_FAILURES = (TIMEOUT, ERROR, BROWSER_CRASH, PARTIAL)

HTTP_PREFIX = "http-"

# Run statuses. "killed" is never stored: it is a running run whose process is gone (Store.run_summary).
RUNNING = "running"
COMPLETED = "completed"
INTERRUPTED = "interrupted"
FAILED = "failed"
KILLED = "killed"


def http_status(code: int) -> str:
    """The page status for an HTTP error answer: 404 -> "http-404"."""
    return f"{HTTP_PREFIX}{code}"


def http_code(status: str) -> int | None:
    """The HTTP code of an "http-NNN" page status, None for any other status."""
    if status.startswith(HTTP_PREFIX) and status[len(HTTP_PREFIX) :].isdigit():
        return int(status[len(HTTP_PREFIX) :])
    return None
