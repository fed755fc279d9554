"""Coverage: which claim words a passage's terms carry, exactly, inflected or in a compound."""

import pytest

from service.claims.analysis import TermGroup
from service.coverage import PART_WEIGHT, PassageTerms, measure


def group(*alternatives, kind="word"):
    return TermGroup(alternatives[0], 0, 1, alternatives, kind)


@pytest.mark.parametrize(
    ("passage", "claim", "found"),
    [
        (["behauptet"], "behaupt", "behauptet"),  # behauptete / Behauptung
        (["verhind"], "verhindert", "verhind"),
        (["gericht"], "richt", "gericht"),  # gerichtet / richteten
        (["soldat"], "trupp", None),
        (["2500"], "250", None),  # numbers are never shortened
    ],
)
def test_inflections_match(passage, claim, found):
    assert PassageTerms(passage).find([claim]) == found


@pytest.mark.parametrize(
    ("passage", "claim", "found"),
    [
        (["schiessbefehl"], "befehl", "schiessbefehl"),
        (["schiessbefehl"], "schiess", "schiessbefehl"),
        (["staat"], "sowjetstaat", "staat"),
        (["land"], "heimatland", None),  # too short to be a part
    ],
)
def test_compound_parts_match(passage, claim, found):
    assert PassageTerms(passage).find_part([claim]) == found


def test_coverage_weighs_context_parts_and_entities():
    groups = [group("befehl"), group("demonstrant"), group("tokajew", kind="entity")]
    idf = {"": 1.0}
    passage = PassageTerms(["schiessbefehl", "demonstrant"])
    alone = measure(groups, passage, idf, PassageTerms([]))
    assert alone.value == pytest.approx((PART_WEIGHT + 1) / 3)
    assert [g.word for g in alone.missing_entities] == ["tokajew"]
    around = measure(groups, passage, idf, PassageTerms(["tokajew"]), count_context=True)
    assert around.value == pytest.approx((PART_WEIGHT + 1 + 0.5) / 3)
    assert around.missing_entities == ()
