"""The HTML of a generated municipal site: one template (header, menu, breadcrumb, footer) and a body per
kind of page (news, service, e-loket form, event, council decisions, map), with defects planted on demand.

Everything is a pure function of its arguments and a seeded `random.Random`, so a page is the same bytes
every time it is served. The template is clean for axe-core's default rule set: the only violations on a
page are the defects planted in it (`bench/site_generator.py` decides which).
"""

import random

SUBJECTS = tuple(
    """heraanleg vernieuwing opening inschrijving subsidie premie werken afsluiting omgevingsvergunning
    afvalophaling recyclagepark bibliotheek zwembad sporthal speelplein jeugdhuis kermis weekmarkt dorpsfeest
    concert lezing wandeling fietstocht kinderopvang dienstencentrum woonzorg energiepremie renovatie
    dakisolatie zonnepanelen riolering voetpaden fietspad parkeerplan bewonerskaart paspoort identiteitskaart
    rijbewijs huwelijk geboorteaangifte adreswijziging begraafplaats evenementenloket terrasvergunning
    belastingreglement meerjarenplan buurtbudget seniorenraad jeugdraad cultuurraad vrijwilligers
    verkeersveiligheid schoolstraat""".split()
)
PLACES = tuple(
    """kerkstraat dorpsplein stationsstraat molenweg schoolstraat kapelleveld beekstraat nieuwstraat
    marktplein heidebaan bosstraat kouterweg veldstraat lindenlaan hoogstraat brugstraat vaartkaai
    gemeentepark sportpark centrum pastorijstraat meersstraat processieweg kasteeldreef bergstraat akkerweg
    parkwijk zuidwijk""".split()
)
WORDS = (
    "de gemeente", "het college", "inwoners", "de buurt", "het loket", "de werken", "vanaf maandag",
    "tijdens de zomer", "na de renovatie", "op afspraak", "met de fiets", "voor kinderen", "voor senioren",
    "in het centrum", "langs de vaart", "op het plein", "met een premie", "zonder kosten", "via het e-loket",
    "bij de dienst burgerzaken", "na inschrijving", "in samenwerking met", "de verenigingen", "het OCMW",
    "de politiezone", "de brandweer", "de scholen", "de bibliotheek", "een nieuw reglement", "het budget",
)  # fmt: skip
VERBS = (
    "vernieuwt", "opent", "plant", "begint", "organiseert", "verlengt", "ondersteunt", "informeert",
    "verbetert", "herinnert", "vraagt", "nodigt uit", "meldt", "beslist", "investeert in", "herstelt",
)  # fmt: skip
MONTHS = tuple(
    "januari februari maart april mei juni juli augustus september oktober november december".split()
)
ICONS = ("facebook", "instagram", "youtube", "linkedin")
OPENING_HOURS = (
    ("maandag", "8.30 - 12.00", "13.30 - 16.00"), ("dinsdag", "8.30 - 12.00", "gesloten"),
    ("woensdag", "8.30 - 12.00", "13.30 - 19.00"), ("donderdag", "8.30 - 12.00", "gesloten"),
    ("vrijdag", "8.30 - 12.00", "gesloten"),
)  # fmt: skip

CSS = """
*{box-sizing:border-box}body{margin:0;font:16px/1.5 Arial,Helvetica,sans-serif;color:#1a1a1a;background:#fff}
a{color:#00457c}a:hover{text-decoration:none}.skiplink{position:absolute;left:-999px}
.skiplink:focus{left:8px;top:8px;background:#fff;padding:8px}
.kop{background:#00457c;color:#fff;padding:12px 24px}.kop a{color:#fff}.logo{font-weight:bold;font-size:22px}
.hoofdmenu ul{list-style:none;display:flex;flex-wrap:wrap;gap:16px;margin:8px 0 0;padding:0}
.zoek{display:flex;gap:8px;margin-top:8px}.zoek input{padding:4px}
.zoek button{background:#fff;color:#00457c;border:0;padding:4px 12px;min-width:24px;min-height:24px}
.topbalk{list-style:none;display:flex;gap:16px;padding:0;margin:0 0 8px}.sub{display:none}
.hoofdmenu li:hover .sub{display:block}.cookies{background:#fff8e1;padding:12px 24px}
.voet .kolommen{display:grid;grid-template-columns:repeat(4,1fr);gap:16px}.voet h3 a{color:#00457c}
.delen ul{display:flex;gap:12px;list-style:none;padding:0}
.kruimel ol{list-style:none;display:flex;gap:8px;padding:0;margin:12px 24px}
.wrap{display:flex;gap:32px;padding:0 24px 24px}main{flex:3}aside{flex:1}
table{border-collapse:collapse}th,td{border:1px solid #767676;padding:4px 8px;text-align:left}
.meta{color:#595959}figure{margin:0}figure img{max-width:100%;height:auto}
.tegels{list-style:none;display:grid;grid-template-columns:repeat(3,1fr);gap:12px;padding:0}
.tegels li{background:#e8f0f7;padding:12px}.pager{display:flex;gap:8px;list-style:none;padding:0}
iframe{border:0;width:100%;height:320px}.voet{background:#f2f2f2;color:#333;padding:24px}
.voet ul{list-style:none;padding:0}.voet .sociaal{display:flex;gap:12px}
.icoon{display:inline-block;width:24px;height:24px;background:#00457c;border-radius:4px}
form label{display:block;margin-top:8px;font-weight:bold}form input,form select,form textarea{padding:4px}
.kaart-raster{display:grid;grid-template-columns:repeat(8,1fr);gap:2px}
.kaart-raster div{background:#dfe9d8;height:32px}
""".strip()

JS = """
document.addEventListener('DOMContentLoaded', () => {
  const knop = document.querySelector('.menu-knop');
  if (knop) knop.addEventListener('click', () => document.body.classList.toggle('menu-open'));
});
""".strip()


def sentence(rng: random.Random) -> str:
    subject = rng.choice(WORDS).capitalize()
    return f"{subject} {rng.choice(VERBS)} {rng.choice(WORDS)} {rng.choice(WORDS)} en {rng.choice(WORDS)}."


def paragraph(rng: random.Random, sentences: int = 5) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def date_text(rng: random.Random) -> tuple[str, str]:
    """An ISO date and how a Flemish site writes it."""
    year, month, day = rng.choice((2024, 2025, 2026)), rng.randrange(1, 13), rng.randrange(1, 29)
    return f"{year}-{month:02d}-{day:02d}", f"{day} {MONTHS[month - 1]} {year}"


def title_words(rng: random.Random) -> tuple[str, str]:
    return rng.choice(SUBJECTS), rng.choice(PLACES)


Link = tuple[str, str]  # (href, text)


def page(
    *,
    title: str,
    site_name: str,
    menu: list[tuple[Link, list[Link]]],
    breadcrumb: list[Link],
    body: str,
    aside: str,
    defects: frozenset[str],
) -> str:
    """The whole document around a page's body: cookie banner, header with a mega menu (each section and
    a few of its pages), search, breadcrumb, sidebar, and a footer repeating the menu as link columns.

    About 600 elements before the body, as on real municipal sites; `defects` may name template defects.
    """
    lang = "" if "html-has-lang" in defects else ' lang="nl"'
    mega = "".join(
        f'<li><a href="{href}">{text}</a><ul class="sub">'
        + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in sub)
        + "</ul></li>"
        for (href, text), sub in menu
    )
    columns = "".join(
        f'<div class="kolom"><h3><a href="{href}">{text}</a></h3><ul>'
        + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in sub)
        + "</ul></div>"
        for (href, text), sub in menu
    )
    crumbs = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in breadcrumb)
    search_label = "" if "button-name" in defects else "Zoeken"
    social = "".join(
        f'<li><a href="https://www.{icon}.com/gemeente"><span class="icoon"></span>'
        f'<span class="skiplink">{icon}</span></a></li>'
        for icon in ICONS
    )
    if "link-name" in defects:
        social += '<li><a href="/contact"><span class="icoon"></span></a></li>'
    return (
        f'<!DOCTYPE html><html{lang}><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} | {site_name}</title>"
        '<link rel="stylesheet" href="/static/gemeente.css"><link rel="icon" href="data:,">'
        '<script src="/static/gemeente.js" defer></script></head><body>'
        '<a class="skiplink" href="#inhoud">Naar de inhoud</a>'
        '<section class="cookies" aria-label="Cookies"><p>Deze website gebruikt functionele cookies en, '
        'met uw toestemming, cookies om het gebruik te meten. <a href="/privacy">Meer over cookies</a></p>'
        '<button type="button">Alles aanvaarden</button><button type="button">Alleen noodzakelijke</button>'
        "</section>"
        '<header class="kop"><ul class="topbalk"><li><a href="/contact">Contact en openingsuren</a></li>'
        '<li><a href="/toegankelijkheid">Toegankelijkheid</a></li><li><a href="/privacy">Privacy</a></li>'
        "</ul>"
        f'<a class="logo" href="/">{site_name}</a>'
        '<button type="button" class="menu-knop" aria-expanded="false">Menu</button>'
        f'<nav class="hoofdmenu" aria-label="Hoofdmenu"><ul>{mega}</ul></nav>'
        '<form class="zoek" role="search" action="/zoeken" method="get">'
        '<label for="zoekterm" class="skiplink">Zoeken op de website</label>'
        f'<input id="zoekterm" name="q" type="search"><button type="submit">{search_label}</button></form>'
        "</header>"
        f'<nav class="kruimel" aria-label="Kruimelpad"><ol>{crumbs}</ol></nav>'
        f'<div class="wrap"><main id="inhoud">{body}{_share()}</main>'
        f'<aside aria-label="Meer">{aside}</aside></div>'
        '<footer class="voet"><h2>Gemeentehuis</h2><address>Dorpsplein 1, 9999 Voorbeeld<br>'
        'T 09 999 99 99 &middot; <a href="mailto:info@voorbeeld.be">info@voorbeeld.be</a></address>'
        f"{opening_hours()}"
        f'<nav class="kolommen" aria-label="Alle onderwerpen">{columns}</nav>'
        f'<nav aria-label="Sociale media"><ul class="sociaal">{social}</ul></nav>'
        f"<p>&copy; {site_name} &middot; Verantwoordelijke uitgever: de algemeen directeur</p></footer>"
        "</body></html>"
    )


def _share() -> str:
    return (
        '<div class="delen"><h2>Deel deze pagina</h2><ul>'
        + "".join(f'<li><a href="https://www.{icon}.com/share">Deel via {icon}</a></li>' for icon in ICONS)
        + '</ul><button type="button">Afdrukken</button></div>'
    )


def opening_hours() -> str:
    rows = [[day, morning, afternoon] for day, morning, afternoon in OPENING_HOURS]
    return table(rows, ["Dag", "Voormiddag", "Namiddag"], "Openingsuren van het gemeentehuis")


def figure(rng: random.Random, image: str, defects: frozenset[str], caption: str) -> str:
    alt = "" if "image-alt" in defects else f' alt="{caption}"'
    image = f'<img src="{image}"{alt} width="640" height="360">'
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"


def contrast_notice(rng: random.Random, defects: frozenset[str]) -> str:
    colour = "#9a9a9a" if "color-contrast" in defects else "#595959"
    return (
        f'<p class="tip" style="color:{colour}">Laatst bijgewerkt: {date_text(rng)[1]}. {sentence(rng)}</p>'
    )


def newsletter_form(defects: frozenset[str]) -> str:
    label = "" if "label" in defects else '<label for="nieuwsbrief">Uw e-mailadres</label>'
    return (
        '<section><h2>Nieuwsbrief</h2><form action="/nieuwsbrief" method="post">'
        f'{label}<input id="nieuwsbrief" name="email" type="email">'
        '<button type="submit">Inschrijven</button></form></section>'
    )


def heading_list(defects: frozenset[str], items: str) -> str:
    """A list; with the `list` defect, an element that may not be a list's child."""
    stray = '<div class="los">Zie ook de agenda.</div>' if "list" in defects else ""
    return f"<ul>{items}{stray}</ul>"


def iframe(src: str, defects: frozenset[str], title: str) -> str:
    attr = "" if "frame-title" in defects else f' title="{title}"'
    return f'<iframe src="{src}"{attr} loading="eager"></iframe>'


def embed_document(kind: str, rng: random.Random) -> str:
    """The page an iframe shows: a map with a legend, or a video player."""
    if kind == "kaart":
        cells = "".join("<div></div>" for _ in range(48))
        body = (
            f'<div class="kaart-raster" role="img" aria-label="Kaart van de omgeving">{cells}</div>'
            f"<p>Legende: {', '.join(rng.sample(PLACES, 4))}.</p>"
        )
    else:
        body = '<p>Videospeler</p><button type="button">Afspelen</button>'
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Ingesloten inhoud</title>'
        '<link rel="stylesheet" href="/static/gemeente.css"><link rel="icon" href="data:,"></head>'
        f'<body><main aria-label="{kind.capitalize()}">{body}</main></body></html>'
    )


def table(rows: list[list[str]], headers: list[str], caption: str) -> str:
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def contact_card(rng: random.Random, service: str) -> str:
    phone = f"09 999 {rng.randrange(10, 99)} {rng.randrange(10, 99)}"
    return (
        f'<section class="contact"><h2>Contact</h2><p><strong>Dienst {service.lower()}</strong><br>'
        f'Dorpsplein 1, 9999 Voorbeeld<br>T <a href="tel:{phone.replace(" ", "")}">{phone}</a><br>'
        '<a href="mailto:info@voorbeeld.be">info@voorbeeld.be</a></p>'
        '<p><a href="/e-loket/">Maak een afspraak</a></p></section>'
    )


def documents_list(documents: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{href}">{text} (PDF)</a></li>' for href, text in documents)
    return f"<h2>Documenten</h2><ul>{items}</ul>"


def application_form(rng: random.Random, defects: frozenset[str]) -> str:
    """An e-loket form: the `label` defect leaves one field without its label."""
    fields = [
        ("voornaam", "Voornaam", "text"),
        ("achternaam", "Achternaam", "text"),
        ("straat", "Straat", "text"),
        ("huisnummer", "Huisnummer", "text"),
        ("postcode", "Postcode", "text"),
        ("email", "E-mail", "email"),
        ("telefoon", "Telefoon", "tel"),
        ("datum", "Gewenste datum", "date"),
    ]
    unlabelled = rng.randrange(len(fields)) if "label" in defects else -1
    parts = []
    for position, (name, text, kind) in enumerate(fields):
        if position != unlabelled:
            parts.append(f'<label for="{name}">{text}</label>')
        parts.append(f'<input id="{name}" name="{name}" type="{kind}">')
    options = "".join(f"<option>{s.capitalize()}</option>" for s in rng.sample(SUBJECTS, 6))
    return (
        '<form action="/e-loket/verzenden" method="post"><fieldset><legend>Uw gegevens</legend>'
        + "".join(parts)
        + '</fieldset><fieldset><legend>Uw aanvraag</legend><label for="onderwerp">Onderwerp</label>'
        f'<select id="onderwerp" name="onderwerp">{options}</select>'
        '<label for="toelichting">Toelichting</label><textarea id="toelichting" name="toelichting" rows="5">'
        '</textarea><label><input type="checkbox" name="akkoord"> Ik ga akkoord met de privacyverklaring'
        "</label>"
        '</fieldset><button type="submit">Aanvraag versturen</button></form>'
    )
