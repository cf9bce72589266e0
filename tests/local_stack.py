"""Starts the real local stack in a subprocess for black-box and browser tests.

Each test session gets its own free loopback ports and a temporary data folder,
and the stack is stopped (by its PID) when the session ends.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@dataclass
class RunningStack:
    process: subprocess.Popen
    api_url: str
    web_url: str
    ws_url: str
    data: Path
    log: Path

    def request(self, method: str, path: str, body=None, token: str | None = None, headers=None):
        """(status, parsed JSON body, headers) of one API call."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.api_url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                raw = answer.read()
                return answer.status, (json.loads(raw) if raw else None), dict(answer.headers)
        except urllib.error.HTTPError as error:
            raw = error.read()
            return error.code, (json.loads(raw) if raw else None), dict(error.headers)

    def login(self, rol: str, usuario: str, password: str, tienda: str | None = None) -> str:
        body = {"rol": rol, "usuario": usuario, "password": password}
        if tienda:
            body["codigo_tienda"] = tienda
        status, answer, _ = self.request("POST", "/login", body)
        assert status == 200, answer
        return answer["token"]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(data: Path, extra_env: dict | None = None, timeout: float = 90) -> RunningStack:
    ports = {name: free_port() for name in ("API", "WEB", "WS", "WS_ADMIN", "AWS")}
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({f"SAAI_{name}_PORT": str(port) for name, port in ports.items()})
    env.update({"SAAI_LOCAL_DATA": str(data), "SAAI_SIN_DEMO": "1", "PYTHONUNBUFFERED": "1"})
    env.update(extra_env or {})
    log = data.parent / f"{data.name}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tools.local.stack"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    stack = RunningStack(
        process,
        api_url=f"http://{HOST}:{ports['API']}",
        web_url=f"http://{HOST}:{ports['WEB']}",
        ws_url=f"ws://{HOST}:{ports['WS']}",
        data=data,
        log=log,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"El stack local terminó al arrancar:\n{log.read_text()}")
        if "SAAI local listo" in log.read_text(errors="replace"):
            return stack
        time.sleep(0.3)
    stack.stop()
    raise RuntimeError(f"El stack local no arrancó en {timeout}s:\n{log.read_text()}")
