"""The report's words about documents (PDF, DOCX, ODT, ...), in Dutch and English; messages.py takes them in.

Check ids and statuses are those of a11ycheck/documents (docs/documents.md); an unknown one is shown as it is.
"""

DOCUMENT_MESSAGES: dict[str, dict[str, str]] = {
    "documents": {"nl": "Documenten", "en": "Documents"},
    "documents_intro": {
        "nl": "{found} documenten (PDF, Word, OpenDocument, ...) gevonden bij de laatste audit. {checked} "
        "konden automatisch gecontroleerd worden; daarvan doorstaan er {accessible} ({share}) elke controle. "
        "PDF's zonder tags: {untagged}.",
        "en": "{found} documents (PDF, Word, OpenDocument, ...) found in the latest audit. {checked} could "
        "be checked automatically; of those, {accessible} ({share}) pass every check. PDFs without tags: "
        "{untagged}.",
    },
    "documents_limits": {
        "nl": "Een automatische controle vindt ontbrekende structuur, titel, taal, tekst en "
        "tekstalternatieven, niet of de leesvolgorde of de alternatieve teksten goed zijn: dat blijft werk "
        "voor een mens.",
        "en": "An automatic check finds missing structure, title, language, text and text alternatives, not "
        "whether the reading order or the alternative texts are right: that remains work for a person.",
    },
    "documents_table": {"nl": "Documenten, de slechtste eerst", "en": "Documents, worst first"},
    "documents_more": {"nl": "En nog {n}.", "en": "And {n} more."},
    "no_documents": {"nl": "Geen documenten gevonden.", "en": "No documents found."},
    "document": {"nl": "Document", "en": "Document"},
    "found_on": {"nl": "Gevonden op", "en": "Found on"},
    "document_type": {"nl": "Type", "en": "Type"},
    "document_result": {"nl": "Resultaat", "en": "Result"},
    "failed_checks": {"nl": "Niet gehaald", "en": "Failed"},
    "possibly_exempt": {
        "nl": "mogelijk vrijgesteld: laatst gewijzigd vóór 23 september 2018",
        "en": "possibly exempt: last changed before 23 September 2018",
    },
    "documents_accessible_share": {"nl": "Documenten zonder fouten", "en": "Documents without failures"},
    "explain_documents_accessible_share": {
        "nl": "Het aandeel van de gecontroleerde documenten (PDF, Word, OpenDocument) van de laatste audit "
        "dat elke automatische controle doorstaat, zoals de charters het meten.",
        "en": "The share of the latest audit's checked documents (PDF, Word, OpenDocument) that pass every "
        "automatic check, as the charters measure it.",
    },
    "kpi_documents_accessible_share": {
        "nl": "aandeel gecontroleerde documenten dat elke controle doorstaat",
        "en": "share of checked documents that pass every check",
    },
    "kpi_untagged_pdfs": {"nl": "gecontroleerde PDF's zonder tags", "en": "checked PDFs without tags"},
}

DOCUMENT_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "document_status": {
        "accessible": {"nl": "doorstaat elke controle", "en": "passes every check"},
        "failing": {"nl": "niet toegankelijk", "en": "not accessible"},
        "too-large": {"nl": "te groot om te controleren", "en": "too large to check"},
        "timeout": {"nl": "controle duurde te lang", "en": "check took too long"},
        "unreadable": {"nl": "onleesbaar of beschadigd", "en": "unreadable or damaged"},
        "password-protected": {"nl": "met wachtwoord beveiligd", "en": "password protected"},
        "not-checked": {"nl": "niet gecontroleerd", "en": "not checked"},
        "not-downloaded": {"nl": "niet gedownload", "en": "not downloaded"},
        "refused": {"nl": "geweigerd door de adrescontrole", "en": "refused by the address check"},
        "tls-error": {"nl": "beveiligde verbinding mislukt", "en": "secure connection failed"},
        "error": {"nl": "niet opgehaald", "en": "could not be fetched"},
        "redirected": {"nl": "doorverwezen naar een andere site", "en": "redirected to another site"},
        "redirect-loop": {"nl": "te veel doorverwijzingen", "en": "too many redirects"},
    },
    "document_check": {
        "tagged": {"nl": "tags (structuur)", "en": "tags (structure)"},
        "title": {"nl": "titel", "en": "title"},
        "language": {"nl": "taal", "en": "language"},
        "text": {"nl": "echte tekst (geen scan)", "en": "real text (not a scan)"},
        "figure-alt": {"nl": "tekstalternatief bij figuren", "en": "figure text alternatives"},
        "bookmarks": {"nl": "bladwijzers", "en": "bookmarks"},
        "permissions": {"nl": "toegang voor hulpsoftware", "en": "access for assistive technology"},
        "headings": {"nl": "koppen", "en": "headings"},
        "tables": {"nl": "kopcellen in tabellen", "en": "table header cells"},
        "form-fields": {"nl": "namen van formuliervelden", "en": "form field names"},
        "link-annotations": {"nl": "links", "en": "links"},
        "pdfua": {"nl": "PDF/UA-kenmerk", "en": "PDF/UA identifier"},
        "image-alt": {"nl": "tekstalternatief bij afbeeldingen", "en": "image text alternatives"},
    },
}
