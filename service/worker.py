"""The gunicorn worker: the sync worker, with problem+json for a request line it refuses."""

from __future__ import annotations

import json
import socket
from typing import Any

from gunicorn import util
from gunicorn.http.errors import LimitRequestLine
from gunicorn.workers.sync import SyncWorker

from service.errors import problem_body


class ProblemWorker(SyncWorker):
    """A request line over limit_request_line never reaches the app; answer it as the app
    answers every error, not with gunicorn's HTML page."""

    def handle_error(self, req: Any, client: socket.socket, addr: Any, exc: BaseException) -> None:
        """Answer a request line over the limit with a 414 problem; leave the rest to gunicorn."""
        if not isinstance(exc, LimitRequestLine):
            super().handle_error(req, client, addr, exc)
            return
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        detail = f"The request line is longer than {self.cfg.limit_request_line} bytes."
        body = json.dumps(problem_body(414, "URI Too Long", detail)).encode()
        head = (
            "HTTP/1.1 414 URI Too Long\r\n"
            "Connection: close\r\n"
            "Content-Type: application/problem+json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        try:
            util.write_nonblock(client, head.encode("latin-1") + body)
        except OSError:
            self.log.debug("Failed to send error message.")
