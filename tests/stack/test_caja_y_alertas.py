"""Black-box: the till, the stock room, alerts, mail and live notices on the
running local stack, as issues of concurrency and delivery only show there."""

import asyncio
import json
import threading
import time
import uuid

import pytest
import websockets

from tools.local.seed import credentials

pytestmark = pytest.mark.stack


def _open_shop(stack, nombre: str, usuario: str) -> dict:
    saai = credentials()[0]
    token = stack.login("saai", saai.usuario, saai.password)
    status, shop, _ = stack.request(
        "POST",
        "/tiendas",
        {
            "nombre": nombre,
            "administrador": {
                "nombre": f"Dueño {nombre}",
                "usuario": usuario,
                "password": f"{usuario}-clave-1",
                "email": f"{usuario}@example.com",
            },
        },
        token=token,
    )
    assert status == 201, shop
    codigo = shop["codigo_tienda"]
    owner = stack.login("administrador", usuario, f"{usuario}-clave-1", codigo)
    stack.request(
        "POST",
        "/usuarios",
        {"nombre": "Caja", "usuario": "caja", "password": "caja-clave-1"},
        token=owner,
    )
    worker = stack.login("trabajador", "caja", "caja-clave-1", codigo)
    return {"codigo": codigo, "owner": owner, "worker": worker, "email": f"{usuario}@example.com"}


@pytest.fixture(scope="module")
def shops(stack):
    return _open_shop(stack, "Bodega Uno", "uno"), _open_shop(stack, "Bodega Dos", "dos")


def _product(stack, token, nombre, stock, stock_minimo=0, precio="2.50"):
    status, product, _ = stack.request(
        "POST",
        "/productos",
        {
            "nombre": nombre,
            "precio": precio,
            "costo": "1.00",
            "stock": stock,
            "stock_minimo": stock_minimo,
        },
        token=token,
    )
    assert status == 201, product
    return product


def _sell(stack, token, codigo, cantidad=1, key=None):
    headers = {"Idempotency-Key": key} if key else None
    body = {"items": [{"producto": codigo, "cantidad": cantidad}], "metodo_pago": "EFECTIVO"}
    return stack.request("POST", "/ventas", body, token=token, headers=headers)


def _kardex(stack, token, codigo):
    status, page, _ = stack.request("GET", f"/productos/{codigo}/kardex?limite=200", token=token)
    assert status == 200
    return page["items"]


def test_twenty_concurrent_sales_of_five_units_sell_exactly_five(stack, shops):
    shop = shops[0]
    product = _product(stack, shop["owner"], "Gaseosa 500 ml", stock=5)
    answers = []

    def sell():
        answers.append(_sell(stack, shop["worker"], product["codigo"]))

    threads = [threading.Thread(target=sell) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = sorted(status for status, _, _ in answers)
    assert statuses.count(201) == 5
    assert statuses.count(409) == 15
    refusal = next(body for status, body, _ in answers if status == 409)
    assert refusal["error"] == "STOCK_INSUFICIENTE"
    _, current, _ = stack.request("GET", f"/productos/{product['codigo']}", token=shop["owner"])
    assert current["stock"] == 0
    rows = _kardex(stack, shop["owner"], product["codigo"])
    ventas = [r for r in rows if r["tipo"] == "VENTA"]
    assert len(ventas) == 5
    assert sum(r["cantidad"] for r in rows) == 0
    assert rows[0]["saldo"] == 0
    balances = [r["saldo"] for r in reversed(rows)]
    assert balances == [5, 4, 3, 2, 1, 0]


def test_an_idempotent_retry_returns_the_first_sale_and_sells_nothing_more(stack, shops):
    shop = shops[0]
    product = _product(stack, shop["owner"], "Galletas", stock=10)
    key = str(uuid.uuid4())

    first = _sell(stack, shop["worker"], product["codigo"], 2, key)
    retry = _sell(stack, shop["worker"], product["codigo"], 2, key)

    assert first[0] == 201 and retry[0] == 201
    assert retry[1]["codigo"] == first[1]["codigo"]
    _, current, _ = stack.request("GET", f"/productos/{product['codigo']}", token=shop["owner"])
    assert current["stock"] == 8


def test_a_void_restores_the_stock_and_keeps_the_sale(stack, shops):
    shop = shops[0]
    product = _product(stack, shop["owner"], "Arroz 1 kg", stock=4)
    _, sale, _ = _sell(stack, shop["worker"], product["codigo"], 3)

    status, voided, _ = stack.request(
        "POST",
        f"/ventas/{sale['codigo']}/anular",
        {"motivo": "Cobro equivocado"},
        token=shop["worker"],
    )

    assert status == 200, voided
    assert voided["estado"] == "ANULADA"
    _, current, _ = stack.request("GET", f"/productos/{product['codigo']}", token=shop["owner"])
    assert current["stock"] == 4
    assert _kardex(stack, shop["owner"], product["codigo"])[0]["tipo"] == "ANULACION"


def _run(scenario) -> None:
    """Run an async scenario in its own thread: the browser tests' Playwright
    keeps an event loop running in the main thread of the same session."""
    failures = []

    def target():
        try:
            asyncio.run(scenario())
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            failures.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "the WebSocket scenario did not finish"
    if failures:
        raise failures[0]


def _wait_for(check, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    return None


def test_a_stock_out_lands_in_the_notification_centre_and_in_that_shops_mail_only(stack, shops):
    uno, dos = shops
    product = _product(stack, uno["owner"], "Leche evaporada", stock=1, stock_minimo=1)

    assert _sell(stack, uno["worker"], product["codigo"])[0] == 201

    def critical():
        _, page, _ = stack.request("GET", "/notificaciones?no_leidas=true", token=uno["owner"])
        return [
            n
            for n in page["items"]
            if n["severity"] == "CRITICAL" and n["entidad"] == product["codigo"]
        ]

    assert critical(), (
        "the stock-out alert is in the owner's notification centre" if _wait_for(critical) else None
    )
    mail = stack.data / "correo"

    def mails():
        return [p for p in mail.glob("*.eml") if product["codigo"] in p.read_text(errors="replace")]

    found = _wait_for(mails)
    assert found and len(found) == 1
    text = found[0].read_text(errors="replace")
    assert uno["email"] in text
    assert dos["email"] not in text
    assert not [p for p in mail.glob("*.eml") if dos["email"] in p.read_text(errors="replace")]
    _, theirs, _ = stack.request("GET", "/notificaciones", token=dos["owner"])
    assert not [n for n in theirs["items"] if n["entidad"] == product["codigo"]]


def test_a_sale_notifies_the_shops_open_sockets_and_no_other_shops(stack, shops):
    uno, dos = shops
    product = _product(stack, uno["owner"], "Pan", stock=10)

    async def scenario():
        async with (
            websockets.connect(f"{stack.ws_url}?token={uno['owner']}") as mine,
            websockets.connect(f"{stack.ws_url}?token={dos['owner']}") as theirs,
        ):
            await asyncio.sleep(0.3)
            status, sale, _ = await asyncio.to_thread(
                _sell, stack, uno["worker"], product["codigo"]
            )
            assert status == 201
            notices = []
            while True:
                notice = json.loads(await asyncio.wait_for(mine.recv(), timeout=10))
                notices.append(notice)
                if notice["tipo"] == "venta_registrada":
                    break
            assert notices[-1]["entidad"] == sale["codigo"]
            assert set(notices[-1]) == {"tipo", "entidad", "en"}
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(theirs.recv(), timeout=1.5)

    _run(scenario)


def test_a_socket_with_a_bad_token_is_refused(stack):
    async def scenario():
        with pytest.raises(websockets.exceptions.InvalidStatus):
            async with websockets.connect(f"{stack.ws_url}?token=no-es-un-token"):
                pass

    _run(scenario)
