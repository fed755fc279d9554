"""POST /v1/verify and /v1/verify/batch through the Flask test client."""

import json
import sys

import pytest

from service.reading.tokens import visible


def verify(client, claim, **extra):
    resp = client.post("/v1/verify", json={"claim": claim, **extra})
    assert resp.status_code == 200, resp.get_json()
    return resp.get_json()


def publishers(evidence):
    return {e["source"]["publisher"] for e in evidence}


def test_supported_with_two_sources(client):
    body = verify(client, "OVKS sent 2500 soldiers")
    assert body["verdict"] == "supported"
    assert body["analysis"]["language"] == "en"
    assert {"Der Tagesspiegel", "Deutsche Welle"} <= publishers(body["supporting"])
    assert all("2500 Soldaten" in e["text"] for e in body["supporting"])
    assert body["contradicting"] == []


def test_refuted_by_a_different_number(client):
    body = verify(client, "Die OVKS schickte 3000 Soldaten nach Kasachstan")
    assert body["verdict"] == "refuted"
    assert any("2500 Soldaten" in e["text"] for e in body["contradicting"])
    assert any("3000" in r and "2500" in r for e in body["contradicting"] for r in e["reasons"])


def test_conflicting_sources(client):
    body = verify(client, "Mehr als 10.000 Menschen wurden festgenommen")
    assert body["verdict"] == "conflicting"
    assert any(
        "mehr als 10.000 Festnahmen" in e["text"] and e["source"]["publisher"] == "news.de"
        for e in body["supporting"]
    )
    assert any("fast 8000 Menschen festgenommen" in e["text"] for e in body["contradicting"])


@pytest.mark.parametrize(
    ("claim", "verdict", "side", "passage"),
    [
        (
            "Putin presented evidence of foreign interference",
            "refuted",
            "contradicting",
            "Beweise legte der Kreml-Boss dafür nicht vor",
        ),
        (
            "Russland wird keine Revolutionen zulassen",
            "supported",
            "supporting",
            'keine "Revolutionen"',
        ),
        (
            "More than 1000 people were arrested",
            "supported",
            "supporting",
            "fast 8000 Menschen festgenommen",
        ),
        ("Fewer than 100 people died", "conflicting", "contradicting", "mehr als 100 Tote"),
    ],
)
def test_claims_the_way_a_fact_checker_reads_them(client, claim, verdict, side, passage):
    body = verify(client, claim)
    assert body["verdict"] == verdict
    assert any(passage in e["text"] for e in body[side]), body[side]


def test_passages_that_take_no_side_are_related_with_a_reason(client):
    body = verify(client, "OVKS sent 2500 soldiers", top_k=3)
    assert body["verdict"] == "supported"
    assert 1 <= len(body["related"]) <= 3
    for e in body["related"]:
        assert e["stance"] == "related" and e["reasons"]
    assert any("figure" in r for e in body["related"] for r in e["reasons"])
    taken = {e["passage_id"] for e in body["supporting"] + body["contradicting"]}
    assert taken.isdisjoint(e["passage_id"] for e in body["related"])


def test_unrelated_claim_has_no_evidence(client):
    body = verify(client, "Der Eiffelturm steht in Paris")
    assert body["verdict"] == "not_enough_info"
    assert body["supporting"] == [] and body["contradicting"] == []


@pytest.mark.parametrize("claim", ["OVKS sent 2⁵⁰⁰ soldiers", "¹²³ Tote", "٢٥٠٠ Soldaten", "x² y³"])
def test_unusual_digits_get_an_answer(client, claim):
    assert verify(client, claim)["verdict"] in {
        "supported",
        "refuted",
        "conflicting",
        "not_enough_info",
    }


def strict_json(resp):
    """Return the body parsed as JSON proper: no Infinity or NaN."""

    def reject(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(resp.get_data(as_text=True), parse_constant=reject)


@pytest.mark.parametrize(
    ("claim", "verdicts"),
    [
        (f"OVKS sent {'9' * 400} soldiers", {"refuted"}),
        (f"Die OVKS schickte {'9' * 400} Soldaten", {"refuted", "not_enough_info"}),
    ],
)
def test_a_number_wider_than_a_float_is_compared_as_a_huge_number(client, claim, verdicts):
    resp = client.post("/v1/verify", json={"claim": claim})
    assert resp.status_code == 200
    body = strict_json(resp)
    assert body["verdict"] in verdicts
    [q] = body["analysis"]["quantities"]
    assert q["low"] == q["high"] == sys.float_info.max and q["text"] == "9" * 400


@pytest.mark.parametrize(
    "claim",
    [
        "OVKS sent 2\u00ad500 soldiers",
        "OVKS sent 25\u200b00 soldiers",
        "OVKS sent 2500 Sol\u00addaten",
        "OVKS s\u2060ent 2500 Soldaten",
        "Die OVKS schickte 2.5\ufeff00 Sol\u200cdaten",
        "Putin pre\u200dsented evidence of foreign interference",
    ],
)
def test_characters_that_do_not_show_change_nothing(client, claim):
    plain = verify(client, visible(claim))
    assert plain["verdict"] != "not_enough_info"
    assert verify(client, claim) == plain


def test_evidence_shape_and_attribution(client, app):
    body = verify(client, "OVKS sent 2500 soldiers", top_k=1)
    assert len(body["supporting"]) == 1
    ev = body["supporting"][0]
    assert 0 <= ev["score"] <= 100 and ev["stance"] == "supports" and ev["reasons"]
    src = ev["source"]
    doc_id, index = ev["passage_id"].split(":")
    assert src["document_id"] == doc_id and src["sentence_index"] == int(index)
    raw = (app.config["CORPUS_DIR"] / f"{doc_id}.txt").read_text("utf-8")
    assert " ".join(raw[src["char_start"] : src["char_end"]].split()) == ev["text"]
    assert 0 <= body["confidence"] <= 1 and body["corpus_version"]
    for h in ev["highlights"]:
        assert 0 <= h["start"] < h["end"] <= len(ev["text"])


def test_batch_keeps_order(client):
    claims = ["Der Eiffelturm steht in Paris", "OVKS sent 2500 soldiers"]
    resp = client.post("/v1/verify/batch", json={"claims": [{"claim": c} for c in claims]})
    assert resp.status_code == 200
    results = resp.get_json()["results"]
    assert [r["claim"] for r in results] == claims
    assert [r["verdict"] for r in results] == ["not_enough_info", "supported"]


@pytest.mark.parametrize("top_k", [35.0, 1e1])
def test_top_k_may_have_a_zero_fraction(client, top_k):
    body = verify(client, "OVKS sent 2500 soldiers", top_k=top_k)
    assert body["verdict"] == "supported"
    resp = client.post("/v1/verify/batch", json={"claims": [{"claim": "Kasachstan", "top_k": 3.0}]})
    assert resp.status_code == 200 and len(resp.get_json()["results"]) == 1


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"claim": ""},
        {"claim": "  a  "},
        {"claim": "x" * 1001},
        {"claim": 42},
        {"claim": "OVKS sent troops", "top_k": 0},
        {"claim": "OVKS sent troops", "top_k": 51},
        {"claim": "OVKS sent troops", "top_k": "5"},
        {"claim": "OVKS sent troops", "top_k": 35.5},
        {"claim": "OVKS sent troops", "top_k": True},
        {"claim": "OVKS sent troops", "min_score": 101},
        {"claim": "OVKS sent troops", "language": "fr"},
        {"claim": "OVKS sent troops", "unknown": 1},
        ["OVKS sent troops"],
    ],
)
def test_schema_violations_are_422(client, payload):
    resp = client.post("/v1/verify", json=payload)
    assert resp.status_code == 422
    assert resp.mimetype == "application/problem+json"
    body = resp.get_json()
    assert body["status"] == 422 and body["errors"] and body["title"] and body["type"]


@pytest.mark.parametrize(
    "payload",
    [{"claims": []}, {"claims": [{"claim": "ok?"}] * 101}, {"claims": [{"claim": ""}]}, {}],
)
def test_batch_violations_are_422(client, payload):
    resp = client.post("/v1/verify/batch", json=payload)
    assert resp.status_code == 422 and resp.get_json()["errors"]


def test_malformed_json_is_400(client):
    resp = client.post("/v1/verify", data="{claim:", content_type="application/json")
    assert resp.status_code == 400 and resp.mimetype == "application/problem+json"


DEEP = 3000


@pytest.mark.parametrize("path", ["/v1/verify", "/v1/verify/batch"])
@pytest.mark.parametrize(
    "body",
    ['{"claim": ' + "[" * DEEP + "]" * DEEP + "}", "[" * DEEP + "]" * DEEP],
    ids=["in-an-object", "top-level"],
)
def test_deeply_nested_json_is_400(client, path, body):
    resp = client.post(path, data=body, content_type="application/json")
    assert resp.status_code == 400 and resp.mimetype == "application/problem+json"
    assert resp.get_json()["detail"] == "The body is nested too deeply."


def test_non_json_body_is_415(client):
    resp = client.post("/v1/verify", data="claim=x", content_type="text/plain")
    assert resp.status_code == 415 and resp.get_json()["status"] == 415


def test_large_body_is_413(client, app):
    size = app.config["MAX_CONTENT_LENGTH"] + 1
    resp = client.post("/v1/verify", data=b"x" * size, content_type="application/json")
    assert resp.status_code == 413 and resp.mimetype == "application/problem+json"


def test_unknown_path_is_404_and_wrong_method_is_405(client):
    resp = client.get("/v2/nothing")
    assert resp.status_code == 404 and resp.mimetype == "application/problem+json"
    resp = client.get("/v1/verify")
    assert resp.status_code == 405 and "POST" in resp.headers["Allow"]
    assert resp.mimetype == "application/problem+json"
