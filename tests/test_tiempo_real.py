"""Live notices: $connect checks, EmitirEventosWs, and the local WebSocket gateway.

Every test here talks to a real gateway on 127.0.0.1 through a real WebSocket
client; the gateway calls the app's handlers, which run against moto.
"""

import json
from datetime import timedelta

import boto3
import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from chalicelib import clock, config
from chalicelib.adapters import dynamo
from chalicelib.services import avisos, notificaciones, tiempo_real
from tests.apoyo_alertas import change
from tools.local import correo, sns_lambda, ws_gateway

QUIET = 0.4


@pytest.fixture
def gateway(monkeypatch):
    from app import app

    running = ws_gateway.start("127.0.0.1", 0, app)
    monkeypatch.setenv("WS_MANAGEMENT_URL", running.management_url)
    config.reset()
    yield running
    running.stop()


def open_socket(gateway, token):
    return connect(f"{gateway.ws_url}/?token={token}", open_timeout=5, close_timeout=2)


def refused(gateway, token) -> int:
    with pytest.raises(InvalidStatus) as refusal:
        open_socket(gateway, token)
    return refusal.value.response.status_code


def receive(socket) -> dict:
    return json.loads(socket.recv(timeout=5))


def silent(socket) -> bool:
    try:
        socket.recv(timeout=QUIET)
    except TimeoutError:
        return True
    return False


def stored(tenant, rol=""):
    return list(dynamo.query_all("t_ws_connections", tenant, prefix=rol))


def management(gateway):
    return boto3.client(
        "apigatewaymanagementapi", endpoint_url=gateway.management_url, region_name="us-east-1"
    )


# $connect and $disconnect ---------------------------------------------------


def test_connection_is_stored_per_shop_role_and_user_until_it_closes(gateway, shop):
    with open_socket(gateway, shop["owner"]):
        [record] = stored(shop["codigo"])
        assert (record["rol"], record["usuario"]) == ("administrador", f"{shop['codigo']}U001")
        assert record["expira"] <= int((clock.now() + timedelta(hours=2)).timestamp()) + 1
        [connection_id] = gateway.connection_ids()
        assert record["conexion"] == connection_id

    assert gateway.wait_until_closed(connection_id)
    assert stored(shop["codigo"]) == []
    assert dynamo.get("t_ws_connections", f"CONEXION#{connection_id}", "CONEXION") is None


def test_connect_without_a_good_token_is_refused_and_stores_nothing(gateway, shop):
    assert refused(gateway, "") == 401
    assert refused(gateway, "no.es.jwt") == 401
    assert refused(gateway, shop["owner"][:-4] + "AAAA") == 401
    assert stored(shop["codigo"]) == []


def test_expired_token_is_refused(gateway, shop):
    with clock.frozen(clock.now() + timedelta(hours=9)):
        assert refused(gateway, shop["owner"]) == 401


def test_revoked_token_is_refused(gateway, api, shop):
    assert api.call("POST", "/logout", token=shop["worker"]).status_code == 204
    assert refused(gateway, shop["worker"]) == 401


def test_suspended_shop_is_refused(gateway, api, saai_token, shop):
    api.call("PATCH", f"/tiendas/{shop['codigo']}", {"estado": "SUSPENDIDA"}, token=saai_token)
    assert refused(gateway, shop["owner"]) == 401


# EmitirEventosWs -------------------------------------------------------------


def test_notice_reaches_only_its_shop_and_roles(gateway, shop, other_shop):
    tenant = shop["codigo"]
    with (
        open_socket(gateway, shop["owner"]) as owner,
        open_socket(gateway, shop["worker"]) as worker,
        open_socket(gateway, other_shop["owner"]) as stranger,
    ):
        avisos.after_commit(tenant, [avisos.Notice("venta_registrada", f"{tenant}V001")])

        for socket in (owner, worker):
            notice = receive(socket)
            assert set(notice) == {"tipo", "entidad", "en"}
            assert (notice["tipo"], notice["entidad"]) == ("venta_registrada", f"{tenant}V001")
        assert silent(stranger)

        owners_only = avisos.Notice("analitica_actualizada", "2026-12-04", ("administrador",))
        avisos.after_commit(tenant, [owners_only])

        assert receive(owner)["tipo"] == "analitica_actualizada"
        assert silent(worker) and silent(stranger)


def test_gone_connection_is_removed_and_never_fails_the_operation(gateway, shop):
    tenant = shop["codigo"]
    tiempo_real.connect("Y2VycmFkYQ==", shop["worker"])  # $disconnect never arrived
    assert len(stored(tenant, "trabajador#")) == 1

    with open_socket(gateway, shop["worker"]) as live:
        avisos.after_commit(tenant, [avisos.Notice("gasto_registrado", f"{tenant}G001")])
        assert receive(live)["tipo"] == "gasto_registrado"

    [record] = stored(tenant, "trabajador#") or [None]
    assert record is None or record["conexion"] != "Y2VycmFkYQ=="
    assert dynamo.get("t_ws_connections", "CONEXION#Y2VycmFkYQ==", "CONEXION") is None


def test_expired_connection_records_are_skipped_and_removed(gateway, shop):
    tenant = shop["codigo"]
    with open_socket(gateway, shop["owner"]) as owner:
        with clock.frozen(clock.now() + timedelta(hours=3)):
            sent = tiempo_real.emit(tenant, tiempo_real.Notice("venta_registrada", "x"))
        assert sent == 0 and silent(owner)
    assert stored(tenant) == []


def test_emitting_without_a_gateway_configured_is_quietly_nothing(shop):
    assert tiempo_real.emit(shop["codigo"], tiempo_real.Notice("venta_registrada", "x")) == 0


def test_ping_gets_a_pong(gateway, shop):
    with open_socket(gateway, shop["worker"]) as socket:
        socket.send(json.dumps({"accion": "ping"}))
        assert receive(socket)["tipo"] == "pong"
        socket.send("hola")
        assert silent(socket)


# The gateway's management API, as AWS answers it -----------------------------


def test_post_to_a_connection_the_client_closed_is_a_410_gone(gateway, shop):
    with open_socket(gateway, shop["owner"]) as socket:
        [connection_id] = gateway.connection_ids()
        management(gateway).post_to_connection(ConnectionId=connection_id, Data=b'{"tipo":"x"}')
        assert receive(socket) == {"tipo": "x"}
    assert gateway.wait_until_closed(connection_id)

    with pytest.raises(management(gateway).exceptions.GoneException):
        management(gateway).post_to_connection(ConnectionId=connection_id, Data=b"{}")
    with pytest.raises(management(gateway).exceptions.GoneException):
        management(gateway).get_connection(ConnectionId=connection_id)


def test_get_describes_and_delete_closes_a_connection(gateway, shop):
    with open_socket(gateway, shop["owner"]) as socket:
        [connection_id] = gateway.connection_ids()
        described = management(gateway).get_connection(ConnectionId=connection_id)
        assert described["Identity"]["SourceIp"] == "127.0.0.1"
        assert described["ConnectedAt"] <= described["LastActiveAt"]

        management(gateway).delete_connection(ConnectionId=connection_id)

        with pytest.raises(ConnectionClosed):
            socket.recv(timeout=5)
    assert gateway.wait_until_closed(connection_id)
    assert stored(shop["codigo"]) == []


def test_connect_handler_sees_an_api_gateway_shaped_event(shop):
    from app import app

    seen = []
    handler = app.websocket_handlers["$connect"]
    original = app.handler_map[handler.name]
    app.handler_map[handler.name] = lambda event, context: (
        seen.append(event) or original(event, context)
    )
    try:
        running = ws_gateway.start("127.0.0.1", 0, app)
        with connect(f"{running.ws_url}/?token={shop['owner']}&x=1", open_timeout=5):
            pass
        running.stop()
    finally:
        app.handler_map[handler.name] = original

    [event] = seen
    context = event["requestContext"]
    assert (context["routeKey"], context["eventType"], context["stage"]) == (
        "$connect",
        "CONNECT",
        "api",
    )
    assert context["connectionId"] and context["domainName"].startswith("127.0.0.1:")
    assert event["queryStringParameters"] == {"token": shop["owner"], "x": "1"}


# The alert's whole local path -------------------------------------------------


def test_alert_reaches_notifications_mail_and_live_notice_locally(
    gateway, api, saai_token, tmp_path, monkeypatch
):
    """Sale commits -> outbox -> SNS -> GuardarNotificacion (via the local bridge) ->
    t_notificaciones -> alerta_nueva on the shop's sockets; and the owner's mail."""
    from app import guardar_notificacion

    mail = correo.start(0, tmp_path)
    monkeypatch.setenv("SAAI_EMAIL_VIA_HTTP", mail.url)
    config.reset()
    bridge = sns_lambda.start(0, guardar_notificacion)
    sns_lambda.subscribe(bridge)
    try:
        from tests.conftest import open_shop

        tenant = open_shop(api, saai_token)["codigo_tienda"]
        owner_token = api.login("administrador", "rosita", tienda=tenant)
        with open_socket(gateway, owner_token) as owner:
            actions = avisos.alert_actions(tenant, [change(1, 0, codigo=f"{tenant}P001")])
            dynamo.transact(actions)
            avisos.after_commit(tenant, [avisos.Notice("venta_registrada", f"{tenant}V001")])

            assert receive(owner)["tipo"] == "venta_registrada"
            notice = receive(owner)
            assert notice["tipo"] == "alerta_nueva"

        [record] = notificaciones.list_page(tenant, "administrador").items
        assert (record["id"], record["tipo"]) == (notice["entidad"], "stock_agotado")
        assert len(list(tmp_path.glob("*.eml"))) == 1
    finally:
        bridge.stop()
        mail.stop()
