"""One reading of a text: tokens, terms, names, quantities, negations, opposites."""

from __future__ import annotations

import math
import sys

import pytest

from service.reading import Reader, codec
from service.reading.names import Vocabulary, is_name
from service.reading.tokens import tokenize


def quantities(reader, text, language="de"):
    return [q for q in reader.read(text, language).quantities if q.kind != "year"]


def only(reader, text, language="de"):
    found = quantities(reader, text, language)
    assert len(found) == 1, found
    return found[0]


# Tokens ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "norms"),
    [
        ("2.500 und 2,500 und 2 500", ["2500", "und", "2500", "und", "2500"]),
        ("1,5 und 1.5", ["1.5", "und", "1.5"]),
        ("A380 COVID-19 H5N1", ["a380", "covid-19", "h5n1"]),
        ("Poland's troops", ["poland", "troops"]),
    ],
)
def test_tokens_in_one_spelling(text, norms):
    assert [t.norm for t in tokenize(text)] == norms


def test_a_clause_ends_after_a_number_but_not_inside_one():
    from service.reading.tokens import clause_spans

    text = "The toll stands at 45, eight fewer than 8,000 last year."
    assert [text[a:b] for a, b in clause_spans(text)] == [
        "The toll stands at 45,",
        " eight fewer than 8,000 last year.",
    ]


INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


@pytest.mark.parametrize("mark", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die OVKS schickte 2{}500 Soldaten nach Kasachstan.", "de"),
        ("Die OVKS schickte 2.5{}00 Sol{}daten.", "de"),
        ("Putin pre{}sented no evi{}dence of foreign interference.", "en"),
        ("Fast 8000 Men{}schen wurden nicht fest{}genommen.", "de"),
    ],
)
def test_characters_that_do_not_show_are_read_as_absent(reader, text, language, mark):
    plain = reader.read(text.replace("{}", ""), language)
    marked = reader.read(text.replace("{}", mark), language)
    assert marked == plain
    assert marked.text == text.replace("{}", "")


def test_spans_point_into_the_text_as_read(reader):
    reading = reader.read("Die Sol\u00addaten kamen 25\u200b00 Kilometer weit.", "de")
    assert reading.text == "Die Soldaten kamen 2500 Kilometer weit."
    [q] = reading.quantities
    assert reading.text[q.start : q.end] == q.text == "2500 Kilometer"
    assert "Soldaten" in {reading.text[t.start : t.end] for t in reading.terms}


def test_a_number_wider_than_a_float_keeps_its_digits():
    [token] = tokenize("9" * 400)
    assert token.norm == "9" * 400


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        (f"Die OVKS schickte {'9' * 400} Soldaten.", ("soldat", "@soldiers")),
        (f"Es kostete {'9' * 400} Millionen Euro.", ()),
    ],
)
def test_a_number_wider_than_a_float_is_the_largest_float(reader, text, counted):
    q = only(reader, text)
    assert q.low == q.high == sys.float_info.max and q.counted == counted
    stored = codec.dumps(reader.read(text, "de"))
    assert "Infinity" not in stored and codec.loads(text, stored) == reader.read(text, "de")


# Terms and names ---------------------------------------------------------------------------


def test_terms_are_stems_aliases_and_tags(reader):
    terms = reader.read("Putins Truppen festgenommen", "de").term_string.split()
    assert terms[0] == "putin"  # an alias, through the German genitive
    assert "@soldiers" in terms and "@arrests" in terms


@pytest.mark.parametrize(
    ("text", "language", "tag"),
    [
        ("400 Schutzsuchende", "de", "@refugees"),
        ("3 million asylum seekers", "en", "@refugees"),
        ("2000 Haushalte ohne Strom", "de", "@households"),
        ("2,000 homes without power", "en", "@households"),
        ("der vom Verband geforderte Lohn", "de", "@demands"),  # a participle as an adjective
    ],
)
def test_synonym_groups_tag_their_words_in_either_language(reader, text, language, tag):
    assert tag in reader.read(text, language).term_string.split()


def test_stop_words_are_those_of_the_text_language(reader):
    # German "war" and "die" are function words; in English they say what happened.
    assert "war" not in reader.read("Der Streit war lang", "de").term_string.split()
    english = reader.read("Civilians die in the war", "en").term_string.split()
    assert "die" in english and "war" in english


def test_question_words_carry_no_topic_in_either_language(reader):
    # "wen" asks as "whom" does: neither is a word a source must repeat.
    german = reader.read("Die Polizei hat bislang nicht gesagt, wen sie verdächtigt", "de")
    english = reader.read("The police have not said whom they suspect", "en")
    assert german.term_string.split() == ["polizei", "verdachtigt"]
    assert english.term_string.split() == ["polic", "suspect"]


def test_a_stop_word_hyphened_to_a_capitalised_word_is_part_of_a_title(reader):
    terms = reader.read("Die Klagen gegen die Heute-Show", "de").term_string.split()
    assert any(t.startswith("heut") for t in terms) and "show" in terms
    alone = reader.read("Die Klagen kamen heute", "de").term_string.split()
    assert not any(t.startswith("heut") for t in alone)


def test_a_first_part_with_a_hyphen_shares_the_head_after_it(reader):
    terms = reader.read("Die Hafen- und Stadtpolizei wurde gerufen", "de").terms
    assert [t.term for t in terms if t.kind == "joined"] == ["hafenpolizei"]
    hyphenated = reader.read("Der Hafen-Chef und Stadtpolizei", "de").terms
    assert not [t for t in hyphenated if t.kind == "joined"]


def test_two_lower_case_words_joined_by_a_hyphen_are_one_word_too(reader):
    terms = reader.read("The port hires co-owners for its e-mail.", "en").terms
    assert [t.term for t in terms if t.kind == "joined"] == ["coowner", "email"]
    assert {"co", "owner"} <= {t.term for t in terms}  # each word stays a word
    assert not [t for t in reader.read("The Port-Authority", "en").terms if t.kind == "joined"]


def test_a_tag_names_a_phrase(reader):
    terms = reader.read("Dabei kamen zwölf Menschen ums Leben", "de").terms
    [tag] = [t for t in terms if t.term == "@deaths"]
    assert (tag.start, tag.end) == (27, 36)  # "ums Leben"


@pytest.mark.parametrize(
    ("joined", "separated"),
    [
        ("Die Regierung hat Beweise vorgelegt", "Beweise legte die Regierung nicht vor"),
        ("Er hat die Reform angekündigt", "Er kündigte die Reform an"),
    ],
)
def test_separable_verbs_meet_their_joined_forms(reader, joined, separated):
    a = {t.term for t in reader.read(joined, "de").terms if t.kind != "name"}
    b = {t.term for t in reader.read(separated, "de").terms if t.kind == "joined"}
    assert a & b


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        ("Die Regierung in Wien und Minister Brandstetter", "de", ["wien", "brandstetter"]),
        ("Der Minister Hans Gruber sprach", "de", ["gruber"]),
        ("The minister met Jane Okafor in Vienna", "en", ["okafor", "vienna"]),
        ("Regierung kündigt an", "de", []),  # a known noun at the start of a sentence
        # A common word is a name after a title, and in English inside a name.
        ('"We are ready," Mr Bush said', "en", ["bush"]),
        ("Das sagte Frau Gas am Montag", "de", ["gas"]),
        ("The talks with Jane Police ended", "en", ["police"]),
        # An office is a title too, also where the name after it is common words only.
        ("It pleased then prime minister Gas Police", "en", ["police"]),
        ("Das sagte Trainer Gas am Montag", "de", ["gas"]),
        ("The judge Friday ruled", "en", []),  # a weekday after a title stays a date
        ("Dass Putin Truppen schickt", "de", ["putin"]),  # a German noun after a name
        ("Das sagte der 64-Jährige in Wien", "de", ["wien"]),  # the word of a figure
        # A possessive ends a name: the owner and what is owned are two names.
        ("Then Vienna's Jane Okafor spoke", "en", ["vienna", "okafor"]),
        # A place is a name though English lists it as a word; before a title it names
        # where someone is from, not part of the title.
        ("Then the Northdale Minister Jane Okafor spoke", "en", ["northdale", "okafor"]),
        # A compound whose last part is a name names one thing; a noun last makes a noun.
        ("Sie wohnen in Regierung-Okafor", "de", ["okafor"]),
        ("Das sagte der Okafor-Minister", "de", ["okafor"]),
        # A common noun after a name particle is a name ("bin Laden").
        ("Der Preis, den bin Regierung nannte", "de", ["regierung"]),
        ("The tape of bin Police was shown", "en", ["police"]),
        # Inside a sentence only a name capitalises an adjective before its noun (though
        # it reads as a compound noun, "Tech-nischen"); a nominalised adjective the
        # dictionary lists as a noun stays a noun.
        ("Sie lobte die Technischen Regierungen in Wien", "de", ["technischen", "wien"]),
        ("Dort hatten die Erwachsenen Arbeit", "de", []),
    ],
)
def test_names_are_told_from_common_words(reader, text, language, names):
    assert [n.key for n in reader.read(text, language).names] == names


def test_a_common_word_hyphened_to_a_name_is_part_of_it(reader):
    [name] = reader.read("Sie wohnen in Regierung-Okafor", "de").names
    assert name.parts == ("regierung", "okafor")


def test_a_title_after_a_title_is_no_part_of_the_name(reader):
    [name] = reader.read("Then commissioner Justice Jane Okafor spoke", "en").names
    assert name.parts == ("jane", "okafor")


@pytest.mark.parametrize(
    ("text", "language", "speakers"),
    [
        ("Die Lage ist ernst, sagte Minister Hans Gruber.", "de", ["gruber"]),
        ("Laut Jane Okafor ist die Lage ernst.", "de", ["okafor"]),
        ("Jane Okafor earlier said the port was closed.", "en", ["okafor"]),
        ("Gruber sagte, Okafor habe den Hafen geschlossen.", "de", ["gruber"]),
        ("Gruber schloss den Hafen.", "de", []),
        # One set off by commas right before the word of speech.
        ("The head of the port, Jane Okafor, says the port is closed.", "en", ["okafor"]),
        ("We thank Gruber, said the police.", "en", []),
        # One put first: the words between do not count.
        ("Minister Jane Okafor was the one who said the port was closed.", "en", ["okafor"]),
        ("Minister Jane Okafor was in the port when Gruber said it.", "en", ["gruber"]),
    ],
)
def test_a_name_close_to_a_word_of_speech_is_its_speaker(reader, text, language, speakers):
    assert [n.key for n in reader.read(text, language).names if n.speaks] == speakers


# Quantities --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "low", "high", "kind", "unit"),
    [
        ("fast 8000 Menschen wurden festgenommen", "de", 7200, 8000, "count", ""),
        ("mehr als 10.000 Festnahmen", "de", 10000, math.inf, "count", ""),
        ("more than 12,000 jobs were cut", "en", 12000, math.inf, "count", ""),
        ("three million dollars", "en", 3e6, 3e6, "money", "dollar"),
        ("$10 million", "en", 1e7, 1e7, "money", "dollar"),
        ("218,5 Milliarden Euro", "de", 218.5e9, 218.5e9, "money", "euro"),
        ("256 billion euros", "en", 256e9, 256e9, "money", "euro"),
        ("2.5k people", "en", 2500, 2500, "count", ""),
        ("six and a half hours", "en", 6.5, 6.5, "duration", "hour"),
        ("two and a quarter million fans", "en", 2.25e6, 2.25e6, "count", ""),
        ("6,5 Prozent", "de", 6.5, 6.5, "percent", "percent"),
        ("um 0,3 Prozentpunkte", "de", 0.3, 0.3, "points", "points"),
        ("2000 bis 3000 Teilnehmer", "de", 2000, 3000, "count", ""),
        ("between 20 and 30 people", "en", 20, 30, "count", ""),
        ("zu 16 Jahren Haft", "de", 16, 16, "duration", "year"),
        ("der 64-Jährige", "de", 64, 64, "age", "age"),
        ("a 45-year-old man", "en", 45, 45, "age", "age"),
        ("Brett Dempsey, 31, of Ravenshoe", "en", 31, 31, "age", "age"),
        ("Katja Kipping (42) tritt ab", "de", 42, 42, "age", "age"),
        ("er starb im Alter von 80 Jahren", "de", 80, 80, "age", "age"),
        ("the singer died at age 58", "en", 58, 58, "age", "age"),
        ("die Hälfte der Stellen", "de", 50, 50, "percent", "percent"),
        ("um die Hälfte verringern", "de", 50, 50, "percent", "percent"),
        ("half of the staff", "en", 50, 50, "percent", "percent"),
        ("zwei Drittel der Stimmen", "de", 66.7, 66.7, "percent", "percent"),
        ("jeder fünfte Wähler", "de", 20, 20, "percent", "percent"),
        ("einer von vier Wählern", "de", 25, 25, "percent", "percent"),
        ("one in four voters", "en", 25, 25, "percent", "percent"),
        ("one out of 10 voters", "en", 10, 10, "percent", "percent"),
        ("every third voter", "en", 33.3, 33.3, "percent", "percent"),
        # A qualifier bounds a share as it bounds a number.
        ("rund jeder vierte Wähler", "de", 22.5, 27.5, "percent", "percent"),
        ("nearly one in four voters", "en", 22.5, 25, "percent", "percent"),
        ("nach einer halben Stunde", "de", 0.5, 0.5, "duration", "hour"),
        ("half an hour", "en", 0.5, 0.5, "duration", "hour"),
        ("a quarter of an hour", "en", 0.25, 0.25, "duration", "hour"),
        # German says a share of a unit of time in one word.
        ("ein Vierteljahr", "de", 0.25, 0.25, "duration", "year"),
        ("eine Dreiviertelstunde", "de", 0.75, 0.75, "duration", "hour"),
        ("binnen drei Wochen", "de", 0, 3, "duration", "week"),
        ("within two days", "en", 0, 2, "duration", "day"),
        ("half a million people", "en", 5e5, 5e5, "count", ""),
        ("Hunderte Menschen wurden verletzt", "de", 200, 999, "count", ""),
        # A vague word before a round number: two to nine of it.
        ("mehrere hundert Menschen", "de", 200, 999, "count", ""),
        ("a few thousand fans", "en", 2000, 9999, "count", ""),
        ("several million dollars", "en", 2e6, 1e7 - 1, "money", "dollar"),
        ("mehrere Mio. Euro", "de", 2e6, 1e7 - 1, "money", "euro"),  # any scale word of units
        # A vague amount of a scale word is that many of it.
        ("Hunderte Millionen Euro", "de", 2e8, 999e6, "money", "euro"),
        ("several hundred million dollars", "en", 2e8, 999e6, "money", "dollar"),
        ("thousands of euros were lost", "en", 2000, 9999, "money", "euro"),  # the unit after "of"
        ("acht Tage lang", "de", 8, 8, "duration", "day"),
        ("17 Jahre alt", "de", 17, 17, "age", "age"),
        ("45 years old", "en", 45, 45, "age", "age"),
        ("zweieinhalb bis drei Minuten", "de", 2.5, 3, "duration", "minute"),
        ("in ein bis zwei Tagen", "de", 1, 2, "duration", "day"),
        ("it takes one to three weeks", "en", 1, 3, "duration", "week"),
        ("more than two dozen rebels", "en", 24, math.inf, "count", ""),
        ("less than about five millimetres", "en", 0, 5, "measure", "millimetre"),
        ("between twenty and thirty people", "en", 20, 30, "count", ""),
        ("twenty-one people", "en", 21, 21, "count", ""),  # "one" ends a number after a part
        ("terms of between two and four years", "en", 2, 4, "duration", "year"),
        ("ein dreijähriges Programm", "de", 3, 3, "duration", "year"),
        ("die zweitägige Konferenz", "de", 2, 2, "duration", "day"),
        ("eine einjährige Frist", "de", 1, 1, "duration", "year"),
        ("ein vierzehntägiger Urlaub", "de", 14, 14, "duration", "day"),
        ("a two-metre wall", "en", 2, 2, "measure", "metre"),
        ("a 10 kilometre walk", "en", 10, 10, "measure", "kilometre"),
        # A span back from now says when, not how long.
        ("vor vier Jahren", "de", 4, 4, "elapsed", "year"),
        ("vor mehr als zwei Wochen", "de", 2, math.inf, "elapsed", "week"),
        ("four years ago", "en", 4, 4, "elapsed", "year"),
    ],
)
def test_figures_as_intervals_with_kind_and_unit(reader, text, language, low, high, kind, unit):
    q = only(reader, text, language)
    assert (q.low, q.high, q.kind, q.unit) == (pytest.approx(low), high, kind, unit)


@pytest.mark.parametrize(
    ("text", "language", "years"),
    [
        ("in der Saison 2019/20", "de", [(2019, 2020)]),
        ("the 2019-20 season", "en", [(2019, 2020)]),
        ("Seit 2017 sitzt er im Parlament", "de", [(2017, 2017)]),
        ("2000 Soldaten", "de", []),
        ("In 2015 prices rose", "en", [(2015, 2015)]),
        ("the charter of 1689 still holds", "en", [(1689, 1689)]),
        ("the protests of the 1960s", "en", [(1960, 1969)]),  # a decade, not 1960 of "s"
        ("in den 1980er Jahren", "de", [(1980, 1989)]),
        ("2020 starben weniger Kinder", "de", [(2020, 2020)]),  # a verb counts nothing
        ("Er will im Mai 2030 Gäste empfangen", "de", [(2030, 2030)]),  # a month asks for one
    ],
)
def test_years(reader, text, language, years):
    found = [(q.low, q.high) for q in reader.read(text, language).quantities if q.kind == "year"]
    assert found == years


@pytest.mark.parametrize(
    "text",
    [
        "Der Airbus A380 landete",
        "COVID-19 breitete sich aus",
        "um 08:38 Uhr",
        "Sie achten darauf",
        "in the first half of the year",
        "one in 2020",  # no share of two thousand and twenty
        "Einige Fischer kamen",  # a vague word alone counts no figure
    ],
)
def test_codes_times_and_verbs_are_no_counts(reader, text):
    assert quantities(reader, text) == []


def test_a_share_of_a_year_after_an_ordinal_is_a_period_not_a_length(reader):
    assert [q.kind for q in quantities(reader, "Im ersten Halbjahr stieg der Umsatz")] == [
        "ordinal"
    ]
    assert only(reader, "Das Halbjahr verging schnell").unit == "year"


def test_the_base_of_a_rate_is_no_figure_of_its_own(reader):
    found = quantities(reader, "Die Inzidenz liegt bei 50 Fällen pro 100.000 Einwohner")
    assert [q.low for q in found] == [50]
    assert [q.low for q in quantities(reader, "12 cases per 1,000 people", "en")] == [12]


@pytest.mark.parametrize(
    ("text", "language", "counted"),
    [
        ("Die OVKS schickte 2500 Soldaten", "de", {"soldat", "@soldiers"}),
        ("12.400 Stellen wurden gestrichen", "de", {"stell"}),
        ("26 bewaffnete Polizisten wurden getötet", "de", {"bewaffn", "polizist"}),
        # An adverb before the adjective stays out of it.
        ("die 26 heute bewaffneten Polizisten", "de", {"bewaffn", "polizist"}),
        ("fast 8000 Menschen wurden festgenommen", "de", {"@people"}),  # anybody
        ("mehr als 10.000 Festnahmen", "de", {"@arrests"}),  # an event: no one in particular
        ("16 members of the security forces were killed", "en", {"member", "secur", "forc"}),
        ("Die Zahl der Toten stieg auf 164", "de", {"@deaths"}),
        # An English noun of an event is counted, up to a rate's "per"; a verb is not.
        ("below 50 new infections per day", "en", {"@infections"}),
        (
            "Die OVKS schickte 40 neue Soldaten",
            "de",
            {"soldat", "@soldiers"},
        ),  # "new" says nothing of what is counted
        # A relative clause speaks of the noun before its comma.
        ("Die Zahl der Toten, die auf 164 stieg", "de", {"@deaths"}),
        ("the death toll, which rose to 20", "en", {"@deaths", "toll"}),
        ("Police made 300 arrests", "en", {"@arrests"}),
        ("The fire claimed more than 200 lives", "en", {"@deaths"}),  # an event around it
        ("Hunderte von Polizisten", "de", {"polizist"}),  # what a vague amount is of
    ],
)
def test_what_a_figure_counts_is_its_noun_phrase(reader, text, language, counted):
    assert set(only(reader, text, language).counted) == counted


def test_a_relative_clause_of_another_noun_counts_nothing_from_before_its_comma(reader):
    # Only a clause that opens with the relative pronoun looks back, and only one clause.
    assert only(reader, "Die Zahl der Toten stieg, als 164 Retter kamen").counted != ("@deaths",)
    assert not only(reader, "Die Zahl der Toten stieg, sagten die 164").counted


def test_an_event_in_the_clause_says_what_happened_to_those_counted(reader):
    assert only(reader, "26 bewaffnete Polizisten wurden getötet").events == ("@deaths",)
    assert only(reader, "fast 8000 Menschen wurden festgenommen").events == ("@arrests",)
    assert only(reader, "Er ist für den Tod der 12 Arbeiter verantwortlich").events == ("@deaths",)
    assert only(reader, "Die Behörde meldete 95 neue Todesfälle").events == ("@deaths",)


def test_an_aside_in_brackets_leaves_the_clause_whole(reader):
    text = "Laut der Behörde (WHO) starben dort 12 Menschen, so die Angaben."
    assert only(reader, text).events == ("@deaths",)
    assert only(reader, text).clause == (0, text.index(","))


def test_a_left_out_noun_is_taken_from_the_sentence_before(reader):
    previous = reader.read("Dabei wurden 26 bewaffnete Polizisten getötet.", "de")
    alone = only(reader, "18 weitere wurden verletzt.")
    assert alone.elided and alone.counted == ()
    resolved = reader.read("18 weitere wurden verletzt.", "de", previous).quantities[0]
    assert {"bewaffn", "polizist"} <= set(resolved.counted)
    assert resolved.events == ("@injured",)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bei dem Unglück starben 12 Menschen, 30 wurden verletzt.", "de"),
        ("Twelve people were killed and 30 injured.", "en"),
        ("In der Stadt waren 6000 Menschen ohne Arbeit, knapp 3000 in Kurzarbeit.", "de"),
    ],
)
def test_a_count_without_a_noun_that_opens_a_conjunct_counts_what_the_one_before_does(
    reader, text, language
):
    first, second = quantities(reader, text, language)
    assert second.counted == first.counted != ()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three of the four workers were rescued.", "en"),
        ("Zwei der drei Arbeiter wurden gerettet.", "de"),
        ("Drei von vier Arbeitern wurden gerettet.", "de"),
    ],
)
def test_a_part_of_a_whole_counts_its_noun_and_the_whole_nothing(reader, text, language):
    part, whole = quantities(reader, text, language)
    assert any(t.startswith("arbeit") or t == "worker" for t in part.counted)
    assert whole.counted == ()


def test_a_count_inside_its_clause_keeps_its_own_noun_or_none(reader):
    first, second = quantities(
        reader, "Der Konzern hat 500 Mitarbeiter, der Umsatz lag bei 3 Millionen."
    )
    assert first.counted and second.counted == ()


@pytest.mark.parametrize(
    ("text", "language", "kind", "value"),
    [
        ("Der Abzug soll am 19. Januar abgeschlossen sein", "de", "date", 119),
        ("on January 6 the mission began", "en", "date", 106),
        ("Stand: 07.01.2022", "de", "date", 107),
        ("an diesem Samstag", "de", "weekday", 6),
        ("Die Feuer brannten an Heiligabend", "de", "date", 1224),
        ("Er starb am ersten Weihnachtstag", "de", "date", 1225),
        ("fires burned on New Year's Eve", "en", "date", 1231),
        ("des neuntgrößten Landes der Erde", "de", "rank", 9),
        ("the ninth largest country", "en", "rank", 9),
        ("in the second week of January", "en", "ordinal", 2),
        ("the country's 65th government", "en", "ordinal", 65),
        ("finished 3rd in the race", "en", "ordinal", 3),
        ("Der Verein spielt in der 2. Liga", "de", "ordinal", 2),
        ("eine Verdopplung der Preise", "de", "factor", 2),
        ("prices tripled", "en", "factor", 3),
    ],
)
def test_dates_ordinals_and_factors(reader, text, language, kind, value):
    q = only(reader, text, language)
    assert (q.kind, q.low) == (kind, value)


def test_a_german_ordinal_in_digits_ends_no_clause(reader):
    ordinal, money = reader.read(
        "Der Verlust im 3. Quartal betrug 40 Millionen Euro", "de"
    ).quantities
    assert (ordinal.kind, ordinal.low) == ("ordinal", 3)
    assert money.clause == ordinal.clause == (0, 50)


def test_a_month_with_its_year_is_read_with_the_year(reader):
    found = reader.read("Das Schiff kenterte im Jänner 2012 vor der Insel", "de").quantities
    assert [(q.kind, q.low) for q in found] == [("month", 201201), ("year", 2012)]


@pytest.mark.parametrize(
    ("text", "language", "month"),
    [
        ("Das Schiff kenterte im Jänner vor der Insel", "de", 1),
        ("Ende Oktober fuhr das Schiff nicht mehr", "de", 10),
        ("The ship did not sail in October", "en", 10),
        ("The port closes by the end of March", "en", 3),
    ],
)
def test_a_month_alone_is_a_month_of_the_year_the_text_speaks_in(reader, text, language, month):
    q = only(reader, text, language)
    assert (q.kind, q.low, q.unit) == ("month", month, "this")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Theresa May visited the port", "en"),  # a name, not after a word of time
        ("The March on the capital began", "en"),
        ("Der Mai war kalt", "de"),
        # A span from or to a month is no month.
        ("Seit Oktober fährt das Schiff nicht mehr", "de"),
        ("The ship has not sailed since October", "en"),
    ],
)
def test_a_month_word_is_a_month_only_after_a_word_of_time(reader, text, language):
    assert reader.read(text, language).quantities == ()


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A comma parts a month from the number after it.
        ("In July, 3 million people were out of work", "en", [("month", 7), ("count", 3e6)]),
        # German writes the day before the month: "März 3" is no date.
        ("Ende März 3 Millionen Arbeitslose", "de", [("month", 3), ("count", 3e6)]),
        ("On July 4 the port closed", "en", [("date", 704)]),
    ],
)
def test_a_date_is_a_day_and_month_as_the_language_writes_them(reader, text, language, expected):
    found = reader.read(text, language).quantities
    assert [(q.kind, q.low) for q in found] == expected


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("Das Schiff kenterte im Juni des vergangenen Jahres", "de", "last"),
        ("The ship capsized in June last year", "en", "last"),
        ("Das Schiff soll im Juni nächsten Jahres fahren", "de", "next"),
    ],
)
def test_a_month_of_a_relative_year_has_that_year_for_its_unit(reader, text, language, unit):
    q = only(reader, text, language)
    assert (q.kind, q.low, q.unit) == ("month", 6, unit)


def test_a_date_with_its_year_gives_the_month_of_that_year_too(reader):
    found = reader.read("Das Schiff kenterte am 13. Jänner 2012", "de").quantities
    assert [(q.kind, q.low) for q in found] == [("date", 113), ("month", 201201), ("year", 2012)]


# Negation and opposites ----------------------------------------------------------------


def scopes(reader, text, language="de"):
    return [
        (n.cue, text[n.scope_start : n.scope_end]) for n in reader.read(text, language).negations
    ]


def test_a_negating_determiner_covers_its_noun_phrase(reader):
    text = "Zur Zahl der Teilnehmer machte die Polizei keine Angaben."
    assert scopes(reader, text) == [("keine", " Angaben")]


def test_a_negating_determiner_covers_coordinated_nouns(reader):
    [(cue, scope)] = scopes(reader, "Sie wollen keine Unruhen oder gar Revolutionen zulassen.")
    assert cue == "keine" and "Revolutionen" in scope


@pytest.mark.parametrize(
    ("text", "language", "denied"),
    [
        ("The club does not sell tickets or rent boats.", "en", "boats"),
        ("The port takes no fines or penalties at all.", "en", "penalties"),
        ("Der Hafen ist nicht dauerhaft oder vollständig geschlossen.", "de", "vollständig"),
    ],
)
def test_a_negation_goes_on_over_or(reader, text, language, denied):
    [(_, scope)] = scopes(reader, text, language)
    assert denied in scope
    [(_, scope)] = scopes(reader, "The club does not sell tickets but rents boats.", "en")
    assert "boats" not in scope


def test_a_refusal_denies_the_infinitive_after_it(reader):
    [(cue, scope)] = scopes(reader, "The minister refused to say how much it cost.", "en")
    assert cue == "refused" and "say" in scope
    assert reader.read("The minister refused to say it.", "en").polars == ()
    # Before a noun it is the opposite of an acceptance, no negation.
    read = reader.read("The union refused the offer.", "en")
    assert read.negations == () and read.polars != ()


def test_a_failure_denies_the_infinitive_after_it(reader):
    [(cue, scope)] = scopes(reader, "The team failed to reach the final.", "en")
    assert cue == "failed" and "reach" in scope
    assert reader.read("The team failed to reach the final.", "en").polars == ()


def test_what_is_missing_is_denied(reader):
    [(cue, scope)] = scopes(reader, "Für die Brücke fehlt noch das Geld der Stadt.")
    assert cue == "fehlt" and "Geld" in scope


@pytest.mark.parametrize(
    ("text", "language", "denied"),
    [
        ("Der Hafen schloss für 2 statt 3 Wochen.", "de", "3"),
        ("Der Hafen schloss für zwei statt drei Wochen.", "de", "drei"),
        ("The fare went up to 12 rather than 15 euros.", "en", "15"),
    ],
)
def test_a_replaced_figure_is_denied(reader, text, language, denied):
    [(_, scope)] = scopes(reader, text, language)
    assert scope.strip() == denied


def test_a_replacement_of_no_figure_is_no_denial(reader):
    assert scopes(reader, "Die Messe findet am Montag statt.") == []
    assert scopes(reader, "The city bought buses instead of trains.", "en") == []
    assert scopes(reader, "Er kaufte statt ein Auto ein Rad.") == []  # "ein" is no figure


@pytest.mark.parametrize(
    ("text", "language", "kind", "unit", "counted"),
    [
        ("Der Hafen schloss für zwei oder drei Wochen.", "de", "duration", "week", ()),
        ("He paid 12 rather than 15 euros.", "en", "money", "euro", ()),
        ("Two or three people died.", "en", "count", "", ("@people",)),
    ],
)
def test_a_bare_number_before_an_alternative_shares_its_unit(
    reader, text, language, kind, unit, counted
):
    first, second = quantities(reader, text, language)
    assert (first.kind, first.unit, first.counted) == (kind, unit, counted)
    assert (second.kind, second.unit) == (kind, unit)


def test_a_figure_with_a_scale_word_shares_no_unit(reader):
    first, _ = quantities(reader, "Es kamen 2 oder 3 Millionen Euro.")
    assert (first.kind, first.low) == ("count", 2)  # not two euros, nor two million


def test_not_until_gives_a_time_not_a_denial(reader):
    assert scopes(reader, "The count will not even start until Monday.", "en") == []
    assert scopes(reader, "The count will not start on Monday.", "en") != []
    # A comma sets the clause apart: the first one is denied.
    assert scopes(reader, "He did not vote, until he was told to.", "en") != []


@pytest.mark.parametrize(
    ("text", "language", "pronoun"),
    [
        ("Der Hafen bleibt zu, sagte sie.", "de", "sie"),
        ('"The port stays closed," he said.', "en", "he"),
        ("Sie sagte nichts dazu.", "de", "Sie"),
        ("Die Stadt sagte, sie schließe den Hafen.", "de", None),  # "sie" opens the next clause
        ("Er schloss den Hafen.", "de", None),
    ],
)
def test_a_pronoun_right_next_to_a_word_of_speech_speaks(reader, text, language, pronoun):
    span = reader.read(text, language).pronoun_speaker
    assert (text[span[0] : span[1]] if span else None) == pronoun


def test_an_alias_in_the_possessive_names_the_same(reader):
    # "UN" is an alias written only so ("un" is a word of other languages).
    [un] = [n for n in reader.read("The UN's envoy spoke.", "en").names if n.known]
    [uno] = [n for n in reader.read("Der Gesandte der UN sprach.", "de").names if n.known]
    assert un.key == uno.key


def test_the_disease_is_named_after_its_virus(reader):
    covid = {n.key for n in reader.read("Covid vaccination starts.", "en").names}
    corona = {n.key for n in reader.read("Die Corona-Impfung beginnt.", "de").names}
    assert covid & corona


def test_a_late_german_negation_covers_its_clause(reader):
    [(cue, scope)] = scopes(reader, "Beweise legte der Minister dafür nicht vor.")
    assert cue == "nicht" and "Beweise" in scope


def test_an_early_german_negation_covers_the_following_phrase(reader):
    text = "Die Soldaten würden aber nicht dauerhaft in dem Nachbarland bleiben, sagte er."
    [(cue, scope)] = scopes(reader, text)
    assert "dauerhaft" in scope and "Soldaten" not in scope


def test_a_noun_phrase_with_its_complement_is_one_scope(reader):
    [(cue, scope)] = scopes(reader, "Die Meldung wurde ohne Angabe von Gründen gelöscht.")
    assert cue == "ohne" and "Gründen" in scope and "gelöscht" not in scope


def test_nobody_denies_what_the_clause_says(reader):
    assert scopes(reader, "Niemand wurde verletzt") == [("niemand", " wurde verletzt")]
    assert [c for c, _ in scopes(reader, "No one was hurt", "en")] == ["no one"]


def test_an_excess_denies_what_it_is_too_much_for(reader):
    assert scopes(reader, "He was too tired to attend the party", "en") == [
        ("too", "to attend the party")
    ]
    assert scopes(reader, "Er war zu müde, um die Feier zu besuchen") == [
        ("zu", "um die Feier zu besuchen")
    ]
    assert scopes(reader, "Er ging zu Fuß, um Geld zu sparen") == []
    assert scopes(reader, "Too many people came to the party", "en") == []


def test_neither_nor_is_one_negation(reader):
    assert [c for c, _ in scopes(reader, "Neither the city nor the port had a death", "en")] == [
        "neither"
    ]


def test_a_german_negation_before_a_phrase_with_a_preposition_denies_its_clause(reader):
    text = "Der Anstieg ist nicht auf die Krise zurückzuführen."
    [(cue, scope)] = scopes(reader, text)
    assert "Anstieg" in scope and "zurückzuführen" in scope


@pytest.mark.parametrize(
    ("text", "language", "denied"),
    [
        # A condition supposes what it says: its negation denies nothing ...
        ("Wenn die Stadt den Vertrag nicht unterschreibt, schließt der Hafen.", "de", False),
        ("If the city does not sign the contract, the port closes.", "en", False),
        # ... but a concession says it, and "asked if" asks.
        ("Der Hafen schließt, auch wenn die Stadt den Vertrag nicht unterschreibt.", "de", True),
        ("The port closes even if the city does not sign the contract.", "en", True),
        ("Asked if the city had not signed the contract, he said yes.", "en", True),
        ("The rain falls and the city does not sign the contract.", "en", True),  # no German
    ],
)
def test_a_negation_in_a_condition_denies_nothing(reader, text, language, denied):
    reading = reader.read(text, language)
    assert bool(reading.negations) == denied
    assert bool(reading.supposed) != denied
    assert codec.loads(reading.text, codec.dumps(reading)) == reading


@pytest.mark.parametrize(
    "text",
    [
        "The driver was not drunk when he hit the tree near the bridge.",
        "The driver did not stop because he hit the tree near the bridge.",
        "The tree near the bridge fell because the driver did not have a saw.",
    ],
)
def test_an_english_negation_ends_at_a_subordinate_clause(reader, text):
    [(cue, scope)] = scopes(reader, text, "en")
    assert cue == "not" and "tree" not in scope and "bridge" not in scope


@pytest.mark.parametrize(
    "text, language",
    [
        ("Es gebe keinen Plan, im Herbst eine neue Brücke zu bauen, sagte der Sprecher.", "de"),
        ("Es gebe keine Absicht, im Herbst eine neue Brücke aufzustellen.", "de"),
        ("Die Stadt hat keinen Grund zu bauen, sagte der Sprecher.", "de"),
        ("The city has no plans to build a bridge, the Sprecher said.", "en"),
    ],
)
def test_a_denied_noun_denies_the_infinitive_after_it(reader, text, language):
    [(cue, scope)] = scopes(reader, text, language)
    assert "bau" in scope or "aufzustellen" in scope or "build" in scope
    assert "Sprecher" not in scope  # the next clause is not the infinitive's


@pytest.mark.parametrize(
    "text, language",
    [
        ("In der Siedlung soll es keine Straße ohne Baum geben.", "de"),
        ("Der Rat tagte nicht ohne Grund im Rathaus.", "de"),
        ("There was no single day without rain in the valley.", "en"),
    ],
)
def test_a_negation_before_a_privative_word_cancels_with_it(reader, text, language):
    assert scopes(reader, text, language) == []


@pytest.mark.parametrize(
    "text, language",
    [
        ("Es gab keine Verletzten, ohne Frage.", "de"),
        ("Sie hat nicht geantwortet und ging ohne Gruß.", "de"),
        ("The mayor left without a word.", "en"),
    ],
)
def test_a_privative_word_apart_from_a_negation_denies_on_its_own(reader, text, language):
    assert any(cue in ("ohne", "without") for cue, _ in scopes(reader, text, language))


def test_a_denied_noun_without_an_infinitive_denies_only_itself(reader):
    [(cue, scope)] = scopes(reader, "Es gab keine Verletzten, eine Brücke wurde zerstört.")
    assert "Brücke" not in scope


@pytest.mark.parametrize(
    "text, language, asked",
    [
        ('Asked whether she had met the mayor before the vote, she said: "No".', "en", "mayor"),
        ("Asked if the club would sell the striker, the coach said no.", "en", "striker"),
        (
            "Auf die Frage, ob die Brücke gesperrt werde, sagte der Sprecher: „Nein“.",
            "de",
            "Brücke",
        ),
    ],
)
def test_a_question_answered_no_is_denied(reader, text, language, asked):
    denied = [scope for cue, scope in scopes(reader, text, language) if asked in scope]
    assert denied and all("said" not in s and "sagte" not in s for s in denied)


def test_a_question_answered_otherwise_is_not_denied(reader):
    text = "Asked if the club would sell the striker, the coach said yes."
    assert not scopes(reader, text, "en")


def test_a_comparison_keeps_its_first_as(reader):
    [(cue, scope)] = scopes(reader, "The storm was not as strong as forecast", "en")
    assert "strong" in scope


def test_english_negation_and_contractions(reader):
    assert [c for c, _ in scopes(reader, "The minister did not present evidence", "en")] == ["not"]
    assert [c for c, _ in scopes(reader, "The minister didn't present evidence", "en")] == ["n't"]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Die Firma baute nicht nur Stellen ab, sondern schloss auch Werke.", "de"),
        ("Die Regierung nimmt so viele Schulden auf wie noch nie.", "de"),
        ("The company not only cut jobs but also closed plants.", "en"),
        ("Prices rose, not least because of the war.", "en"),
        # What is left is said: "no option but to wait" is "had to wait".
        ("The council had no option but to close the bridge.", "en"),
        ("Der Bau war nichts anderes als ein Test.", "de"),
        ("Die Stadt hatte keine andere Wahl, als die Brücke zu sperren.", "de"),
    ],
)
def test_a_negation_word_in_an_idiom_negates_nothing(reader, text, language):
    assert scopes(reader, text, language) == []


def test_free_denies_the_noun_before_it(reader):
    assert scopes(reader, "The port remains fatality free.", "en") == [("free", "fatality")]
    assert scopes(reader, "The city is free of debt.", "en") == [("free of", " debt")]
    assert scopes(reader, "The prisoner was set free.", "en") == []


def test_the_same_word_outside_the_idiom_still_negates(reader):
    assert [c for c, _ in scopes(reader, "Die Firma hat noch nie Stellen abgebaut.")] == ["nie"]


def test_opposites_are_whole_words_in_either_language(reader):
    [up] = reader.read("Die Preise sind gestiegen", "de").polars
    [down] = reader.read("prices fell sharply", "en").polars
    assert up.pair == down.pair and up.side != down.side
    assert reader.read("Die Banden zogen weiter", "de").polars == ()  # not "ban"
    assert reader.read("Die Wahl erfolgte im Mai", "de").polars == ()  # not "Erfolg"
    # A word meets the pairs through its own language's stems: the German stem of "offen"
    # is the English "off".
    assert reader.read("Crews lifted people off roofs", "en").polars == ()
    assert reader.read("Die Frage bleibt offen", "de").polars != ()
    assert reader.read("Die Zahl hatte zugenommen", "de").polars != ()  # as written
    [noun] = reader.read("ein für seine Stabilität gelobtes Land", "de").polars
    [unstable] = reader.read("an unstable country", "en").polars
    assert noun.pair == unstable.pair and noun.side != unstable.side


def test_a_particle_alone_is_no_direction(reader):
    [eased] = reader.read("Die Kämpfe haben nachgelassen", "de").polars
    [went_up] = reader.read("the violence went up", "en").polars
    assert eased.pair == went_up.pair and eased.side != went_up.side
    assert reader.read("there was no let-up in the fighting", "en").polars == ()
    assert reader.read("they set up a camp", "en").polars == ()
    assert reader.read("the change went down well", "en").polars == ()  # was welcomed


@pytest.mark.parametrize(
    ("text", "language", "compared"),
    [
        ("Der Zug war schneller als der Bus.", "de", "als"),
        ("Es kamen mehr Touristen als Bergführer.", "de", "als"),
        ("More women than men voted.", "en", "than"),
        ("Er gilt als Vertreter des Flügels.", "de", None),  # another sense of "als"
        ("Es gab mehr als 100 Tote.", "de", None),  # a figure's qualifier
        ("More than 100 people died.", "en", None),
    ],
)
def test_a_comparison_sets_two_things_against_each_other(reader, text, language, compared):
    found = [text[c.start : c.end] for c in reader.read(text, language).comparisons]
    assert found == ([compared] if compared else [])


# Storage -----------------------------------------------------------------------------------


def test_a_stored_reading_reads_back_the_same(reader):
    text = "Fast 8000 Menschen wurden nicht festgenommen, die Preise sind höher als im Mai."
    reading = reader.read(text, "de")
    assert codec.loads(text, codec.dumps(reading)) == reading


def test_a_place_is_a_name_unless_it_is_a_common_noun_as_it_stands():
    vocabulary = Vocabulary(german_nouns=["reich", "bank"], places=["frankreich", "bank"])
    for text, name in [("Die Regierung in Frankreich", True), ("Die Bank zahlt", False)]:
        tokens = tokenize(text)
        assert is_name(tokens, 3 if name else 1, "de", vocabulary, False) is name, text


def test_a_month_is_no_place(reader):
    # The dictionary lists a river March; the month is read as a month, not a name.
    assert "vienna" in reader.vocabulary.places and "march" not in reader.vocabulary.places
    assert reader.read("The port closed in March", "en").names == ()


def test_a_place_is_a_name_in_the_genitive_too():
    vocabulary = Vocabulary(german_nouns=["russe", "land"], places=["russland"])
    assert vocabulary.is_place("russlands") and not vocabulary.is_place("lands")


def test_a_short_head_makes_a_compound_only_after_a_word():
    vocabulary = Vocabulary(
        german_nouns=["ger", "rat", "tag", "welt"],
        german_words=["bundes", "feier", "finanzen"],
        noun_endings=["", "s", "en"],
    )
    assert vocabulary.is_german_noun("bundesrat") and vocabulary.is_german_noun("feiertag")
    assert vocabulary.is_german_noun("finanzwelt")  # a head of five letters or more
    assert vocabulary.is_german_noun("finanztag")  # "Finanz" is the stem of "Finanzen"
    assert not vocabulary.is_german_noun("riexinger")  # no "Ger" of a "Riexin"


def test_a_word_with_the_ending_of_a_common_noun_is_no_name():
    vocabulary = Vocabulary(
        german_nouns=["haus"], noun_endings=["", "en"], noun_suffixes=["ität", "ung"]
    )
    for word in ("plurivalität", "verkrustungen"):  # neither in the dictionary
        assert vocabulary.is_german_noun(word), word
    assert not vocabulary.is_german_noun("hartung")  # a surname: too short a stem
    tokens = tokenize("Sie fordert mehr Plurivalität im Verband")
    assert not is_name(tokens, 3, "de", vocabulary, False)


@pytest.fixture(scope="module")
def named(lexicon):
    """Return a reader whose lexicon knows a few common words and given names."""
    vocabulary = Vocabulary(
        german_nouns=["schneider", "rose", "blüte", "minister", "juli"],
        english_words=["grant", "later", "met", "minister"],
        noun_endings=["", "n", "en"],
        given_names=["thomas", "rose", "grant"],
    )
    return Reader(lexicon, vocabulary)


@pytest.mark.parametrize(
    ("text", "language", "parts"),
    [
        ("Gestern traf Thomas Schneider den Minister.", "de", ("thomas", "schneider")),
        ("Gestern traf Rose Kovacic den Minister.", "de", ("rose", "kovacic")),
        ("Later Grant Whitfield met the minister.", "en", ("grant", "whitfield")),
    ],
)
def test_a_given_name_joins_the_surname_after_it(named, text, language, parts):
    # "Schneider" is a noun too, "Rose" and "grant" are words too.
    assert [n.parts for n in named.read(text, language).names] == [parts]


def test_a_given_name_that_is_a_word_joins_no_common_noun_month_or_place(named):
    # "Rose" is a noun and a given name: before another noun it stays a noun.
    assert named.read("Die Rose Blüte welkt.", "de").names == ()
    # A month before a surname places the sentence in time.
    [name] = named.read("Im Juli Kovacic traf den Minister.", "de").names
    assert name.parts == ("kovacic",)


def test_a_hyphened_compound_counts_what_its_last_part_names(reader):
    [masks] = quantities(reader, "Die Stadt bestellte 300 Huber-Masken.")
    assert masks.counted[0] == "huber"
    assert any(t.startswith("mask") for t in masks.counted)  # the head too


def test_a_sum_after_a_noun_is_its_amount_not_a_bound(reader):
    [loan] = quantities(reader, "Die Stadt nahm einen Kredit über 40 Millionen auf.")
    assert (loan.low, loan.high) == (40_000_000, 40_000_000)
    [cheque] = quantities(reader, "Er löste einen Scheck über 100 Euro ein.")
    assert (cheque.low, cheque.high, cheque.unit) == (100, 100, "euro")
    [rise] = quantities(reader, "Die Schulden stiegen auf über 40 Millionen.")
    assert rise.low == 40_000_000 and rise.high == float("inf")  # after a preposition: a bound
    [people] = quantities(reader, "Für Menschen über 60 gilt die Regel.")
    assert people.high == float("inf")  # no sum: older than 60


@pytest.mark.parametrize(
    ("text", "language", "months"),
    [
        ("Er wurde zu einem Jahr und sechs Monaten Haft verurteilt.", "de", 18),
        ("Er wurde zu zwei Jahren und drei Monaten Haft verurteilt.", "de", 27),
        ("He was jailed for two years and three months.", "en", 27),
        ("He was jailed for a year and eleven months.", "en", 23),
    ],
)
def test_a_span_of_time_in_two_units_is_one_duration(reader, text, language, months):
    [span] = quantities(reader, text, language)
    assert (span.kind, span.unit, span.low, span.high) == ("duration", "month", months, months)


def test_two_durations_apart_stay_two(reader):
    spans = quantities(reader, "Er blieb zwei Jahre in Rom und drei Monate in Paris.")
    assert [(q.low, q.unit) for q in spans] == [(2, "year"), (3, "month")]
