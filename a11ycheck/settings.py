"""The one home of configuration: defaults, overridden by A11YCHECK_* environment variables, then by flags.

Every A11YCHECK_* variable is a field here, with its help text and its check. The CLI takes its defaults and
help texts from here (`option_help`), and docs/configuration.md is checked against `configuration_rows()`
by a test, so the three can never disagree.
"""

import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

from platformdirs import user_data_path

from a11ycheck.audit.config import CHROMIUM_NAMES, AuditLimits, BrowserConfig, find_executable
from a11ycheck.errors import UserError

ENV_PREFIX = "A11YCHECK_"
BROKER_SCHEMES = ("redis", "rediss", "amqp", "amqps", "pyamqp")
SITE_MAX_PAGES = 200  # pages per site for `monitor` and `campaign start`, where a crawl alone takes max_pages
# The documents wing's DEFAULT_MAX_DOCUMENT_BYTES (a11ycheck.documents.limits; a test keeps them equal),
# written out so that reading the settings does not load the PDF library.
MAX_DOCUMENT_BYTES = 52_428_800
MIN_DOCUMENT_MEMORY = 128 * 1024 * 1024  # a worker's interpreter alone takes about 50 MiB


def default_database_url() -> str:
    """A SQLite file in the user's data folder (~/.local/share/a11ycheck/a11ycheck.db)."""
    return f"sqlite:///{user_data_path('a11ycheck') / 'a11ycheck.db'}"


def _setting(default, help: str, shown: str | None = None, factory=None):
    """A field with its help text; `shown` is the default as the docs and --help print it."""
    metadata = {"help": help, "shown": shown}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Settings:
    db: str = _setting(
        None,
        "Database URL: sqlite:///path/to/file.db or postgresql://user@host/dbname",
        shown="sqlite:///~/.local/share/a11ycheck/a11ycheck.db",
        factory=default_database_url,
    )
    charters: Path = _setting(Path("charters"), "Folder of charter files (<slug>.yaml)")
    reports: Path = _setting(Path("reports"), "Folder the HTML report is written to")
    chromium: str | None = _setting(
        None, "Chromium executable", shown="`chromium-headless-shell`, else `chromium`, on PATH"
    )
    chromedriver: str | None = _setting(None, "chromedriver executable", shown="`chromedriver` on PATH")
    browser_url: str | None = _setting(
        None, "A Selenium Grid (remote WebDriver) URL instead of local Chromium", shown="local browsers"
    )
    browsers: int = _setting(2, "Headless browsers working in parallel (1 to 32)")
    page_load_timeout: float = _setting(30.0, "Seconds a page may take to load")
    axe_timeout: float = _setting(60.0, "Seconds the axe run on one page may take")
    new_tab_after: int = _setting(
        30, "Pages a browser tab audits before a fresh tab takes its place (a page re-used counts a third)"
    )
    recycle_after: int = _setting(300, "Pages a browser audits before it is restarted")
    tags: tuple[str, ...] = _setting(
        (),
        "Only run axe rules with these tags, comma-separated (e.g. wcag2a,wcag2aa)",
        shown="axe's default set",
    )
    wcag22: bool = _setting(
        False, "Also run the WCAG 2.2 rules axe leaves off by default (target-size); counted in no KPI"
    )
    full: bool = _setting(False, "Audit every page with axe, reusing no earlier findings (a full audit)")
    full_audit_every: int = _setting(
        4, "Every this-many-th audit of a site is a full one; in between, unchanged pages keep their findings"
    )
    language: bool = _setting(
        True, "Measure how readable each audited page's Dutch main text is (klare taal: docs/language.md)"
    )
    max_pages: int = _setting(500, "Pages a crawl audits at most")
    max_depth: int = _setting(10, "Links followed at most this deep from the start page")
    include: tuple[str, ...] = _setting((), "Only crawl URLs matching one of these regular expressions")
    exclude: tuple[str, ...] = _setting((), "Never crawl URLs matching one of these regular expressions")
    allow_private: bool = _setting(False, "Allow loopback and private-network targets")
    sample_only: bool = _setting(
        False, "Audit only the pages of the site's latest sample instead of crawling it (docs/sample.md)"
    )
    download_delay: float = _setting(
        0.5, "Seconds between requests to one site (AutoThrottle adapts from here)"
    )
    download_timeout: float = _setting(
        30.0, "Seconds Scrapy waits for a response (robots.txt, sitemaps, documents)"
    )
    max_page_bytes: int = _setting(20 * 1024 * 1024, "Pages larger than this are recorded as too-large")
    documents: bool = _setting(
        True, "Download the documents a crawl finds (PDF, DOCX, ODT, ...) and check them"
    )
    max_documents: int = _setting(200, "Documents a crawl downloads and checks per site at most")
    max_document_bytes: int = _setting(
        MAX_DOCUMENT_BYTES, "Documents larger than this are recorded as too-large, never downloaded whole"
    )
    document_workers: int = _setting(1, "Worker processes that check documents (1 to 8)")
    document_timeout: float = _setting(60.0, "Seconds the check of one document may take")
    document_memory: int = _setting(
        1024 * 1024 * 1024, "Bytes of memory one document check may use (its worker's address space)"
    )
    batch_size: int = _setting(20, "Pages written per database transaction")
    stale_after_days: int = _setting(
        180, "Days after which a reported commitment's latest report is too old: its status is then stale"
    )
    keep_detail_days: int = _setting(
        180, "Days each failing element's HTML and failure summary are kept (`prune`; docs/retention.md)"
    )
    broker: str = _setting("redis://127.0.0.1:6379/0", "Celery broker of campaigns: redis:// or amqp://")
    queue: str = _setting("a11ycheck", "Broker queue campaign sites are sent to and workers take them from")
    takeover_after: float = _setting(
        120.0, "Seconds without a heartbeat before a site's worker is presumed dead"
    )
    redelivery_after: float = _setting(
        600.0, "Redis only: seconds before an unacknowledged site is sent again"
    )
    # The names given by environment or flags rather than defaulted (not configuration itself).
    given: frozenset[str] = field(default=frozenset(), compare=False, repr=False, metadata={"internal": True})

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Defaults overridden by A11YCHECK_<FIELD> variables (A11YCHECK_BROWSERS=4, ...), checked."""
        environ = os.environ if environ is None else environ
        values = {}
        for spec in configurable_fields():
            raw = environ.get(env_name(spec.name))
            if raw is None or raw == "":
                continue
            values[spec.name] = _parse(spec.name, raw, spec.type)
        settings = cls(**values, given=frozenset(values))
        settings.validate()
        return settings

    def with_flags(self, **flags) -> "Settings":
        """Flags given on the command line (None means not given) override everything else."""
        given = {k: (tuple(v) if isinstance(v, list) else v) for k, v in flags.items() if v not in (None, ())}
        for name in ("charters", "reports"):
            if name in given:
                given[name] = Path(given[name])
        settings = replace(self, **given, given=self.given | frozenset(given))
        settings.validate()
        return settings

    def validate(self) -> None:
        """Every check of every setting, in one place: a one-line UserError naming the setting."""
        if not 1 <= self.browsers <= 32:
            raise UserError(f"--browsers must be between 1 and 32, not {self.browsers}")
        if self.max_pages < 1:
            raise UserError(f"--max-pages must be at least 1, not {self.max_pages}")
        if self.max_depth < 0:
            raise UserError(f"--max-depth must be 0 or more, not {self.max_depth}")
        if self.new_tab_after < 1 or self.recycle_after < 1:
            raise UserError("A11YCHECK_NEW_TAB_AFTER and A11YCHECK_RECYCLE_AFTER must be at least 1 page")
        if self.page_load_timeout <= 0 or self.axe_timeout <= 0 or self.download_timeout <= 0:
            raise UserError("timeouts must be positive numbers of seconds")
        if self.download_delay < 0:
            raise UserError(f"--delay must be 0 or more seconds, not {self.download_delay:g}")
        if self.full_audit_every < 1:
            raise UserError(f"A11YCHECK_FULL_AUDIT_EVERY must be at least 1, not {self.full_audit_every}")
        if self.stale_after_days < 1:
            raise UserError(f"A11YCHECK_STALE_AFTER_DAYS must be at least 1, not {self.stale_after_days}")
        if self.keep_detail_days < 1:
            raise UserError(
                f"--keep-days (A11YCHECK_KEEP_DETAIL_DAYS) must be at least 1, not {self.keep_detail_days}"
            )
        if self.max_page_bytes < 1 or self.batch_size < 1:
            raise UserError("A11YCHECK_MAX_PAGE_BYTES and A11YCHECK_BATCH_SIZE must be at least 1")
        if self.max_documents < 0:
            raise UserError(f"--max-documents must be 0 or more, not {self.max_documents}")
        if self.max_document_bytes < 1:
            raise UserError("A11YCHECK_MAX_DOCUMENT_BYTES must be at least 1")
        if not 1 <= self.document_workers <= 8:
            raise UserError(
                f"A11YCHECK_DOCUMENT_WORKERS must be between 1 and 8, not {self.document_workers}"
            )
        if self.document_timeout <= 0:
            raise UserError("A11YCHECK_DOCUMENT_TIMEOUT must be a positive number of seconds")
        if self.document_memory < MIN_DOCUMENT_MEMORY:
            raise UserError(
                f"A11YCHECK_DOCUMENT_MEMORY must be at least {MIN_DOCUMENT_MEMORY} bytes (128 MiB), "
                f"not {self.document_memory}"
            )
        if self.takeover_after <= 0 or self.redelivery_after <= 0:
            raise UserError(
                "A11YCHECK_TAKEOVER_AFTER and A11YCHECK_REDELIVERY_AFTER must be positive seconds"
            )
        if urlsplit(self.broker).scheme not in BROKER_SCHEMES:
            raise UserError(
                f"unsupported broker {broker_display(self.broker)!r}: use redis://host:6379/0 "
                "or amqp://user:password@host:5672// (A11YCHECK_BROKER or --broker)"
            )
        for pattern in self.include + self.exclude:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise UserError(f"bad regular expression {pattern!r}: {exc}") from None

    def is_given(self, name: str) -> bool:
        """Whether `name` came from the environment or a flag rather than its default."""
        return name in self.given

    def browser_config(self) -> BrowserConfig:
        """Where the browsers come from; a UserError when Chromium or chromedriver cannot be found."""
        if self.browser_url:
            return BrowserConfig(
                "", "", self.page_load_timeout, self.axe_timeout, remote_url=self.browser_url
            )
        return BrowserConfig(
            chromium_path=find_executable(
                self.chromium,
                CHROMIUM_NAMES,
                "Chromium",
                env_name("chromium"),
            ),
            chromedriver_path=find_executable(
                self.chromedriver, ("chromedriver",), "chromedriver", env_name("chromedriver")
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
            wcag22=self.wcag22,
        )


def configurable_fields() -> list:
    """The fields that are configuration (each an A11YCHECK_* variable)."""
    return [spec for spec in fields(Settings) if not spec.metadata.get("internal")]


def env_name(name: str) -> str:
    return f"{ENV_PREFIX}{name.upper()}"


def default_text(name: str) -> str:
    """A setting's default as a person reads it."""
    spec = next(spec for spec in configurable_fields() if spec.name == name)
    if spec.metadata.get("shown"):
        return spec.metadata["shown"]
    value = spec.default
    if isinstance(value, bool):
        return "off" if not value else "on"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple):
        return ",".join(value) or "none"
    return str(value)


def option_help(name: str, text: str | None = None) -> str:
    """The --help text of the flag that sets `name`: its description, default and variable."""
    spec = next(spec for spec in configurable_fields() if spec.name == name)
    return f"{text or spec.metadata['help']} (default {default_text(name)}; env {env_name(name)})."


def configuration_rows() -> list[tuple[str, str, str]]:
    """(variable, default, meaning) for every setting: the table of docs/configuration.md."""
    return [
        (env_name(spec.name), default_text(spec.name), spec.metadata["help"])
        for spec in configurable_fields()
    ]


def configuration_table() -> str:
    """The Markdown table of every A11YCHECK_* variable (`python -m a11ycheck.settings` prints it)."""
    lines = ["| variable | default | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{name}` | {default} | {meaning} |" for name, default, meaning in configuration_rows()]
    return "\n".join(lines) + "\n"


def broker_display(url: str) -> str:
    """The broker URL without its password, for messages a person reads."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)).geturl()


def _parse(name: str, raw: str, kind) -> object:
    text = str(kind)
    expected = "true or false" if "bool" in text else "a whole number" if "int" in text else "a number"
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
        if "Path" in text:
            return Path(raw).expanduser()
    except ValueError:
        raise UserError(f"{env_name(name)}={raw!r} is not {expected}: fix or unset it") from None
    return raw


if __name__ == "__main__":
    print(configuration_table(), end="")
