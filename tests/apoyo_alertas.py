"""Fixtures and helpers for the alert bus, notifications and WebSocket tests.

``conftest`` loads this module as a plugin, so its fixtures are everywhere. Everything runs against
moto (``conftest.aws_emulated``) and, where a real network peer is needed,
against servers on 127.0.0.1 that the fixture starts and stops.
"""

import json
from decimal import Decimal

import pytest

from chalicelib import config
from chalicelib.adapters import aws, sns, websocket
from chalicelib.domain.alertas import StockChange
from chalicelib.services import alertas


@pytest.fixture(autouse=True)
def fresh_adapters(monkeypatch):
    for name in ("WS_MANAGEMENT_URL", "SAAI_EMAIL_VIA_HTTP", "ALERTAS_TOPIC_ARN"):
        monkeypatch.delenv(name, raising=False)
    config.reset()
    sns.reset()
    websocket.reset()
    alertas.reset()
    yield
    sns.reset()
    websocket.reset()


def product(codigo="T001P001", nombre="Arroz Costeño 5kg", stock_minimo=5, costo="18.50"):
    return {
        "codigo": codigo,
        "nombre": nombre,
        "stock_minimo": Decimal(str(stock_minimo)),
        "costo": Decimal(costo),
        "precio": Decimal("22.90"),
    }


def change(antes, despues, motivo="VENTA", referencia="T001V001", **producto) -> StockChange:
    antes, despues = Decimal(str(antes)), Decimal(str(despues))
    return StockChange(product(**producto), antes, despues, motivo, referencia)


class BusTap:
    """An SQS queue subscribed to the whole topic: what SNS accepted, with attributes."""

    def __init__(self):
        self.sqs = aws.client("sqs")
        self.url = self.sqs.create_queue(QueueName="escucha-alertas")["QueueUrl"]
        arn = self.sqs.get_queue_attributes(QueueUrl=self.url, AttributeNames=["QueueArn"])
        aws.client("sns").subscribe(
            TopicArn=sns.topic_arn(),
            Protocol="sqs",
            Endpoint=arn["Attributes"]["QueueArn"],
            Attributes={"RawMessageDelivery": "true"},
        )

    def messages(self) -> list[dict]:
        """Each message as ``{"alerta": ..., "atributos": {name: (type, value)}}``."""
        found = []
        while True:
            answer = self.sqs.receive_message(
                QueueUrl=self.url, MaxNumberOfMessages=10, MessageAttributeNames=["All"]
            )
            batch = answer.get("Messages", [])
            if not batch:
                return found
            for message in batch:
                attributes = {
                    name: (value["DataType"], value["StringValue"])
                    for name, value in message.get("MessageAttributes", {}).items()
                }
                found.append({"alerta": json.loads(message["Body"]), "atributos": attributes})
                self.sqs.delete_message(QueueUrl=self.url, ReceiptHandle=message["ReceiptHandle"])


@pytest.fixture
def bus_tap():
    return BusTap()


def break_topic() -> None:
    """Make SNS refuse publishes (the topic is gone) until ``mend_topic``."""
    aws.client("sns").delete_topic(TopicArn=sns.topic_arn())


def mend_topic() -> None:
    aws.client("sns").create_topic(Name=config.settings().alerts_topic)
