"""What the deploy template adds for the alert bus and the WebSocket emitter."""

import pytest

from chalicelib import infra
from chalicelib.config import STREAM_FROM_TEMPLATE
from chalicelib.tables import BY_NAME
from tools import template


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_outbox_stream_feeds_the_publishing_function(stage):
    from app import app

    resources = template.build(stage)["Resources"]

    assert infra.OUTBOX_FUNCTION in app.handler_map
    function = resources["PublicarAlertasPendientes"]
    [source] = function["Properties"]["Events"].values()
    assert source["Properties"]["Stream"] == {"Fn::GetAtt": ["TAlertasPendientes", "StreamArn"]}
    table = resources["TAlertasPendientes"]["Properties"]
    assert table["StreamSpecification"] == {"StreamViewType": "NEW_IMAGE"}
    assert BY_NAME[infra.OUTBOX_TABLE].stream


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_every_function_learns_the_topic_arn_and_the_websocket_endpoint(stage):
    variables = template.build(stage)["Globals"]["Function"]["Environment"]["Variables"]
    env = infra.stage_environment(stage)

    assert variables["ALERTAS_TOPIC_ARN"] == {"Ref": "AlertasSAAITopic"}
    assert variables["WS_MANAGEMENT_URL"]["Fn::Sub"].startswith("https://${WebsocketAPI}.")
    assert "WS_MANAGEMENT_URL" not in env and "ALERTAS_TOPIC_ARN" not in env  # else they win
    assert env["SAAI_DRENAR_ALERTAS_EN_LINEA"] == "0"  # the stream publishes deployed


def test_the_local_stage_publishes_inline_and_nothing_names_a_real_stream():
    assert infra.stage_environment("local")["SAAI_DRENAR_ALERTAS_EN_LINEA"] == "1"
    for stage in ("local", "dev", "prod"):
        assert "ALERTAS_PENDIENTES_STREAM_ARN" not in infra.stage_environment(stage)
    assert STREAM_FROM_TEMPLATE.endswith("/stream/de-la-plantilla")
