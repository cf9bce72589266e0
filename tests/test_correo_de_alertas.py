"""Owners' alert email: subscriptions that follow the shop, and routing by filter policy.

F07: tenant_id and severity travel as message attributes, so each CRITICAL alert
of a shop reaches that shop's subscribers once and no other shop's.
F16: filter policies are exercised with the attribute types AWS uses, and the
emulator's known differences from AWS are pinned here, so an upgrade of moto
that changes them is noticed.
"""

import json
import urllib.error
import urllib.request
from email import policy
from email.parser import BytesParser

import pytest
import requests

from chalicelib import config
from chalicelib.adapters import aws, dynamo, sns
from chalicelib.services import avisos, suscripciones
from tests.apoyo_alertas import break_topic, change, mend_topic
from tests.conftest import open_shop
from tools.local import correo


def subscription(arn):
    return aws.client("sns").get_subscription_attributes(SubscriptionArn=arn)["Attributes"]


def gone(arn) -> bool:
    try:
        subscription(arn)
    except aws.client("sns").exceptions.NotFoundException:
        return True
    return False


def shop_state(api, saai_token, codigo):
    answer = api.call("GET", f"/tiendas/{codigo}", token=saai_token)
    return answer.data[suscripciones.FIELD]


# Subscriptions follow the shop ----------------------------------------------


def test_opening_a_shop_subscribes_its_owner_to_its_critical_alerts(api, saai_token, shop):
    state = shop_state(api, saai_token, shop["codigo"])

    assert state["estado"] == "SUSCRITA" and state["email"] == "rosita@example.com"
    attributes = subscription(state["suscripcion"])
    assert (attributes["Protocol"], attributes["Endpoint"]) == ("email", "rosita@example.com")
    assert json.loads(attributes["FilterPolicy"]) == {
        "tenant_id": [shop["codigo"]],
        "severity": ["CRITICAL"],
    }


def test_changing_the_owner_email_moves_the_subscription(api, saai_token, shop):
    before = shop_state(api, saai_token, shop["codigo"])["suscripcion"]

    answer = api.call(
        "PATCH",
        f"/tiendas/{shop['codigo']}",
        {"email_administrador": "rosa.nueva@example.com"},
        token=saai_token,
    )

    assert answer.status_code == 200, answer.data
    after = answer.data[suscripciones.FIELD]
    assert after["estado"] == "SUSCRITA" and after["por_retirar"] == []
    assert subscription(after["suscripcion"])["Endpoint"] == "rosa.nueva@example.com"
    assert gone(before)
    me = api.call("GET", "/me", token=shop["owner"]).data
    assert me["codigo"] == answer.data["administrador"]["codigo"]


def test_patching_other_fields_leaves_the_subscription_alone(api, saai_token, shop):
    before = shop_state(api, saai_token, shop["codigo"])
    api.call("PATCH", f"/tiendas/{shop['codigo']}", {"nombre": "Bodega Rosa"}, token=saai_token)
    assert shop_state(api, saai_token, shop["codigo"])["suscripcion"] == before["suscripcion"]


def test_deleting_a_shop_unsubscribes_its_owner(api, saai_token, shop):
    before = shop_state(api, saai_token, shop["codigo"])["suscripcion"]

    answer = api.call("DELETE", f"/tiendas/{shop['codigo']}", token=saai_token)

    assert answer.status_code == 204
    state = shop_state(api, saai_token, shop["codigo"])
    assert (state["estado"], state["suscripcion"]) == ("SIN_SUSCRIPCION", None)
    assert gone(before)


def test_sns_failure_does_not_fail_opening_a_shop_and_is_retried(api, saai_token):
    from chalice.test import Client

    from app import app

    break_topic()
    data = open_shop(api, saai_token)

    state = shop_state(api, saai_token, data["codigo_tienda"])
    assert state["estado"] == "PENDIENTE" and state["intentos"] == 1
    assert "SNS Subscribe" in state["ultimo_error"]

    mend_topic()
    with Client(app) as client:
        tick = client.events.generate_cw_event("aws.events", "Scheduled Event", {}, [])
        client.lambda_.invoke("reintentar_suscripciones", tick)

    state = shop_state(api, saai_token, data["codigo_tienda"])
    assert (state["estado"], state["intentos"], state["ultimo_error"]) == ("SUSCRITA", 0, None)


def test_a_failed_unsubscribe_is_kept_and_retried(api, saai_token, shop, monkeypatch):
    old = shop_state(api, saai_token, shop["codigo"])["suscripcion"]
    real = sns.unsubscribe

    def refuse(arn):
        raise sns.UpstreamError("SNS Unsubscribe falló (Throttling).")

    monkeypatch.setattr(sns, "unsubscribe", refuse)
    api.call(
        "PATCH",
        f"/tiendas/{shop['codigo']}",
        {"email_administrador": "otra@example.com"},
        token=saai_token,
    )
    state = shop_state(api, saai_token, shop["codigo"])
    assert state["estado"] == "PENDIENTE" and state["por_retirar"] == [old]
    assert state["suscripcion"] is None  # no new mail before the old address stops

    monkeypatch.setattr(sns, "unsubscribe", real)
    assert suscripciones.retry_pending() == 1
    state = shop_state(api, saai_token, shop["codigo"])
    assert state["estado"] == "SUSCRITA" and state["por_retirar"] == []
    assert gone(old) and subscription(state["suscripcion"])["Endpoint"] == "otra@example.com"


def test_a_subscription_made_by_a_losing_writer_is_never_left_behind(shop, monkeypatch):
    """Another writer changes the address while a sync is subscribing the old one."""
    codigo = shop["codigo"]
    real_subscribe = sns.subscribe_owner
    shop_key = ("t_tiendas", "PLATAFORMA", "T#000000001")
    record = dynamo.get(*shop_key)
    stale = suscripciones.with_new_email(record[suscripciones.FIELD], "vieja@example.com")
    dynamo.update(*shop_key, dynamo.Update(set_fields={suscripciones.FIELD: stale}))
    made = []

    def subscribe_then_lose(tenant_id, email):
        arn = real_subscribe(tenant_id, email)
        made.append(arn)
        current = dynamo.get(*shop_key)[suscripciones.FIELD]
        changed = suscripciones.with_new_email(current, "ganadora@example.com")
        dynamo.update(*shop_key, dynamo.Update(set_fields={suscripciones.FIELD: changed}))
        monkeypatch.setattr(sns, "subscribe_owner", real_subscribe)
        return arn

    monkeypatch.setattr(sns, "subscribe_owner", subscribe_then_lose)
    state = suscripciones.sync(codigo)

    assert state["email"] == "ganadora@example.com" and state["estado"] == "SUSCRITA"
    assert subscription(state["suscripcion"])["Endpoint"] == "ganadora@example.com"
    assert gone(made[0])


# Routing by filter policy, end to end through the local mail outbox (F07) ----


@pytest.fixture
def outbox(tmp_path, monkeypatch):
    server = correo.start(0, tmp_path / "correo")
    monkeypatch.setenv("SAAI_EMAIL_VIA_HTTP", server.url)
    config.reset()
    yield tmp_path / "correo"
    server.stop()


def mails(folder) -> list:
    if not folder.exists():
        return []
    parser = BytesParser(policy=policy.default)
    return [parser.parsebytes(path.read_bytes()) for path in sorted(folder.glob("*.eml"))]


def test_critical_alert_mails_its_own_shop_once_and_no_other(outbox, api, saai_token):
    t1 = open_shop(api, saai_token, "Bodega Uno", "uno")["codigo_tienda"]
    t2 = open_shop(api, saai_token, "Bodega Dos", "dos")["codigo_tienda"]
    for tenant, stock in ((t1, (1, 0)), (t1, (6, 5)), (t2, (7, 5))):
        actions = avisos.alert_actions(tenant, [change(*stock, codigo=f"{tenant}P001")])
        dynamo.transact(actions)

    report = avisos.drain_outbox()

    assert report.publicadas == 3  # one CRITICAL of T001, one WARNING each
    [mail] = mails(outbox)
    assert mail["To"] == "uno@example.com"
    assert mail["Subject"].startswith(f"SAAI {t1} CRITICO: Stock agotado")
    assert mail["X-SAAI-Tienda"] == t1
    body = mail.get_content()
    assert "Arroz Costeño 5kg" in body and "Severidad: CRITICAL" in body


def test_each_shop_gets_only_its_own_critical_alerts(outbox, api, saai_token):
    t1 = open_shop(api, saai_token, "Bodega Uno", "uno")["codigo_tienda"]
    t2 = open_shop(api, saai_token, "Bodega Dos", "dos")["codigo_tienda"]
    for tenant in (t1, t2, t2):
        dynamo.transact(avisos.alert_actions(tenant, [change(1, 0, codigo=f"{tenant}P001")]))

    avisos.drain_outbox()

    recipients = sorted((m["To"], m["X-SAAI-Tienda"]) for m in mails(outbox))
    assert recipients == [("dos@example.com", t2)] * 2 + [("uno@example.com", t1)]


def test_local_subscription_uses_http_with_the_same_filter(outbox, api, saai_token, shop):
    state = shop_state(api, saai_token, shop["codigo"])
    attributes = subscription(state["suscripcion"])
    assert attributes["Protocol"] == "http"
    assert attributes["Endpoint"].endswith("/correo?para=rosita%40example.com")
    assert json.loads(attributes["FilterPolicy"])["severity"] == ["CRITICAL"]


def post_json(url, document) -> int:
    request = urllib.request.Request(url, json.dumps(document).encode(), method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310 - loopback
            return answer.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_mail_outbox_confirms_subscriptions_through_the_api(tmp_path):
    server = correo.start(0, tmp_path)
    try:
        confirmation = {"Type": "SubscriptionConfirmation", "Token": "abc"}
        assert post_json(server.url, {**confirmation, "TopicArn": sns.topic_arn()}) == 200
        missing = sns.topic_arn() + "-no-existe"
        assert post_json(server.url, {**confirmation, "TopicArn": missing}) == 500
        notification = {"Type": "Notification", "MessageId": "m", "Message": "hola"}
        assert post_json(server.url + "/correo", notification) == 400  # no ?para=
        assert post_json(server.url + "/correo?para=a%40b.pe", notification) == 200
        [mail] = mails(tmp_path)
        assert (mail["To"], mail.get_content().strip()) == ("a@b.pe", "hola")
    finally:
        server.stop()


# What the emulator does, pinned (F16) ----------------------------------------


def delivered(filter_policy: dict, attributes: dict) -> bool:
    """Whether a message with ``attributes`` passes ``filter_policy`` in the emulator."""
    sqs = aws.client("sqs")
    url = sqs.create_queue(QueueName="filtro")["QueueUrl"]
    queue = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
    arn = aws.client("sns").subscribe(
        TopicArn=sns.topic_arn(),
        Protocol="sqs",
        Endpoint=queue["Attributes"]["QueueArn"],
        Attributes={"FilterPolicy": json.dumps(filter_policy), "RawMessageDelivery": "true"},
        ReturnSubscriptionArn=True,
    )["SubscriptionArn"]
    typed = {
        name: {"DataType": data_type, "StringValue": value}
        for name, (data_type, value) in attributes.items()
    }
    aws.client("sns").publish(TopicArn=sns.topic_arn(), Message="m", MessageAttributes=typed)
    got = sqs.receive_message(QueueUrl=url).get("Messages", [])
    aws.client("sns").unsubscribe(SubscriptionArn=arn)
    sqs.delete_queue(QueueUrl=url)
    return bool(got)


OWNER = {"tenant_id": ["T001"], "severity": ["CRITICAL"]}


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ({"tenant_id": ("String", "T001"), "severity": ("String", "CRITICAL")}, True),
        ({"tenant_id": ("String", "T002"), "severity": ("String", "CRITICAL")}, False),
        ({"tenant_id": ("String", "T001"), "severity": ("String", "WARNING")}, False),
        ({"tenant_id": ("String", "T001"), "severity": ("String", "critical")}, False),
        ({"severity": ("String", "CRITICAL")}, False),  # F07: tenant only in the body
        ({}, False),
    ],
)
def test_owner_filter_policy_routes_by_string_attributes(attributes, expected):
    assert delivered(OWNER, attributes) is expected


def test_numeric_filter_matches_number_attributes_only_as_on_aws():
    above = {"umbral": [{"numeric": [">", 50]}]}
    assert delivered(above, {"umbral": ("Number", "55.5")}) is True
    assert delivered(above, {"umbral": ("Number", "5.55e1")}) is True
    assert delivered(above, {"umbral": ("Number", "50")}) is False
    assert delivered(above, {"umbral": ("String", "55.5")}) is False  # text is not a number
    assert delivered({"umbral": [55.5]}, {"umbral": ("String", "55.5")}) is False


def test_emulator_is_looser_than_aws_for_string_values_of_other_types():
    """moto compares a string policy value with the attribute's text whatever its type, and
    reads a String attribute holding a JSON array as an array. AWS does neither (only
    String.Array is an array). SAAI's attributes are single codes of type String, so the
    difference cannot hide a routing bug in the owner policy; this pins it all the same."""
    assert delivered({"n": ["10"]}, {"n": ("Number", "10")}) is True
    assert delivered({"n": ["T001"]}, {"n": ("String", '["T001", "T002"]')}) is True
    assert delivered({"n": ["T001"]}, {"n": ("String.Array", '["T001", "T002"]')}) is True


def test_emulator_http_delivery_omits_attributes_and_delivers_inside_publish(tmp_path):
    """AWS's HTTP notification carries MessageAttributes and an x-amz-sns-message-type
    header, and is delivered after Publish returns; moto posts the body only, without
    attributes, synchronously, and Publish fails if the endpoint refuses the connection."""
    seen = []

    def record(notification, query):
        seen.append(notification)

    from tools.local.sns_http import SnsEndpoint

    endpoint = SnsEndpoint("127.0.0.1", 0, record).start()
    arn = sns.subscribe_http(endpoint.url + "/x")
    assert subscription(arn)["PendingConfirmation"] == "false"  # no confirmation round trip
    alert = {"id": "1", "tenant_id": "T001", "severity": "INFO", "tipo": "t"}
    sns.publish_alert({**alert, "mensaje": "m", "entidad": "e", "en": "x"}, "s", "t")
    assert len(seen) == 1 and "MessageAttributes" not in seen[0]
    assert json.loads(seen[0]["Message"])["tenant_id"] == "T001"

    endpoint.stop()
    with pytest.raises(requests.ConnectionError):  # in-process moto lets it out as it is
        sns.publish_alert({**alert, "mensaje": "m", "entidad": "e", "en": "x"}, "s", "t")


def test_local_start_resubscribes_what_the_emulator_forgot(api, saai_token, shop):
    lost = shop_state(api, saai_token, shop["codigo"])["suscripcion"]
    aws.client("sns").unsubscribe(SubscriptionArn=lost)  # the emulator restarted empty

    assert suscripciones.verify_all() == 1

    state = shop_state(api, saai_token, shop["codigo"])
    assert state["estado"] == "SUSCRITA" and state["suscripcion"] != lost
    assert subscription(state["suscripcion"])["Endpoint"] == "rosita@example.com"
    assert suscripciones.verify_all() == 0  # nothing left to fix


def test_local_start_moves_an_email_subscription_to_the_mail_outbox(api, saai_token, shop, outbox):
    """The demo shop is seeded before the stack starts its mail endpoint."""
    seeded = shop_state(api, saai_token, shop["codigo"])["suscripcion"]
    assert subscription(seeded)["Protocol"] == "email"  # made before SAAI_EMAIL_VIA_HTTP

    suscripciones.verify_all()

    state = shop_state(api, saai_token, shop["codigo"])
    assert subscription(state["suscripcion"])["Protocol"] == "http"
    assert gone(seeded)
