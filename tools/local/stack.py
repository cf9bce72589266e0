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
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        _environment(self.ports)
        moto = ThreadedMotoServer(ip_address=HOST, port=self.ports.aws, verbose=False)
        moto.start()
        self.stoppers.append(moto.stop)

        from chalicelib import config, infra
        from tools.local import persistence, seed

        config.reset()
        infra.create_local()
        loaded = persistence.load(self.data) if self.data.exists() else 0
        accounts = seed.seed()
        self._start_api()
        self._start_web()
        self.saver = threading.Thread(target=self._save_periodically, daemon=True)
        self.saver.start()
        print(f"Estado cargado de {self.data}: {loaded} registros.", flush=True)
        return accounts

    def _start_api(self) -> None:
        from chalice.cli.factory import CLIFactory
        from chalice.local import ChaliceRequestHandler, LocalDevServer

        class Handler(ChaliceRequestHandler):
            """chalice local's handler, with CORS headers on gateway errors too."""

            def _send_error_response(self, error):
                error.headers.setdefault("Access-Control-Allow-Origin", "*")
                super()._send_error_response(error)

            def log_message(self, format, *args):  # noqa: A002 - the base class's name
                return

        factory = CLIFactory(str(ROOT), environ=os.environ)
        chalice_config = factory.create_config_obj(chalice_stage_name="local")
        server = LocalDevServer(
            chalice_config.chalice_app, chalice_config, HOST, self.ports.api, handler_cls=Handler
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.stoppers.append(server.shutdown)

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
