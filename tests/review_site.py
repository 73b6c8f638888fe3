"""A synthetic crawl of "Gemeente Lindegem", a fictitious Flemish municipality: the page facts and documents
the sample tests choose from. Mostly Dutch, with a French and an English page, as a municipality near
Brussels has."""

from a11ycheck.review.facts import DocumentFacts, PageFacts

SITE = "https://www.lindegem.be"

# Structure signatures, as templates.structure_signature writes them.
CHROME = "banner,contentinfo,navigation,search"
HOME_SIG = f"{CHROME}|h2|-|main:list"
CONTENT_SIG = f"{CHROME}|h2|breadcrumb|main:text"
NEWS_SIG = f"{CHROME}|h2|breadcrumb|main:article"
FORM_SIG = f"{CHROME}|h2|breadcrumb|main:form"
LIST_SIG = f"{CHROME}|h2|breadcrumb|main:list"
TABLE_SIG = f"{CHROME}|h2|breadcrumb|main:table"
MAP_SIG = f"{CHROME}|h2|-|main:map"
FOOTER_H2 = ("Contact", "Volg ons")


def page(path: str, title: str, h1: str = "", signature: str = CONTENT_SIG, **facts) -> PageFacts:
    """A page of the site; every page has the header's search field and the footer's headings."""
    facts.setdefault("has_search_field", True)
    h2 = tuple(facts.pop("h2", ())) + FOOTER_H2
    return PageFacts(
        url=SITE + path,
        title=f"{title} | Gemeente Lindegem" if title else "Gemeente Lindegem",
        h1=(h1 or title,),
        h2=h2,
        signature=signature,
        content_type="text/html; charset=utf-8",
        landmarks=("banner", "search", "navigation", "main", "contentinfo"),
        **facts,
    )


PAGES = [
    page(
        "/",
        "",
        "Welkom in Lindegem",
        HOME_SIG,
        h2=("Nieuws", "Snel naar"),
        link_texts=("Home", "Gemeente Lindegem, naar de startpagina"),
    ),
    page(
        "/aanmelden",
        "Aanmelden",
        "Aanmelden bij Mijn Lindegem",
        FORM_SIG,
        has_password_field=True,
        form_count=1,
        link_texts=("Aanmelden", "Mijn profiel"),
    ),
    page("/sitemap", "Sitemap", signature=LIST_SIG, link_texts=("Sitemap",)),
    page(
        "/contact",
        "Contact",
        "Contacteer ons",
        FORM_SIG,
        form_count=1,
        h2=("Openingsuren",),
        link_texts=("Contact",),
    ),
    page("/veelgestelde-vragen", "Veelgestelde vragen", link_texts=("FAQ", "Veelgestelde vragen")),
    page("/privacy", "Privacyverklaring", link_texts=("Privacy", "Privacyverklaring")),
    page("/cookies", "Cookiebeleid", link_texts=("Cookies",)),
    page("/zoeken", "Zoeken", "Zoekresultaten", LIST_SIG),
    page("/toegankelijkheid", "Toegankelijkheidsverklaring", link_texts=("Toegankelijkheid",)),
    page(
        "/meld-een-probleem",
        "Meld een probleem met de toegankelijkheid",
        signature=FORM_SIG,
        form_count=1,
        link_texts=("Meld een probleem",),
    ),
    page("/e-loket", "E-loket", signature=LIST_SIG, link_texts=("E-loket",)),
    page(
        "/e-loket/uittreksel-bevolkingsregister",
        "Uittreksel uit het bevolkingsregister aanvragen",
        signature=FORM_SIG,
        form_count=1,
    ),
    page(
        "/e-loket/afspraak-maken",
        "Afspraak maken aan het loket burgerzaken",
        signature=FORM_SIG,
        form_count=1,
    ),
    page("/wonen/omgevingsvergunning", "Omgevingsvergunning", h2=("Wanneer heb je een vergunning nodig?",)),
    page("/wonen/renovatiepremie", "Renovatiepremie", h2=("Wie komt in aanmerking?",)),
    page("/afval/sluikstort-melden", "Sluikstort melden", signature=FORM_SIG, form_count=1),
    page("/vrije-tijd/inschrijven-speelpleinwerking", "Inschrijven voor de speelpleinwerking"),
    page("/wonen", "Wonen en verbouwen", signature=LIST_SIG),
    page("/afval/recyclagepark", "Recyclagepark"),
    page("/afval/ophaalkalender", "Ophaalkalender 2027", signature=TABLE_SIG),
    page("/bestuur/gemeenteraad", "Gemeenteraad"),
    page("/bestuur/college-van-burgemeester-en-schepenen", "College van burgemeester en schepenen"),
    page("/vrije-tijd/bibliotheek", "Bibliotheek"),
    page("/vrije-tijd/sporthal-de-linde", "Sporthal De Linde"),
    page("/kaart", "Kaart van Lindegem", signature=MAP_SIG),
    page("/nieuws", "Nieuws", signature=LIST_SIG),
    page(
        "/nieuws/nieuwe-openingsuren-recyclagepark", "Nieuwe openingsuren recyclagepark", signature=NEWS_SIG
    ),
    page("/nieuws/wegenwerken-kerkstraat", "Wegenwerken in de Kerkstraat", signature=NEWS_SIG),
    page("/nieuws/zomerfeest-op-het-dorpsplein", "Zomerfeest op het dorpsplein", signature=NEWS_SIG),
    page("/nieuws/nieuwe-bibliotheek-open", "Nieuwe bibliotheek open", signature=NEWS_SIG),
    page(
        "/nieuws/gemeenteraad-keurt-begroting-goed", "Gemeenteraad keurt begroting goed", signature=NEWS_SIG
    ),
    page("/fr/informations-en-francais", "Informations en français", "Bienvenue à Lindegem"),
    page("/en/visiting-lindegem", "Visiting Lindegem", "Welcome to Lindegem"),
]

DOCUMENTS = [
    DocumentFacts(
        f"{SITE}/documenten/premie-reglement.pdf", "application/pdf", (f"{SITE}/wonen/renovatiepremie",)
    ),
    DocumentFacts(
        f"{SITE}/documenten/aanvraagformulier-renovatiepremie.pdf",
        "application/pdf",
        (f"{SITE}/wonen/renovatiepremie",),
    ),
    DocumentFacts(
        f"{SITE}/documenten/checklist-omgevingsvergunning.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (f"{SITE}/wonen/omgevingsvergunning", f"{SITE}/wonen"),
    ),
    DocumentFacts(
        f"{SITE}/documenten/notulen-gemeenteraad-oktober.pdf",
        "application/pdf",
        (f"{SITE}/bestuur/gemeenteraad",),
    ),
]


def url(path: str) -> str:
    return SITE + path
