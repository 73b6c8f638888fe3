"""The report's catalogue: every message and label in Dutch and English, side by side, so none goes missing
(a test checks both languages are there for every key). Placeholders are str.format fields."""

MESSAGES: dict[str, dict[str, str]] = {
    "report_title": {"nl": "Toegankelijkheidsrapport", "en": "Accessibility report"},
    "skip_to_content": {"nl": "Naar de inhoud", "en": "Skip to content"},
    "breadcrumbs": {"nl": "Kruimelpad", "en": "Breadcrumbs"},
    "footer_generated": {"nl": "Gemaakt op {date} met a11ycheck.", "en": "Generated on {date} by a11ycheck."},
    "footer_tool": {
        "nl": "Automatische tests met axe-core vinden een deel van de toegankelijkheidsproblemen, niet alle.",
        "en": "Automated tests with axe-core find some accessibility problems, not all of them.",
    },
    "overview": {"nl": "Overzicht", "en": "Overview"},
    "overview_heading": {
        "nl": "Toegankelijkheid van websites van Vlaamse besturen",
        "en": "Accessibility of Flemish public sector websites",
    },
    "overview_heading_province": {"nl": "Provincie {province}", "en": "Province of {province}"},
    "overview_heading_none": {"nl": "Zonder provincie", "en": "Without a province"},
    "overview_lead": {
        "nl": "Per organisatie: de laatste audit van haar websites, de evolutie sinds de vorige audits en de "
        "stand van haar toegankelijkheidscharter.",
        "en": "Per organisation: the latest audit of its websites, the trend since previous audits and the "
        "state of its accessibility charter.",
    },
    "overview_caption": {"nl": "{scope}, gesorteerd op {sort}", "en": "{scope}, sorted by {sort}"},
    "all_organisations": {"nl": "Alle organisaties", "en": "All organisations"},
    "filter_and_sort": {"nl": "Filteren en sorteren", "en": "Filter and sort"},
    "filter_by_province": {"nl": "Toon provincie:", "en": "Show province:"},
    "sort_by": {"nl": "Sorteer op:", "en": "Sort by:"},
    "sort_name": {"nl": "naam", "en": "name"},
    "sort_findings": {"nl": "meeste WCAG-fouten per pagina", "en": "most WCAG failures per page"},
    "sort_clean": {
        "nl": "minste pagina's zonder ernstige problemen",
        "en": "fewest pages without serious problems",
    },
    "sort_trend": {"nl": "sterkste verslechtering", "en": "largest deterioration"},
    "sort_date": {"nl": "oudste audit eerst", "en": "oldest audit first"},
    "sort_charter": {"nl": "meeste engagementen in gevaar", "en": "most commitments in trouble"},
    "organisation": {"nl": "Organisatie", "en": "Organisation"},
    "organisations": {"nl": "Organisaties", "en": "Organisations"},
    "organisations_audited": {"nl": "Met een audit", "en": "With an audit"},
    "province": {"nl": "Provincie", "en": "Province"},
    "no_province": {"nl": "geen", "en": "none"},
    "latest_audit": {"nl": "Laatste audit", "en": "Latest audit"},
    "no_audit_yet": {"nl": "nog geen afgeronde audit", "en": "no completed audit yet"},
    "pages": {"nl": "Pagina's", "en": "Pages"},
    "pages_audited": {"nl": "Pagina's geauditeerd", "en": "Pages audited"},
    "findings_per_page": {"nl": "WCAG 2.1 A/AA-fouten per pagina", "en": "WCAG 2.1 A/AA failures per page"},
    "share_without_serious": {
        "nl": "Pagina's zonder ernstige problemen",
        "en": "Pages without serious problems",
    },
    "trend": {"nl": "Evolutie", "en": "Trend"},
    "trend_better": {"nl": "beter", "en": "better"},
    "trend_worse": {"nl": "slechter", "en": "worse"},
    "trend_same": {"nl": "gelijk", "en": "unchanged"},
    "trend_from_to": {
        "nl": "van {before} naar {after} fouten per pagina sinds {date}",
        "en": "from {before} to {after} failures per page since {date}",
    },
    "trend_was": {"nl": "(was {before})", "en": "(was {before})"},
    "trend_none": {"nl": "nog geen vorige audit", "en": "no previous audit yet"},
    "charter": {"nl": "Charter", "en": "Charter"},
    "no_charter": {"nl": "geen charter", "en": "no charter"},
    "no_organisations": {
        "nl": "Er zijn nog geen websites met audits. Voeg een site toe en start een audit.",
        "en": "There are no audited websites yet. Add a site and start an audit.",
    },
    "how_to_read": {"nl": "Zo leest u dit rapport", "en": "How to read this report"},
    "explain_findings_per_page": {
        "nl": "Het aantal keer dat een regel voor WCAG 2.1 niveau A of AA (wat de Europese "
        "webtoegankelijkheidsrichtlijn vraagt) faalt op een pagina, gedeeld door het aantal geauditeerde "
        "pagina's. Een regel telt één keer per pagina, hoeveel elementen ook falen. Dit is ook de KPI "
        "'wcag_violations_per_page' van de charters.",
        "en": "How often a rule for WCAG 2.1 level A or AA (what the European Web Accessibility Directive "
        "requires) fails on a page, divided by the number of audited pages. A rule counts once per page, "
        "however many elements fail it. This is also the charters' KPI 'wcag_violations_per_page'.",
    },
    "explain_share_without_serious": {
        "nl": "Het aandeel geauditeerde pagina's waarop geen enkele regel faalt met impact 'ernstig' of "
        "'kritiek' (de charter-KPI 'pages_without_serious_share').",
        "en": "The share of audited pages on which no rule fails with impact 'serious' or 'critical' (the "
        "charters' KPI 'pages_without_serious_share').",
    },
    "explain_trend": {
        "nl": "De WCAG-fouten per pagina bij elke audit (hoogstens de laatste twaalf), en het verschil met "
        "de vorige audit. Een audit is de laatste afgeronde crawl van elke site van de organisatie op die "
        "dag.",
        "en": "WCAG failures per page at each audit (at most the last twelve), and the change since the "
        "previous audit. An audit is the latest completed crawl of each of the organisation's sites on "
        "that day.",
    },
    "explain_charter": {
        "nl": "Hoeveel engagementen van het toegankelijkheidscharter behaald, op schema, in gevaar, achter "
        "of over tijd zijn, of nog geen gegevens hebben.",
        "en": "How many commitments of the accessibility charter are met, on track, at risk, behind or "
        "overdue, or have no data yet.",
    },
    "on_this_page": {"nl": "Op deze pagina", "en": "On this page"},
    "websites": {"nl": "Websites", "en": "Websites"},
    "website": {"nl": "Website", "en": "Website"},
    "summary_and_trend": {"nl": "Samenvatting en evolutie", "en": "Summary and trend"},
    "advice_findings": {"nl": "Adviezen (best practice)", "en": "Advice (best practice)"},
    "wcag_findings": {"nl": "WCAG 2.1 A/AA-fouten", "en": "WCAG 2.1 A/AA failures"},
    "serious_findings": {"nl": "Ernstige problemen", "en": "Serious problems"},
    "wcag_elements": {"nl": "Elementen met WCAG-fouten", "en": "Elements with WCAG failures"},
    "advice_elements": {"nl": "Elementen met adviezen", "en": "Elements with advice"},
    "chart_see_table": {"nl": "(de cijfers staan in de tabel).", "en": "(the numbers are in the table)."},
    "chart_findings_trend": {
        "nl": "WCAG A/AA-fouten per pagina, per audit",
        "en": "WCAG A/AA failures per page, per audit",
    },
    "chart_share_trend": {
        "nl": "Aandeel pagina's zonder ernstige problemen, per audit",
        "en": "Share of pages without serious problems, per audit",
    },
    "series_findings": {"nl": "Fouten per pagina", "en": "Failures per page"},
    "series_share": {"nl": "Pagina's zonder ernstige problemen", "en": "Pages without serious problems"},
    "trend_table": {"nl": "Cijfers per audit, nieuwste eerst", "en": "Figures per audit, newest first"},
    "date": {"nl": "Datum", "en": "Date"},
    "by_criterion": {"nl": "Resultaten per WCAG-succescriterium", "en": "Results by WCAG success criterion"},
    "by_criterion_intro": {
        "nl": "WCAG-fouten van de laatste audit, per principe en succescriterium. Een regel die bij meerdere "
        "criteria hoort, telt bij elk ervan.",
        "en": "WCAG failures of the latest audit, by principle and success criterion. A rule that belongs to "
        "several criteria counts for each of them.",
    },
    "chart_principles": {"nl": "WCAG-fouten per principe", "en": "WCAG failures by principle"},
    "n_findings": {"nl": "{n} fouten", "en": "{n} failures"},
    "no_findings_principle": {
        "nl": "Geen automatisch gevonden fouten voor dit principe.",
        "en": "No automatically detected failures for this principle.",
    },
    "criterion": {"nl": "Succescriterium", "en": "Success criterion"},
    "criteria": {"nl": "Succescriteria", "en": "Success criteria"},
    "level": {"nl": "Niveau", "en": "Level"},
    "rules": {"nl": "axe-regels", "en": "axe rules"},
    "rule": {"nl": "Regel", "en": "Rule"},
    "pages_with_finding": {"nl": "Pagina's", "en": "Pages"},
    "elements": {"nl": "Elementen", "en": "Elements"},
    "by_impact": {"nl": "Resultaten per impact", "en": "Results by impact"},
    "chart_impact": {"nl": "WCAG-fouten per impact", "en": "WCAG failures by impact"},
    "impact_table": {
        "nl": "Fouten en adviezen per impact, laatste audit",
        "en": "Failures and advice by impact, latest audit",
    },
    "impact": {"nl": "Impact", "en": "Impact"},
    "distribution": {"nl": "Spreiding over de pagina's", "en": "Distribution over pages"},
    "chart_distribution": {
        "nl": "Aantal pagina's per aantal WCAG-fouten op de pagina",
        "en": "Number of pages by number of WCAG failures on the page",
    },
    "distribution_table": {
        "nl": "Geauditeerde pagina's per aantal WCAG-fouten",
        "en": "Audited pages by number of WCAG failures",
    },
    "wcag_findings_on_page": {"nl": "WCAG-fouten op de pagina", "en": "WCAG failures on the page"},
    "bin_exact": {"nl": "{low}", "en": "{low}"},
    "bin_range": {"nl": "{low} tot {high}", "en": "{low} to {high}"},
    "bin_open": {"nl": "{low} of meer", "en": "{low} or more"},
    "frequent_problems": {"nl": "Wat eerst oplossen", "en": "What to fix first"},
    "frequent_intro": {
        "nl": "De WCAG-fouten op de meeste pagina's, met voorbeelden en hoe ze op te lossen. Eén oplossing "
        "in een sjabloon verhelpt vaak vele pagina's tegelijk.",
        "en": "The WCAG failures on the most pages, with examples and how to fix them. One fix in a template "
        "often repairs many pages at once.",
    },
    "rule_reach": {
        "nl": "Op {pages} pagina's, {elements} elementen.",
        "en": "On {pages} pages, {elements} elements.",
    },
    "how_to_fix": {"nl": "Hoe oplossen: {rule}", "en": "How to fix: {rule}"},
    "examples": {"nl": "Voorbeelden:", "en": "Examples:"},
    "selector": {"nl": "Selector", "en": "Selector"},
    "on_page": {"nl": "op", "en": "on"},
    "all_wcag_rules": {"nl": "Alle WCAG-fouten", "en": "All WCAG failures"},
    "no_wcag_findings": {
        "nl": "Geen automatisch gevonden WCAG A/AA-fouten.",
        "en": "No automatically detected WCAG A/AA failures.",
    },
    "best_practice": {"nl": "Adviezen (best practice)", "en": "Advice (best practice)"},
    "best_practice_intro": {
        "nl": "Deze regels zijn geen WCAG-eisen maar goede praktijk: ze maken een site makkelijker te "
        "gebruiken, en tellen niet mee in de WCAG-cijfers.",
        "en": "These rules are not WCAG requirements but good practice: they make a site easier to use, and "
        "do not count in the WCAG figures.",
    },
    "no_advice": {"nl": "Geen adviezen.", "en": "No advice."},
    "help": {"nl": "Uitleg", "en": "Help"},
    "worst_pages": {"nl": "Pagina's met de meeste problemen", "en": "Pages with the most problems"},
    "page": {"nl": "Pagina", "en": "Page"},
    "changes": {
        "nl": "Nieuw en opgelost sinds de vorige audit",
        "en": "New and fixed since the previous audit",
    },
    "changes_intro": {
        "nl": "{new} elementen met een fout zijn nieuw, {fixed} zijn opgelost. Een element telt als opgelost "
        "als zijn pagina opnieuw geauditeerd werd en de fout er niet meer is.",
        "en": "{new} failing elements are new, {fixed} are fixed. An element counts as fixed when its page "
        "was audited again and the failure is gone.",
    },
    "changes_by_rule": {"nl": "Nieuw en opgelost per regel", "en": "New and fixed by rule"},
    "new_elements": {"nl": "Nieuw", "en": "New"},
    "fixed_elements": {"nl": "Opgelost", "en": "Fixed"},
    "changes_list_new": {"nl": "Nieuwe fouten", "en": "New failures"},
    "changes_list_fixed": {"nl": "Opgeloste fouten", "en": "Fixed failures"},
    "changes_more": {"nl": "En nog {n} meer.", "en": "And {n} more."},
    "no_previous_run": {
        "nl": "Er is nog geen vorige audit om mee te vergelijken.",
        "en": "There is no previous audit to compare with yet.",
    },
    "documents": {"nl": "Gevonden documenten", "en": "Documents found"},
    "documents_intro": {
        "nl": "{n} documenten (PDF, Word, ...) gevonden bij de laatste audit. Ze zijn niet geauditeerd: "
        "controleer ze apart of bied de inhoud als webpagina aan.",
        "en": "{n} documents (PDF, Word, ...) found in the latest audit. They were not audited: check them "
        "separately or offer their content as a web page.",
    },
    "documents_more": {"nl": "En nog {n} documenten.", "en": "And {n} more documents."},
    "no_documents": {"nl": "Geen documenten gevonden.", "en": "No documents found."},
    "document": {"nl": "Document", "en": "Document"},
    "content_type": {"nl": "Type", "en": "Type"},
    "size": {"nl": "Grootte", "en": "Size"},
    "http_status": {"nl": "HTTP-status", "en": "HTTP status"},
    "no_completed_audit": {
        "nl": "Er is nog geen afgeronde audit voor deze organisatie.",
        "en": "There is no completed audit for this organisation yet.",
    },
    "runs": {"nl": "Audits", "en": "Audits"},
    "run": {"nl": "Audit", "en": "Audit"},
    "no_runs": {"nl": "Nog geen audits.", "en": "No audits yet."},
    "run_status": {"nl": "Verloop", "en": "Outcome"},
    "run_heading": {"nl": "Audit van {host} op {date}", "en": "Audit of {host} on {date}"},
    "started": {"nl": "Gestart", "en": "Started"},
    "finished": {"nl": "Beëindigd", "en": "Finished"},
    "not_finished": {"nl": "niet beëindigd", "en": "not finished"},
    "axe_version": {"nl": "Versie van axe-core", "en": "axe-core version"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    "wcag_failures": {"nl": "WCAG-fouten", "en": "WCAG failures"},
    "pages_detailed": {
        "nl": "Elke pagina heeft een eigen pagina met alle fouten en hun elementen.",
        "en": "Each page has a page of its own with every failure and its elements.",
    },
    "pages_not_detailed": {
        "nl": "De fouten per element staan alleen bij de laatste audit van elke site; hier de aantallen.",
        "en": "Failures per element are shown for the latest audit of each site only; here are the counts.",
    },
    "page_status": {"nl": "Status", "en": "Status"},
    "address": {"nl": "Adres", "en": "Address"},
    "error": {"nl": "Fout", "en": "Error"},
    "audited_in": {"nl": "Geauditeerd in", "en": "Audited in"},
    "new": {"nl": "Nieuw", "en": "New"},
    "none": {"nl": "geen", "en": "none"},
    # charter section
    "charter_progress": {"nl": "Voortgang van het charter", "en": "Charter progress"},
    "charter_signed": {"nl": "Ondertekend op {date}.", "en": "Signed on {date}."},
    "commitment": {"nl": "Engagement", "en": "Commitment"},
    "domain": {"nl": "Domein", "en": "Domain"},
    "baseline": {"nl": "Startwaarde", "en": "Baseline"},
    "target": {"nl": "Doel", "en": "Target"},
    "deadline": {"nl": "Tegen", "en": "Deadline"},
    "current": {"nl": "Nu", "en": "Current"},
    "trajectory": {"nl": "Traject", "en": "Trajectory"},
    "status": {"nl": "Stand", "en": "Status"},
    "reported_updates": {"nl": "Gemelde voortgang", "en": "Reported progress"},
    "evidence": {"nl": "bewijs", "en": "evidence"},
    "no_updates": {"nl": "Nog geen gemelde voortgang.", "en": "No progress reported yet."},
    "chart_trajectory": {
        "nl": "{title}: traject en gemeten waarden",
        "en": "{title}: trajectory and measured values",
    },
    "series_planned": {"nl": "Traject", "en": "Trajectory"},
    "series_actual": {"nl": "Gemeten", "en": "Measured"},
    "today": {"nl": "vandaag", "en": "today"},
    "done": {"nl": "gedaan", "en": "done"},
    "present_yes": {"nl": "aanwezig", "en": "present"},
    "present_no": {"nl": "niet aanwezig", "en": "not present"},
    "charter_partners": {"nl": "Partners: {partners}.", "en": "Partners: {partners}."},
    "charter_intro": {
        "nl": "Per engagement: de startwaarde bij de ondertekening, het doel tegen de deadline, de waarde nu "
        "en de waarde die het traject van start naar doel vandaag aangeeft.",
        "en": "Per commitment: the baseline at signing, the target by the deadline, the current value and "
        "the value the trajectory from baseline to target gives for today.",
    },
    "kpi": {"nl": "Gemeten door", "en": "Measured by"},
    "kpi_measured": {"nl": "de audits: {what}", "en": "the audits: {what}"},
    "kpi_wcag_violations_per_page": {
        "nl": "WCAG 2.1 A/AA-fouten per geauditeerde pagina",
        "en": "WCAG 2.1 A/AA rule violations per audited page",
    },
    "kpi_pages_without_serious_share": {
        "nl": "aandeel geauditeerde pagina's zonder ernstige of kritieke fouten",
        "en": "share of audited pages without serious or critical violations",
    },
    "kpi_pages_failing_rule": {
        "nl": "geauditeerde pagina's waarop axe-regel {rule} faalt",
        "en": "audited pages failing axe rule {rule}",
    },
    "kpi_pages_failing_criterion": {
        "nl": "geauditeerde pagina's die WCAG-succescriterium {criterion} niet halen",
        "en": "audited pages failing WCAG success criterion {criterion}",
    },
    "kpi_accessibility_statement": {
        "nl": "een toegankelijkheidsverklaring op de site (1) of niet (0)",
        "en": "accessibility statement found on the site (1) or not (0)",
    },
    "kpi_accessibility_score": {
        "nl": "toegankelijkheidsscore (0-100, zie charters/README.md)",
        "en": "accessibility score (0-100, see charters/README.md)",
    },
    "kpi_reported": {"nl": "gemeld door de organisatie", "en": "reported by the organisation"},
    "values_table": {"nl": "Waarden van {title}", "en": "Values of {title}"},
    "value": {"nl": "Waarde", "en": "Value"},
    "note": {"nl": "Toelichting", "en": "Note"},
    "author": {"nl": "Door", "en": "By"},
    "charter_counts": {"nl": "Stand van de engagementen", "en": "Commitments by status"},
    "not_done": {"nl": "niet gedaan", "en": "not done"},
}

LABELS: dict[str, dict[str, dict[str, str]]] = {
    "impact": {
        "critical": {"nl": "kritiek", "en": "critical"},
        "serious": {"nl": "ernstig", "en": "serious"},
        "moderate": {"nl": "matig", "en": "moderate"},
        "minor": {"nl": "klein", "en": "minor"},
    },
    "level": {
        "best-practice": {"nl": "best practice", "en": "best practice"},
        "experimental": {"nl": "experimenteel", "en": "experimental"},
    },
    "run_status": {
        "completed": {"nl": "afgerond", "en": "completed"},
        "running": {"nl": "bezig", "en": "running"},
        "interrupted": {"nl": "onderbroken", "en": "interrupted"},
        "failed": {"nl": "mislukt", "en": "failed"},
    },
    "page_status": {
        "ok": {"nl": "geauditeerd", "en": "audited"},
        "timeout": {"nl": "te traag", "en": "timed out"},
        "error": {"nl": "fout bij audit", "en": "audit error"},
        "browser-crash": {"nl": "browser gecrasht", "en": "browser crashed"},
        "not-html": {"nl": "geen HTML", "en": "not HTML"},
        "partial": {"nl": "gedeeltelijk (zonder kleurcontrast)", "en": "partial (no colour contrast)"},
    },
    "charter_status": {
        "met": {"nl": "behaald", "en": "met"},
        "on track": {"nl": "op schema", "en": "on track"},
        "at risk": {"nl": "in gevaar", "en": "at risk"},
        "behind": {"nl": "achter", "en": "behind"},
        "overdue": {"nl": "over tijd", "en": "overdue"},
        "no data": {"nl": "geen gegevens", "en": "no data"},
    },
    "domain": {
        "digital": {"nl": "digitaal", "en": "digital"},
        "buildings": {"nl": "gebouwen", "en": "buildings"},
        "public-space": {"nl": "publieke ruimte", "en": "public space"},
        "services": {"nl": "dienstverlening", "en": "services"},
        "events": {"nl": "evenementen", "en": "events"},
        "communication": {"nl": "communicatie", "en": "communication"},
    },
}

MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "en": "January February March April May June July August September October November December".split(),
}
