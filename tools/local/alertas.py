"""The local stack's alert and real-time pieces, started and stopped together.

    local = alertas.start(app, data_folder, host, ws_port, ws_admin_port)
    ...
    local.stop()

It starts, on loopback only:

- the mail outbox (``correo.py``) on a free port, writing owners' alert email
  to ``<data_folder>/correo/*.eml``, and points ``SAAI_EMAIL_VIA_HTTP`` at it;
- the bridge that hands AlertasSAAI to ``guardar_notificacion`` (``sns_lambda.py``)
  on a free port, subscribed to the topic;
- the WebSocket gateway (``ws_gateway.py``) on ``ws_port``, with its
  ``@connections`` API on ``ws_admin_port``, and points ``WS_MANAGEMENT_URL`` at it;
- a thread that every ``every`` seconds publishes due alerts of every shop and
  retries owners' subscriptions (the deployed schedules' work).

It also re-subscribes owners whose subscription the emulator forgot or that
points elsewhere (see ``suscripciones.verify_all``). Call it once the emulator,
the tables and the topic exist; before or after seeding, either works.
"""

import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from chalicelib import config
from chalicelib.services import avisos, suscripciones
from tools.local import correo, sns_lambda, ws_gateway
from tools.local.sns_http import SnsEndpoint

log = logging.getLogger(__name__)


@dataclass
class LocalAlerts:
    mail: SnsEndpoint
    bridge: SnsEndpoint
    gateway: ws_gateway.Gateway
    mail_folder: Path
    every: float
    stopping: threading.Event = field(default_factory=threading.Event)
    worker: threading.Thread | None = None

    def run_once(self) -> None:
        """One pass of the schedules: publish due alerts, retry subscriptions."""
        avisos.drain_outbox()
        suscripciones.retry_pending()

    def _periodically(self) -> None:
        while not self.stopping.wait(self.every):
            try:
                self.run_once()
            except Exception:  # noqa: BLE001 - keep the schedule alive; the next pass retries
                log.exception("pasada periódica de alertas fallida")

    def stop(self) -> None:
        self.stopping.set()
        if self.worker is not None:
            self.worker.join(timeout=10)
        self.gateway.stop()
        self.bridge.stop()
        self.mail.stop()


def start(
    app,
    data_folder: Path,
    host: str = "127.0.0.1",
    ws_port: int = 8001,
    ws_admin_port: int | None = None,
    every: float = 15,
) -> LocalAlerts:
    """Start every piece; ``app`` is the Chalice app that ``chalice local`` serves."""
    mail_folder = Path(data_folder) / "correo"
    mail = correo.start(0, mail_folder, host)
    os.environ["SAAI_EMAIL_VIA_HTTP"] = mail.url
    config.reset()
    bridge = sns_lambda.start(0, app.handler_map["guardar_notificacion"], host)
    sns_lambda.subscribe(bridge)
    gateway = ws_gateway.start(host, ws_port, app, ws_admin_port)
    os.environ["WS_MANAGEMENT_URL"] = gateway.management_url
    config.reset()
    suscripciones.verify_all()
    local = LocalAlerts(mail, bridge, gateway, mail_folder, every)
    local.worker = threading.Thread(target=local._periodically, name="alertas", daemon=True)
    local.worker.start()
    return local
