"""URL rules for the crawl: one canonical form per page, what belongs to the site, what is a trap.

Pure functions and small stateful guards, no I/O: the spider and the audit runner share them so that
"the same page" means the same thing everywhere.
"""

import posixpath
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "yclid", "igshid"}
)
TRACKING_PREFIXES = ("utm_",)
DEFAULT_PORTS = {"http": "80", "https": "443"}
WEB_SCHEMES = frozenset({"http", "https"})

DOCUMENT_EXTENSIONS = frozenset(
    {"pdf", "doc", "docx", "odt", "ods", "odp", "xls", "xlsx", "ppt", "pptx", "rtf", "epub"}
)
# Linked files that are neither pages nor documents to record: never requested.
NON_PAGE_EXTENSIONS = frozenset(
    {
        # images
        "png", "jpg", "jpeg", "gif", "svg", "svgz", "webp", "avif", "bmp", "ico", "tif", "tiff", "heic",
        # audio
        "mp3", "wav", "ogg", "oga", "flac", "m4a", "aac", "wma", "opus", "mid", "midi",
        # video
        "mp4", "m4v", "webm", "mov", "avi", "wmv", "mkv", "flv", "mpg", "mpeg", "3gp", "ogv",
        # archives and binaries
        "zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "exe", "msi", "dmg", "apk", "iso", "bin",
        "deb", "rpm", "jar",
        # web assets and fonts
        "css", "js", "mjs", "map", "woff", "woff2", "ttf", "otf", "eot", "swf",
        # data and feeds
        "json", "xml", "rss", "atom", "csv", "txt", "ics", "vcf",
    }
)  # fmt: skip

MAX_URL_LENGTH = 2048
MAX_QUERY_PARAMETERS = 8
MAX_PATH_SEGMENTS = 15
MAX_SEGMENT_REPEATS = 2  # a path segment seen 3 times or more (/a/b/a/b/a/b) is a loop
MAX_URLS_PER_PATTERN = 50


def normalize_url(url: str) -> str:
    """The canonical form of `url`, so that trivially different links count as one page.

    Lowercase scheme and host, no default port, no fragment, sorted query without tracking
    parameters, `/` for an empty path. Raises ValueError for a URL that cannot be parsed.
    """
    canonical = canonicalize_url(url.strip(), keep_fragments=False)
    scheme, netloc, path, query, _ = urlsplit(canonical)
    default_port = DEFAULT_PORTS.get(scheme)
    if default_port:
        netloc = netloc.removesuffix(f":{default_port}")
    kept = [pair for pair in query.split("&") if pair and not _is_tracking(pair.partition("=")[0])]
    return urlunsplit((scheme, netloc, path or "/", "&".join(kept), ""))


def _is_tracking(encoded_name: str) -> bool:
    name = unquote(encoded_name).lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def url_extension(url: str) -> str:
    """The lowercase extension of the URL's last path segment, without the dot ("" if none)."""
    path = unquote(urlsplit(url).path)
    return posixpath.splitext(posixpath.basename(path))[1].lstrip(".").lower()


def is_document_url(url: str) -> bool:
    """True for links to documents (PDF, office formats) that are recorded but not audited."""
    return url_extension(url) in DOCUMENT_EXTENSIONS


def is_non_page_url(url: str) -> bool:
    """True for links to images, media, archives, scripts... that are not worth a request."""
    return url_extension(url) in NON_PAGE_EXTENSIONS


def _site_key(host: str) -> str:
    return host.removeprefix("www.")


@dataclass
class SiteScope:
    """Which URLs belong to the site being crawled, from its start URL.

    Same site = http or https, the start host or its `www.` twin, the same explicit port if the start
    URL had one. `include` and `exclude` are regexes searched in the full URL: a URL in scope matches
    at least one include pattern (if any are given) and no exclude pattern.
    """

    start_url: str
    include: Iterable[str] = ()
    exclude: Iterable[str] = ()
    _host_key: str = field(init=False, repr=False)
    _port: int | None = field(init=False, repr=False)
    _include: tuple[re.Pattern[str], ...] = field(init=False, repr=False)
    _exclude: tuple[re.Pattern[str], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        parts = urlsplit(normalize_url(self.start_url))
        if parts.scheme not in WEB_SCHEMES or not parts.hostname:
            raise ValueError(f"start URL {self.start_url!r} is not an http(s) URL with a host")
        self._host_key = _site_key(parts.hostname)
        self._port = parts.port
        self.include = tuple(self.include)
        self.exclude = tuple(self.exclude)
        self._include = tuple(re.compile(pattern) for pattern in self.include)
        self._exclude = tuple(re.compile(pattern) for pattern in self.exclude)

    def same_site(self, url: str) -> bool:
        """True if `url` is on the crawled site, whatever the include/exclude patterns say."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            return False
        if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
            return False
        if port is not None and str(port) == DEFAULT_PORTS[parts.scheme.lower()]:
            port = None
        return _site_key(parts.hostname.rstrip(".")) == self._host_key and port == self._port

    def in_scope(self, url: str) -> bool:
        """True if `url` is on the site and passes the include/exclude patterns."""
        if not self.same_site(url):
            return False
        if self._include and not any(pattern.search(url) for pattern in self._include):
            return False
        return not any(pattern.search(url) for pattern in self._exclude)


def url_pattern(url: str) -> str:
    """The shape of a URL: host and path with digit runs as `N`, plus the sorted query parameter names.

    `/agenda?maand=2026-11` and `/agenda?maand=2026-12` share a pattern, as do `/agenda/2026/11/`
    and `/agenda/2026/12/`.
    """
    parts = urlsplit(url)
    names = sorted({pair.partition("=")[0] for pair in parts.query.split("&") if pair})
    shape = re.sub(r"\d+", "N", f"{parts.hostname or ''}{parts.path}")
    return f"{shape}?{'&'.join(names)}" if names else shape


class TrapGuard:
    """Keeps a crawl out of crawler traps: endless calendars, session IDs, looping relative links.

    Refuses URLs that are too long, have too many query parameters or path segments, or repeat a path
    segment, and admits at most `max_per_pattern` URLs of one `url_pattern`. Admitting a URL again
    does not count twice.
    """

    def __init__(
        self,
        *,
        max_url_length: int = MAX_URL_LENGTH,
        max_query_parameters: int = MAX_QUERY_PARAMETERS,
        max_path_segments: int = MAX_PATH_SEGMENTS,
        max_segment_repeats: int = MAX_SEGMENT_REPEATS,
        max_per_pattern: int = MAX_URLS_PER_PATTERN,
    ):
        self.max_url_length = max_url_length
        self.max_query_parameters = max_query_parameters
        self.max_path_segments = max_path_segments
        self.max_segment_repeats = max_segment_repeats
        self.max_per_pattern = max_per_pattern
        self._admitted: set[str] = set()
        self._per_pattern: Counter[str] = Counter()

    def looks_like_trap(self, url: str) -> bool:
        """True if the URL alone (without counting) looks like a trap."""
        if len(url) > self.max_url_length:
            return True
        parts = urlsplit(url)
        if len([pair for pair in parts.query.split("&") if pair]) > self.max_query_parameters:
            return True
        segments = [segment for segment in parts.path.split("/") if segment]
        if len(segments) > self.max_path_segments:
            return True
        return any(count > self.max_segment_repeats for count in Counter(segments).values())

    def admit(self, url: str) -> bool:
        """True if the crawl may request `url`; counts it against its pattern."""
        if url in self._admitted:
            return True
        if self.looks_like_trap(url):
            return False
        pattern = url_pattern(url)
        if self._per_pattern[pattern] >= self.max_per_pattern:
            return False
        self._per_pattern[pattern] += 1
        self._admitted.add(url)
        return True
