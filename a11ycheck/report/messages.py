"""The report's catalogue: every message and label in Dutch and English, side by side, so none goes missing
(a test checks both languages are there for every key). Placeholders are str.format fields."""

from a11ycheck.report.document_messages import DOCUMENT_LABELS, DOCUMENT_MESSAGES
from a11ycheck.report.organisation_messages import ORGANISATION_MESSAGES

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
        "pagina's. Een regel telt één keer per pagina, hoeveel elementen ook falen. De charters meten met "
        "hetzelfde cijfer.",
        "en": "How often a rule for WCAG 2.1 level A or AA (what the European Web Accessibility Directive "
        "requires) fails on a page, divided by the number of audited pages. A rule counts once per page, "
        "however many elements fail it. The charters measure the same figure.",
    },
    "explain_share_without_serious": {
        "nl": "Het aandeel geauditeerde pagina's waarop geen enkele regel faalt met impact 'ernstig' of "
        "'kritiek', zoals de charters het meten.",
        "en": "The share of audited pages on which no rule fails with impact 'serious' or 'critical' as the "
        "charters measure it.",
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
    "plain_language_column": {"nl": "Klare taal (B1 of eenvoudiger)", "en": "Plain language (B1 or easier)"},
    "explain_plain_language": {
        "nl": "Het aandeel pagina's met genoeg Nederlandse tekst waarvan het geschatte taalniveau B1 of "
        "eenvoudiger is, het niveau waarop overheden schrijven, zoals de charters het meten. "
        "Het niveau is een schatting uit de lengte van zinnen en woorden en hoe gewoon de woorden zijn.",
        "en": "The share of pages with enough Dutch text whose estimated language level is B1 or easier, the "
        "level governments write at, as the charters measure it. The level is estimated "
        "from the length of sentences and words and how common the words are.",
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
    "chart_see_table": {"nl": "De cijfers staan in de tabel.", "en": "The numbers are in the table."},
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
        "nl": "Op {pages}, {elements}.",
        "en": "On {pages}, {elements}.",
    },
    "how_to_fix": {"nl": "Hoe oplossen: {rule}", "en": "How to fix: {rule}"},
    "examples": {"nl": "Voorbeelden:", "en": "Examples:"},
    "selector": {"nl": "Selector", "en": "Selector"},
    "in_frame": {"nl": "in het frame", "en": "in the frame"},
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
        "nl": "Nieuw: {new}; opgelost: {fixed}. Een element telt als opgelost als zijn pagina opnieuw "
        "geauditeerd werd en de fout er niet meer is.",
        "en": "New: {new}; fixed: {fixed}. An element counts as fixed when its page was audited again and "
        "the failure is gone.",
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
    "run_status": {"nl": "Uitkomst", "en": "Outcome"},
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
    "deadline": {"nl": "Deadline", "en": "Deadline"},
    "current": {"nl": "Nu", "en": "Current"},
    "trajectory": {"nl": "Traject", "en": "Trajectory"},
    "status": {"nl": "Status", "en": "Status"},
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
    "charter_partners_label": {"nl": "Partners:", "en": "Partners:"},
    "charter_intro": {
        "nl": "Per engagement: de startwaarde bij de ondertekening, het doel tegen de deadline, de waarde nu "
        "en de waarde die het traject van start naar doel vandaag aangeeft.",
        "en": "Per commitment: the baseline at signing, the target by the deadline, the current value and "
        "the value the trajectory from baseline to target gives for today.",
    },
    "kpi_measured": {"nl": "Gemeten door de audits: {what}", "en": "Measured by the audits: {what}"},
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
        "nl": "een toegankelijkheidsverklaring gevonden en gelezen op elke site (1) of niet (0)",
        "en": "an accessibility statement found and read as one on every site (1) or not (0)",
    },
    "kpi_statement_grade": {
        "nl": "score van de toegankelijkheidsverklaring, A=5 tot E=1 (de zwakste site)",
        "en": "grade of the accessibility statement, A=5 to E=1 (the worst of the sites)",
    },
    "kpi_accessibility_score": {
        "nl": "toegankelijkheidsscore: het gemiddelde over de pagina's van 100 min 10 per kritieke, 5 per "
        "ernstige, 2 per matige en 1 per kleine fout (hoger is beter; ook een hoge score kan samengaan met "
        "ernstige fouten op veel pagina's)",
        "en": "accessibility score: the mean over the pages of 100 minus 10 per critical, 5 per serious, "
        "2 per moderate and 1 per minor failure (higher is better; even a high score can go with serious "
        "failures on many pages)",
    },
    "kpi_plain_language_b1_share": {
        "nl": "aandeel Nederlandstalige pagina's met genoeg tekst op taalniveau B1 of eenvoudiger (geschat)",
        "en": "share of Dutch pages with enough text at language level B1 or easier (estimated)",
    },
    "kpi_flesch_douma_median": {
        "nl": "mediaan van de Flesch-Douma-leesbaarheid van de Nederlandstalige pagina's met genoeg tekst",
        "en": "median Flesch-Douma reading ease of the Dutch pages with enough text",
    },
    "kpi_reported": {"nl": "Gemeld door de organisatie", "en": "Reported by the organisation"},
    "values_table": {"nl": "Waarden van", "en": "Values of"},
    "value": {"nl": "Waarde", "en": "Value"},
    "note": {"nl": "Toelichting", "en": "Note"},
    "author": {"nl": "Door", "en": "By"},
    "charter_counts": {"nl": "Stand van de engagementen", "en": "Commitments by status"},
    "not_done": {"nl": "niet gedaan", "en": "not done"},
    # Accessibility statements (a11ycheck/statements/; templates/_statement.html)
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "statement_heading": {"nl": "Toegankelijkheidsverklaring", "en": "Accessibility statement"},
    "statement_column": {"nl": "Verklaring", "en": "Statement"},
    "statement_intro": {
        "nl": "Per website: de toegankelijkheidsverklaring die de laatste afgeronde crawl vond, gelezen en "
        "beoordeeld van A (volledig en actueel) tot E (geen verklaring), en wat ze zegt dat de metingen "
        "tegenspreken.",
        "en": "Per website: the accessibility statement its latest completed crawl found, read and graded "
        "from A (complete and up to date) to E (no statement), and what it says that the measurements "
        "contradict.",
    },
    "statement_grade_is": {"nl": "score {grade}", "en": "grade {grade}"},
    "statement_not_checked": {
        "nl": "Deze crawl zocht nog geen toegankelijkheidsverklaring.",
        "en": "This crawl did not look for an accessibility statement yet.",
    },
    "statement_none_found": {
        "nl": "Geen link naar een toegankelijkheidsverklaring gevonden: score E.",
        "en": "No link to an accessibility statement found: grade E.",
    },
    "statement_address": {"nl": "Adres", "en": "Address"},
    "statement_is_statement": {"nl": "Gelezen als verklaring", "en": "Read as a statement"},
    "statement_status": {"nl": "Nalevingsstatus", "en": "Compliance status"},
    "statement_standard": {"nl": "Norm", "en": "Standard"},
    "statement_prepared_on": {"nl": "Opgesteld op", "en": "Prepared on"},
    "statement_reviewed_on": {"nl": "Laatst herzien op", "en": "Last reviewed on"},
    "statement_method": {"nl": "Methode", "en": "Method"},
    "statement_feedback": {"nl": "Feedback", "en": "Feedback"},
    "statement_enforcement": {"nl": "Klachtenprocedure beschreven", "en": "Complaint procedure described"},
    "statement_non_accessible": {
        "nl": "Niet-toegankelijke inhoud opgesomd",
        "en": "Non-accessible content listed",
    },
    "statement_linked_from_home": {"nl": "Gelinkt vanaf de startpagina", "en": "Linked from the home page"},
    "statement_linked_from": {"nl": "Gelinkt vanaf", "en": "Linked from"},
    "statement_pages_linking": {
        "nl": "{pages} van de {audited} geauditeerde pagina's ({share})",
        "en": "{pages} of the {audited} audited pages ({share})",
    },
    "statement_problems": {"nl": "Problemen", "en": "Problems"},
    "statement_no_problems": {"nl": "Geen problemen gevonden.", "en": "No problems found."},
    "statement_contradictions": {
        "nl": "In tegenspraak met de metingen",
        "en": "Contradicted by the measurements",
    },
    "statement_no_contradictions": {
        "nl": "Geen tegenspraak met de metingen gevonden.",
        "en": "No contradiction with the measurements found.",
    },
    "explain_statement": {
        "nl": "De score van de toegankelijkheidsverklaring, van A (volledig en actueel) tot E (geen "
        "verklaring); bij meerdere websites de zwakste.",
        "en": "The grade of the accessibility statement, from A (complete and up to date) to E (no "
        "statement); with several websites, the worst.",
    },
    # The conformance table per site (the EU sample and manual review, a11ycheck/review)
    "conformance": {"nl": "Conformiteit per succescriterium", "en": "Conformance per success criterion"},
    "conformance_intro": {
        "nl": "Voor elke site met een steekproef volgens de EU-monitoringmethode: per succescriterium van "
        "WCAG 2.1 niveau A en AA wat axe en wat de handmatige beoordeling vonden op de pagina's van de "
        "steekproef, en de uitkomst. Wat niemand beoordeelde, is niet getest: dat axe niets vindt, bewijst "
        "niets.",
        "en": "For each site with a sample following the EU monitoring method: per WCAG 2.1 level A and AA "
        "success criterion, what axe and the manual review found on the sampled pages, and the outcome. What "
        "nobody reviewed is not tested: axe finding nothing proves nothing.",
    },
    "conformance_source": {
        "nl": "Steekproef {sample} van {date}: {pages} pagina's en documenten.",
        "en": "Sample {sample} of {date}: {pages} pages and documents.",
    },
    "conformance_reviewed": {
        "nl": "Handmatig beoordeeld, laatst op {date}.",
        "en": "Reviewed by hand, last on {date}.",
    },
    "conformance_not_reviewed": {
        "nl": "Nog niet handmatig beoordeeld: enkel de bevindingen van axe.",
        "en": "Not reviewed by hand yet: axe's findings only.",
    },
    "conformance_all_yes": {
        "nl": "Alle 50 criteria zijn beoordeeld.",
        "en": "All 50 criteria were evaluated.",
    },
    "conformance_all_no": {
        "nl": "Niet alle criteria zijn beoordeeld: {n} van de 50 zijn niet getest.",
        "en": "Not all criteria were evaluated: {n} of the 50 are not tested.",
    },
    "conformance_caption": {"nl": "Conformiteit van {site}", "en": "Conformance of {site}"},
    "conformance_automated": {"nl": "axe", "en": "axe"},
    "conformance_manual": {"nl": "Handmatig", "en": "By hand"},
    "conformance_outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "conformance_pages_tested": {"nl": "Pagina's getest", "en": "Pages tested"},
    "conformance_failing_pages": {"nl": "Pagina's die falen", "en": "Failing pages"},
    "review_passed": {"nl": "voldoet", "en": "passed"},
    "review_failed": {"nl": "faalt", "en": "failed"},
    "review_not-applicable": {"nl": "niet van toepassing", "en": "not applicable"},
    "review_needs-review": {"nl": "na te kijken", "en": "needs review"},
    "review_conformant": {"nl": "conform", "en": "conformant"},
    "review_not-conformant": {"nl": "niet conform", "en": "not conformant"},
    "review_not-tested": {"nl": "niet getest", "en": "not tested"},
    # --- plain language (klare taal): _language.html -----------------------------------------------------
    "plain_language": {"nl": "Klare taal", "en": "Plain language"},
    "plain_language_intro": {
        "nl": "Hoe leesbaar de Nederlandse hoofdtekst van de geauditeerde pagina's is. Vlaamse en "
        "Nederlandse overheden schrijven op taalniveau B1: korte zinnen van hoogstens 15 tot 20 woorden, "
        "gewone woorden, tussenkopjes en opsommingen. Het niveau is een schatting uit de lengte van de "
        "zinnen en de woorden en hoe gewoon de woorden zijn. Het zegt niets over de opbouw, de toon of de "
        "opmaak van een tekst: laat de moeilijkste pagina's nalezen door een mens. Pagina's met minder dan "
        "100 woorden lopende tekst krijgen geen niveau.",
        "en": "How readable the Dutch main text of the audited pages is. Flemish and Dutch governments write "
        "at language level B1: short sentences of 15 to 20 words at most, everyday words, headings and "
        "lists. The level is estimated from the length of sentences and words and how common the words are. "
        "It says nothing about a text's structure, tone or layout: have the hardest pages read by a person. "
        "Pages with fewer than 100 words of running text get no level.",
    },
    "language_leveled": {"nl": "Pagina's met een taalniveau", "en": "Pages with a language level"},
    "language_b1_share": {"nl": "Op B1-niveau of eenvoudiger", "en": "At level B1 or easier"},
    "language_flesch_median": {
        "nl": "Flesch-Douma (mediaan, hoger is makkelijker)",
        "en": "Flesch-Douma (median, higher is easier)",
    },
    "language_trend_from_to": {
        "nl": "van {before} naar {after} van de pagina's op B1-niveau of eenvoudiger sinds {date}",
        "en": "from {before} to {after} of pages at level B1 or easier since {date}",
    },
    "language_levels": {"nl": "Pagina's per taalniveau", "en": "Pages by language level"},
    "chart_language_levels": {
        "nl": "Aantal pagina's per geschat taalniveau",
        "en": "Number of pages by estimated language level",
    },
    "language_levels_table": {
        "nl": "Geauditeerde pagina's per geschat taalniveau, laatste audit",
        "en": "Audited pages by estimated language level, latest audit",
    },
    "language_level": {"nl": "Taalniveau", "en": "Language level"},
    "language_level_A2": {"nl": "A2: eenvoudig", "en": "A2: simple"},
    "language_level_B1": {"nl": "B1: klare taal", "en": "B1: plain language"},
    "language_level_B2": {"nl": "B2: moeilijker", "en": "B2: harder"},
    "language_level_C1": {"nl": "C1: moeilijk", "en": "C1: hard"},
    "language_dutch_without_level": {
        "nl": "Nederlands, maar te weinig lopende tekst voor een niveau",
        "en": "Dutch, but too little running text for a level",
    },
    "language_other": {"nl": "In een andere taal", "en": "In another language"},
    "language_unknown": {"nl": "Taal niet te bepalen", "en": "Language could not be told"},
    "language_hardest": {"nl": "Moeilijkst leesbare pagina's", "en": "Pages hardest to read"},
    "language_hardest_intro": {
        "nl": "De pagina's met het hoogste geschatte taalniveau, met hun langste zinnen zoals ze op de "
        "pagina staan. Lange zinnen opsplitsen is vaak de snelste winst.",
        "en": "The pages with the highest estimated language level, with their longest sentences as they "
        "stand on the page. Splitting long sentences is often the quickest gain.",
    },
    "language_page_figures": {
        "nl": "Taalniveau {level} · Flesch-Douma {score} · zinnen van meer dan 20 woorden: {long} · "
        "gemiddeld {average} woorden per zin · {words} woorden lopende tekst",
        "en": "Language level {level} · Flesch-Douma {score} · sentences of more than 20 words: {long} · "
        "{average} words per sentence on average · {words} words of running text",
    },
    "language_longest": {"nl": "Langste zinnen:", "en": "Longest sentences:"},
    "language_trend": {"nl": "Klare taal per audit", "en": "Plain language per audit"},
    "language_trend_table": {
        "nl": "Klare taal per audit, nieuwste eerst",
        "en": "Plain language per audit, newest first",
    },
    "language_no_levels": {
        "nl": "Geen enkele pagina heeft genoeg Nederlandse lopende tekst voor een taalniveau.",
        "en": "No page has enough Dutch running text for a language level.",
    },
    "language_no_data": {
        "nl": "Geen cijfers over klare taal: bij deze audits werd de tekst van de pagina's niet gelezen "
        "(a11ycheck crawl --no-language).",
        "en": "No plain-language figures: these audits did not read the pages' text "
        "(a11ycheck crawl --no-language).",
    },
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
        "behind": {"nl": "achter op schema", "en": "behind"},
        "overdue": {"nl": "over tijd", "en": "overdue"},
        "stale": {"nl": "verouderd", "en": "stale"},
        "no data": {"nl": "geen gegevens", "en": "no data"},
    },
    "statement_status": {
        "full": {"nl": "volledig in overeenstemming", "en": "fully compliant"},
        "partial": {"nl": "gedeeltelijk in overeenstemming", "en": "partially compliant"},
        "none": {"nl": "niet in overeenstemming", "en": "not compliant"},
        "unknown": {"nl": "niet vermeld", "en": "not stated"},
    },
    "statement_method": {
        "self-assessment": {"nl": "zelfevaluatie", "en": "self-assessment"},
        "third-party": {"nl": "beoordeling door een derde partij", "en": "assessment by a third party"},
        "unknown": {"nl": "niet vermeld", "en": "not stated"},
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

MONTHS_SHORT = {  # the usual abbreviations, not the first three letters ("mrt", not "maa")
    "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec".split(),
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
}

# Nouns counted in the text, singular and plural: Messages.count(2, "page") -> "2 pagina's".
NOUNS = {
    "page": {"nl": ("pagina", "pagina's"), "en": ("page", "pages")},
    "failure": {"nl": ("fout", "fouten"), "en": ("failure", "failures")},
    "element": {"nl": ("element", "elementen"), "en": ("element", "elements")},
    "failing_element": {
        "nl": ("element met een fout", "elementen met een fout"),
        "en": ("failing element", "failing elements"),
    },
    "document": {"nl": ("document", "documenten"), "en": ("document", "documents")},
    "commitment": {"nl": ("engagement", "engagementen"), "en": ("commitment", "commitments")},
    "municipality": {"nl": ("gemeente", "gemeenten"), "en": ("municipality", "municipalities")},
}

# The documents section's words, and those of the organisation page's summary, comparison, downloads and
# chart conclusions, live in modules of their own.
MESSAGES.update(DOCUMENT_MESSAGES)
MESSAGES.update(ORGANISATION_MESSAGES)
LABELS.update(DOCUMENT_LABELS)
