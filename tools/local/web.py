"""Serves the three built frontends and their runtime configuration.

``/saai/``, ``/admin/`` and ``/trabajador/`` come from each app's ``dist``
folder (unknown paths fall back to the app's ``index.html``, as a single-page
app expects); ``/config.js`` tells the apps where the API and the WebSocket
gateway listen.
"""

import json
import mimetypes
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

APPS = {"saai": "Plataforma SAAI", "admin": "Dueño de tienda", "trabajador": "Trabajador"}


def _index_page() -> bytes:
    links = "".join(f'<li><a href="/{app}/">{title}</a></li>' for app, title in APPS.items())
    return (
        '<!doctype html><html lang="es"><meta charset="utf-8"><title>SAAI local</title>'
        f"<h1>SAAI</h1><ul>{links}</ul></html>"
    ).encode()


def make_handler(frontends: Path, runtime_config: dict):
    config_js = f"window.SAAI_CONFIG = {json.dumps(runtime_config)};\n".encode()

    class Handler(BaseHTTPRequestHandler):
        server_version = "saai-web"

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            return

        def _send(self, status: int, body: bytes, content_type: str, cache: str = "no-cache"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", cache)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self):  # noqa: N802 - http.server's naming
            self.do_GET()

        def do_GET(self):  # noqa: N802 - http.server's naming
            path = urlsplit(self.path).path
            if path == "/config.js":
                return self._send(200, config_js, "application/javascript")
            if path in ("/", "/index.html"):
                return self._send(200, _index_page(), "text/html; charset=utf-8")
            app, _, rest = path.lstrip("/").partition("/")
            if app not in APPS:
                return self._send(404, b"No encontrado", "text/plain; charset=utf-8")
            if not path.startswith(f"/{app}/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", f"/{app}/")
                self.end_headers()
                return None
            root = (frontends / app / "dist").resolve()
            target = (root / rest).resolve()
            if not target.is_relative_to(root):
                return self._send(404, b"No encontrado", "text/plain; charset=utf-8")
            if not target.is_file():
                target = root / "index.html"
            if not target.is_file():
                message = f"La app {app} no está construida: ejecute make dev.".encode()
                return self._send(503, message, "text/plain; charset=utf-8")
            content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            cache = "public, max-age=31536000, immutable" if "/assets/" in path else "no-cache"
            return self._send(200, target.read_bytes(), content_type, cache)

    return Handler


class WebServer:
    def __init__(self, host: str, port: int, frontends: Path, runtime_config: dict):
        self.httpd = ThreadingHTTPServer((host, port), make_handler(frontends, runtime_config))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
