"""What a run will do, checked before anything is written: its targets, its settings and its browsers.

A command resolves its plan once (addresses checked, hosts reachable, Chromium found) and hands it to
`runs`; nothing is checked or probed twice.
"""

import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from a11ycheck.audit.config import BrowserConfig
from a11ycheck.errors import UserError
from a11ycheck.netguard import RefusedAddress, check_url
from a11ycheck.settings import Settings
from a11ycheck.urls import normalize_url


@dataclass(frozen=True)
class RunPlan:
    """A crawl (one start URL) or a list audit (its URLs), with the settings and browsers it runs with."""

    kind: str  # "crawl" or "audit"
    settings: Settings
    targets: tuple[str, ...]
    browser: BrowserConfig

    @property
    def start_url(self) -> str | None:
        return self.targets[0] if self.kind == "crawl" else None


def plan_crawl(start_url: str, settings: Settings) -> RunPlan:
    """The start URL checked and reachable, Chromium found; a UserError before anything is written."""
    start = checked_url(start_url, settings.allow_private)
    check_reachable([start])
    return RunPlan("crawl", settings, (start,), settings.browser_config())


def plan_audit(urls: Iterable[str], settings: Settings) -> RunPlan:
    """The URLs checked, deduplicated and reachable, Chromium found; a UserError before any write."""
    targets = tuple(dict.fromkeys(checked_url(url, settings.allow_private) for url in urls))
    if not targets:
        raise UserError("no URLs to audit: give URLs as arguments or a file with --urls-file")
    check_reachable(targets)
    return RunPlan("audit", settings, targets, settings.browser_config())


def checked_url(url: str, allow_private: bool) -> str:
    """The normalised URL, or a UserError saying why it cannot be audited."""
    try:
        check_url(url, allow_private=allow_private)
    except (RefusedAddress, ValueError) as exc:
        raise UserError(str(exc)) from None
    return normalize_url(url)


def check_reachable(urls: Iterable[str], timeout: float = 10.0) -> None:
    """Each distinct host answers a TCP connection; otherwise a UserError before a run is started.

    Only called after the address check, so it never connects anywhere the check refused.
    """
    for host, port in dict.fromkeys(_host_port(url) for url in urls):
        try:
            socket.create_connection((host, port), timeout=timeout).close()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise UserError(
                f"cannot reach {host}:{port} ({reason.lower()}): check the URL and that the site is up"
            ) from None


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
