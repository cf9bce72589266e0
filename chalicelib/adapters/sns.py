"""The alert bus (SNS topic ``AlertasSAAI``): publishing and owners' subscriptions.

Every alert is published as JSON (``default``) with a readable text for the
``email`` protocol, and with ``tenant_id``, ``severity`` and ``tipo`` repeated as
*String* message attributes: subscription filter policies look only at
attributes, never at the body, so an attribute left out (or sent as another
type) silently routes mail to the wrong shop or to nobody.

Owners subscribe with the filter policy ``{"tenant_id": [shop], "severity":
["CRITICAL"]}``. Locally (``SAAI_EMAIL_VIA_HTTP``) the same subscription uses
the ``http`` protocol and a loopback endpoint that writes ``.eml`` files; the
address travels in the endpoint's query (``?para=``).

Every botocore failure becomes ``UpstreamError``; the callers decide whether to
retry. That includes an answer botocore cannot parse (the local emulator answers
an HTML 500 when one of its HTTP subscribers is down).
"""

import json
from functools import cache
from urllib.parse import quote

from botocore.exceptions import BotoCoreError, ClientError
from botocore.parsers import ResponseParserError

from chalicelib.adapters.aws import client
from chalicelib.config import settings
from chalicelib.errors import UpstreamError

ATTRIBUTES = ("tenant_id", "severity", "tipo")
_FAILURES = (BotoCoreError, ClientError, ResponseParserError)


def _fail(operation: str, exc: Exception) -> UpstreamError:
    code = exc.response.get("Error", {}).get("Code", "") if isinstance(exc, ClientError) else ""
    return UpstreamError(f"SNS {operation} falló ({code or type(exc).__name__}).")


@cache
def topic_arn() -> str:
    """The topic's ARN: configured, or built from its name and this account."""
    config = settings()
    if config.alerts_topic_arn:
        return config.alerts_topic_arn
    try:
        identity = client("sts").get_caller_identity()
    except _FAILURES as exc:
        raise _fail("GetCallerIdentity", exc) from exc
    partition = identity["Arn"].split(":")[1]
    return f"arn:{partition}:sns:{config.region}:{identity['Account']}:{config.alerts_topic}"


def reset() -> None:
    topic_arn.cache_clear()


def message_attributes(alert: dict) -> dict:
    return {name: {"DataType": "String", "StringValue": str(alert[name])} for name in ATTRIBUTES}


def publish_alert(alert: dict, subject: str, email_text: str) -> str:
    """Publish one alert; returns SNS's message id (``UpstreamError`` on failure)."""
    body = json.dumps(alert, ensure_ascii=False, sort_keys=True)
    try:
        answer = client("sns").publish(
            TopicArn=topic_arn(),
            Message=json.dumps({"default": body, "email": email_text}, ensure_ascii=False),
            MessageStructure="json",
            Subject=subject,
            MessageAttributes=message_attributes(alert),
        )
    except _FAILURES as exc:
        raise _fail("Publish", exc) from exc
    return answer["MessageId"]


def owner_filter_policy(tenant_id: str) -> dict:
    return {"tenant_id": [tenant_id], "severity": ["CRITICAL"]}


def _email_endpoint(email: str) -> tuple[str, str]:
    via_http = settings().email_via_http
    if via_http:
        return "http", f"{via_http}/correo?para={quote(email, safe='')}"
    return "email", email


def subscribe_owner(tenant_id: str, email: str) -> str:
    """Subscribe ``email`` to the shop's critical alerts; returns the subscription ARN.

    SNS answers the same ARN when the same endpoint subscribes again with the
    same policy, so a retry never doubles the mail.
    """
    protocol, endpoint = _email_endpoint(email)
    try:
        answer = client("sns").subscribe(
            TopicArn=topic_arn(),
            Protocol=protocol,
            Endpoint=endpoint,
            Attributes={"FilterPolicy": json.dumps(owner_filter_policy(tenant_id))},
            ReturnSubscriptionArn=True,
        )
    except _FAILURES as exc:
        raise _fail("Subscribe", exc) from exc
    return answer["SubscriptionArn"]


def unsubscribe(subscription_arn: str) -> None:
    """Remove a subscription; one that no longer exists is already done."""
    try:
        client("sns").unsubscribe(SubscriptionArn=subscription_arn)
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") == "NotFound":
            return
        raise _fail("Unsubscribe", exc) from exc
    except _FAILURES as exc:
        raise _fail("Unsubscribe", exc) from exc


def subscription_serves(subscription_arn: str, tenant_id: str, email: str) -> bool:
    """Whether the subscription exists and still delivers the shop's alerts to ``email``
    the way the configuration says (protocol, endpoint and filter policy)."""
    try:
        answer = client("sns").get_subscription_attributes(SubscriptionArn=subscription_arn)
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") == "NotFound":
            return False
        raise _fail("GetSubscriptionAttributes", exc) from exc
    except _FAILURES as exc:
        raise _fail("GetSubscriptionAttributes", exc) from exc
    attributes = answer["Attributes"]
    protocol, endpoint = _email_endpoint(email)
    try:
        policy = json.loads(attributes.get("FilterPolicy") or "null")
    except ValueError:
        policy = None
    return (
        attributes.get("Protocol") == protocol
        and attributes.get("Endpoint") == endpoint
        and policy == owner_filter_policy(tenant_id)
    )


def subscribe_http(url: str) -> str:
    """Subscribe a loopback HTTP endpoint to every alert (the local stack's bridges)."""
    try:
        answer = client("sns").subscribe(
            TopicArn=topic_arn(), Protocol="http", Endpoint=url, ReturnSubscriptionArn=True
        )
    except _FAILURES as exc:
        raise _fail("Subscribe", exc) from exc
    return answer["SubscriptionArn"]


def confirm(topic: str, token: str) -> None:
    """Answer an HTTP endpoint's SubscriptionConfirmation through the API."""
    try:
        client("sns").confirm_subscription(TopicArn=topic, Token=token)
    except _FAILURES as exc:
        raise _fail("ConfirmSubscription", exc) from exc
