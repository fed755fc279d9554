"""Sentence splitting: the hard cases of German news text, and exact offsets."""

import pytest

from service.corpus import ChromeRules, SentenceSplitter, load_corpus
from service.corpus.chrome import Span
from service.corpus.passages import collapse
from tests.conftest import SEEDS

splitter = SentenceSplitter.load()


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in splitter.split(text, [Span(0, len(text))])]


def content_sentences(text: str) -> list[str]:
    """Return the sentences of a text's content, each on one line."""
    spans = splitter.split(text, ChromeRules.load().content(text))
    return [" ".join(text[s.start : s.end].split()) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dazu äußert sich Dr. Rasmus Nilsson. Er lehrt in London.",
            ["Dazu äußert sich Dr. Rasmus Nilsson.", "Er lehrt in London."],
        ),
        (
            "Der Abzug soll am 19. Januar abgeschlossen sein. Dann ist Ruhe.",
            ["Der Abzug soll am 19. Januar abgeschlossen sein.", "Dann ist Ruhe."],
        ),
        (
            "Der Einsatz begann am 6. Januar, nachdem Tokajew rief. Danach kam mehr.",
            ["Der Einsatz begann am 6. Januar, nachdem Tokajew rief.", "Danach kam mehr."],
        ),
        (
            "Belastet wurde das Ergebnis im 3. Quartal. Das Tor fiel in der 90. Minute.",
            ["Belastet wurde das Ergebnis im 3. Quartal.", "Das Tor fiel in der 90. Minute."],
        ),
        (
            "Es gab mehr als 10.000 Festnahmen. Die OVKS schickte 2.500 Soldaten.",
            ["Es gab mehr als 10.000 Festnahmen.", "Die OVKS schickte 2.500 Soldaten."],
        ),
        (
            "Am 07.01.2022 meldete das Ministerium 26 Tote. Weitere folgten.",
            ["Am 07.01.2022 meldete das Ministerium 26 Tote.", "Weitere folgten."],
        ),
        (
            "Er sprach von „internationalem Terrorismus“. Putin betonte das.",
            ["Er sprach von „internationalem Terrorismus“.", "Putin betonte das."],
        ),
        (
            'Sie sagte: "Wir beobachten das." Danach ging sie.',
            ['Sie sagte: "Wir beobachten das."', "Danach ging sie."],
        ),
        (
            "Russland wird keine Revolutionen zulassen",
            ["Russland wird keine Revolutionen zulassen"],
        ),
        ("Das ist z.B. so. Und u.a. auch hier.", ["Das ist z.B. so.", "Und u.a. auch hier."]),
        (  # an article before the number makes it an ordinal, whatever word follows
            "Zur 112. Kieler Segelwoche kamen viele. Sie blieben.",
            ["Zur 112. Kieler Segelwoche kamen viele.", "Sie blieben."],
        ),
        (  # a count at a sentence's end stays one
            "Die Zahl der Boote stieg auf 112. Kiel jubelte.",
            ["Die Zahl der Boote stieg auf 112.", "Kiel jubelte."],
        ),
    ],
)
def test_split_hard_cases(text, expected):
    assert sentences(text) == expected


def test_headlines_are_their_own_sentences():
    text = "Dutzende Tote und viele Verletzte\nKasachstan wird erschüttert."
    rules = ChromeRules({})
    spans = splitter.split(text, rules.content(text))
    assert [text[s.start : s.end] for s in spans] == [
        "Dutzende Tote und viele Verletzte",
        "Kasachstan wird erschüttert.",
    ]


def test_text_wrapped_at_a_fixed_width_is_read_as_whole_sentences():
    text = (
        "Neue Prognose der Kommission\n"
        "Für Polen, Ungarn und die Slowakei wird ein Rückgang des \n"
        "Bruttoinlandsprodukts erwartet, der Handel leidet\n"
        "besonders. Berlin bleibt gelassen, \n"
        "Warschau nicht.\n"
        "\n"
        "und ein neuer Absatz."
    )
    assert content_sentences(text) == [
        "Neue Prognose der Kommission",
        "Für Polen, Ungarn und die Slowakei wird ein Rückgang des Bruttoinlandsprodukts"
        " erwartet, der Handel leidet besonders.",
        "Berlin bleibt gelassen, Warschau nicht.",
        "und ein neuer Absatz.",
    ]


def test_a_wrapped_line_of_running_text_runs_on_into_the_next():
    # A line that holds a sentence's end is running text, whatever word it breaks off at; a
    # line that opens with a figure goes on with the sentence before it.
    text = (
        "Neue Prognose der Kommission\n"
        "Die Firma lieferte im Mai. Die Stadt bestellte zehn Masken\n"
        "Anfang Juni erneut. Sie bestellte zudem\n"
        "1,5 Millionen Tests.\n"
        "Prognose für den Hafen\n"
        "Die Stadt bleibt gelassen."
    )
    assert content_sentences(text) == [
        "Neue Prognose der Kommission",
        "Die Firma lieferte im Mai.",
        "Die Stadt bestellte zehn Masken Anfang Juni erneut.",
        "Sie bestellte zudem 1,5 Millionen Tests.",
        "Prognose für den Hafen",
        "Die Stadt bleibt gelassen.",
    ]


def test_offsets_point_into_the_source_file(verifier):
    """For every passage, the file's text in [char_start, char_end) is the passage text."""
    checked = 0
    for doc in load_corpus(SEEDS):
        _, _, passages = verifier.index.document(doc.document_id)
        assert passages, doc.document_id
        for i, passage in enumerate(passages):
            src = passage.source
            assert passage.passage_id == f"{doc.document_id}:{i}" and src.sentence_index == i
            assert collapse(doc.raw_text[src.char_start : src.char_end]) == passage.text
            checked += 1
    assert checked > 100


def test_a_paragraph_of_thousands_of_sentences():
    # One paragraph, as a feed may send it; each stop is judged by the words just before it.
    text = "Die Stadt baut 3 Brücken. Sie kosten ca. 5 Mio. Euro. " * 2000
    parts = sentences(text.strip())
    assert len(parts) == 4000
    assert parts[1] == "Sie kosten ca. 5 Mio. Euro."
    long_word = "A" * 100 + " z.B. Der Satz."
    assert sentences(long_word) == [long_word]
