"""SAAI on one machine: ``python -m tools.local.stack`` (``make dev`` runs it).

Starts, on loopback only: moto's server standing in for DynamoDB, SNS and S3
(tables, topic and bucket created from ``chalicelib.tables`` and
``chalicelib.infra``); the Chalice app served as ``chalice local`` serves it,
authorizer included; and the built frontends with their runtime configuration.
It loads the saved state from ``SAAI_LOCAL_DATA`` (default ``.local-data``),
creates the platform account and demo shop if missing, and saves the state
every few seconds and on exit.
"""

import argparse
import importlib
import json
import logging
import os
import signal
import socket
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"


@dataclass
class Ports:
    api: int = 8000
    web: int = 8080
    ws: int = 8001
    ws_admin: int = 8002
    aws: int = 4566

    @classmethod
    def from_env(cls) -> "Ports":
        return cls(
            api=int(os.environ.get("SAAI_API_PORT", 8000)),
            web=int(os.environ.get("SAAI_WEB_PORT", 8080)),
            ws=int(os.environ.get("SAAI_WS_PORT", 8001)),
            ws_admin=int(os.environ.get("SAAI_WS_ADMIN_PORT", 8002)),
            aws=int(os.environ.get("SAAI_AWS_PORT", 4566)),
        )


def busy_ports(ports: Ports) -> list[tuple[str, int]]:
    """Which of our ports something else already listens on."""
    taken = []
    for name, port in vars(ports).items():
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((HOST, port))
            except OSError:
                taken.append((name, port))
    return taken


def _environment(ports: Ports) -> None:
    """The local stage's variables, pointing every AWS client at the emulator."""
    from chalicelib import infra

    for name, value in infra.stage_environment("local").items():
        os.environ.setdefault(name, value)
    os.environ["AWS_ENDPOINT_URL"] = f"http://{HOST}:{ports.aws}"
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    os.environ.setdefault("AWS_REGION", os.environ["AWS_DEFAULT_REGION"])
    os.environ["WS_MANAGEMENT_URL"] = f"http://{HOST}:{ports.ws_admin}"


@dataclass
class Stack:
    ports: Ports
    data: Path
    demo: str | None = None
    stoppers: list = field(default_factory=list)
    saver: threading.Thread | None = None
    stopping: threading.Event = field(default_factory=threading.Event)

    def start(self) -> list:
        from tools.local.emulador import Emulator

        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        _environment(self.ports)
        emulator = Emulator(HOST, self.ports.aws).start()
        self.stoppers.append(emulator.stop)

        from chalicelib import config, infra
        from tools.local import correo, persistence, seed

        mail = correo.start(0, self.mail_folder)
        self.stoppers.append(mail.stop)
        os.environ["SAAI_EMAIL_VIA_HTTP"] = mail.url
        config.reset()
        infra.create_local()
        loaded = persistence.load(self.data) if self.data.exists() else 0
        app = self._start_api()
        self._start_alerts(app)
        accounts = seed.seed()
        self._start_web()
        self.saver = threading.Thread(target=self._save_periodically, daemon=True)
        self.saver.start()
        threading.Thread(target=self._load_demo_sales, daemon=True).start()
        print(f"Estado cargado de {self.data}: {loaded} registros.", flush=True)
        return accounts

    def _start_api(self) -> None:
        from chalice.cli.factory import CLIFactory
        from chalice.local import ChaliceRequestHandler, LocalDevServer, ThreadedHTTPServer

        class Server(ThreadedHTTPServer):
            request_queue_size = 128  # bursts of parallel requests, as a gateway takes them

        class Handler(ChaliceRequestHandler):
            """chalice local's handler, answering gateway refusals as the deploy
            template does: the contract's error body and CORS headers."""

            def _send_error_response(self, error):
                error.headers.setdefault("Access-Control-Allow-Origin", "*")
                error.body = gateway_error_body(error.CODE)
                super()._send_error_response(error)

            def log_message(self, format, *args):  # noqa: A002 - the base class's name
                return

        factory = CLIFactory(str(ROOT), environ=os.environ)
        chalice_config = factory.create_config_obj(chalice_stage_name="local")
        server = LocalDevServer(
            chalice_config.chalice_app,
            chalice_config,
            HOST,
            self.ports.api,
            handler_cls=Handler,
            server_cls=Server,
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.stoppers.append(server.shutdown)
        return chalice_config.chalice_app

    @property
    def mail_folder(self) -> Path:
        return self.data / "correo"

    def _start_alerts(self, app) -> None:
        """What AWS wires around the functions, done locally: SNS delivering
        AlertasSAAI to GuardarNotificacion, the WebSocket gateway, and the
        schedules that retry unpublished alerts and email subscriptions."""
        from chalicelib.services import suscripciones
        from tools.local import sns_lambda, ws_gateway

        handlers = importlib.import_module("app")  # the module chalice loaded above
        bridge = sns_lambda.start(0, handlers.guardar_notificacion)
        self.stoppers.append(bridge.stop)
        sns_lambda.subscribe(bridge)
        gateway = ws_gateway.start(HOST, self.ports.ws, app, self.ports.ws_admin)
        self.stoppers.append(gateway.stop)
        suscripciones.verify_all()  # the emulator forgot the subscriptions on stop
        threading.Thread(target=self._retry_periodically, daemon=True).start()

    def _retry_periodically(self) -> None:
        from chalicelib.services import alertas, suscripciones

        while not self.stopping.wait(30):
            try:
                alertas.drain_outbox()
                suscripciones.retry_pending()
            except Exception as exc:  # noqa: BLE001 - the next round tries again
                print(f"Reintento de alertas fallido: {exc!r}", file=sys.stderr, flush=True)

    def _load_demo_sales(self) -> None:
        """Fill demo shop T001 while the stack already serves: the real file given
        with DEMO=, or else the generated bodega. Both resume where they stopped."""
        from tools import demo_bodega, importar
        from tools.local.seed import DEMO_SHOP

        try:
            if self.demo:
                print(f"Cargando {self.demo} en {DEMO_SHOP} (se puede interrumpir)...", flush=True)
                summary = importar.import_file(
                    DEMO_SHOP, Path(self.demo), "retail", hasta_ayer=True, progress=True
                )
            elif os.environ.get("SAAI_SIN_DEMO") != "1":
                print(f"{DEMO_SHOP}: ventas GENERADAS de demostración (no son reales).", flush=True)
                summary = demo_bodega.load(DEMO_SHOP, progress=False)
            else:
                return
            importar.print_summary(DEMO_SHOP, summary)
        except Exception as exc:  # noqa: BLE001 - the stack keeps serving; say what failed
            print(f"No se pudieron cargar los datos demo: {exc!r}", file=sys.stderr, flush=True)

    def _start_web(self) -> None:
        from tools.local.web import WebServer

        runtime = {
            "apiUrl": f"http://{HOST}:{self.ports.api}",
            "wsUrl": f"ws://{HOST}:{self.ports.ws}",
        }
        web = WebServer(HOST, self.ports.web, ROOT / "frontends", runtime)
        web.start()
        self.stoppers.append(web.stop)

    def save(self) -> None:
        from tools.local import persistence

        persistence.save(self.data)

    def _save_periodically(self) -> None:
        while not self.stopping.wait(15):
            try:
                self.save()
            except Exception as exc:  # noqa: BLE001 - keep serving; say why the save failed
                print(f"No se pudo guardar el estado: {exc}", file=sys.stderr, flush=True)

    def stop(self) -> None:
        self.stopping.set()
        try:
            self.save()
            print(f"Estado guardado en {self.data}.", flush=True)
        finally:
            for stop in reversed(self.stoppers):
                stop()


def gateway_error_body(status: int) -> bytes:
    from tools.template import GATEWAY_ERRORS

    error, mensaje = GATEWAY_ERRORS.get(status, GATEWAY_ERRORS[403])
    return json.dumps({"error": error, "mensaje": mensaje, "campos": []}).encode()


def banner(stack: Stack, accounts) -> str:
    p = stack.ports
    lines = [
        "",
        "SAAI local listo (solo en esta máquina, 127.0.0.1):",
        f"  API            http://{HOST}:{p.api}   (GET /salud)",
        f"  WebSocket      ws://{HOST}:{p.ws}",
        f"  Frontends      http://{HOST}:{p.web}/saai/  /admin/  /trabajador/",
        f"  AWS emulado    http://{HOST}:{p.aws}   (DynamoDB, SNS, S3)",
        f"  Datos          {stack.data}",
        f"  Correos        {stack.mail_folder}  (alertas CRITICAL, un .eml por mensaje)",
        "Cuentas:",
    ]
    for c in accounts:
        shop = f" tienda {c.tienda}" if c.tienda else ""
        lines.append(
            f"  /{c.app + '/':<12} rol {c.rol:<13}{shop:<13} "
            f"usuario {c.usuario:<8} clave {c.password}"
        )
    lines.append("Ctrl+C detiene todo y guarda el estado.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run SAAI locally.")
    parser.add_argument(
        "--demo", default=os.environ.get("DEMO") or None, help="CSV to load into T001"
    )
    args = parser.parse_args(argv)

    ports = Ports.from_env()
    taken = busy_ports(ports)
    if taken:
        for name, port in taken:
            print(
                f"El puerto {port} ({name}) ya está en uso. Detenga lo que lo usa o elija otro con "
                f"SAAI_{name.upper()}_PORT=<puerto>.",
                file=sys.stderr,
            )
        return 2
    data = Path(os.environ.get("SAAI_LOCAL_DATA") or ROOT / ".local-data").resolve()
    stack = Stack(ports, data, demo=args.demo)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    try:
        accounts = stack.start()
        print(banner(stack, accounts), flush=True)
        while not done.wait(1):
            pass
    finally:
        print("Deteniendo SAAI local...", flush=True)
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
