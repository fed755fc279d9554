"""Stance of one passage towards a claim, and the verdict over all evidence."""

import pytest

from service.index import Context
from service.models import Evidence, Passage, Source
from service.verdict import decide


def passage(verifier, text, document_id="doc", sentence=5):
    terms = verifier.judge.analyzer.term_string(text)
    source = Source(document_id, None, None, None, None, sentence, 0, len(text))
    return Passage(f"{document_id}:{sentence}", text, terms, source)


@pytest.fixture()
def judge(verifier):
    def run(claim, text, context=None):
        analysed = verifier.claims.analyse(claim)
        p = passage(verifier, text)
        idf = {"": 1.0}  # every term weighs the same here
        return verifier.judge.judge(analysed, p, idf, context)

    return run


def test_a_bare_figure_is_read_with_the_sentences_before_it(judge, verifier):
    claim = "Bei den Unruhen in Kasachstan im Januar kamen weniger als 20 Menschen ums Leben"
    figure = "Es gab mehr als 100 Tote."
    assert judge(claim, figure).stance == "neutral"
    around = verifier.judge.analyzer.term_string("Unruhen in Kasachstan: die Bilanz")
    assert judge(claim, figure, Context(around, "")).stance == "contradicts"


def test_qualifier_and_counted_words_are_part_of_the_number(judge):
    judgement = judge("More than 1,000 people were arrested", "fast 8000 Festnahmen")
    assert judgement.stance == "supports"
    assert judgement.coverage == 1.0
    assert "claim: More than 1,000 arrested; source: fast 8000 Festnahmen" in judgement.reasons[0]


def test_a_left_out_noun_is_resolved_from_the_sentence_before(judge, verifier):
    claim = "Weitere 18 bewaffnete Kriminelle wurden verletzt"
    text = "18 weitere seien verletzt worden."
    previous = 'Sicherheitskräfte haben 26 "bewaffnete Kriminelle" getötet.'
    around = verifier.judge.analyzer.term_string(previous)
    assert judge(claim, text, Context(around, "")).stance == "neutral"
    assert judge(claim, text, Context(around, previous)).stance == "supports"


def evidence(verifier, document_id, stance, weight):
    return Evidence(passage(verifier, "x", document_id), 80.0, stance, (), (), weight)


def test_one_credible_dissenting_source_makes_a_conflict(verifier):
    majority = [evidence(verifier, d, "supports", 1.0) for d in ("a", "b", "c")]
    dissent = [evidence(verifier, "d", "contradicts", 0.5)]
    assert decide(majority, dissent)[0] == "conflicting"
    assert decide(majority, [evidence(verifier, "d", "contradicts", 0.1)])[0] == "supported"
    assert decide([], dissent)[0] == "refuted"
    assert decide([], []) == ("not_enough_info", 0.9)


@pytest.mark.parametrize(
    ("claim", "source", "stance"),
    [
        (
            "Die Truppen wurden auf unbegrenzte Zeit entsandt",
            "Die Truppen wurden auf begrenzte Zeit entsandt",
            "contradicts",
        ),
        ("Kasachstan galt als instabiles Land", "Kasachstan galt als stabiles Land", "contradicts"),
        ("Kasachstan galt als stabiles Land", "Kasachstan galt als stabiles Land", "supports"),
    ],
)
def test_a_negative_prefix_makes_opposites(judge, claim, source, stance):
    judgement = judge(claim, source)
    assert judgement.stance == stance
    if stance == "contradicts":
        assert any(r.startswith("opposite:") for r in judgement.reasons)


def test_a_negation_counts_only_where_the_source_speaks_of_what_is_denied(judge):
    claim = "Russland wird keine Revolutionen in Nachbarstaaten zulassen"
    about_revolutions = "Putin sprach von Revolutionen in Nachbarstaaten Russlands"
    assert judge(claim, about_revolutions).stance == "neutral"
    allowed = "Russland wird Revolutionen in Nachbarstaaten zulassen"
    assert judge(claim, allowed).stance == "contradicts"


def test_places_in_a_sequence_are_compared_when_they_number_the_same_thing(judge):
    source = "Die Sicherheitskräfte verloren in der ersten Januarwoche die Kontrolle"
    second = "Die Sicherheitskräfte verloren in der zweiten Januarwoche die Kontrolle"
    judgement = judge(second, source)
    assert judgement.stance == "contradicts"
    assert judgement.reasons[0].startswith("claim: zweiten Januarwoche; source: ersten Januarwoche")
    assert judge(source, source).stance == "supports"
    attempt = "Putin nannte die Unruhen den ersten Versuch einer Einmischung"
    denied = "Die Unruhen seien nicht der erste Versuch einer Einmischung, sagte Putin"
    assert judge(attempt, denied).stance == "contradicts"


def test_a_denial_contradicts_a_claim_with_a_number_it_does_not_repeat(judge):
    claim = "Die Meldung über mehr als 160 Todesopfer wurde vom Staatsfernsehen gelöscht"
    denial = "Die Meldung über die Todesopfer wurde vom Staatsfernsehen nicht gelöscht"
    assert judge(claim, denial).stance == "contradicts"
    unrelated_denial = "Die Meldung über die Wahl wurde vom Staatsfernsehen nicht gelöscht"
    assert judge(claim, unrelated_denial).stance == "neutral"


def test_changes_by_a_factor_are_compared_like_numbers(judge):
    source = "Die Proteste richteten sich gegen eine Verdopplung der Gaspreise in Kasachstan"
    assert judge("Gas prices in Kazakhstan doubled", source).stance == "supports"
    assert judge("Gas prices in Kazakhstan tripled", source).stance == "contradicts"


def test_an_english_place_in_a_sequence_meets_a_german_compound(judge):
    source = "Die Sicherheitskräfte verloren in der ersten Januarwoche die Kontrolle"
    claim = "The security forces lost control in the second week of January"
    assert judge(claim, source).stance == "contradicts"
