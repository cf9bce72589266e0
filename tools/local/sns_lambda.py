"""Delivers AlertasSAAI to ``GuardarNotificacion`` locally, as SNS delivers to Lambda.

Deployed, SNS invokes the function with an ``aws:sns`` event. The emulator cannot
invoke a Chalice function, so the local stack subscribes this loopback endpoint
(protocol ``http``) and it calls the same handler with the same event shape.

    bridge = sns_lambda.start(8026, app.guardar_notificacion)
    sns_lambda.subscribe(bridge)
    ...
    bridge.stop()
"""

import uuid
from types import SimpleNamespace

from chalicelib.adapters import sns
from tools.local.sns_http import SnsEndpoint

PATH = "/guardar-notificacion"


def lambda_event(notification: dict, subscription_arn: str = "") -> dict:
    """The ``aws:sns`` event Lambda receives for one HTTP-shaped notification."""
    return {
        "Records": [
            {
                "EventSource": "aws:sns",
                "EventVersion": "1.0",
                "EventSubscriptionArn": subscription_arn,
                "Sns": {
                    "Type": "Notification",
                    "MessageId": notification.get("MessageId"),
                    "TopicArn": notification.get("TopicArn"),
                    "Subject": notification.get("Subject"),
                    "Message": notification.get("Message", ""),
                    "Timestamp": notification.get("Timestamp"),
                    "SignatureVersion": notification.get("SignatureVersion"),
                    "Signature": notification.get("Signature"),
                    "SigningCertUrl": notification.get("SigningCertURL"),
                    "UnsubscribeUrl": notification.get("UnsubscribeURL"),
                    "MessageAttributes": notification.get("MessageAttributes") or {},
                },
            }
        ]
    }


def start(port: int, handler, host: str = "127.0.0.1") -> SnsEndpoint:
    """Serve the bridge; ``handler`` is the app's ``guardar_notificacion``."""

    def deliver(notification: dict, query: dict[str, str]) -> None:
        context = SimpleNamespace(
            aws_request_id=uuid.uuid4().hex,
            function_name="saai-local-guardar_notificacion",
            get_remaining_time_in_millis=lambda: 30_000,
        )
        handler(lambda_event(notification), context)

    return SnsEndpoint(host, port, deliver).start()


def subscribe(bridge: SnsEndpoint) -> str:
    """Subscribe the running bridge to every alert; returns the subscription ARN."""
    return sns.subscribe_http(bridge.url + PATH)
