"""Dutch sentence splitting and word counting: abbreviations, numbers, dates and URLs hold no boundary."""

import pytest

from a11ycheck.language.sentences import split_sentences, words_of


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        (
            "Breng klein gevaarlijk afval, bv. verf en batterijen, naar het containerpark. Het is gratis.",
            [
                "Breng klein gevaarlijk afval, bv. verf en batterijen, naar het containerpark.",
                "Het is gratis.",
            ],
        ),
        (
            "De raad besprak o.a. de begroting. Daarna volgde de stemming.",
            ["De raad besprak o.a. de begroting.", "Daarna volgde de stemming."],
        ),
        (
            "Sorteer glas, papier, karton enz. in de juiste bak. Restafval gaat in de grijze zak.",
            ["Sorteer glas, papier, karton enz. in de juiste bak.", "Restafval gaat in de grijze zak."],
        ),
        (
            "Breng glas, papier enz. De ophaling is op maandag.",
            ["Breng glas, papier enz.", "De ophaling is op maandag."],
        ),
        (
            "Zie besluit nr. 2024/115 en art. 5 van het reglement. Het geldt vanaf mei.",
            ["Zie besluit nr. 2024/115 en art. 5 van het reglement.", "Het geldt vanaf mei."],
        ),
        (
            "Dhr. Peeters en mevr. Janssens stelden een vraag. De schepen antwoordde.",
            ["Dhr. Peeters en mevr. Janssens stelden een vraag.", "De schepen antwoordde."],
        ),
        (
            "U krijgt een cheque i.p.v. een korting. Vragen m.b.t. de premie? Bel ons.",
            ["U krijgt een cheque i.p.v. een korting.", "Vragen m.b.t. de premie?", "Bel ons."],
        ),
        (
            "De premie bedraagt 1.250,50 euro per woning. Betaling volgt binnen 30 dagen.",
            ["De premie bedraagt 1.250,50 euro per woning.", "Betaling volgt binnen 30 dagen."],
        ),
        (
            "De raad keurde op 12.03.2024 het plan goed. De zitting begint om 19.30 u. De toegang is vrij.",
            [
                "De raad keurde op 12.03.2024 het plan goed.",
                "De zitting begint om 19.30 u.",
                "De toegang is vrij.",
            ],
        ),
        (
            "Het loket sluit op 3 jan. 2025 om 12 uur. Daarna is het dicht.",
            ["Het loket sluit op 3 jan. 2025 om 12 uur.", "Daarna is het dicht."],
        ),
        (
            "Lees meer op https://www.voorbeeld.be/afval/kalender.html. Of kijk op www.voorbeeld.be. Dank u.",
            [
                "Lees meer op https://www.voorbeeld.be/afval/kalender.html.",
                "Of kijk op www.voorbeeld.be.",
                "Dank u.",
            ],
        ),
        ("Wij helpen u. Bel ons gerust!", ["Wij helpen u.", "Bel ons gerust!"]),
        (
            "Contact: J. Peeters, dienst burgerzaken. Bel.",
            ["Contact: J. Peeters, dienst burgerzaken.", "Bel."],
        ),
        (
            "Hebt u vragen? Mail ons. Wij antwoorden snel",
            ["Hebt u vragen?", "Mail ons.", "Wij antwoorden snel"],
        ),
    ],
)
def test_sentences_of_a_paragraph(paragraph, sentences):
    assert split_sentences(paragraph) == sentences


def test_sentences_keep_their_text_as_it_stands():
    assert split_sentences("De  dienst\n burgerzaken is open. Dit is A.B.C. voor u.") == [
        "De dienst burgerzaken is open.",
        "Dit is A.B.C. voor u.",
    ]


def test_pieces_without_words_are_no_sentences():
    assert split_sentences("Zie art. 5. 12. — Dat is alles.") == ["Zie art. 5.", "— Dat is alles."]
    assert split_sentences("") == []
    assert split_sentences(" 1.250,50 … ") == []


def test_words_leave_out_numbers_urls_and_addresses():
    text = (
        "De premie (1.250,50 euro) geldt i.p.v. de cheque: zie www.voorbeeld.be/premie, https://x.be/a "
        "of mail naar premie@voorbeeld.be — de 2de OCMW-raad beslist en/of adviseert."
    )
    assert words_of(text) == [
        "De", "premie", "euro", "geldt", "i.p.v", "de", "cheque", "zie", "of", "mail", "naar",
        "de", "2de", "OCMW-raad", "beslist", "en/of", "adviseert",
    ]  # fmt: skip


def test_a_token_too_long_to_be_a_word_is_not_counted():
    assert words_of("code " + "x" * 46 + " en " + "arbeidsongeschiktheidsverzekering") == [
        "code",
        "en",
        "arbeidsongeschiktheidsverzekering",
    ]
