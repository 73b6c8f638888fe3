"""The 50 success criteria of WCAG 2.1 at levels A and AA: what EN 301 549 and the EU Web Accessibility
Directive require of a public-sector website, and so the rows of a manual review and of a conformance table.

Dutch names follow the authorised Dutch translation of WCAG 2.1 (W3C, 2020). 4.1.1 Parsing is one of the 50
in WCAG 2.1, though WCAG 2.2 made it obsolete: it stays here because the law still points to 2.1.
Imports nothing of the project: every wing can use it.
"""

from dataclasses import dataclass

A = "A"
AA = "AA"
LEVELS = (A, AA)


@dataclass(frozen=True)
class Criterion:
    """One success criterion: "1.4.3", level "AA", new in WCAG "2.0", its names in English and Dutch."""

    number: str
    level: str
    version: str
    name_en: str
    name_nl: str
    slug: str = ""  # WCAG's own id for it ("contrast-minimum"), as in its URLs and in EARL reports

    @property
    def principle(self) -> int:
        return int(self.number.split(".")[0])

    def name(self, lang: str) -> str:
        """The name in "nl" (the default for anything else than "en") or "en"."""
        return self.name_en if lang == "en" else self.name_nl

    def label(self, lang: str) -> str:
        """ "1.4.3 Contrast (minimum)": how a person reads it in a table or a statement."""
        return f"{self.number} {self.name(lang)}"


_SLUGS = {
    "1.1.1": "non-text-content",
    "1.2.1": "audio-only-and-video-only-prerecorded",
    "1.2.2": "captions-prerecorded",
    "1.2.3": "audio-description-or-media-alternative-prerecorded",
    "1.2.4": "captions-live",
    "1.2.5": "audio-description-prerecorded",
    "1.3.1": "info-and-relationships",
    "1.3.2": "meaningful-sequence",
    "1.3.3": "sensory-characteristics",
    "1.3.4": "orientation",
    "1.3.5": "identify-input-purpose",
    "1.4.1": "use-of-color",
    "1.4.2": "audio-control",
    "1.4.3": "contrast-minimum",
    "1.4.4": "resize-text",
    "1.4.5": "images-of-text",
    "1.4.10": "reflow",
    "1.4.11": "non-text-contrast",
    "1.4.12": "text-spacing",
    "1.4.13": "content-on-hover-or-focus",
    "2.1.1": "keyboard",
    "2.1.2": "no-keyboard-trap",
    "2.1.4": "character-key-shortcuts",
    "2.2.1": "timing-adjustable",
    "2.2.2": "pause-stop-hide",
    "2.3.1": "three-flashes-or-below-threshold",
    "2.4.1": "bypass-blocks",
    "2.4.2": "page-titled",
    "2.4.3": "focus-order",
    "2.4.4": "link-purpose-in-context",
    "2.4.5": "multiple-ways",
    "2.4.6": "headings-and-labels",
    "2.4.7": "focus-visible",
    "2.5.1": "pointer-gestures",
    "2.5.2": "pointer-cancellation",
    "2.5.3": "label-in-name",
    "2.5.4": "motion-actuation",
    "3.1.1": "language-of-page",
    "3.1.2": "language-of-parts",
    "3.2.1": "on-focus",
    "3.2.2": "on-input",
    "3.2.3": "consistent-navigation",
    "3.2.4": "consistent-identification",
    "3.3.1": "error-identification",
    "3.3.2": "labels-or-instructions",
    "3.3.3": "error-suggestion",
    "3.3.4": "error-prevention-legal-financial-data",
    "4.1.1": "parsing",
    "4.1.2": "name-role-value",
    "4.1.3": "status-messages",
}


def _c(number: str, level: str, version: str, name_en: str, name_nl: str) -> Criterion:
    return Criterion(number, level, version, name_en, name_nl, _SLUGS[number])


# In numeric order, as WCAG lists them.
WCAG21_AA: tuple[Criterion, ...] = (
    _c("1.1.1", A, "2.0", "Non-text Content", "Niet-tekstuele content"),
    _c(
        "1.2.1",
        A,
        "2.0",
        "Audio-only and Video-only (Prerecorded)",
        "Louter-geluid en louter-videobeeld (vooraf opgenomen)",
    ),
    _c(
        "1.2.2",
        A,
        "2.0",
        "Captions (Prerecorded)",
        "Ondertitels voor doven en slechthorenden (vooraf opgenomen)",
    ),
    _c(
        "1.2.3",
        A,
        "2.0",
        "Audio Description or Media Alternative (Prerecorded)",
        "Audiodescriptie of media-alternatief (vooraf opgenomen)",
    ),
    _c("1.2.4", AA, "2.0", "Captions (Live)", "Ondertitels voor doven en slechthorenden (live)"),
    _c("1.2.5", AA, "2.0", "Audio Description (Prerecorded)", "Audiodescriptie (vooraf opgenomen)"),
    _c("1.3.1", A, "2.0", "Info and Relationships", "Info en relaties"),
    _c("1.3.2", A, "2.0", "Meaningful Sequence", "Betekenisvolle volgorde"),
    _c("1.3.3", A, "2.0", "Sensory Characteristics", "Zintuiglijke eigenschappen"),
    _c("1.3.4", AA, "2.1", "Orientation", "Weergavestand"),
    _c("1.3.5", AA, "2.1", "Identify Input Purpose", "Identificeer het doel van de input"),
    _c("1.4.1", A, "2.0", "Use of Color", "Gebruik van kleur"),
    _c("1.4.2", A, "2.0", "Audio Control", "Geluidsbediening"),
    _c("1.4.3", AA, "2.0", "Contrast (Minimum)", "Contrast (minimum)"),
    _c("1.4.4", AA, "2.0", "Resize Text", "Herschalen van tekst"),
    _c("1.4.5", AA, "2.0", "Images of Text", "Afbeeldingen van tekst"),
    _c("1.4.10", AA, "2.1", "Reflow", "Reflow"),
    _c("1.4.11", AA, "2.1", "Non-text Contrast", "Contrast van niet-tekstuele content"),
    _c("1.4.12", AA, "2.1", "Text Spacing", "Tekstafstand"),
    _c("1.4.13", AA, "2.1", "Content on Hover or Focus", "Content bij hover of focus"),
    _c("2.1.1", A, "2.0", "Keyboard", "Toetsenbord"),
    _c("2.1.2", A, "2.0", "No Keyboard Trap", "Geen toetsenbordval"),
    _c("2.1.4", A, "2.1", "Character Key Shortcuts", "Enkel teken sneltoetsen"),
    _c("2.2.1", A, "2.0", "Timing Adjustable", "Timing aanpasbaar"),
    _c("2.2.2", A, "2.0", "Pause, Stop, Hide", "Pauzeren, stoppen, verbergen"),
    _c("2.3.1", A, "2.0", "Three Flashes or Below Threshold", "Drie flitsen of beneden drempelwaarde"),
    _c("2.4.1", A, "2.0", "Bypass Blocks", "Blokken omzeilen"),
    _c("2.4.2", A, "2.0", "Page Titled", "Paginatitel"),
    _c("2.4.3", A, "2.0", "Focus Order", "Focus volgorde"),
    _c("2.4.4", A, "2.0", "Link Purpose (In Context)", "Linkdoel (in context)"),
    _c("2.4.5", AA, "2.0", "Multiple Ways", "Meerdere manieren"),
    _c("2.4.6", AA, "2.0", "Headings and Labels", "Koppen en labels"),
    _c("2.4.7", AA, "2.0", "Focus Visible", "Focus zichtbaar"),
    _c("2.5.1", A, "2.1", "Pointer Gestures", "Aanwijzergebaren"),
    _c("2.5.2", A, "2.1", "Pointer Cancellation", "Aanwijzerannulering"),
    _c("2.5.3", A, "2.1", "Label in Name", "Label in naam"),
    _c("2.5.4", A, "2.1", "Motion Actuation", "Bewegingsactivering"),
    _c("3.1.1", A, "2.0", "Language of Page", "Taal van de pagina"),
    _c("3.1.2", AA, "2.0", "Language of Parts", "Taal van onderdelen"),
    _c("3.2.1", A, "2.0", "On Focus", "Bij focus"),
    _c("3.2.2", A, "2.0", "On Input", "Bij input"),
    _c("3.2.3", AA, "2.0", "Consistent Navigation", "Consistente navigatie"),
    _c("3.2.4", AA, "2.0", "Consistent Identification", "Consistente identificatie"),
    _c("3.3.1", A, "2.0", "Error Identification", "Foutidentificatie"),
    _c("3.3.2", A, "2.0", "Labels or Instructions", "Labels of instructies"),
    _c("3.3.3", AA, "2.0", "Error Suggestion", "Foutsuggestie"),
    _c(
        "3.3.4",
        AA,
        "2.0",
        "Error Prevention (Legal, Financial, Data)",
        "Foutpreventie (wettelijk, financieel, gegevens)",
    ),
    _c("4.1.1", A, "2.0", "Parsing", "Parsen"),
    _c("4.1.2", A, "2.0", "Name, Role, Value", "Naam, rol, waarde"),
    _c("4.1.3", AA, "2.1", "Status Messages", "Statusberichten"),
)

_BY_NUMBER: dict[str, Criterion] = {criterion.number: criterion for criterion in WCAG21_AA}
_BY_SLUG: dict[str, Criterion] = {criterion.slug: criterion for criterion in WCAG21_AA}
CRITERION_NUMBERS: tuple[str, ...] = tuple(criterion.number for criterion in WCAG21_AA)
OBSOLETE_IN_WCAG22: frozenset[str] = frozenset({"4.1.1"})


def criterion(number: str) -> Criterion | None:
    """The WCAG 2.1 A/AA criterion numbered so ("1.4.3"); None for anything else ("1.4.99", "2.4.9")."""
    return _BY_NUMBER.get(number) if isinstance(number, str) else None


def criterion_by_slug(slug: str) -> Criterion | None:
    """The criterion WCAG calls `slug` ("contrast-minimum"), or None (AAA, WCAG 2.2's, unknown)."""
    return _BY_SLUG.get(slug) if isinstance(slug, str) else None


def is_criterion(number: object) -> bool:
    """Whether `number` names one of the 50 criteria, exactly ("1.4.3"; not "1.4.03" nor "SC 1.4.3")."""
    return isinstance(number, str) and number in _BY_NUMBER


def criterion_sort_key(number: str) -> tuple[int, ...]:
    """Numeric order, so 1.4.10 sorts after 1.4.5; anything that is not a number sorts last."""
    try:
        return tuple(int(part) for part in number.split("."))
    except (ValueError, AttributeError):
        return (99,)
