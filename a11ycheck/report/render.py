"""Turning views into HTML: one Jinja environment per language, autoescaping everything it renders
(.html and .svg templates, and strings), and the helpers templates use to print numbers, dates and labels.
"""

from collections.abc import Callable
from datetime import date
from functools import cache, lru_cache, partial
from importlib.resources import files
from types import SimpleNamespace
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

from a11ycheck.report.charter_view import CHARTER_LANGUAGE, commitment_value_text
from a11ycheck.report.context import bin_label, document_status_text
from a11ycheck.report.findings import page_priority
from a11ycheck.report.i18n import Messages
from a11ycheck.report.paths import OutputFolder, file_slug
from a11ycheck.report.rule_texts import HELP_LINK_HREFLANG, help_link_note, rule_title, title_language
from a11ycheck.report.wcag import criterion_name, principle_name

STYLESHEET = "report.css"


def is_http_url(value: object) -> bool:
    """Only http(s) URLs with a host become links: never javascript:, data: or anything else crawled."""
    return isinstance(value, str) and _is_http_url(value)


@lru_cache(maxsize=4096)  # asked for every finding's help link on every page: a few dozen distinct ones
def _is_http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and value == value.strip()


class Words(SimpleNamespace):
    """Messages without parameters, each translated once: `words.address` in a template is an attribute
    lookup where `t("address")` is a call through Jinja's context on every page rendered."""

    def __init__(self, messages: Messages, **fixed: str):
        super().__init__(**fixed)
        self._messages = messages

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        text = self._messages(key)
        setattr(self, key, text)
        return text


class Labels(dict):
    """Labels by value, each computed once: templates index this in their loops instead of calling a
    function, which is what makes rendering tens of thousands of pages fast enough."""

    def __init__(self, label_of: Callable[[str | None], str]):
        super().__init__()
        self._label_of = label_of

    def __missing__(self, key: str | None) -> str:
        label = self[key] = self._label_of(key)
        return label


def criteria_text(criteria: tuple[str, ...], lang: str) -> str:
    """Criteria numbers with their names: "1.1.1 Niet-tekstuele content; 4.1.2 Naam, rol, waarde"."""
    return "; ".join(f"{c} {criterion_name(c, lang)}".strip() for c in criteria)


@cache
def stylesheet() -> str:
    return (files("a11ycheck.report") / "static" / STYLESHEET).read_text(encoding="utf-8")


def make_environment(lang: str, generated_on: date, single_file: bool = False) -> Environment:
    """The environment for one language; `single_file` inlines the stylesheet and links no other file."""
    environment = Environment(
        loader=PackageLoader("a11ycheck.report", "templates"),
        autoescape=select_autoescape(("html", "htm", "svg", "xml"), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    messages = Messages(lang)
    environment.tests["http_url"] = is_http_url
    words = Words(  # said on every page: translated once
        messages,
        footer=f"{messages('footer_generated', date=messages.day(generated_on))} {messages('footer_tool')}",
        how_to_fix_prefix=messages("how_to_fix", rule=""),  # the rule's id follows
    )
    environment.globals.update(
        words=words,
        page_status_names=Labels(messages.page_status),
        impact_names=Labels(partial(messages.label, "impact")),
        level_names=Labels(partial(messages.label, "level")),
        t=messages,
        lang=lang,
        generated_on=generated_on,
        single_file=single_file,
        # our own packaged stylesheet, never crawled text: the one place Markup is used
        inline_css=Markup(stylesheet()) if single_file else None,
        num=messages.number,
        pct=messages.percent,
        day=messages.day,
        moment=messages.moment,
        size=messages.size,
        impact_label=partial(messages.label, "impact"),
        level_label=partial(messages.label, "level"),
        run_status_label=partial(messages.label, "run_status"),
        page_status_label=messages.page_status,
        status_label=partial(messages.label, "charter_status"),
        domain_label=partial(messages.label, "domain"),
        status_class=file_slug,
        criterion_name=lambda criterion: criterion_name(criterion, lang),
        criteria_text=lambda criteria: criteria_text(criteria, lang) or messages("none"),
        criteria_texts=Labels(lambda criteria: criteria_text(criteria, lang) or messages("none")),
        principle_name=lambda number: principle_name(number, lang),
        bin_label=lambda pages_bin: bin_label(pages_bin, messages),
        commitment_value=lambda value, status, computed=False: commitment_value_text(
            value, status, messages, computed, markup=True
        ),
        document_status_label=lambda document: document_status_text(document, messages),
        document_check_label=partial(messages.label, "document_check"),
        count=messages.count,
        charter_lang=CHARTER_LANGUAGE,
        page_priority=page_priority,
        rule_title=lambda rule, fallback: rule_title(rule, lang, fallback),
        rule_title_lang=lambda rule: title_language(rule, lang),
        help_hreflang=HELP_LINK_HREFLANG,
        help_note=f" {help_link_note(lang)}" if help_link_note(lang) else "",
    )
    return environment


class PageWriter:
    """Renders templates into files below the output folder."""

    def __init__(self, folder: OutputFolder, environment: Environment):
        self.folder = folder
        self.environment = environment
        self.written = 0

    def render(self, template: str, root: str, **context: object) -> str:
        return self.template(template).render(root=root, **context)

    @cache  # noqa: B019 - one writer per process, alive for the whole build
    def template(self, name: str) -> Template:
        return self.environment.get_template(name)

    def write_file(self, parts: tuple[str, ...], content: str) -> None:
        """A file that is not a page (a CSV download), below the output folder like the pages; `written`
        counts pages only."""
        self.folder.write_text(parts, content)

    def write(self, parts: tuple[str, ...], template: str, **context: object) -> None:
        root = "../" * (len(parts) - 1)
        self.folder.write_text(parts, self.render(template, root, **context))
        self.written += 1
