"""The notification centre: GET /notificaciones and POST /notificaciones/{id}/leida."""

import json
from datetime import timedelta

from chalicelib import clock
from chalicelib.services import alertas, notificaciones


def deliver(tenant, tipo="stock_agotado", severity="CRITICAL", minutes_ago=0):
    """What GuardarNotificacion receives from the bus; returns the alert id."""
    moment = clock.now() - timedelta(minutes=minutes_ago)
    alert = {
        "id": alertas.new_alert_id(moment),
        "tenant_id": tenant,
        "severity": severity,
        "tipo": tipo,
        "mensaje": f"{tipo} de prueba",
        "entidad": f"{tenant}P001",
        "en": clock.iso(moment),
    }
    notificaciones.receive(json.dumps(alert), "m")
    return alert["id"]


def ids(answer):
    return [item["id"] for item in answer.data["items"]]


def test_owner_lists_every_notification_newest_first(api, shop):
    tenant = shop["codigo"]
    older = deliver(tenant, "venta_anulada", "WARNING", minutes_ago=5)
    newer = deliver(tenant, "stock_bajo", "WARNING", minutes_ago=1)

    answer = api.call("GET", "/notificaciones", token=shop["owner"])

    assert answer.status_code == 200
    assert ids(answer) == [newer, older]
    first = answer.data["items"][0]
    assert set(first) >= {"id", "tipo", "severity", "mensaje", "entidad", "en", "leida"}
    assert "tenant_id" not in first and answer.data["siguiente"] is None


def test_worker_sees_only_operational_notifications(api, shop):
    tenant = shop["codigo"]
    low = deliver(tenant, "stock_bajo", "WARNING")
    deliver(tenant, "venta_anulada", "WARNING")
    deliver(tenant, "merma_alta", "WARNING")

    answer = api.call("GET", "/notificaciones", token=shop["worker"])

    assert ids(answer) == [low]


def test_unread_filter_and_marking_read(api, shop):
    tenant = shop["codigo"]
    first = deliver(tenant, minutes_ago=2)
    second = deliver(tenant, minutes_ago=1)

    marked = api.call("POST", f"/notificaciones/{first}/leida", token=shop["worker"])

    assert marked.status_code == 200
    assert marked.data["leida"] is True and marked.data["leida_por"] == shop["worker_code"]
    unread = api.call("GET", "/notificaciones?no_leidas=true", token=shop["owner"])
    assert ids(unread) == [second]
    every = api.call("GET", "/notificaciones?no_leidas=false", token=shop["owner"])
    assert ids(every) == [second, first]


def test_marking_read_twice_keeps_the_first_reader(api, shop):
    alert_id = deliver(shop["codigo"])
    first = api.call("POST", f"/notificaciones/{alert_id}/leida", token=shop["worker"]).data
    again = api.call("POST", f"/notificaciones/{alert_id}/leida", token=shop["owner"]).data
    assert again["leida_por"] == first["leida_por"] and again["leida_en"] == first["leida_en"]


def test_worker_cannot_mark_what_they_cannot_see(api, shop):
    hidden = deliver(shop["codigo"], "venta_anulada", "WARNING")
    answer = api.call("POST", f"/notificaciones/{hidden}/leida", token=shop["worker"])
    assert answer.status_code == 404


def test_other_shop_never_sees_or_marks_these_notifications(api, shop, other_shop):
    mine = deliver(shop["codigo"])

    listed = api.call("GET", "/notificaciones", token=other_shop["owner"])
    marked = api.call("POST", f"/notificaciones/{mine}/leida", token=other_shop["owner"])

    assert listed.data["items"] == []
    assert marked.status_code == 404
    assert (
        api.call("GET", "/notificaciones", token=shop["owner"]).data["items"][0]["leida"] is False
    )


def test_paging_reaches_every_notification(api, shop):
    tenant = shop["codigo"]
    created = [deliver(tenant, minutes_ago=n) for n in range(5)]

    seen, siguiente = [], None
    while True:
        query = "/notificaciones?limite=2" + (f"&siguiente={siguiente}" if siguiente else "")
        answer = api.call("GET", query, token=shop["owner"])
        seen += ids(answer)
        siguiente = answer.data["siguiente"]
        if not siguiente:
            break

    assert seen == created  # created newest first


def test_bad_input_is_a_400_or_404_never_a_500(api, shop):
    assert (
        api.call("GET", "/notificaciones?no_leidas=quizas", token=shop["owner"]).status_code == 400
    )
    assert api.call("GET", "/notificaciones?limite=0", token=shop["owner"]).status_code == 400
    for bad in ("nada", "20261204101500-XYZ", "T002V001"):
        answer = api.call("POST", f"/notificaciones/{bad}/leida", token=shop["owner"])
        assert answer.status_code == 404


def test_platform_role_and_anonymous_callers_are_refused(api, saai_token):
    assert api.call("GET", "/notificaciones", token=saai_token).status_code == 403
    assert api.call("GET", "/notificaciones").status_code == 401


def test_tenant_in_query_is_refused(api, shop, other_shop):
    answer = api.call(
        "GET", f"/notificaciones?tenant_id={other_shop['codigo']}", token=shop["owner"]
    )
    assert answer.status_code == 400
