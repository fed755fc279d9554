"""Passage search, documents, health and docs routes."""

from service.schemas import QUERY_MAX


def test_passages_search(client):
    resp = client.get("/v1/passages", query_string={"q": "2500 Soldaten", "limit": 3})
    assert resp.status_code == 200
    passages = resp.get_json()["passages"]
    assert 1 <= len(passages) <= 3
    assert "2500 Soldaten" in passages[0]["text"]
    assert passages[0]["source"]["document_id"] and 0 <= passages[0]["score"] <= 100
    assert "stance" not in passages[0]


def test_a_rare_word_of_the_query_outranks_a_common_one(make_app, tmp_path):
    # Five sentences say "Stadt", one says "Wombat": a passage with only the rare word ranks
    # above one with only the common word, though the fuzzy scores are about even.
    texts = ["Die Stadt feierte ein Fest.", "Die Stadt wählte einen Bürgermeister.",
             "Die Stadt plant eine Brücke.", "Die Stadt baut Wohnungen.",
             "Die Stadt sperrt den Markt.", "Ein Wombat schläft."]  # fmt: skip
    for i, text in enumerate(texts):
        (tmp_path / f"d{i}.txt").write_text(text + "\n", "utf-8")
    client = make_app(CORPUS_DIR=tmp_path).test_client()
    query = {"q": "Der Wombat sperrt die Stadt", "limit": 3}
    passages = client.get("/v1/passages", query_string=query).get_json()["passages"]
    first, second = (p["text"] for p in passages[:2])
    assert (first, second) == ("Die Stadt sperrt den Markt.", "Ein Wombat schläft.")
    assert passages[1]["score"] < passages[2]["score"]  # the score reported is the fuzzy one


def test_passages_query_length(client):
    resp = client.get("/v1/passages", query_string={"q": "𝔘" * QUERY_MAX})
    assert resp.status_code == 200 and resp.get_json() == {"passages": []}
    resp = client.get("/v1/passages", query_string={"q": "𝔘" * (QUERY_MAX + 1)})
    assert resp.status_code == 422 and resp.mimetype == "application/problem+json"
    assert "q" in resp.get_json()["errors"]


def test_passages_require_a_query(client):
    assert client.get("/v1/passages").status_code == 422
    assert client.get("/v1/passages", query_string={"q": "x", "limit": 0}).status_code == 422


def test_documents(client):
    docs = client.get("/v1/documents").get_json()["documents"]
    assert [d["document_id"][:3] for d in docs] == ["000", "001", "002", "003", "004"]
    by_id = {d["document_id"][:3]: d for d in docs}
    assert by_id["003"]["published"] == "2022-01-07" and by_id["001"]["published"] is None
    assert by_id["004"]["url"].startswith("https://www.faz.net/")
    assert by_id["002"]["publisher"] == "news.de" and all(d["passage_count"] > 5 for d in docs)


def test_one_document(client):
    body = client.get("/v1/documents/000_0eee8b3b34ad2595").get_json()
    assert body["publisher"] == "Der Tagesspiegel"
    assert "2500 Soldaten" in body["text"] and len(body["passages"]) == body["passage_count"]
    resp = client.get("/v1/documents/nope")
    assert resp.status_code == 404 and resp.mimetype == "application/problem+json"


def test_health_and_readiness(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["passages"] > 100


def test_docs_served_without_a_cdn(client):
    page = client.get("/docs")
    assert page.status_code == 200 and b"/docs/swagger-ui-bundle.js" in page.data
    assert b"http" not in page.data.replace(b"http-equiv", b"")
    asset = client.get("/docs/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.data) > 100_000
    assert client.get("/openapi.yaml").status_code == 200
