"""GET /openapi.yaml (the contract) and /docs (Swagger UI from the installed bundle)."""

from pathlib import Path

from flask import Response, send_from_directory
from swagger_ui_bundle import swagger_ui_path
from werkzeug.exceptions import NotFound

from service.api import bp

# The contract lives at the top of the repository (and at /app in the image).
OPENAPI_CANDIDATES = (Path(__file__).resolve().parents[2] / "openapi.yaml", Path("openapi.yaml"))

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>claimcheck API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({url: "/openapi.yaml", dom_id: "#swagger-ui"});</script>
</body></html>"""


@bp.get("/openapi.yaml")
def openapi():
    path = next((p for p in OPENAPI_CANDIDATES if p.is_file()), None)
    if path is None:
        raise NotFound("openapi.yaml is not installed with this service.")
    return Response(path.read_text(encoding="utf-8"), mimetype="application/yaml")


@bp.get("/docs")
def docs():
    return Response(PAGE, mimetype="text/html")


@bp.get("/docs/<path:filename>")
def docs_asset(filename: str):
    return send_from_directory(swagger_ui_path, filename)
