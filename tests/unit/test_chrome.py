"""Page chrome never becomes a passage; headlines and leads do."""

import pytest

from service.corpus import ChromeRules
from service.corpus.passages import collapse


@pytest.fixture(scope="module")
def all_text(verifier):
    docs = verifier.index.documents()
    return {d["document_id"]: verifier.index.document(d["document_id"])[1] for d in docs}


@pytest.mark.parametrize(
    "chrome",
    [
        "zum Hauptinhalt",
        "Empfohlener redaktioneller Inhalt",
        "Ich bin damit einverstanden",
        "An dieser Stelle finden Sie",
        "herunterladen können",  # app promotion
        "Zur Startseite",
        "Video ansehen",
        "© dpa",
        "Präsident von Kasachstan in Dezember 2021",  # photo caption before its credit
        "Bild: picture alliance",
        "(Foto) Suche",
        "Folgen Sie News.de",
        "kle/se",
        "(AFP)",
        "(nik/afp)",
        "2 Min.",
        "Aktualisiert am",
        "Weitere Themen",
        "Topmeldungen",
        "Finanzminister spart",  # FAZ teaser after "Weitere Themen"
        "Bluthochdruck",
        "Newsletter",
        "Baerbock",  # watson teaser for an unrelated story
        "Lesen Sie auch",
        "Erstellt von",
        "/news.de/dpa",
        "date 2022-01",
        "ausgebrannte Militärfahrzeug",  # DW photo caption
        "https://www.faz.net",
        "08:38",
    ],
)
def test_chrome_is_removed(all_text, chrome):
    for doc_id, text in all_text.items():
        assert chrome not in text, f"{chrome!r} left in {doc_id}"


@pytest.mark.parametrize(
    ("doc_id", "content"),
    [
        ("000_0eee8b3b34ad2595", "Unruhen in Ex-Sowjetrepublik: Putin sieht Kasachstan als Ziel"),
        ("000_0eee8b3b34ad2595", "Russlands Präsident äußert sich zur Lage in Kasachstan."),
        ("001_988a8c305475f8e9", "Russland und das von ihm angeführte Militärbündnis OVKS"),
        ("001_988a8c305475f8e9", '"Versuchter Staatsstreich"'),
        ("002_e43b8271938f3035", "Wladimir Putin: 100 Tote, 10.000 Festnahmen!"),
        ("003_1028b10afef81a0c", "Regierung spricht von 26 getöteten"),
        (
            "003_1028b10afef81a0c",
            "Zur Zahl der entsandten Soldaten machte die Allianz keine Angaben.",
        ),
        ("004_e53be52667514cbf", "Abermals Schüsse in Almaty"),
        ("004_e53be52667514cbf", "Dutzende Tote und viele Verletzte"),
        ("004_e53be52667514cbf", "Dazu gehörten auch der Zugang zu Informationen"),
    ],
)
def test_headlines_and_content_are_kept(all_text, doc_id, content):
    assert content in all_text[doc_id]


def test_rules_come_from_data():
    rules = ChromeRules({"drop": ["^Jetzt abonnieren$"], "end": ["^Mehr vom Verlag$"]})
    text = "Titel der Meldung\nJetzt abonnieren\nDer Text.\nMehr vom Verlag\nWerbung für etwas."
    kept = [collapse(text[s.start : s.end]) for s in rules.content(text)]
    assert kept == ["Titel der Meldung", "Der Text."]
