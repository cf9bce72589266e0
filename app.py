"""SAAI's Chalice application: wiring only. Routes live in ``chalicelib.api``.

Besides the REST API, this file wires the functions that are not routes: the
alert bus (``GuardarNotificacion``, the outbox's stream and schedule), the
email subscriptions' retry, and the WebSocket API. Chalice only wraps WebSocket
handlers declared on the app itself, so they are here rather than in a
blueprint. Each of them first clears the log keys a previous invocation bound.
"""

from chalice import Chalice, Rate

from chalicelib.adapters import dynamo
from chalicelib.api import (
    authorizer,
    gastos,
    notificaciones,
    productos,
    sesion,
    tiendas,
    usuarios,
    ventas,
)
from chalicelib.config import settings
from chalicelib.logs import bind_request
from chalicelib.services import alertas, suscripciones, tiempo_real
from chalicelib.services import notificaciones as notificaciones_service

app = Chalice(app_name="saai")
app.debug = False
app.experimental_feature_flags.update(["WEBSOCKETS"])

app.register_blueprint(authorizer.bp)
app.register_blueprint(sesion.bp)
app.register_blueprint(tiendas.bp)
app.register_blueprint(usuarios.bp)
app.register_blueprint(productos.bp)
app.register_blueprint(ventas.bp)
app.register_blueprint(gastos.bp)
app.register_blueprint(notificaciones.bp)


@app.on_sns_message(topic=settings().alerts_topic)
def guardar_notificacion(event):
    bind_request(None, None, None)
    record = event.to_dict()["Records"][0]["Sns"]
    notificaciones_service.receive(record["Message"], record.get("MessageId"))


@app.on_dynamodb_record(stream_arn=settings().outbox_stream_arn, batch_size=25)
def publicar_alertas_pendientes(event):
    bind_request(None, None, None)
    keys = [
        (dynamo.load(r.keys["tenant_id"]), dynamo.load(r.keys["entity_id"]))
        for r in event
        if r.event_name == "INSERT"
    ]
    alertas.drain_keys(keys)


@app.schedule(Rate(1, unit=Rate.MINUTES))
def reintentar_alertas(event):
    bind_request(None, None, None)
    alertas.drain_outbox()


@app.schedule(Rate(10, unit=Rate.MINUTES))
def reintentar_suscripciones(event):
    bind_request(None, None, None)
    suscripciones.retry_pending()


@app.on_ws_connect()
def conectar(event):
    bind_request(None, None, None)
    query = event.to_dict().get("queryStringParameters") or {}
    return {"statusCode": tiempo_real.connect(event.connection_id, query.get("token"))}


@app.on_ws_disconnect()
def desconectar(event):
    bind_request(None, None, None)
    tiempo_real.disconnect(event.connection_id)


@app.on_ws_message()
def mensaje(event):
    bind_request(None, None, None)
    tiempo_real.answer(event.connection_id, event.body)
