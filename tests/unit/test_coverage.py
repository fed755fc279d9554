"""Coverage: which claim words a passage's terms carry, exactly, inflected or in a compound."""

from dataclasses import replace

import pytest

from service.claims.analysis import TermGroup
from service.stance.coverage import (
    CONTEXT_WEIGHT,
    PART_WEIGHT,
    SYNONYM_WEIGHT,
    PassageTerms,
    Weights,
    measure,
)


def group(*alternatives, kind="word"):
    return TermGroup(alternatives[0], 0, 1, alternatives, kind)


@pytest.mark.parametrize(
    ("passage", "claim", "found"),
    [
        (["behauptet"], "behaupt", "behauptet"),  # behauptete / Behauptung
        (["verhind"], "verhindert", "verhind"),
        (["gericht"], "richt", "gericht"),  # gerichtet / richteten
        (["behauptungen"], "behaupt", None),  # more than a short ending
        (["behauptungen", "behauptet"], "behaupt", "behauptet"),
        (["lande"], "land", None),  # too short a stem to take an ending
        (["soldat"], "trupp", None),
        (["2500"], "250", None),  # numbers are never shortened
        (["human", "right"], "human right", "right"),  # a phrase: all its terms
        (["human"], "human right", None),
        (["gaspreis"], "gas preis", "gaspreis"),  # a phrase as a German compound
        (["arbeitsmarkt"], "arbeit markt", "arbeitsmarkt"),
        (["akzeptabl"], "akzeptabel", "akzeptabl"),  # "akzeptables": the "e" of "-el" drops
        (["dunkl"], "dunkel", "dunkl"),
        (["mittl"], "mittel", "mittl"),
        (["sovas"], "sova", "sovas"),  # a short name in the German genitive
        (["ebola-14"], "ebola", "ebola-14"),  # a name with a number after a hyphen
        (["ebola"], "ebola-14", "ebola"),
        (["ebola-14"], "ebola-12", None),
        (["f-16"], "f-35", None),
    ],
)
def test_inflections_and_phrases_match(passage, claim, found):
    assert PassageTerms(passage).find([claim]) == found


@pytest.mark.parametrize(
    ("passage", "claim", "found"),
    [
        (["schiessbefehl"], "befehl", "schiessbefehl"),
        (["schiessbefehl"], "schiess", "schiessbefehl"),
        (["staat"], "sowjetstaat", "staat"),
        (["land"], "heimatland", None),  # too short to be a part
        (["pay", "dispute"], "wage dispute", "dispute"),  # a phrase's head ...
        (["embassi", "staff"], "embassi cowork", "embassi"),  # ... or its first word
    ],
)
def test_compound_parts_match(passage, claim, found):
    assert PassageTerms(passage).find_part([claim]) == found


def test_coverage_weighs_context_parts_and_names():
    groups = [group("befehl"), group("demonstrant"), group("gruber", kind="name")]
    idf = Weights({"": 1.0})
    passage = PassageTerms(["schiessbefehl", "demonstrant"])
    alone = measure(groups, True, passage, idf, PassageTerms([]))
    assert alone.value == pytest.approx((PART_WEIGHT + 1) / 3)
    assert [g.word for g in alone.missing_names] == ["gruber"]
    around = measure(groups, True, passage, idf, PassageTerms(["gruber"]), CONTEXT_WEIGHT)
    assert around.value == pytest.approx((PART_WEIGHT + 1 + CONTEXT_WEIGHT) / 3)
    assert around.missing_names == ()


def test_a_compound_holding_two_claim_words_says_both_in_full():
    # "Verkehrsminister" is "Minister für Verkehr"; "Verkehrsplanung" says only one of the two.
    groups = [group("minist"), group("verkehr"), group("ruckt")]
    idf = Weights({"": 1.0})
    both = measure(groups, True, PassageTerms(["verkehrsminist"]), idf, PassageTerms([]))
    assert both.value == pytest.approx(2 / 3)
    one = measure(groups, True, PassageTerms(["verkehrsplan"]), idf, PassageTerms([]))
    assert one.value == pytest.approx(PART_WEIGHT / 3)


def test_a_short_word_is_the_rest_of_a_compound_another_claim_word_is_part_of():
    # "Neuverschuldung" is "new debt": "neu" is too short to be looked for as a part alone,
    # but it is what the compound holds besides "verschuld".
    groups = [group("neu"), group("verschuld"), group("plan")]
    idf = Weights({"": 1.0})
    both = measure(groups, True, PassageTerms(["neuverschuld"]), idf, PassageTerms([]))
    assert both.value == pytest.approx(2 / 3)
    other = measure(groups, True, PassageTerms(["altverschuld"]), idf, PassageTerms([]))
    assert other.value == pytest.approx(PART_WEIGHT / 3)
    # A mere prefix is not the rest: "neuerverschuld" holds "neuer".
    longer = measure(groups, True, PassageTerms(["neuerverschuld"]), idf, PassageTerms([]))
    assert longer.value == pytest.approx(PART_WEIGHT / 3)


def test_a_compound_said_apart_counts_in_full_only_with_both_parts():
    # "Gerechtigkeitsfrage" is "Frage der Gerechtigkeit"; "Frage" alone is another question.
    g = TermGroup("Gerechtigkeitsfrage", 0, 19, ("gerechtigkeitsfrag",), "word")
    g = replace(g, apart=("gerecht frag",))
    idf = Weights({"": 1.0})
    both = measure([g], True, PassageTerms(["frag", "gerecht"]), idf, PassageTerms([]))
    assert both.value == pytest.approx(1.0)
    one = measure([g], True, PassageTerms(["frag", "recht"]), idf, PassageTerms([]))
    assert one.value == 0.0


def test_a_german_compound_noun_is_also_read_apart(claims):
    [group] = [g for g in claims.analyse("Das ist eine Gerechtigkeitsfrage", "de").groups
               if g.word == "Gerechtigkeitsfrage"]  # fmt: skip
    assert group.apart == ("gerecht frag",)


def test_a_synonym_counts_at_a_discount():
    g = TermGroup("schickte", 0, 8, ("schickt",), "word", synonyms=("sandt",))
    found = measure([g], True, PassageTerms(["sandt"]), Weights({"": 1.0}), PassageTerms([]))
    assert found.value == pytest.approx(SYNONYM_WEIGHT)
    across = measure([g], False, PassageTerms(["sandt"]), Weights({"": 1.0}), PassageTerms([]))
    assert across.value == 0.0  # synonyms are words of the claim's language


def test_translations_count_only_across_languages():
    g = TermGroup("jobs", 0, 4, ("job",), "word", ("stell",))
    assert g.alternatives(same_language=True) == ("job",)
    assert "stell" in g.alternatives(same_language=False)


def test_a_word_the_corpus_never_uses_weighs_as_a_typical_claim_word():
    # Such a word is in no passage, so it tells none apart; weighed as the rarest word, it
    # would keep every paraphrase below the thresholds.
    idf = Weights({"": 9.0, "regier": 1.0, "hafen": 3.0, "schloss": 5.0})
    assert idf.of(group("verrammelt")) == 3.0
    assert idf.of(group("hafen")) == 3.0
    assert idf.of(group("gruber", kind="name")) == 9.0  # an unknown name stays rare


def test_the_claims_own_words_weigh_before_their_translations():
    # A translation the corpus uses by chance ("terra" in a German corpus) says nothing
    # about how rare the claim's own word is there.
    idf = Weights({"": 9.0, "land": 2.0, "terra": 8.0})
    assert idf.of(TermGroup("landeten", 0, 8, ("land",), "word", ("terra",))) == 2.0
    assert idf.of(TermGroup("landed", 0, 6, ("landed",), "word", ("terra",))) == 8.0


@pytest.mark.parametrize(
    ("terms", "found"),
    [
        (["karzai", "said"], "karzai"),  # one letter apart
        (["kabul"], None),
        (["karsaii"], "karsaii"),  # one letter more
        (["barsai"], None),  # another first letter
    ],
)
def test_a_name_spelt_one_letter_apart_is_the_same_name(terms, found):
    assert PassageTerms(terms).find_spelling(["karsai"]) == found
    g = group("karsai", kind="name")
    coverage = measure([g], True, PassageTerms(terms), Weights({"": 1.0}), PassageTerms([]))
    assert coverage.value == (1.0 if found else 0.0)
    assert PassageTerms(["karzai"]).find_spelling(["karzai"[:4]]) is None  # too short to tell


def test_a_stem_meets_a_name_that_keeps_its_umlaut():
    # Stems fold umlauts, names are not stemmed: "Upper Austrian" translates to the stem of
    # "oberösterreichisch", the passage names "Oberösterreich".
    assert PassageTerms(["oberösterreich"]).find(["oberosterreich"]) == "oberösterreich"


def test_a_name_that_keeps_its_umlaut_meets_a_stem():
    # The other way round: the claim names "Südtirol", the passage says "südtiroler" as a
    # common word, stemmed and folded.
    assert PassageTerms(["sudtirol"]).find(["südtirol"]) == "sudtirol"
    assert PassageTerms(["sudtiroler"]).find(["südtirol"]) == "sudtiroler"
    assert PassageTerms(["sudan"]).find(["südtirol"]) is None
    assert PassageTerms(["südtirols"]).find(["südtirol"]) == "südtirols"  # as written first
