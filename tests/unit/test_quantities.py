"""Quantities: numbers as intervals tied to what they count; dates and ordinals apart."""

import math

import pytest

from service.claims.cues import Cues
from service.claims.quantities import QuantityReader
from service.stance import comparable, overlap

reader = QuantityReader(Cues.load())


def only(text, language="de"):
    found = [q for q in reader.read(text, language) if q.kind != "year"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "language", "low", "high", "counted"),
    [
        ("Die OVKS schickte 2500 Soldaten", "de", 2500, 2500, "soldiers"),
        ("Die OVKS schickte 2.500 Soldaten", "de", 2500, 2500, "soldiers"),
        ("The CSTO sent 2,500 troops", "en", 2500, 2500, "soldiers"),
        ("fast 8000 Menschen wurden festgenommen", "de", 7200, 8000, "arrests"),
        ("mehr als 10.000 Festnahmen", "de", 10000, math.inf, "arrests"),
        ("more than 10,000 people were arrested", "en", 10000, math.inf, "arrests"),
        ("mindestens 164 Toten", "de", 164, math.inf, "deaths"),
        ("fewer than 100 people died", "en", 0, 100, "deaths"),
        ("bis zu 70 Kontrollpunkte", "de", 0, 70, "checkpoints"),
        ("rund 100 Verletzte", "de", 90, 110, "injured"),
        ("sechs Flugzeuge landeten", "de", 6, 6, "planes"),
        ("two thousand five hundred soldiers", "en", 2500, 2500, "soldiers"),
        ("Hunderte Menschen wurden verletzt", "de", 200, 999, "injured"),
        ("dozens of people were killed", "en", 24, 99, "deaths"),
        ("mehr als tausend Menschen wurden verletzt", "de", 1000, math.inf, "injured"),
        ("1,5 Millionen Menschen", "de", 1_500_000, 1_500_000, "people"),
        ("more than a thousand people were injured", "en", 1000, math.inf, "injured"),
        ("at least 100 people lost their lives", "en", 100, math.inf, "deaths"),
        (
            "Mindestens 100 Menschen verloren bei den Unruhen ihr Leben",
            "de",
            100,
            math.inf,
            "deaths",
        ),
        ("Insgesamt starben bei den Unruhen nur 16 Menschen", "de", 16, 16, "deaths"),
        ("Die ODKB entsandte 2500 Soldaten", "de", 2500, 2500, "soldiers"),
    ],
)
def test_counts(text, language, low, high, counted):
    q = only(text, language)
    assert (q.kind, q.low, q.high, q.counted) == ("count", low, high, counted)


def test_groups_keep_different_counts_apart():
    killed_criminals = only('Die Sicherheitskräfte haben 26 "bewaffnete Kriminelle" getötet.')
    toll = only("mindestens 164 Tote")
    security = only("es seien 16 Sicherheitskräfte getötet worden")
    sent = only("2500 Soldaten entsandt")
    assert killed_criminals.counted == toll.counted == "deaths"
    assert not comparable(killed_criminals, toll)
    assert security.group == "security_forces" and not comparable(security, sent)


@pytest.mark.parametrize(
    ("text", "language", "group"),
    [
        ("fast 30 bewaffnete Kriminelle wurden von Sicherheitskräften getötet", "de", "criminals"),
        ("Sicherheitskräfte haben 26 bewaffnete Kriminelle getötet", "de", "criminals"),
        (
            "Tokajew zufolge kamen 26 Angehörige der Sicherheitskräfte ums Leben",
            "de",
            "security_forces",
        ),
        ("police officers shot 12 gunmen dead", "en", "criminals"),
    ],
)
def test_the_group_named_nearest_after_the_number_wins(text, language, group):
    assert only(text, language).group == group


@pytest.mark.parametrize(
    ("text", "language", "elided"),
    [
        ("18 weitere seien in den vergangenen Tagen verletzt worden", "de", True),
        ("18 more were wounded", "en", True),
        ("vier weitere frühere Sowjetrepubliken", "de", False),
        ("Hunderte weitere Menschen wurden verletzt", "de", False),
        ("18 more armed criminals were wounded", "en", False),
    ],
)
def test_counts_with_a_left_out_noun(text, language, elided):
    assert only(text, language).elided is elided


def test_a_left_out_noun_takes_the_group_of_the_sentence_before():
    previous = 'Sicherheitskräfte haben 26 "bewaffnete Kriminelle" getötet.'
    injured = only("18 weitere seien verletzt worden")
    resolved = reader.resolve_elided([injured], previous)[0]
    assert resolved.group == "criminals"
    people = only("Hunderte Menschen wurden verletzt")
    assert not comparable(injured, people)  # unresolved: 18 of something unnamed
    assert comparable(resolved, only("18 bewaffnete Kriminelle wurden verletzt"))


@pytest.mark.parametrize(
    ("text", "language", "kind", "value"),
    [
        ("Der Abzug soll am 19. Januar abgeschlossen sein", "de", "date", 119),
        ("the withdrawal ends on 19 January", "en", "date", 119),
        ("on January 6 the mission began", "en", "date", 106),
        ("Stand: 07.01.2022", "de", "date", 107),
        ("des neuntgrößten Landes der Erde", "de", "ordinal", 9),
        ("the ninth largest country", "en", "ordinal", 9),
        ("in the second week of January", "en", "ordinal", 2),
        ("eine Verdopplung der Preise", "de", "factor", 2),
        ("prices tripled", "en", "factor", 3),
    ],
)
def test_dates_and_ordinals_are_not_counts(text, language, kind, value):
    q = only(text, language)
    assert (q.kind, q.low) == (kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "07.01.2022, 08:38",
        "Die Proteste 2013/2014 in der Ukraine",
        "Lesezeit 2 Min.",
        "Sie werden auf Handlungen achten",
        "im Jahr 2021",
    ],
)
def test_times_years_and_verbs_are_not_counts(text):
    assert [q for q in reader.read(text) if q.kind == "count"] == []


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        ("more than 1000 people were arrested", "fast 8000 Menschen festgenommen", "compatible"),
        ("fewer than 100 people died", "mehr als 100 Tote", "disjoint"),
        ("3000 soldiers", "2500 Soldaten", "disjoint"),
        ("2500 soldiers", "2500 Soldaten", "compatible"),
        ("more than 10,000 people were arrested", "10.000 Festnahmen", "touching"),
        ("at least 164 people died", "Dutzende Tote", "disjoint"),
        ("at least 8000 people were arrested", "fast 8000 Festnahmen", "disjoint"),
        ("fewer than 100 people died", "100 Tote", "touching"),
        ("almost 8000 people were injured", "mehr als tausend Verletzte", "vaguer"),
        ("more than 150 people died", "mehr als 100 Tote", "vaguer"),
        ("about 160 people died", "mindestens 164 Tote", "compatible"),
        ("2500 soldiers", "rund 2500 Soldaten", "compatible"),
        ("more than 1000 people were arrested", "mehr als 10.000 Festnahmen", "compatible"),
    ],
)
def test_interval_comparison(claim, source, expected):
    a, b = only(claim, "en"), only(source, "de")
    assert comparable(a, b)
    assert overlap(a, b) == expected
