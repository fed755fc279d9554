"""Negation scope and opposites."""

from service.claims.cues import Cues
from service.claims.polarity import PolarityReader

reader = PolarityReader(Cues.load())


def scopes(text):
    return [(n.cue, text[n.scope_start : n.scope_end]) for n in reader.negations(text)]


def test_determiner_negation_covers_its_noun_phrase_only():
    text = "Zur Zahl der entsandten Soldaten machte die Allianz keine Angaben."
    assert scopes(text) == [("keine", " Angaben")]


def test_determiner_negation_covers_coordinated_nouns():
    text = 'Putin will keine Destabilisierung oder gar "farbige Revolutionen" zulassen.'
    [(cue, scope)] = scopes(text)
    assert cue == "keine" and "Revolutionen" in scope


def test_late_german_negation_covers_the_clause():
    text = "Beweise legte der Kreml-Boss dafür nicht vor."
    [(cue, scope)] = scopes(text)
    assert cue == "nicht" and "Beweise" in scope


def test_early_german_negation_covers_the_following_phrase():
    text = "Die Soldaten würden aber nicht dauerhaft in dem Nachbarland bleiben, sagte er."
    [(cue, scope)] = scopes(text)
    assert "dauerhaft" in scope and "Soldaten" not in scope


def test_a_noun_phrase_with_its_complement_is_one_scope():
    text = "Diese Meldung wurde ohne Angabe von Gründen gelöscht."
    [(cue, scope)] = scopes(text)
    assert cue == "ohne" and "Gründen" in scope and "gelöscht" not in scope


def test_words_that_carry_their_own_negation():
    assert scopes("Der bisher beispiellose Einsatz") == [("beispiellose", "beispiellose")]
    assert scopes("The claims were groundless") == [("groundless", "groundless")]
    assert scopes("Nevertheless, troops arrived") == []


def test_english_negation_and_contractions():
    assert [c for c, _ in scopes("Putin did not present evidence")] == ["not"]
    assert [c for c, _ in scopes("Putin didn't present evidence")] == ["n't"]
    assert scopes("Putin presented evidence") == []


def test_opposites_across_languages():
    sides = {(p, s) for p, s, _, _ in reader.opposite_words("The troops stay permanently")}
    other = {(p, s) for p, s, _, _ in reader.opposite_words("für einen begrenzten Zeitraum")}
    assert len(sides) == 1 and len(other) == 1
    (pair_a, side_a), (pair_b, side_b) = sides.pop(), other.pop()
    assert pair_a == pair_b and side_a != side_b
