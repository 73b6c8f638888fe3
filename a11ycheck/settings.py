"""The one home of configuration: defaults, overridden by A11YCHECK_* environment variables, then by flags."""

import os
from dataclasses import dataclass, field, fields, replace

from a11ycheck.audit.chromium import BrowserConfig, find_executable
from a11ycheck.audit.page_audit import AuditLimits
from a11ycheck.errors import UserError
from a11ycheck.store import default_database_url


@dataclass(frozen=True)
class Settings:
    db: str = field(default_factory=default_database_url)
    chromium: str | None = None  # A11YCHECK_CHROMIUM; else `chromium` on PATH
    chromedriver: str | None = None  # A11YCHECK_CHROMEDRIVER; else `chromedriver` on PATH
    browser_url: str | None = None  # a Selenium Grid / remote WebDriver instead of local browsers
    browsers: int = 2
    page_load_timeout: float = 30.0
    axe_timeout: float = 60.0
    new_tab_after: int = 30  # pages per tab before a fresh tab (a new renderer process) takes its place
    recycle_after: int = 300  # pages per browser before the whole browser is restarted
    tags: tuple[str, ...] = ()  # axe tags to run, e.g. ("wcag2a", "wcag2aa"); empty = axe's default set
    max_pages: int = 500
    max_depth: int = 10
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allow_private: bool = False
    download_delay: float = 0.5  # seconds between requests to one host (AutoThrottle adapts from here)
    download_timeout: float = 30.0
    max_page_bytes: int = 20 * 1024 * 1024  # larger pages are recorded as "too-large", not audited
    batch_size: int = 20  # pages per database transaction
    broker: str = "redis://127.0.0.1:6379/0"  # Celery broker for campaigns: redis:// or amqp://
    queue: str = "a11ycheck"  # the broker queue campaign sites are sent to and workers take them from
    takeover_after: float = 120.0  # seconds without a heartbeat before a site's worker is presumed dead
    redelivery_after: float = 600.0  # Redis only: seconds before an unacknowledged site is sent again

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Defaults overridden by A11YCHECK_<FIELD> variables (A11YCHECK_BROWSERS=4, ...)."""
        environ = os.environ if environ is None else environ
        values = {}
        for spec in fields(cls):
            raw = environ.get(f"A11YCHECK_{spec.name.upper()}")
            if raw is None or raw == "":
                continue
            values[spec.name] = _parse(spec.name, raw, spec.type)
        return cls(**values)

    def with_flags(self, **flags) -> "Settings":
        """Flags given on the command line (None means not given) override everything else."""
        given = {k: (tuple(v) if isinstance(v, list) else v) for k, v in flags.items() if v not in (None, ())}
        settings = replace(self, **given)
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.browsers < 1 or self.browsers > 32:
            raise UserError(f"--browsers must be between 1 and 32, not {self.browsers}")
        if self.max_pages < 1:
            raise UserError(f"--max-pages must be at least 1, not {self.max_pages}")
        if self.max_depth < 0:
            raise UserError(f"--max-depth must be 0 or more, not {self.max_depth}")
        if self.new_tab_after < 1 or self.recycle_after < 1:
            raise UserError("A11YCHECK_NEW_TAB_AFTER and A11YCHECK_RECYCLE_AFTER must be at least 1 page")
        if self.page_load_timeout <= 0 or self.axe_timeout <= 0:
            raise UserError("timeouts must be positive numbers of seconds")

    def browser_config(self) -> BrowserConfig:
        if self.browser_url:
            return BrowserConfig(
                "", "", self.page_load_timeout, self.axe_timeout, remote_url=self.browser_url
            )
        return BrowserConfig(
            chromium_path=find_executable(
                self.chromium,
                ("chromium", "chromium-browser", "google-chrome"),
                "Chromium",
                "A11YCHECK_CHROMIUM",
            ),
            chromedriver_path=find_executable(
                self.chromedriver, ("chromedriver",), "chromedriver", "A11YCHECK_CHROMEDRIVER"
            ),
            page_load_timeout=self.page_load_timeout,
            script_timeout=self.axe_timeout,
        )

    def audit_limits(self) -> AuditLimits:
        return AuditLimits(
            page_load_timeout=self.page_load_timeout,
            axe_timeout=self.axe_timeout,
            tags=self.tags,
            max_page_bytes=self.max_page_bytes,
        )


def _parse(name: str, raw: str, kind) -> object:
    text = str(kind)
    try:
        if "bool" in text:
            if raw.lower() not in ("1", "0", "true", "false", "yes", "no"):
                raise ValueError
            return raw.lower() in ("1", "true", "yes")
        if "tuple" in text:
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        if "int" in text and "float" not in text:
            return int(raw)
        if "float" in text:
            return float(raw)
    except ValueError:
        raise UserError(f"A11YCHECK_{name.upper()}={raw!r} is not a valid {text}: fix or unset it") from None
    return raw
