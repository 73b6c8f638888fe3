"""The words of an organisation's page that say what it means: the summary at the top (summary.py), the
comparison with other municipalities (peers.py), the downloads (downloads.py), the conclusions of its charts
(chart_texts.py) and the captions of its tables; merged into messages.MESSAGES.
"""

ORGANISATION_MESSAGES: dict[str, dict[str, str]] = {
    "chart_trend_conclusion": {
        "nl": "Van {first} op {first_date} naar {last} op {last_date}.",
        "en": "From {first} on {first_date} to {last} on {last_date}.",
    },
    "chart_most": {"nl": "Het meest: {label} ({value}).", "en": "Most: {label} ({value})."},
    "chart_most_pages": {
        "nl": "Het vaakst voorkomende aantal WCAG-fouten op een pagina: {label} (bij {value} van de "
        "pagina's).",
        "en": "The most common number of WCAG failures on a page: {label} ({value} of the pages).",
    },
    "chart_most_level": {
        "nl": "Het vaakst geschatte niveau: {label} (bij {value} van de pagina's).",
        "en": "The most common estimated level: {label} ({value} of the pages).",
    },
    "chart_trajectory_conclusion": {
        "nl": "{status}: nu {current}, volgens het traject {trajectory}, doel {target} tegen {deadline}.",
        "en": "{status}: now {current}, on the trajectory {trajectory}, target {target} by {deadline}.",
    },
    "chart_one_audit": {
        "nl": "Er is nog maar één audit: het verloop volgt na de volgende audit. De cijfers staan in de "
        "tabel.",
        "en": "There is only one audit so far: the trend follows after the next one. The numbers are in the "
        "table.",
    },
    "chart_no_values": {
        "nl": "Nog geen gemeten of gemelde waarden: er is geen verloop om te tekenen.",
        "en": "No measured or reported values yet: there is no progress to draw.",
    },
    "downloads": {"nl": "Gegevens", "en": "Data"},
    "download_findings": {
        "nl": "Alle fouten van de laatste audit, per element (CSV)",
        "en": "Every failure of the latest audit, by element (CSV)",
    },
    "download_documents": {
        "nl": "Alle documenten van de laatste audit (CSV)",
        "en": "Every document of the latest audit (CSV)",
    },
    "download_rows": {"nl": "rijen: {rows}", "en": "rows: {rows}"},
    "peers_table": {
        "nl": "Vergeleken met andere gemeenten (mediaan bij hun laatste audit)",
        "en": "Compared with other municipalities (median at their latest audit)",
    },
    "peers_figure": {"nl": "Cijfer", "en": "Figure"},
    "peers_own": {"nl": "Deze organisatie", "en": "This organisation"},
    "peers_province": {"nl": "Mediaan {province}", "en": "Median {province}"},
    "peers_overall": {"nl": "Mediaan alle gemeenten", "en": "Median all municipalities"},
    "peers_of": {"nl": "van {n}", "en": "of {n}"},
    "at_a_glance": {"nl": "In het kort", "en": "At a glance"},
    "glance_charter": {"nl": "Charter", "en": "Charter"},
    "verdict_off-track": {
        "nl": "niet op schema: er is een engagement over tijd of achter op schema",
        "en": "off track: a commitment is overdue or behind",
    },
    "verdict_attention": {
        "nl": "aandacht nodig: een engagement is in gevaar, zonder gegevens of met een verouderde melding",
        "en": "needs attention: a commitment is at risk, has no data, or its latest report is stale",
    },
    "verdict_on-track": {
        "nl": "op schema: elk engagement is behaald of op schema",
        "en": "on track: every commitment is met or on track",
    },
    "verdict_no-data": {
        "nl": "nog niet te beoordelen: er is niets gemeten of gemeld",
        "en": "not yet possible to judge: nothing is measured or reported",
    },
    "glance_urgent": {"nl": "Dringend", "en": "Urgent"},
    "glance_no_urgent": {
        "nl": "Geen engagement over tijd of achter op schema.",
        "en": "No commitment is overdue or behind.",
    },
    "glance_deadline": {"nl": "deadline {date}", "en": "deadline {date}"},
    "glance_next_deadline": {"nl": "Volgende deadline", "en": "Next deadline"},
    "glance_fixes": {"nl": "Eerst oplossen", "en": "Fix first"},
    "glance_fix_pages": {"nl": "op {pages}", "en": "on {pages}"},
    "glance_fix_once": {"nl": "Eén keer oplossen", "en": "Fix once"},
    "fix_once": {
        "nl": "Eén keer oplossen, op veel pagina's beter",
        "en": "Fix once, better on many pages",
    },
    "fix_once_intro": {
        "nl": "Deze fouten zitten in een element dat op meerdere pagina's hetzelfde is, meestal in de kop, "
        "de voet of het menu: één aanpassing in het sjabloon lost ze op al die pagina's op.",
        "en": "These failures are in an element that is the same on several pages, usually in the header, "
        "footer or menu: one change in the template fixes them on all those pages.",
    },
    "fix_once_table": {
        "nl": "Fouten die één aanpassing oplost, de meeste pagina's eerst",
        "en": "Failures one change fixes, most pages first",
    },
    "problem": {"nl": "Probleem", "en": "Problem"},
    "element_column": {"nl": "Element", "en": "Element"},
    "glance_no_fixes": {
        "nl": "Geen automatisch gevonden WCAG A/AA-fouten in de laatste audit.",
        "en": "No WCAG A/AA failures found automatically in the latest audit.",
    },
    "glance_changes": {"nl": "Sinds de vorige audit", "en": "Since the previous audit"},
    "glance_changes_counts": {"nl": "{new} nieuw, {fixed} opgelost", "en": "{new} new, {fixed} fixed"},
    "charter_table": {"nl": "Engagementen, de dringendste eerst", "en": "Commitments, most urgent first"},
    "worst_intro": {
        "nl": "Gerangschikt op prioriteit: het aantal WCAG-fouten op de pagina, waarbij een ernstige of "
        "kritieke fout drie keer telt (een ernstig advies buiten WCAG twee keer); bij gelijke prioriteit "
        "eerst de pagina met de meeste WCAG-fouten.",
        "en": "Ranked by priority: the number of WCAG failures on the page, a serious or critical failure "
        "counting three times (serious advice outside WCAG twice); at equal priority, the page with the most "
        "WCAG failures first.",
    },
    "worst_table": {"nl": "Pagina's om eerst op te lossen", "en": "Pages to fix first"},
    "priority": {"nl": "Prioriteit", "en": "Priority"},
    "runs_table": {"nl": "Alle audits, de recentste eerst", "en": "Every audit, most recent first"},
    "run_pages_table": {"nl": "De pagina's van deze audit", "en": "The pages of this audit"},
    "rules_table_wcag": {"nl": "WCAG-fouten per regel", "en": "WCAG failures by rule"},
    "rules_table_advice": {"nl": "Adviezen per regel", "en": "Advice by rule"},
    "criteria_table": {"nl": "Succescriteria van {principle}", "en": "Success criteria of {principle}"},
}
