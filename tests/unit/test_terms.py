"""Index terms: stop words out, stems, aliases, counted-thing tags, German verb forms."""

import pytest

from service.text import Analyzer

analyzer = Analyzer()


def terms(text, language="de"):
    return analyzer.term_string(text, language).split()


def test_aliases_genitives_and_tags():
    assert terms("Tokajews Regierung in Kasachstan") == ["tokajew", "regier", "kasachstan"]
    assert terms("Putins Truppen") == ["putin", "trupp", "@soldiers"]
    assert "usa" not in terms("They told us so", "en")  # "US" is matched only as written
    assert "usa" in terms("The US sent troops", "en")


@pytest.mark.parametrize(
    ("joined", "separated"),
    [
        ("Putin hat keine Beweise vorgelegt", "Beweise legte Putin dafür nicht vor"),
        ("Die Truppen wurden aufgestellt", "Er stellte die Truppen auf"),
        ("Er hat die Reform angekündigt", "Er kündigte die Reform an"),
    ],
)
def test_separable_verbs_meet_their_joined_forms(joined, separated):
    assert set(terms(joined)) & set(terms(separated)) - set(terms("Putin Truppen Er Reform"))


def test_particles_only_join_at_the_end_of_a_clause():
    assert "vorlegt" not in terms("Vor dem Treffen legte er Beweise")
    assert "einmisch" in terms("Er versuchte, sich einzumischen")
