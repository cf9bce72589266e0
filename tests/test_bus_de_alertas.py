"""The alert bus: outbox written with the change, published on AlertasSAAI, stored once."""

import json
from datetime import timedelta

import pytest
from chalice.test import Client

from chalicelib import clock
from chalicelib.adapters import dynamo, sns
from chalicelib.services import alertas, avisos, notificaciones
from tests.apoyo_alertas import break_topic, change, mend_topic


def commit_sale(tenant_id, *changes):
    """What a service does: its own write plus the alerts, in one transaction."""
    own = dynamo.tx_put("t_ventas", dynamo.item(tenant_id, "V#000000001", {"codigo": "V1"}))
    dynamo.transact([own, *avisos.alert_actions(tenant_id, list(changes))])


def test_alerts_are_written_in_the_same_transaction_as_the_change(shop):
    tenant = shop["codigo"]
    actions = avisos.alert_actions(tenant, [change(1, 0, codigo=f"{tenant}P001")])
    failing = dynamo.tx_put("t_ventas", dynamo.item(tenant, "V#1", {}), "attribute_exists(x)")

    with pytest.raises(dynamo.ConditionFailed):
        dynamo.transact([failing, *actions])
    assert alertas.pending(tenant) == []

    dynamo.transact(actions)
    [pending] = alertas.pending(tenant)
    assert pending["alerta"]["tipo"] == "stock_agotado"


def test_no_alert_means_no_action(shop):
    assert avisos.alert_actions(shop["codigo"], [change(20, 19)]) == []
    assert avisos.alert_actions(shop["codigo"], []) == []


def test_published_alert_carries_json_body_and_string_attributes(shop, bus_tap):
    tenant = shop["codigo"]
    commit_sale(tenant, change(1, 0, codigo=f"{tenant}P001"))

    report = avisos.drain_outbox(tenant)

    assert report.publicadas == 1
    [message] = bus_tap.messages()
    alert = message["alerta"]
    assert set(alert) == {"id", "tenant_id", "severity", "tipo", "mensaje", "entidad", "en"}
    assert (alert["tenant_id"], alert["severity"], alert["tipo"]) == (
        tenant,
        "CRITICAL",
        "stock_agotado",
    )
    assert alert["en"].endswith("-05:00")
    assert message["atributos"] == {
        "tenant_id": ("String", tenant),
        "severity": ("String", "CRITICAL"),
        "tipo": ("String", "stock_agotado"),
    }
    assert alertas.pending(tenant) == []


def test_outbox_survives_sns_failure_and_is_drained_later(shop, bus_tap):
    tenant = shop["codigo"]
    commit_sale(tenant, change(1, 0, codigo=f"{tenant}P001"))
    break_topic()

    failed = avisos.drain_outbox(tenant)

    assert (failed.publicadas, failed.fallidas) == (0, 1)
    [pending] = alertas.pending(tenant)
    assert pending["intentos"] == 1 and "SNS Publish" in pending["ultimo_error"]

    mend_topic()
    bus_tap = type(bus_tap)()  # the old subscription went with the topic
    assert avisos.drain_outbox(tenant).en_espera == 1  # backing off: not yet

    with clock.frozen(clock.now() + timedelta(minutes=1)):
        report = avisos.drain_outbox()  # every shop, as the schedule does

    assert report.publicadas == 1
    assert [m["alerta"]["tipo"] for m in bus_tap.messages()] == ["stock_agotado"]
    assert alertas.pending(tenant) == []


def test_after_commit_never_raises_even_when_sns_is_down(shop):
    tenant = shop["codigo"]
    commit_sale(tenant, change(1, 0, codigo=f"{tenant}P001"))
    break_topic()

    avisos.after_commit(tenant, [avisos.Notice("venta_registrada", f"{tenant}V001")])

    assert len(alertas.pending(tenant)) == 1


def test_after_commit_publishes_inline_on_the_local_stage(shop, bus_tap):
    tenant = shop["codigo"]
    commit_sale(tenant, change(6, 5, codigo=f"{tenant}P001"))

    avisos.after_commit(tenant, [])

    assert [m["alerta"]["tipo"] for m in bus_tap.messages()] == ["stock_bajo"]


def test_a_change_without_alerts_costs_no_extra_call_after_commit(shop, monkeypatch):
    from chalicelib.adapters import dynamo as adapter

    calls = []
    real = adapter._call
    monkeypatch.setattr(adapter, "_call", lambda op, **kw: calls.append(op) or real(op, **kw))
    tenant = shop["codigo"]

    commit_sale(tenant, change(20, 19, codigo=f"{tenant}P001"))
    avisos.after_commit(tenant, [avisos.Notice("venta_registrada", f"{tenant}V001")])

    assert calls == ["transact_write_items"]


def test_after_commit_publishes_only_what_this_change_wrote(shop, other_shop, bus_tap):
    mine, theirs = shop["codigo"], other_shop["codigo"]
    commit_sale(theirs, change(1, 0, codigo=f"{theirs}P001"))
    alertas.take_written(theirs)  # as if written by another request
    commit_sale(mine, change(1, 0, codigo=f"{mine}P001"))

    avisos.after_commit(mine, [])

    assert [m["alerta"]["tenant_id"] for m in bus_tap.messages()] == [mine]
    assert len(alertas.pending(theirs)) == 1  # left to the periodic drain


def test_a_claimed_alert_is_not_published_twice_by_concurrent_drains(shop, bus_tap):
    tenant = shop["codigo"]
    commit_sale(tenant, change(1, 0, codigo=f"{tenant}P001"))
    [pending] = alertas.pending(tenant)
    now = int(clock.now().timestamp())
    assert alertas._claim(tenant, pending["clave"], now) is not None  # another drain holds it

    assert avisos.drain_outbox(tenant).publicadas == 0
    assert bus_tap.messages() == []

    with clock.frozen(clock.now() + timedelta(seconds=alertas.LEASE_SECONDS + 1)):
        assert avisos.drain_outbox(tenant).publicadas == 1  # the holder died: lease expired


def test_stream_handler_publishes_new_outbox_items_only(shop, bus_tap):
    from app import publicar_alertas_pendientes

    tenant = shop["codigo"]
    commit_sale(tenant, change(1, 0, codigo=f"{tenant}P001"))
    [pending] = alertas.pending(tenant)
    keys = {"tenant_id": {"S": tenant}, "entity_id": {"S": pending["clave"]}}

    def record(name):
        return {
            "eventID": "1",
            "eventName": name,
            "eventSource": "aws:dynamodb",
            "awsRegion": "us-east-1",
            "eventSourceARN": "arn:aws:dynamodb:us-east-1:1:table/t/stream/x",
            "dynamodb": {
                "ApproximateCreationDateTime": 1_700_000_000,
                "Keys": keys,
                "SequenceNumber": "1",
                "SizeBytes": 10,
                "StreamViewType": "NEW_IMAGE",
            },
        }

    publicar_alertas_pendientes({"Records": [record("MODIFY"), record("REMOVE")]}, None)
    assert bus_tap.messages() == []

    publicar_alertas_pendientes({"Records": [record("INSERT")]}, None)
    assert len(bus_tap.messages()) == 1
    assert alertas.pending(tenant) == []


def test_schedule_drains_every_shop(shop, other_shop, bus_tap):
    from app import app

    for tenant in (shop["codigo"], other_shop["codigo"]):
        commit_sale(tenant, change(1, 0, codigo=f"{tenant}P001"))

    with Client(app) as client:
        tick = client.events.generate_cw_event("aws.events", "Scheduled Event", {}, [])
        client.lambda_.invoke("reintentar_alertas", tick)

    tenants = sorted(m["alerta"]["tenant_id"] for m in bus_tap.messages())
    assert tenants == sorted([shop["codigo"], other_shop["codigo"]])


def test_merma_threshold_is_per_shop(api, saai_token, shop):
    tenant = shop["codigo"]
    merma = change(20, 18, motivo="MERMA", referencia="M1", codigo=f"{tenant}P001")  # S/ 37
    assert avisos.alert_actions(tenant, [merma]) == []

    answer = api.call("PATCH", f"/tiendas/{tenant}", {"umbral_merma": "30.00"}, token=saai_token)
    assert answer.status_code == 200, answer.data
    assert answer.data["umbral_merma"] == 30

    assert len(avisos.alert_actions(tenant, [merma])) == 1


def test_merma_threshold_must_be_an_amount(api, saai_token, shop):
    answer = api.call(
        "PATCH", f"/tiendas/{shop['codigo']}", {"umbral_merma": "mucho"}, token=saai_token
    )
    assert answer.status_code == 400
    assert answer.data["campos"][0]["campo"] == "umbral_merma"


# GuardarNotificacion --------------------------------------------------------


def alert_message(tenant, tipo="stock_agotado", severity="CRITICAL", alert_id=None):
    return {
        "id": alert_id or alertas.new_alert_id(clock.now()),
        "tenant_id": tenant,
        "severity": severity,
        "tipo": tipo,
        "mensaje": "Stock agotado: Arroz (T001P001).",
        "entidad": f"{tenant}P001",
        "en": clock.now_iso(),
    }


def stored(tenant):
    return list(dynamo.query_all("t_notificaciones", tenant, prefix="N#"))


def test_duplicate_sns_delivery_is_stored_once(shop):
    from app import app

    tenant = shop["codigo"]
    message = json.dumps(alert_message(tenant))
    with Client(app) as client:
        event = client.events.generate_sns_event(message=message, subject="s")
        client.lambda_.invoke("guardar_notificacion", event)
        client.lambda_.invoke("guardar_notificacion", event)

    [record] = stored(tenant)
    assert record["leida"] is False
    assert set(notificaciones.public(record)) >= {
        "id",
        "tipo",
        "severity",
        "mensaje",
        "entidad",
        "en",
        "leida",
    }


def test_the_same_alert_published_twice_is_one_notification(shop):
    tenant = shop["codigo"]
    alert = alert_message(tenant)
    for _ in range(2):
        sns.publish_alert(alert, "s", "t")  # SNS accepted it twice (a retried drain)
        notificaciones.receive(json.dumps(alert), "distinto")

    assert len(stored(tenant)) == 1


def test_a_message_that_is_not_an_alert_is_dropped(shop):
    notificaciones.receive("no es json", "m1")
    notificaciones.receive(json.dumps({"tenant_id": shop["codigo"]}), "m2")

    assert stored(shop["codigo"]) == []
