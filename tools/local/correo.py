"""The local mail outbox: owners' alert email as ``.eml`` files.

Deployed, owners subscribe to AlertasSAAI with SNS's ``email`` protocol. Locally
(``SAAI_EMAIL_VIA_HTTP=http://127.0.0.1:<port>``) they subscribe with the
``http`` protocol and the same filter policy to this endpoint, with the
address in the query: ``/correo?para=duena%40bodega.pe``. Each notification
becomes one RFC 5322 message in ``folder``, named by time, SNS message id and
address, so a repeated delivery of the same message rewrites the same file.

    server = correo.start(8025, Path(".local-data/correo"))
    ...
    server.stop()
"""

import json
import os
import re
import tempfile
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from chalicelib.domain import alertas
from tools.local.sns_http import SnsEndpoint

SENDER = "SAAI Alertas <alertas@saai.invalid>"
_UNSAFE = re.compile(r"[^A-Za-z0-9._@-]")


def _sent_at(notification: dict) -> datetime:
    try:
        return datetime.fromisoformat(notification["Timestamp"].replace("Z", "+00:00"))
    except (KeyError, ValueError):
        return datetime.now(UTC)


def _alert(notification: dict) -> dict | None:
    try:
        alert = json.loads(notification.get("Message") or "")
    except ValueError:
        return None
    needed = ("tenant_id", "severity", "mensaje", "entidad", "en")
    return alert if isinstance(alert, dict) and all(k in alert for k in needed) else None


def compose(notification: dict, to: str) -> EmailMessage:
    """The email SNS would send ``to`` for this notification."""
    alert = _alert(notification)
    mail = EmailMessage()
    mail["From"] = SENDER
    mail["To"] = to
    mail["Subject"] = notification.get("Subject") or (
        alertas.email_subject(alert) if alert else "SAAI"
    )
    mail["Date"] = format_datetime(_sent_at(notification))
    mail["Message-ID"] = f"<{notification.get('MessageId', 'sin-id')}@alertas.saai.invalid>"
    if alert:
        mail["X-SAAI-Tienda"] = str(alert["tenant_id"])
        mail["X-SAAI-Severidad"] = str(alert["severity"])
    mail.set_content(alertas.email_text(alert) if alert else notification.get("Message", ""))
    return mail


def file_name(notification: dict, to: str) -> str:
    stamp = _sent_at(notification).strftime("%Y%m%dT%H%M%S")
    message_id = _UNSAFE.sub("_", notification.get("MessageId", "sin-id"))
    return f"{stamp}-{message_id}-{_UNSAFE.sub('_', to)}.eml"


def _write(folder: Path, name: str, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, folder / name)


def start(port: int, folder: Path | str, host: str = "127.0.0.1") -> SnsEndpoint:
    """Serve the outbox on ``host:port`` (port 0 picks a free one); ``.stop()`` ends it."""
    target = Path(folder)

    def deliver(notification: dict, query: dict[str, str]) -> None:
        to = query.get("para", "")
        if "@" not in to:
            raise ValueError("falta ?para=<correo>")
        mail = compose(notification, to)
        _write(target, file_name(notification, to), bytes(mail))

    return SnsEndpoint(host, port, deliver).start()
