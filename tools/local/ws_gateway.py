"""A local stand-in for API Gateway's WebSocket API (``chalice local`` has none).

Two loopback servers:

- ``ws://host:port`` accepts WebSocket clients. Each connection gets an id like
  API Gateway's, and the app's ``$connect``, ``$default`` and ``$disconnect``
  handlers are called with API Gateway-shaped Lambda events (``requestContext``
  with ``connectionId``, ``routeKey``, ``eventType``, ``domainName``, ``stage``,
  ``apiId``; ``queryStringParameters`` and headers on connect; ``body`` on
  messages). A ``$connect`` answer other than 2xx refuses the handshake with
  that status.
- ``http://host:management_port`` serves the ``@connections`` management API
  that ``WS_MANAGEMENT_URL`` points at: ``POST /@connections/{id}`` sends,
  ``GET`` describes, ``DELETE`` closes (any path prefix, such as a stage, is
  accepted). A connection that is closed or never existed answers 410
  ``GoneException``, as AWS does, so boto3 raises the same exception.

Handlers run in worker threads, never on the event loop, so a handler may
itself post to connections through the management API.

    gateway = ws_gateway.start("127.0.0.1", 8001, app)  # management on 8002
    ...
    gateway.stop()
"""

import asyncio
import base64
import json
import logging
import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlsplit

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

log = logging.getLogger(__name__)

API_ID = "saai-local"
MAX_POST_BYTES = 128 * 1024
_SEND_TIMEOUT = 5
_OPEN_TIMEOUT = 10


def new_connection_id() -> str:
    """An id shaped like API Gateway's (base64, with ``=``: it must be URL-encoded)."""
    return base64.b64encode(os.urandom(11)).decode()


@dataclass
class _Connection:
    id: str
    socket: ServerConnection
    source_ip: str
    user_agent: str
    connected_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    last_active_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    opened: asyncio.Event = field(default_factory=asyncio.Event)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Gateway:
    """The running gateway: ``ws_url``, ``management_url``, ``stop()``."""

    def __init__(self, host: str, port: int, app, management_port: int | None = None, stage="api"):
        self.host = host
        self.port = port
        self.stage = stage
        self._app = app
        self._management_port = port + 1 if management_port is None else management_port
        self._connections: dict[str, _Connection] = {}
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._workers = ThreadPoolExecutor(max_workers=8, thread_name_prefix="ws-gateway")
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="ws-gateway", daemon=True)
        self._management: ThreadingHTTPServer | None = None

    # Life cycle -------------------------------------------------------------

    @property
    def ws_url(self) -> str:
        return f"ws://{self.host}:{self.port}"

    @property
    def management_url(self) -> str:
        return f"http://{self.host}:{self._management_port}"

    def start(self) -> "Gateway":
        self._management = _ManagementServer((self.host, self._management_port), self)
        self._management_port = self._management.server_address[1]
        threading.Thread(target=self._management.serve_forever, daemon=True).start()
        self._thread.start()
        self._ready.wait(timeout=10)
        if self._startup_error is not None or not self._ready.is_set():
            self._management.shutdown()
            self._management.server_close()
            raise RuntimeError(f"La pasarela WebSocket no arrancó: {self._startup_error}")
        return self

    def stop(self) -> None:
        """Close every connection (their ``$disconnect`` runs) and both servers."""
        if self._stop is not None and self._loop.is_running():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=15)
        if self._management is not None:
            self._management.shutdown()
            self._management.server_close()
        self._workers.shutdown(wait=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._serve())
        except BaseException as exc:  # noqa: BLE001 - reported to start()
            self._startup_error = exc
            self._ready.set()
        finally:
            self._loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        async with serve(
            self._session,
            self.host,
            self.port,
            process_request=self._handshake,
            server_header=None,
        ) as server:
            self.port = server.sockets[0].getsockname()[1]
            self._ready.set()
            await self._stop.wait()
            server.close(close_connections=True)
            await server.wait_closed()

    # The app's handlers -----------------------------------------------------

    def _handler(self, route_key: str):
        config = self._app.websocket_handlers.get(route_key)
        return self._app.handler_map[config.name] if config else None

    def _context(self, route_key: str) -> SimpleNamespace:
        return SimpleNamespace(
            aws_request_id=uuid.uuid4().hex,
            function_name=f"saai-local-{route_key.strip('$')}",
            memory_limit_in_mb=512,
            get_remaining_time_in_millis=lambda: 30_000,
        )

    def _invoke(self, route_key: str, event: dict) -> int:
        """Call the route's handler as Lambda would; its status code (500 if it raised)."""
        handler = self._handler(route_key)
        if handler is None:
            return 200
        try:
            answer = handler(event, self._context(route_key)) or {}
        except Exception:  # noqa: BLE001 - as a failed integration: 500, logged
            log.exception("el manejador %s falló", route_key)
            return 500
        return int(answer.get("statusCode", 200))

    def _request_context(self, route_key: str, event_type: str, connection_id: str) -> dict:
        now = datetime.now(UTC)
        return {
            "routeKey": route_key,
            "eventType": event_type,
            "messageDirection": "IN",
            "connectionId": connection_id,
            "domainName": f"{self.host}:{self.port}",
            "stage": self.stage,
            "apiId": API_ID,
            "requestId": uuid.uuid4().hex,
            "extendedRequestId": uuid.uuid4().hex,
            "requestTime": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "requestTimeEpoch": int(now.timestamp() * 1000),
            "connectedAt": int(now.timestamp() * 1000),
        }

    async def _call(self, route_key: str, event: dict) -> int:
        return await self._loop.run_in_executor(self._workers, self._invoke, route_key, event)

    # WebSocket side -----------------------------------------------------------

    async def _handshake(self, connection: ServerConnection, request):
        connection_id = new_connection_id()
        url = urlsplit(request.path)
        multi = parse_qs(url.query)
        headers = {name: value for name, value in request.headers.raw_items()}
        source_ip = connection.remote_address[0] if connection.remote_address else ""
        context = self._request_context("$connect", "CONNECT", connection_id)
        context["identity"] = {"sourceIp": source_ip, "userAgent": headers.get("User-Agent", "")}
        event = {
            "headers": headers,
            "multiValueHeaders": {k: [v] for k, v in headers.items()},
            "queryStringParameters": {k: v[0] for k, v in multi.items()} or None,
            "multiValueQueryStringParameters": multi or None,
            "requestContext": context,
            "isBase64Encoded": False,
        }
        status = await self._call("$connect", event)
        if not 200 <= status < 300:
            return connection.respond(status, f"{status} {_phrase(status)}\n")
        known = _Connection(connection_id, connection, source_ip, headers.get("User-Agent", ""))
        connection.saai_conexion = known
        with self._lock:
            self._connections[connection_id] = known
        self._loop.create_task(self._forget_unopened(known))
        return None

    async def _forget_unopened(self, known: _Connection) -> None:
        """A connection accepted by ``$connect`` whose handshake never finished is gone."""
        try:
            await asyncio.wait_for(known.opened.wait(), timeout=_OPEN_TIMEOUT)
        except TimeoutError:
            with self._lock:
                self._connections.pop(known.id, None)
            context = self._request_context("$disconnect", "DISCONNECT", known.id)
            context["disconnectStatusCode"] = 1006
            await self._call("$disconnect", {"requestContext": context, "isBase64Encoded": False})

    async def _session(self, connection: ServerConnection) -> None:
        """One accepted connection: messages in, ``$disconnect`` when it ends."""
        known: _Connection = connection.saai_conexion
        connection_id = known.id
        known.opened.set()
        try:
            async for message in connection:
                self._touch(connection_id)
                await self._message(connection_id, connection, message)
        except ConnectionClosed:
            pass  # the client left without a closing handshake
        finally:
            context = self._request_context("$disconnect", "DISCONNECT", connection_id)
            context["disconnectStatusCode"] = connection.close_code or 1006
            context["disconnectReason"] = connection.close_reason or ""
            await self._call("$disconnect", {"requestContext": context, "isBase64Encoded": False})
            with self._lock:  # only now: wait_until_closed means $disconnect has run
                self._connections.pop(connection_id, None)

    async def _message(self, connection_id: str, connection: ServerConnection, message) -> None:
        binary = isinstance(message, bytes)
        context = self._request_context("$default", "MESSAGE", connection_id)
        context["messageId"] = uuid.uuid4().hex
        event = {
            "requestContext": context,
            "body": base64.b64encode(message).decode() if binary else message,
            "isBase64Encoded": binary,
        }
        status = await self._call("$default", event)
        if status >= 500:
            error = {
                "message": "Internal server error",
                "connectionId": connection_id,
                "requestId": context["requestId"],
            }
            await connection.send(json.dumps(error))

    def _touch(self, connection_id: str) -> None:
        with self._lock:
            known = self._connections.get(connection_id)
            if known:
                known.last_active_at = datetime.now(UTC)

    # Management side (called from the HTTP server's threads) ------------------

    def _find(self, connection_id: str) -> _Connection | None:
        with self._lock:
            return self._connections.get(connection_id)

    def post(self, connection_id: str, data: bytes) -> bool:
        """Send ``data``; False when the connection is gone."""
        known = self._find(connection_id)
        if known is None:
            return False
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        sending = asyncio.run_coroutine_threadsafe(
            self._deliver(known, text if text is not None else data), self._loop
        )
        try:
            sending.result(timeout=_OPEN_TIMEOUT + _SEND_TIMEOUT)
        except (ConnectionClosed, TimeoutError):
            return False
        self._touch(connection_id)
        return True

    async def _deliver(self, known: _Connection, message: str | bytes) -> None:
        """Send once the opening handshake is done (``$connect`` may have just answered)."""
        await asyncio.wait_for(known.opened.wait(), timeout=_OPEN_TIMEOUT)
        await asyncio.wait_for(known.socket.send(message), timeout=_SEND_TIMEOUT)

    def describe(self, connection_id: str) -> dict | None:
        known = self._find(connection_id)
        if known is None:
            return None
        return {
            "connectedAt": _iso(known.connected_at),
            "lastActiveAt": _iso(known.last_active_at),
            "identity": {"sourceIp": known.source_ip, "userAgent": known.user_agent},
        }

    def close(self, connection_id: str) -> bool:
        known = self._find(connection_id)
        if known is None:
            return False
        asyncio.run_coroutine_threadsafe(known.socket.close(1000, "cerrada"), self._loop)
        return True

    def wait_until_closed(self, connection_id: str, timeout: float = 5) -> bool:
        """True once the connection is closed and its ``$disconnect`` has run."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._find(connection_id) is None:
                return True
            time.sleep(0.02)
        return False

    def connection_ids(self) -> list[str]:
        with self._lock:
            return list(self._connections)


class _ManagementHandler(BaseHTTPRequestHandler):
    server: "_ManagementServer"

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        return

    def _connection_id(self) -> str | None:
        path = urlsplit(self.path).path
        marker = "/@connections/"
        if marker not in path:
            return None
        return unquote(path.split(marker, 1)[1])

    def _reply(self, status: int, body: dict | None = None, error: str | None = None) -> None:
        payload = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        if error:
            self.send_header("x-amzn-ErrorType", error)
        if payload:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _gone(self) -> None:
        self._reply(410, {"message": None}, "GoneException")

    def _route(self) -> str | None:
        connection_id = self._connection_id()
        if not connection_id:
            self._reply(404, {"message": "Not Found"}, "NotFoundException")
        return connection_id

    def do_POST(self):  # noqa: N802 - http.server's naming
        connection_id = self._route()
        if connection_id is None:
            return
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length)
        if length > MAX_POST_BYTES:
            return self._reply(413, {"message": "Message too long"}, "PayloadTooLargeException")
        if not self.server.gateway.post(connection_id, data):
            return self._gone()
        self._reply(200)

    def do_GET(self):  # noqa: N802 - http.server's naming
        connection_id = self._route()
        if connection_id is None:
            return
        description = self.server.gateway.describe(connection_id)
        if description is None:
            return self._gone()
        self._reply(200, description)

    def do_DELETE(self):  # noqa: N802 - http.server's naming
        connection_id = self._route()
        if connection_id is None:
            return
        if not self.server.gateway.close(connection_id):
            return self._gone()
        self._reply(204)


class _ManagementServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, gateway: Gateway):
        super().__init__(address, _ManagementHandler)
        self.gateway = gateway


def start(host: str, port: int, app, management_port: int | None = None) -> Gateway:
    """Start the gateway for a Chalice ``app`` (``port`` 0 picks free ports).

    The management API listens on ``management_port``, by default ``port + 1``
    (when ``port`` is 0, a free one too).
    """
    if port == 0 and management_port is None:
        management_port = 0
    return Gateway(host, port, app, management_port).start()
