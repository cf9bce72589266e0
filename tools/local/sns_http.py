"""A loopback HTTP endpoint that speaks SNS's HTTP delivery protocol.

SNS posts JSON documents whose ``Type`` is ``SubscriptionConfirmation``,
``Notification`` or ``UnsubscribeConfirmation`` (AWS also names it in the
``x-amz-sns-message-type`` header; the emulator sends only the body, so the
body decides). A confirmation is answered through the SNS API
(``ConfirmSubscription`` with its token), which reaches the emulator the local
stack points every client at, never the ``SubscribeURL`` in the message. A
notification goes to the ``on_notification`` callback with the request's query
parameters; the callback raising ``ValueError`` answers 400, anything else 500.

The local mail outbox (``correo.py``) and the bridge to ``GuardarNotificacion``
(``sns_lambda.py``) are built on it.
"""

import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from chalicelib.adapters import sns

log = logging.getLogger(__name__)

Callback = Callable[[dict, dict[str, str]], None]
MAX_BODY = 512 * 1024


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        return

    def _answer(self, status: int, text: str = "") -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._answer(413, "demasiado grande")
        try:
            message = json.loads(self.rfile.read(length))
        except ValueError:
            return self._answer(400, "no es JSON")
        kind = self.headers.get("x-amz-sns-message-type") or message.get("Type")
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        try:
            if kind == "SubscriptionConfirmation":
                sns.confirm(message["TopicArn"], message["Token"])
            elif kind == "Notification":
                self.server.on_notification(message, query)
            elif kind != "UnsubscribeConfirmation":
                return self._answer(400, f"tipo desconocido: {kind}")
        except (ValueError, KeyError) as exc:
            log.warning("mensaje SNS rechazado: %s", exc)
            return self._answer(400, str(exc))
        except Exception:  # noqa: BLE001 - answer 500 as a real endpoint would, and say why
            log.exception("mensaje SNS no procesado")
            return self._answer(500, "error")
        return self._answer(200, "ok")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, on_notification: Callback):
        super().__init__(address, _Handler)
        self.on_notification = on_notification


class SnsEndpoint:
    """A running endpoint: ``url`` to subscribe, ``stop()`` to end it."""

    def __init__(self, host: str, port: int, on_notification: Callback):
        self._server = _Server((host, port), on_notification)
        self.host, self.port = self._server.server_address[:2]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> "SnsEndpoint":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
