"""A web page as the blocks of text a reader sees: headings, paragraphs, list items, table rows.

Hostile input is the rule: at most MAX_READ_BYTES of a page are read (the start of a larger page is read and
`truncated` says so), binary content is refused before parsing, lxml's forgiving HTML parser reads broken
markup, the walk over the tree is iterative (no recursion limit to reach), and each block's text is cut at
MAX_BLOCK_CHARS so no pattern ever runs over megabytes of one paragraph.
"""

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from a11ycheck.statements.folding import clean_space, fold, one_line

MAX_READ_BYTES = 2 * 1024 * 1024  # 2 MiB; a str is cut at as many characters
MAX_BLOCK_CHARS = 5000
MAX_BLOCKS = 5000
MAX_LINKS_PER_BLOCK = 200
CHROME_DEPTH = 8  # page chrome sits near the top of the body: deeper elements are not looked at,
CHROME_CHECKS = 3000  # nor more than this many elements, level by level
MIN_MAIN_CHARS = 200  # a <main> with less text than this is taken for an empty shell: the body is read

_DROPPED = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "select"}
_DROPPED |= {"textarea", "input", "nav", "aside", "head", "math", "video", "audio", "map"}
_CHROME_TAGS = {"header", "footer"}
_CHROME_ROLES = {"banner", "contentinfo", "navigation", "search", "complementary"}
_CHROME_NAMES = {
    "header", "site-header", "page-header", "masthead", "footer", "site-footer", "page-footer", "nav",
    "navbar", "navigation", "main-nav", "main-menu", "menu", "breadcrumb", "breadcrumbs", "cookie-banner",
    "cookie-consent", "cookiebar", "cookies", "sidebar", "skip-link", "skiplinks", "skip-links",
}  # fmt: skip
_BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "html", "legend", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "center",
    "hgroup",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
PSEUDO_HEADING_LEVEL = 7  # a bold paragraph, a <dt>, an accordion's <button> or <summary>: below h1-h6
_TOGGLES = {"button", "summary"}  # accordions: the toggle is the section's heading
MAX_TOGGLE_CHARS = 120
_CELLS = {"td", "th"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]{2,40})""", re.I)
_SENTENCE_END = (".", "!", ";")  # a bold line ending so is a sentence, not a heading ("Vragen?" is one)
# Labels a meta charset may give that browsers read otherwise (WHATWG Encoding): Latin-1 and ASCII are read
# as windows-1252, a UTF-16 label in a byte stream without byte-order mark as UTF-8.
_AS_BROWSERS_DO = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
_AS_BROWSERS_DO |= {"utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8"}


@dataclass(frozen=True)
class Link:
    """A link as written: its text and its absolute address (resolved against the page's)."""

    text: str
    href: str


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, list item or table row of the page's content, in reading order."""

    text: str
    folded: str
    tag: str
    heading_level: int | None = None  # 1-6 for h1-h6, PSEUDO_HEADING_LEVEL for a bold line, None otherwise
    links: tuple[Link, ...] = ()

    @property
    def is_heading(self) -> bool:
        return self.heading_level is not None


@dataclass(frozen=True, eq=False)
class PageText:
    """What was read of a page: its title, its h1s, its content blocks (page chrome left out) and its tree."""

    url: str
    title: str
    h1s: tuple[str, ...]
    blocks: tuple[Block, ...]
    lang: str | None
    truncated: bool
    document: html.HtmlElement | None  # the whole parsed tree, chrome included, for the W3C class names
    unreadable: bool = False  # binary content or nothing an HTML parser can read


def _charset(data: bytes) -> str:
    """The page's encoding: its byte-order mark, else its meta charset, else UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    match = _META_CHARSET.search(data[:8192])
    if match:
        name = match.group(1).decode("ascii").lower()
        name = _AS_BROWSERS_DO.get(name, name)
        try:
            "".encode(name)
            return name
        except LookupError:
            pass
    return "utf-8"


def _looks_binary(text: str) -> bool:
    sample = text[:100_000]
    if not sample:
        return False
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\r\f")
    replaced = sample.count("\ufffd")
    return controls > len(sample) * 0.01 or replaced > len(sample) * 0.10


def decode_page(data: str | bytes) -> tuple[str, bool]:
    """The page's text (at most MAX_READ_BYTES of it) and whether it was cut."""
    truncated = len(data) > MAX_READ_BYTES
    data = data[:MAX_READ_BYTES]
    if isinstance(data, bytes):
        data = data.decode(_charset(data), errors="replace")
    return data, truncated


def _parse(text: str) -> html.HtmlElement | None:
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        return html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _text_length(element: html.HtmlElement) -> int:
    return len("".join(element.itertext()).split())


def _is_chrome(element: html.HtmlElement) -> bool:
    if element.tag in _CHROME_TAGS or (element.get("role") or "").strip().lower() in _CHROME_ROLES:
        return True
    names = set((element.get("class") or "").lower().split()[:20]) | {(element.get("id") or "").lower()}
    return bool(names & _CHROME_NAMES)


def _content_root(document: html.HtmlElement) -> tuple[html.HtmlElement, set[html.HtmlElement]]:
    """The page's <main> (or role=main) when it holds the content, else its body; and the page chrome
    (header, footer, navigation...) under that body that is not to be read."""
    mains = document.xpath("//main | //*[@role='main']")
    if mains:
        main = max(mains, key=_text_length)
        if len(" ".join(main.itertext()).strip()) >= MIN_MAIN_CHARS:
            return main, set()
    body = document.find("body")
    root = body if body is not None else document
    chrome: set[html.HtmlElement] = set()
    level, checks = list(root), 0
    for _ in range(CHROME_DEPTH):
        next_level = []
        for element in level[: CHROME_CHECKS - checks]:
            checks += 1
            if not isinstance(element.tag, str):
                continue
            if _is_chrome(element) and not element.xpath(".//h1"):
                chrome.add(element)
            else:
                next_level.extend(element)
        level = next_level
    return root, chrome


def _is_bold_line(element: html.HtmlElement, text: str) -> bool:
    if element.tag == "dt":
        return True
    if element.tag not in ("p", "div") or len(text) > 120 or text.endswith(_SENTENCE_END):
        return False
    outside = element.xpath(".//text()[not(ancestor::strong) and not(ancestor::b)]")
    return not "".join(outside).strip() and bool(element.xpath(".//strong | .//b"))


def _heading_level(element: html.HtmlElement, tag: str) -> int | None:
    """1-6 for h1-h6 and role=heading (its aria-level, else 2), PSEUDO_HEADING_LEVEL for a short toggle."""
    if tag in _HEADINGS:
        return _HEADINGS[tag]
    if (element.get("role") or "").strip().lower() == "heading":
        level = (element.get("aria-level") or "").strip()
        return int(level) if level in ("1", "2", "3", "4", "5", "6") else 2
    if tag in _TOGGLES and len(one_line(element.text_content())) <= MAX_TOGGLE_CHARS:
        return PSEUDO_HEADING_LEVEL
    return None


class _BlockCollector:
    """Turns the start/end events of a walk over the content tree into Blocks."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.links: list[Link] = []
        self.open_blocks: list[html.HtmlElement] = []

    def text(self, text: str | None) -> None:
        """Text as written: line breaks in the source are spaces (only a <br> breaks a line)."""
        if text:
            self.parts.append(text.replace("\r", " ").replace("\n", " "))

    def link(self, anchor: html.HtmlElement) -> None:
        href = (anchor.get("href") or "").strip()
        if href and len(href) < 2000 and len(self.links) < MAX_LINKS_PER_BLOCK:
            try:
                absolute = urljoin(self.base_url, href)
            except ValueError:
                return
            self.links.append(Link(one_line(anchor.text_content())[:300], absolute))

    def flush(self, element: html.HtmlElement | None = None) -> None:
        text = clean_space("".join(self.parts))[:MAX_BLOCK_CHARS]
        links = tuple(self.links)
        self.parts, self.links = [], []
        if not text or len(self.blocks) >= MAX_BLOCKS:
            return
        tag = self.open_blocks[-1].tag if self.open_blocks else "div"
        level = None
        if element is not None and _is_bold_line(element, text):
            level = PSEUDO_HEADING_LEVEL
        if tag == "tr" and self.open_blocks and not self.open_blocks[-1].xpath("./td"):
            tag = "th-row"
        self.blocks.append(Block(text, fold(text), tag, level, links))

    def heading(self, element: html.HtmlElement, level: int) -> None:
        """A heading (or an accordion toggle) as one block, whatever markup is inside it."""
        self.flush()
        for anchor in element.iter("a"):
            self.link(anchor)
        text = one_line(" ".join(element.itertext()))[:MAX_BLOCK_CHARS]
        links = tuple(self.links)
        self.links = []
        if text and len(self.blocks) < MAX_BLOCKS:
            self.blocks.append(Block(text, fold(text), element.tag, level, links))


def _blocks(root: html.HtmlElement, skipped: set[html.HtmlElement], base_url: str) -> list[Block]:
    collector = _BlockCollector(base_url)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if len(collector.blocks) >= MAX_BLOCKS:
            break
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if not tag or tag in _DROPPED or element in skipped:
                walker.skip_subtree()
            elif level := _heading_level(element, tag):
                collector.heading(element, level)
                walker.skip_subtree()
            elif tag in _BLOCK_TAGS:
                collector.flush()
                collector.open_blocks.append(element)
                collector.text(element.text)
            else:
                if tag in _CELLS and "".join(collector.parts).strip():
                    collector.parts.append(" | ")
                if tag == "br":
                    collector.parts.append("\n")
                if tag == "a":
                    collector.link(element)
                if tag == "img" and element.get("alt"):
                    collector.text(f" {element.get('alt')} ")
                collector.text(element.text)
        else:
            if tag in _BLOCK_TAGS and not _heading_level(element, tag):
                collector.flush(element)
                if collector.open_blocks and collector.open_blocks[-1] is element:
                    collector.open_blocks.pop()
            elif tag in _CELLS:
                collector.parts.append(" ")
            if element is not root:
                collector.text(element.tail)
    collector.flush()
    return collector.blocks


def read_page(data: str | bytes, url: str) -> PageText:
    """The page's title, h1s and content blocks; an unreadable page (binary, empty) has no blocks."""
    text, truncated = decode_page(data)
    lang = None
    if _looks_binary(text):
        return PageText(url, "", (), (), lang, truncated, None, unreadable=True)
    document = _parse(text)
    if document is None:  # nothing at all to parse is an empty page; something lxml cannot read is not
        return PageText(url, "", (), (), lang, truncated, None, unreadable=bool(text.strip()))
    lang = (document.get("lang") or document.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    title_element = document.find(".//title")
    title = one_line(title_element.text_content())[:500] if title_element is not None else ""
    h1s = tuple(one_line(h1.text_content())[:500] for h1 in document.iter("h1"))[:20]
    root, chrome = _content_root(document)
    blocks = _blocks(root, chrome, _base_url(document, url))
    return PageText(url, title, h1s, tuple(blocks), lang.lower() or None, truncated, document)


def _base_url(document: html.HtmlElement, url: str) -> str:
    """The address relative links resolve against: the page's <base href> when it is a web address."""
    base = (document.xpath("//base/@href") or [""])[0].strip()
    try:
        resolved = urljoin(url, base) if base else url
        return resolved if urlsplit(resolved).scheme in ("http", "https") else url
    except ValueError:
        return url
