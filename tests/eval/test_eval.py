"""The evaluation set as a regression floor: accuracy and evidence recall may not drop."""

from tests.eval.evaluate import evaluate, load_claims, render

# What the current rules reach on claims.jsonl (see `make eval`); raise as they improve.
ACCURACY_FLOOR = 0.97
RECALL_FLOOR = 0.92


def test_claim_set_is_well_formed():
    claims = load_claims()
    assert len(claims) >= 100
    assert len({c["id"] for c in claims}) == len(claims)
    assert {c["language"] for c in claims} == {"de", "en"}
    for c in claims:
        assert c["verdict"] in {"supported", "refuted", "conflicting", "not_enough_info"}
        assert (c["verdict"] == "not_enough_info") == (c["evidence"] == [])


def test_accuracy_does_not_regress(verifier):
    report = evaluate(verifier, load_claims())
    assert report.accuracy >= ACCURACY_FLOOR, render(report)
    assert report.recall >= RECALL_FLOOR, render(report)
