"""The contract in openapi.yaml against the Flask app: valid, complete, served, and obeyed."""

from __future__ import annotations

import io
import json
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
SPEC_URI = "urn:claimcheck:openapi"
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
IGNORED_METHODS = {"HEAD", "OPTIONS"}
CLAIM = "OVKS sent 2500 soldiers"


def load_spec() -> dict:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


SPEC = load_spec()
REGISTRY = Registry().with_resource(SPEC_URI, Resource(contents=SPEC, specification=DRAFT202012))


def resolve(node: dict) -> dict:
    """Follow a local `$ref` of the spec (responses, examples, ...) to its target."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def validator(schema: dict) -> jsonschema.Draft202012Validator:
    """Return a validator for a schema of the spec, its `$ref`s resolved within the spec."""
    return jsonschema.Draft202012Validator(
        _rooted(schema),
        registry=REGISTRY,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def _rooted(schema: dict) -> dict:
    """Return the schema with every local `#/...` reference made absolute to the spec."""

    def fix(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: (
                    SPEC_URI + v
                    if k == "$ref" and isinstance(v, str) and v.startswith("#")
                    else fix(v)
                )
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [fix(v) for v in node]
        return node

    return fix(schema)


def component(name: str) -> jsonschema.Draft202012Validator:
    return validator({"$ref": f"#/components/schemas/{name}"})


def operations() -> Iterator[tuple[str, str, dict]]:
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def documented_examples() -> Iterator[Any]:
    """Yield (schema, example) for every example of a request or response body."""
    for path, method, operation in operations():
        bodies = (
            [("request", resolve(operation["requestBody"]))] if "requestBody" in operation else []
        )
        bodies += [(status, resolve(r)) for status, r in operation["responses"].items()]
        for where, body in bodies:
            for media_type, media in body.get("content", {}).items():
                found = []
                if "example" in media:
                    found.append(("example", media["example"]))
                for name, example in media.get("examples", {}).items():
                    found.append((name, resolve(example)["value"]))
                for name, value in found:
                    yield pytest.param(
                        media["schema"],
                        value,
                        id=f"{method.upper()} {path} {where} {media_type} {name}",
                    )


def app_routes(app) -> dict[str, set[str]]:
    routes: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = re.sub(r"<(?:[^<>:]+:)?([^<>]+)>", r"{\1}", rule.rule)
        routes.setdefault(path, set()).update(set(rule.methods or ()) - IGNORED_METHODS)
    return routes


def spec_routes() -> dict[str, set[str]]:
    routes: dict[str, set[str]] = {}
    for path, method, _ in operations():
        if method.upper() not in IGNORED_METHODS:
            routes.setdefault(path, set()).add(method.upper())
    return routes


def assert_documented(path: str, method: str, response) -> None:
    """Assert that the response's status, content type and body are what the spec documents."""
    responses = SPEC["paths"][path][method]["responses"]
    assert str(response.status_code) in responses, (
        f"{method.upper()} {path}: status {response.status_code} is not documented"
    )
    content = resolve(responses[str(response.status_code)])["content"]
    assert response.mimetype in content, (response.mimetype, list(content))
    errors = sorted(
        validator(content[response.mimetype]["schema"]).iter_errors(response.get_json()), key=str
    )
    assert not errors, "\n".join(e.message for e in errors)


# 1. A valid OpenAPI document -----------------------------------------------------------------


def test_spec_is_valid_openapi():
    validate(load_spec())


# 2. The same routes and methods as the app --------------------------------------------------


def test_every_app_route_is_documented_and_every_documented_route_exists(app):
    assert app_routes(app) == spec_routes()


# 3. Served as is -----------------------------------------------------------------------------


def test_openapi_yaml_is_served(client):
    resp = client.get("/openapi.yaml")
    assert resp.status_code == 200
    assert resp.mimetype == "application/yaml"
    assert resp.get_data(as_text=True) == SPEC_PATH.read_text(encoding="utf-8")


# 4. Examples and real responses fit the schemas ----------------------------------------------


@pytest.mark.parametrize(("schema", "example"), list(documented_examples()))
def test_documented_example_fits_its_schema(schema, example):
    errors = sorted(validator(schema).iter_errors(example), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_verify_has_a_documented_example():
    media = SPEC["paths"]["/v1/verify"]["post"]["responses"]["200"]["content"]["application/json"]
    assert media["example"]["claim"] == CLAIM
    assert media["example"]["supporting"]


# Claims whose analysis holds every kind of quantity the reader knows.
KINDS_OF_QUANTITY = [
    CLAIM,
    "Im Jänner 2022 stiegen die Gaspreise um 50 Prozent auf 2,5 Millionen Euro",
    "On Friday, 6 January, the 65th unit doubled its 3000 soldiers for 8 days",
    "Kasachstan ist das neuntgrößte Land, 20 Kilometer und 5 Prozentpunkte",
    "Vor vier Jahren war jeder fünfte Wähler 45 Jahre alt",
]


@pytest.mark.parametrize("claim", KINDS_OF_QUANTITY)
def test_real_verify_response_fits_verdict_schema(client, claim):
    resp = client.post("/v1/verify", json={"claim": claim})
    assert resp.status_code == 200
    body = resp.get_json()
    errors = sorted(component("Verdict").iter_errors(body), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_real_batch_response_fits_its_schema(client):
    resp = client.post(
        "/v1/verify/batch", json={"claims": [{"claim": CLAIM}, {"claim": "Kasachstan", "top_k": 1}]}
    )
    assert_documented("/v1/verify/batch", "post", resp)


@pytest.mark.parametrize("path", ["/v1/verify", "/v1/verify/batch"])
@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        pytest.param({"data": "{", "content_type": "application/json"}, 400, id="malformed"),
        pytest.param({"data": "", "content_type": "application/json"}, 400, id="empty"),
        pytest.param({"data": "claim=abc", "content_type": "text/plain"}, 415, id="not-json"),
        pytest.param({"json": {"claim": CLAIM, "claims": [], "extra": 1}}, 422, id="schema"),
        pytest.param({"data": "null", "content_type": "application/json"}, 422, id="null"),
    ],
)
def test_error_responses_are_documented_problems(client, path, request_kwargs, status):
    resp = client.post(path, **request_kwargs)
    assert resp.status_code == status
    assert_documented(path, "post", resp)


@pytest.mark.parametrize("path", ["/v1/verify", "/v1/verify/batch"])
def test_body_over_the_limit_is_a_documented_problem(app, client, path):
    limit = app.config["MAX_CONTENT_LENGTH"]
    body = b'{"claim": "' + b"a" * limit + b'"}'
    resp = client.post(path, data=body, content_type="application/json")
    assert resp.status_code == 413
    assert str(limit) in resp.get_json()["detail"]
    assert_documented(path, "post", resp)


def streamed(body: bytes) -> dict:
    """Return test-client arguments that send a body chunked, without Content-Length, read
    the way gunicorn hands it on (wsgi.input_terminated)."""
    return {
        "input_stream": io.BytesIO(body),
        "content_type": "application/json",
        "headers": {"Transfer-Encoding": "chunked"},
        "environ_overrides": {"wsgi.input_terminated": True},
    }


@pytest.mark.parametrize("path", ["/v1/verify", "/v1/verify/batch"])
def test_streamed_body_over_the_limit_is_a_documented_problem(app, client, path):
    limit = app.config["MAX_CONTENT_LENGTH"]
    resp = client.post(path, **streamed(b'{"claim": "' + b"a" * limit + b'"}'))
    assert resp.status_code == 413
    assert str(limit) in resp.get_json()["detail"]
    assert_documented(path, "post", resp)


def test_streamed_body_of_exactly_the_limit_is_read(app, client):
    body = json.dumps({"claim": CLAIM}).encode()
    body = body.ljust(app.config["MAX_CONTENT_LENGTH"])
    resp = client.post("/v1/verify", **streamed(body))
    assert resp.status_code == 200 and resp.get_json()["verdict"] == "supported"


def test_unknown_document_and_wrong_method_are_documented_problems(client):
    resp = client.get("/v1/documents/no-such-document")
    assert resp.status_code == 404
    assert_documented("/v1/documents/{document_id}", "get", resp)
    resp = client.delete("/v1/verify")
    assert resp.status_code == 405
    assert "POST" in resp.headers["Allow"]
    # A method the path lacks answers with the 405 documented for the path's operation.
    assert_documented("/v1/verify", "post", resp)


# 5. Generated requests against the app in-process -------------------------------------------

# Loaded from the file rather than with `schemathesis.pytest.from_fixture`, whose lazy loader
# assigns `Node._nodeid`, which pytest 9.2 no longer has; test_openapi_yaml_is_served shows that
# the app serves this same file. The app (a fixture) is passed to each call instead.
schema = schemathesis.openapi.from_dict(load_spec())


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value) -> bytes:
    return value.encode() if isinstance(value, str) else json.dumps(value).encode()


SPEC_KEY = "cc_" + secrets.token_urlsafe(32)


@schema.auth()
class WriteKey:
    """The generated requests carry the key of the spec app (and the auth checks know it)."""

    def get(self, case, context):
        return SPEC_KEY

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@pytest.fixture(scope="module")
def spec_app(make_app):
    """An app of its own, since generated requests write documents, with a key to write with."""
    app = make_app()
    app.extensions["keys"].add("spec", secret=SPEC_KEY)
    return app


# No 5xx; every status, content type, header and body as documented; requests the spec calls
# valid are accepted and those it calls invalid rejected with 4xx; other methods get 405 with
# a correct Allow header.
CHECKS = [
    not_a_server_error,
    positive_data_acceptance,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    unsupported_method,
    allow_header_conformance,
]


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
def test_app_conforms_to_spec(case, spec_app):
    left_out = []
    if case.media_type == "application/x-ndjson":
        # Whatever value is generated for an NDJSON body goes out as text, which is always a
        # valid body: bad lines are answered line by line, not as a bad request.
        left_out.append(negative_data_rejection)
    if {"If-Match", "If-None-Match"} & set(case.headers or {}):
        # A generated condition may rightly fail with 412 on valid data.
        left_out.append(positive_data_acceptance)
    case.call_and_validate(app=spec_app, checks=[c for c in CHECKS if c not in left_out])


def test_document_workflows_follow_the_links(make_app, tmp_path):
    """Stateful: create, then read, replace and delete through the links of the contract (and
    the stateful checks: a deleted document is gone, a created one can be read)."""
    (tmp_path / "empty").mkdir()
    app = make_app(CORPUS_DIR=tmp_path / "empty")
    app.extensions["keys"].add("spec", secret=SPEC_KEY)
    documents = app.extensions["collection"]
    bound = schemathesis.openapi.from_wsgi("/openapi.yaml", app)
    bound.auth()(WriteKey)

    class Workflow(bound.as_state_machine()):
        def setup(self):
            # Every scenario starts from an empty corpus, so that a replay is the same run.
            for stored in list(documents.store.written()):
                documents.delete(stored.document_id)

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            # A generated If-Match or If-None-Match may rightly fail with 412 on valid data.
            case.validate_response(
                response,
                excluded_checks=[positive_data_acceptance],
                transport_kwargs=kwargs or None,
                recorder=self.recorder,
            )

    Workflow.run(
        settings=settings(
            max_examples=15,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
