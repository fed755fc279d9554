"""Writing documents over HTTP: create, read, replace, delete, bulk, filters, keys, limits."""

from __future__ import annotations

import json

import pytest

ARTICLE = {
    "text": "Die Stadtwerke Kleinhausen erhöhen den Gaspreis um 12 Prozent. "
    "Die Erhöhung gilt ab dem ersten März.",
    "publisher": "Kleinhausener Bote",
    "title": "Gas wird teurer",
    "url": "https://bote.example/gas",
    "published": "2023-02-01",
}
CLAIM = "Die Stadtwerke Kleinhausen erhöhen den Gaspreis um 12 Prozent"


@pytest.fixture(scope="module")
def writable(make_app):
    """An app of its own (these tests change its documents) and its write and read keys."""
    app = make_app()
    keys = app.extensions["keys"]
    return app, keys.add("writer"), keys.add("reader", scope="read")


@pytest.fixture()
def api(writable):
    app, writer, _ = writable
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {writer}"
    return client


def verdict(client, claim, **extra):
    resp = client.post("/v1/verify", json={"claim": claim, **extra})
    assert resp.status_code == 200, resp.json
    return resp.json


def test_a_written_document_is_answered_and_deleted_documents_are_not(api):
    assert verdict(api, CLAIM)["verdict"] == "not_enough_info"
    resp = api.post("/v1/documents", json=ARTICLE)
    assert resp.status_code == 201
    doc = resp.json
    assert resp.headers["Location"] == f"/v1/documents/{doc['document_id']}"
    assert resp.headers["ETag"] == f'"{doc["etag"]}"'
    assert doc["passage_count"] == 2 and doc["published"] == "2023-02-01"
    first = doc["passages"][0]["source"]
    assert ARTICLE["text"][first["char_start"] : first["char_end"]].startswith("Die Stadtwerke")

    answer = verdict(api, CLAIM)
    assert answer["verdict"] == "supported"
    assert answer["supporting"][0]["source"]["document_id"] == doc["document_id"]

    assert api.delete(f"/v1/documents/{doc['document_id']}").status_code == 204
    assert api.get(f"/v1/documents/{doc['document_id']}").status_code == 404
    assert api.delete(f"/v1/documents/{doc['document_id']}").status_code == 404
    assert verdict(api, CLAIM)["verdict"] == "not_enough_info"


def test_the_same_article_twice_is_one_document(api):
    first = api.post("/v1/documents", json=ARTICLE)
    again = api.post("/v1/documents", json=ARTICLE)
    assert (first.status_code, again.status_code) in ((201, 200), (200, 200))
    assert first.json["document_id"] == again.json["document_id"]
    assert first.json["document_id"].startswith("u-")  # derived from the URL
    without_url = {k: v for k, v in ARTICLE.items() if k != "url"}
    a = api.post("/v1/documents", json=without_url).json["document_id"]
    b = api.post("/v1/documents", json=without_url).json["document_id"]
    assert a == b and a.startswith("t-")  # derived from the text


def test_put_with_a_stale_tag_is_412_and_with_the_current_tag_replaces(api):
    created = api.put("/v1/documents/gas-1", json=ARTICLE)
    assert created.status_code in (200, 201)
    tag = created.headers["ETag"]
    changed = {**ARTICLE, "text": ARTICLE["text"].replace("12 Prozent", "15 Prozent")}
    replaced = api.put("/v1/documents/gas-1", json=changed, headers={"If-Match": tag})
    assert replaced.status_code == 200 and replaced.headers["ETag"] != tag
    stale = api.put("/v1/documents/gas-1", json=ARTICLE, headers={"If-Match": tag})
    assert stale.status_code == 412
    assert stale.headers["Content-Type"] == "application/problem+json"
    assert api.delete("/v1/documents/gas-1", headers={"If-Match": tag}).status_code == 412
    current = api.get("/v1/documents/gas-1")
    assert "15 Prozent" in current.json["text"]
    not_modified = api.get(
        "/v1/documents/gas-1", headers={"If-None-Match": current.headers["ETag"]}
    )
    assert not_modified.status_code == 304
    create_only = api.post(
        "/v1/documents", json={**changed, "document_id": "gas-1"}, headers={"If-None-Match": "*"}
    )
    assert create_only.status_code == 412
    assert (
        api.delete("/v1/documents/gas-1", headers={"If-Match": current.headers["ETag"]}).status_code
        == 204
    )


def test_put_rejects_another_id_in_the_body(api):
    resp = api.put("/v1/documents/one", json={**ARTICLE, "document_id": "two"})
    assert resp.status_code == 409 and "'two'" in resp.json["detail"]


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "   "},
        {"text": "x", "published": "2023-02-30"},
        {"text": "x", "published": "yesterday"},
        {"text": "x", "url": "ftp://example.org/a"},
        {"text": "x", "language": "fr"},
        {"text": "x", "document_id": "bulk"},
        {"text": "x", "document_id": "no spaces"},
        {"text": "x", "extra": 1},
        {"text": 5},
    ],
)
def test_bad_documents_are_422(api, body):
    resp = api.post("/v1/documents", json=body)
    assert resp.status_code == 422
    assert resp.headers["Content-Type"] == "application/problem+json"


def test_a_date_time_is_kept_in_utc(api):
    body = {**ARTICLE, "url": "https://bote.example/zeit", "published": "2023-02-01T23:30:00+02:00"}
    assert api.post("/v1/documents", json=body).json["published"] == "2023-02-01T21:30:00Z"


def test_bulk_takes_the_good_lines_and_reports_the_bad_ones(api):
    lines = [
        json.dumps({"document_id": "bulk-a", "text": "Der Fluss Aue trat über die Ufer."}),
        "{not json",
        "",
        json.dumps({"document_id": "bulk-b", "text": ""}),
        json.dumps({"document_id": "bulk-c", "text": "Die Brücke über die Aue ist gesperrt."}),
    ]
    resp = api.post(
        "/v1/documents/bulk", data="\n".join(lines), content_type="application/x-ndjson"
    )
    assert resp.status_code == 200
    results = resp.json["results"]
    assert [(r["line"], r["result"]) for r in results] == [
        (1, "created"),
        (2, "failed"),
        (4, "failed"),
        (5, "created"),
    ]
    assert results[1]["status"] == 400 and results[2]["status"] == 422
    assert resp.json["counts"] == {"created": 2, "updated": 0, "unchanged": 0, "failed": 2}
    assert api.get("/v1/documents/bulk-a").status_code == 200
    again = api.post("/v1/documents/bulk", data=lines[0], content_type="application/x-ndjson")
    assert again.json["results"][0]["result"] == "unchanged"
    wrong_type = api.post("/v1/documents/bulk", data=lines[0], content_type="text/plain")
    assert wrong_type.status_code == 415


def test_listing_pages_and_filters(api):
    for day in ("2023-03-01", "2023-03-02", "2023-03-03"):
        body = {
            "document_id": f"list-{day}",
            "text": f"Bericht vom {day} über das Wetter in Kleinhausen.",
            "publisher": "Wetterdienst Kleinhausen",
            "published": day,
        }
        assert api.put(f"/v1/documents/list-{day}", json=body).status_code in (200, 201)
    seen, url = [], "/v1/documents?limit=2"
    while True:
        page = api.get(url).json
        assert len(page["documents"]) <= 2
        seen += [d["document_id"] for d in page["documents"]]
        if page["next_cursor"] is None:
            break
        url = f"/v1/documents?limit=2&cursor={page['next_cursor']}"
    assert seen == sorted(seen) and len(seen) == len(set(seen)) >= 8  # 5 shipped + 3
    narrowed = api.get(
        "/v1/documents?publisher=Wetterdienst Kleinhausen&published_from=2023-03-02"
    ).json["documents"]
    assert [d["document_id"] for d in narrowed] == ["list-2023-03-02", "list-2023-03-03"]
    assert api.get("/v1/documents?cursor=%%%").status_code == 422


def test_filters_are_applied_inside_retrieval(api):
    claim = "OVKS sent 2500 soldiers"
    assert verdict(api, claim)["verdict"] == "supported"
    ids = {e["source"]["document_id"] for e in verdict(api, claim)["supporting"]}
    only = sorted(ids)[0]
    filtered = verdict(api, claim, filters={"document_ids": [only]})
    assert {e["source"]["document_id"] for e in filtered["supporting"]} == {only}
    # The shipped articles carry no date, so a date filter leaves them out.
    dated = verdict(api, claim, filters={"published_from": "2022-01-01"})
    evidence = dated["supporting"] + dated["contradicting"] + dated["related"]
    assert dated["verdict"] == "not_enough_info"
    assert all(e["source"]["published"] >= "2022-01-01" for e in evidence)
    other = verdict(api, claim, filters={"publishers": ["Kleinhausener Bote"]})
    assert other["verdict"] == "not_enough_info"
    hits = api.get(f"/v1/passages?q=OVKS Soldaten&document_ids={only}").json["passages"]
    assert hits and {h["source"]["document_id"] for h in hits} == {only}
    assert api.get("/v1/passages?q=OVKS&languages=fr").status_code == 422


def test_writes_need_a_write_key(writable):
    app, _, reader = writable
    anonymous = app.test_client()
    resp = anonymous.post("/v1/documents", json=ARTICLE)
    assert resp.status_code == 401
    assert resp.headers["WWW-Authenticate"].startswith("Bearer")
    assert resp.headers["Content-Type"] == "application/problem+json"
    wrong = anonymous.delete("/v1/documents/x", headers={"Authorization": "Bearer cc_nope"})
    assert wrong.status_code == 401 and "invalid_token" in wrong.headers["WWW-Authenticate"]
    read_only = anonymous.post(
        "/v1/documents", json=ARTICLE, headers={"Authorization": f"Bearer {reader}"}
    )
    assert read_only.status_code == 403
    assert "insufficient_scope" in read_only.headers["WWW-Authenticate"]
    # Reads stay open, and a bad key on a read is refused rather than ignored.
    assert anonymous.get("/v1/documents").status_code == 200
    assert anonymous.get("/v1/documents", headers={"Authorization": "Bearer x"}).status_code == 401


def test_reads_can_require_a_key(make_app):
    app = make_app(REQUIRE_KEY_FOR_READS=True)
    key = app.extensions["keys"].add("reader", scope="read")
    client = app.test_client()
    assert client.post("/v1/verify", json={"claim": CLAIM}).status_code == 401
    assert client.get("/healthz").status_code == 200
    ok = client.post(
        "/v1/verify", json={"claim": CLAIM}, headers={"Authorization": f"Bearer {key}"}
    )
    assert ok.status_code == 200


def test_rate_limits_answer_429_with_retry_after(make_app):
    app = make_app(RATE_LIMIT_READS="3/minute", RATE_LIMIT_WRITES="1/minute")
    key = app.extensions["keys"].add("writer")
    client = app.test_client()
    statuses = [client.get("/v1/documents").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/v1/documents")
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert limited.headers["Content-Type"] == "application/problem+json"
    # Each key has its own count: this one may still read, and write once.
    auth = {"Authorization": f"Bearer {key}"}
    assert client.get("/v1/documents", headers=auth).status_code == 200
    assert client.delete("/v1/documents/none", headers=auth).status_code == 404
    assert client.delete("/v1/documents/none", headers=auth).status_code == 429


def test_cors_lets_configured_origins_read(make_app):
    app = make_app(CORS_ORIGINS="https://desk.example")
    client = app.test_client()
    allowed = client.get("/v1/documents", headers={"Origin": "https://desk.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://desk.example"
    other = client.get("/v1/documents", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = client.options(
        "/v1/verify",
        headers={"Origin": "https://desk.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
    write = client.options("/v1/documents/bulk", headers={"Origin": "https://desk.example"})
    assert "Access-Control-Allow-Origin" not in write.headers


def test_document_limits_are_the_contracts():
    from service import schemas
    from tests.api.test_openapi import SPEC

    parts = SPEC["components"]["schemas"]
    assert parts["DocumentInput"]["properties"]["text"]["maxLength"] == schemas.TEXT_MAX
    assert parts["Filters"]["properties"]["publishers"]["maxItems"] == schemas.FILTER_VALUES_MAX
    listing = {p.get("name"): p for p in SPEC["paths"]["/v1/documents"]["get"]["parameters"]}
    assert listing["limit"]["schema"]["maximum"] == schemas.LIST_MAX
    bulk = SPEC["paths"]["/v1/documents/bulk"]["post"]["description"]
    assert f"at most {schemas.BULK_DOCUMENTS_MAX}" in bulk and str(schemas.BULK_BODY_MAX) in bulk
    assert str(schemas.DOCUMENT_BODY_MAX) in SPEC["info"]["description"]


def test_bodies_over_the_document_limits_are_413(api):
    from service.schemas import BULK_DOCUMENTS_MAX, DOCUMENT_BODY_MAX

    big = api.post(
        "/v1/documents",
        data=json.dumps({"text": "a" * DOCUMENT_BODY_MAX}),
        content_type="application/json",
    )
    assert big.status_code == 413 and big.headers["Content-Type"] == "application/problem+json"
    store = api.application.extensions["collection"].store
    before = store.count()
    lines = "\n".join(json.dumps({"text": f"Satz {n}."}) for n in range(BULK_DOCUMENTS_MAX + 1))
    many = api.post("/v1/documents/bulk", data=lines, content_type="application/x-ndjson")
    assert many.status_code == 413
    assert store.count() == before  # nothing of it written


def test_a_bad_rate_setting_stops_the_start(make_app):
    from service.config import SettingError

    with pytest.raises(SettingError, match="CLAIMS_RATE_LIMIT_READS"):
        make_app(RATE_LIMIT_READS="lots")


def test_a_source_that_confirms_a_figure_does_not_also_refute_it_with_another(api):
    """The union's figure for the staff, confirmed, and its figure for the trainees in the
    next sentence: the second counts something else, so it is related, not against."""
    article = {
        **ARTICLE,
        "text": "Die Gewerkschaft fordert für die Beschäftigten der Stadtwerke Kleinhausen "
        "200 Euro mehr Lohn im Monat. Die Auszubildenden der Stadtwerke sollen nach dem "
        "Willen der Gewerkschaft 80 Euro mehr im Monat bekommen.",
        "url": "https://bote.example/lohn",
    }
    doc = api.post("/v1/documents", json=article).json
    try:
        answer = verdict(api, "Die Gewerkschaft will für die Beschäftigten der Stadtwerke "
                         "200 Euro mehr Lohn im Monat")  # fmt: skip
        assert answer["verdict"] == "supported", answer
        assert not answer["contradicting"]
        [other] = [e for e in answer["related"] if "80 Euro" in e["text"]]
        assert any("confirms the claim's figure more fully" in r for r in other["reasons"])
    finally:
        api.delete(f"/v1/documents/{doc['document_id']}")
