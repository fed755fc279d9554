"""The evaluation set as a regression floor: accuracy and evidence recall may not drop."""

import pytest

from tests.eval.evaluate import CLAIMS, SECOND_SET, evaluate, load_claims, render

# What the current rules reach (see `make eval`); raise as they improve.
FLOORS = {CLAIMS: (0.98, 0.95), SECOND_SET: (0.87, 0.83)}


@pytest.mark.parametrize("path", [CLAIMS, SECOND_SET], ids=lambda p: p.name)
def test_claim_set_is_well_formed(path):
    claims = load_claims(path)
    assert len(claims) >= 70
    assert len({c["id"] for c in claims}) == len(claims)
    assert {c["language"] for c in claims} == {"de", "en"}
    for c in claims:
        assert c["verdict"] in {"supported", "refuted", "conflicting", "not_enough_info"}
        assert (c["verdict"] == "not_enough_info") == (c["evidence"] == [])


@pytest.mark.parametrize("path", [CLAIMS, SECOND_SET], ids=lambda p: p.name)
def test_accuracy_does_not_regress(verifier, path):
    report = evaluate(verifier, load_claims(path))
    accuracy, recall = FLOORS[path]
    assert report.accuracy >= accuracy, render(report)
    assert report.recall >= recall, render(report)
