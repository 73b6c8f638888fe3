"""What a failed criterion means for a visitor, in a sentence of plain Dutch and English: the "non-accessible
content" of a statement is written for the public, not for auditors."""

# criterion number: (Dutch, English)
PLAIN_WORDS: dict[str, tuple[str, str]] = {
    "1.1.1": (
        "Niet alle afbeeldingen, pictogrammen en knoppen met een afbeelding hebben een tekstalternatief.",
        "Not all images, icons and image buttons have a text alternative.",
    ),
    "1.2.1": (
        "Voor opgenomen geluid, of video zonder geluid, is er niet altijd een tekstversie.",
        "Recorded audio, or video without sound, does not always have a text version.",
    ),
    "1.2.2": (
        "Opgenomen video's met geluid hebben niet altijd ondertitels.",
        "Recorded videos with sound do not always have captions.",
    ),
    "1.2.3": (
        "Opgenomen video's hebben niet altijd een audiodescriptie of een volledige tekstversie.",
        "Recorded videos do not always have audio description or a full text version.",
    ),
    "1.2.4": (
        "Live video's met geluid hebben niet altijd ondertitels.",
        "Live videos with sound do not always have captions.",
    ),
    "1.2.5": (
        "Opgenomen video's beschrijven niet altijd in geluid wat er te zien is.",
        "Recorded videos do not always describe in sound what is shown.",
    ),
    "1.3.1": (
        "Koppen, lijsten, tabellen en formuliervelden zijn niet altijd in de code vastgelegd, zodat "
        "hulpsoftware ze niet altijd herkent.",
        "Headings, lists, tables and form fields are not always marked up in the code, so assistive "
        "technology does not always recognise them.",
    ),
    "1.3.2": (
        "De volgorde waarin inhoud wordt voorgelezen, klopt niet altijd.",
        "Content is not always read out in a meaningful order.",
    ),
    "1.3.3": (
        "Instructies verwijzen soms alleen naar vorm, kleur, grootte, plaats of geluid.",
        "Instructions sometimes rely only on shape, colour, size, position or sound.",
    ),
    "1.3.4": (
        "Sommige inhoud werkt maar in één schermstand (staand of liggend).",
        "Some content works in only one screen orientation (portrait or landscape).",
    ),
    "1.3.5": (
        "Formuliervelden voor persoonsgegevens maken hun doel niet altijd bekend, zodat een browser ze niet "
        "automatisch kan invullen.",
        "Form fields for personal data do not always state their purpose, so a browser cannot fill them in "
        "automatically.",
    ),
    "1.4.1": (
        "Kleur is soms de enige manier waarop informatie wordt gegeven.",
        "Colour is sometimes the only way information is given.",
    ),
    "1.4.2": (
        "Geluid dat vanzelf start, kan niet altijd gepauzeerd of stilgezet worden.",
        "Sound that plays automatically cannot always be paused or stopped.",
    ),
    "1.4.3": (
        "Het kleurcontrast tussen tekst en achtergrond is soms te laag.",
        "The colour contrast between text and background is sometimes too low.",
    ),
    "1.4.4": (
        "Als de tekst tot 200% vergroot wordt, gaat soms inhoud of een functie verloren.",
        "When text is enlarged to 200%, content or functions are sometimes lost.",
    ),
    "1.4.5": (
        "Er staat soms tekst in afbeeldingen waar gewone tekst kan.",
        "Images of text are sometimes used where real text could be.",
    ),
    "1.4.10": (
        "Op een smal scherm of bij sterk inzoomen moet je soms in twee richtingen scrollen, of valt "
        "inhoud weg.",
        "On a narrow screen or when zoomed in, content sometimes needs scrolling in two directions, or "
        "is lost.",
    ),
    "1.4.11": (
        "Knoppen, formuliervelden, pictogrammen en grafieken hebben soms te weinig contrast met hun "
        "omgeving.",
        "Buttons, form fields, icons and graphics sometimes have too little contrast with their "
        "surroundings.",
    ),
    "1.4.12": (
        "Als je de afstand tussen regels, letters of woorden vergroot, gaat soms inhoud verloren.",
        "When line, letter or word spacing is increased, content is sometimes lost.",
    ),
    "1.4.13": (
        "Inhoud die verschijnt bij aanwijzen of focus, zoals een pop-up, kan niet altijd gesloten worden of "
        "verdwijnt te snel.",
        "Content that appears on hover or focus, such as a pop-up, cannot always be dismissed or disappears "
        "too soon.",
    ),
    "2.1.1": (
        "Niet alle functies zijn met het toetsenbord te bedienen.",
        "Not all functions can be operated with a keyboard.",
    ),
    "2.1.2": (
        "De toetsenbordfocus raakt soms vast in een deel van de pagina.",
        "Keyboard focus sometimes gets trapped in part of the page.",
    ),
    "2.1.4": (
        "Sneltoetsen van één teken kunnen niet altijd uitgeschakeld of aangepast worden.",
        "Single-character keyboard shortcuts cannot always be turned off or changed.",
    ),
    "2.2.1": (
        "Tijdslimieten kunnen niet altijd verlengd, aangepast of uitgeschakeld worden.",
        "Time limits cannot always be extended, adjusted or turned off.",
    ),
    "2.2.2": (
        "Bewegende, knipperende of vanzelf wisselende inhoud kan niet altijd gepauzeerd, gestopt of "
        "verborgen worden.",
        "Moving, blinking or automatically changing content cannot always be paused, stopped or hidden.",
    ),
    "2.3.1": (
        "Sommige inhoud flitst meer dan drie keer per seconde.",
        "Some content flashes more than three times per second.",
    ),
    "2.4.1": (
        "Er is niet altijd een manier om herhaalde blokken, zoals het menu, over te slaan.",
        "There is not always a way to skip repeated blocks such as the menu.",
    ),
    "2.4.2": (
        "Niet alle pagina's hebben een titel die hun onderwerp of doel beschrijft.",
        "Not all pages have a title that describes their topic or purpose.",
    ),
    "2.4.3": (
        "De toetsenbordfocus gaat niet altijd in een logische volgorde door de pagina.",
        "Keyboard focus does not always move through the page in a logical order.",
    ),
    "2.4.4": (
        "Het doel van een link is niet altijd duidelijk uit de linktekst en de context.",
        "The purpose of a link is not always clear from its text and context.",
    ),
    "2.4.5": (
        "Niet elke pagina is op meer dan één manier te vinden, bijvoorbeeld via het menu, de zoekfunctie of "
        "de sitemap.",
        "Not every page can be found in more than one way, such as the menu, the search or the sitemap.",
    ),
    "2.4.6": (
        "Koppen en labels beschrijven niet altijd het onderwerp of het doel.",
        "Headings and labels do not always describe the topic or purpose.",
    ),
    "2.4.7": (
        "Je ziet niet altijd welk onderdeel de toetsenbordfocus heeft.",
        "It is not always visible which element has keyboard focus.",
    ),
    "2.5.1": (
        "Sommige functies vragen een gebaar met meerdere vingers of langs een pad, zonder eenvoudig "
        "alternatief.",
        "Some functions need a multi-finger or path-based gesture, without a simple alternative.",
    ),
    "2.5.2": (
        "Sommige functies starten al bij het indrukken in plaats van bij het loslaten, zonder manier om te "
        "annuleren.",
        "Some functions act when pressed down instead of when released, with no way to cancel.",
    ),
    "2.5.3": (
        "De zichtbare tekst van knoppen en links zit niet altijd in hun toegankelijke naam.",
        "The visible text of buttons and links is not always part of their accessible name.",
    ),
    "2.5.4": (
        "Sommige functies werken alleen door het toestel te bewegen of te schudden.",
        "Some functions only work by moving or shaking the device.",
    ),
    "3.1.1": (
        "De taal van de pagina is niet altijd in de code aangegeven.",
        "The language of the page is not always set in the code.",
    ),
    "3.1.2": (
        "Tekst in een andere taal is niet altijd als zodanig aangeduid.",
        "Text in another language is not always marked as such.",
    ),
    "3.2.1": (
        "Een onderdeel dat de focus krijgt, veroorzaakt soms een onverwachte verandering.",
        "An element that receives focus sometimes causes an unexpected change.",
    ),
    "3.2.2": (
        "Een waarde invullen of kiezen veroorzaakt soms een onverwachte verandering.",
        "Entering or choosing a value sometimes causes an unexpected change.",
    ),
    "3.2.3": (
        "De navigatie staat niet op elke pagina in dezelfde volgorde.",
        "Navigation is not in the same order on every page.",
    ),
    "3.2.4": (
        "Onderdelen met dezelfde functie heten niet overal hetzelfde.",
        "Components with the same function are not named the same everywhere.",
    ),
    "3.3.1": (
        "Invulfouten worden niet altijd duidelijk in tekst gemeld.",
        "Input errors are not always clearly described in text.",
    ),
    "3.3.2": (
        "Formuliervelden hebben niet altijd een label of een instructie.",
        "Form fields do not always have a label or instructions.",
    ),
    "3.3.3": (
        "Bij een invulfout staat er niet altijd een suggestie om hem te verbeteren.",
        "When an input error is found, a suggestion to correct it is not always given.",
    ),
    "3.3.4": (
        "Bij het versturen van juridische, financiële of persoonlijke gegevens kan je niet altijd nakijken, "
        "verbeteren of annuleren.",
        "When sending legal, financial or personal data, it is not always possible to check, correct or "
        "cancel.",
    ),
    "4.1.1": (
        "De code bevat fouten, zoals dubbele id's of verkeerd geneste elementen, die hulpsoftware kunnen "
        "hinderen.",
        "The code has errors, such as duplicate ids or badly nested elements, that can hinder assistive "
        "technology.",
    ),
    "4.1.2": (
        "Knoppen, links, formuliervelden en andere onderdelen hebben niet altijd een naam, rol of toestand "
        "die hulpsoftware kan lezen.",
        "Buttons, links, form fields and other components do not always have a name, role or state that "
        "assistive technology can read.",
    ),
    "4.1.3": (
        "Statusberichten, zoals 'uw formulier is verstuurd', worden niet altijd aan hulpsoftware "
        "doorgegeven.",
        "Status messages, such as 'your form was sent', are not always passed on to assistive technology.",
    ),
}
