"""Sales: registering at catalogue prices, refusing what is not there, retries, voids."""

import threading
from datetime import datetime
from decimal import Decimal

import pytest

from chalicelib import clock
from chalicelib.adapters import aws
from chalicelib.domain.ventas import VentaNueva
from chalicelib.errors import InsufficientStockError
from chalicelib.services import ventas
from tests.helpers import create_product, kardex, sell, stock_of


class DynamoCalls:
    """Counts the DynamoDB API calls made through the shared client."""

    def __init__(self):
        self.names: list[str] = []

    def __enter__(self):
        aws.client("dynamodb").meta.events.register("before-call.dynamodb.*", self._count)
        return self

    def __exit__(self, *exc):
        aws.client("dynamodb").meta.events.unregister("before-call.dynamodb.*", self._count)

    def _count(self, model, **kwargs):
        self.names.append(model.name)


def sales_of_today(api, token) -> list[dict]:
    return api.call("GET", "/ventas?limite=200", token=token).data["items"]


class TestRegisterSale:
    def test_sale_uses_catalogue_prices_and_lowers_stock(self, api, shop):
        arroz = create_product(api, shop["owner"], precio="4.50", stock=10)
        aceite = create_product(api, shop["owner"], nombre="Aceite Primor 1 L", precio="11.90")

        response = sell(api, shop["worker"], [(arroz["codigo"], 2), (aceite["codigo"], 1)], "YAPE")

        assert response.status_code == 201
        sale = response.data
        assert sale["codigo"] == f"{shop['codigo']}V001"
        assert sale["vendedor"] == shop["worker_code"]
        assert sale["metodo_pago"] == "YAPE"
        assert sale["fecha"].endswith("-05:00")
        assert [
            (i["producto"], i["nombre"], i["cantidad"], i["precio_unitario"], i["subtotal"])
            for i in sale["items"]
        ] == [
            (arroz["codigo"], "Arroz Costeño 750 g", 2, 4.5, 9.0),
            (aceite["codigo"], "Aceite Primor 1 L", 1, 11.9, 11.9),
        ]
        assert sale["total"] == 20.9
        assert stock_of(api, shop["owner"], arroz["codigo"]) == 8

    def test_float_price_times_three_is_exact(self, api, shop):
        product = create_product(api, shop["owner"], precio=30.40)
        response = sell(api, shop["worker"], [(product["codigo"], 3)])
        assert response.status_code == 201
        assert b'"total": 91.2' in response.body
        stored = ventas.get(shop["codigo"], response.data["codigo"])
        assert stored["total"] == Decimal("91.20")
        assert stored["items"][0]["subtotal"] == Decimal("91.20")

    def test_sale_writes_a_kardex_row_with_the_balance(self, api, shop):
        product = create_product(api, shop["owner"], stock=7)
        sale = sell(api, shop["worker"], [(product["codigo"], 3)]).data
        row = kardex(api, shop["owner"], product["codigo"])[0]
        assert (row["tipo"], row["cantidad"], row["saldo"], row["referencia"]) == (
            "VENTA",
            -3,
            4,
            sale["codigo"],
        )

    def test_repeated_product_lines_are_merged(self, api, shop):
        product = create_product(api, shop["owner"], stock=5)
        sale = sell(api, shop["worker"], [(product["codigo"], 1), (product["codigo"], 2)]).data
        assert [i["cantidad"] for i in sale["items"]] == [3]
        assert stock_of(api, shop["owner"], product["codigo"]) == 2

    def test_kilos_are_sold_by_fraction(self, api, shop):
        product = create_product(api, shop["owner"], unidad="KG", precio="6.90", stock=10)
        sale = sell(api, shop["worker"], [(product["codigo"], "0.750")]).data
        assert sale["total"] == 5.18
        assert stock_of(api, shop["owner"], product["codigo"]) == Decimal("9.25")

    def test_a_sale_takes_at_most_three_dynamodb_calls(self, api, shop):
        codes = [create_product(api, shop["owner"], nombre=f"P{i}")["codigo"] for i in range(5)]
        with DynamoCalls() as calls:
            sale = ventas.register(
                shop["codigo"],
                VentaNueva(
                    items=[{"producto": c, "cantidad": 1} for c in codes], metodo_pago="EFECTIVO"
                ),
                vendedor=shop["worker_code"],
            )
        assert sale["total"] == Decimal("22.50")
        assert sorted(calls.names) == ["BatchGetItem", "TransactWriteItems", "UpdateItem"]

    def test_a_sale_with_an_idempotency_key_adds_only_the_keys_two_calls(self, api, shop):
        codigo = create_product(api, shop["owner"])["codigo"]
        body = VentaNueva(items=[{"producto": codigo, "cantidad": 1}], metodo_pago="EFECTIVO")
        with DynamoCalls() as calls:
            ventas.register_once(shop["codigo"], body, shop["worker_code"], clave="k-1")
        assert sorted(calls.names) == [
            "BatchGetItem",
            "PutItem",
            "TransactWriteItems",
            "UpdateItem",
            "UpdateItem",
        ]


class TestInsufficientStock:
    def test_second_line_without_stock_refuses_the_whole_sale(self, api, shop):
        first = create_product(api, shop["owner"], stock=5)
        second = create_product(api, shop["owner"], nombre="Leche Gloria", stock=1)

        response = sell(api, shop["worker"], [(first["codigo"], 2), (second["codigo"], 3)])

        assert response.status_code == 409
        assert response.data["error"] == "STOCK_INSUFICIENTE"
        assert second["codigo"] in response.data["mensaje"]
        assert "hay 1" in response.data["mensaje"]
        assert response.data["campos"] == [
            {"campo": "items[1].cantidad", "mensaje": "Disponible: 1."}
        ]
        assert stock_of(api, shop["owner"], first["codigo"]) == 5
        assert len(kardex(api, shop["owner"], first["codigo"])) == 1
        assert sales_of_today(api, shop["owner"]) == []

    def test_deleted_product_cannot_be_sold(self, api, shop):
        product = create_product(api, shop["owner"])
        api.call("DELETE", f"/productos/{product['codigo']}", token=shop["owner"])
        response = sell(api, shop["worker"], [(product["codigo"], 1)])
        assert response.status_code == 404
        assert response.data["campos"][0]["campo"] == "items[0].producto"

    def test_refused_sale_consumes_no_sale_code(self, api, shop):
        product = create_product(api, shop["owner"], stock=1)
        assert sell(api, shop["worker"], [(product["codigo"], 2)]).status_code == 409
        assert sell(api, shop["worker"], [(product["codigo"], 1)]).data["codigo"].endswith("V001")


class TestConcurrentSales:
    def test_two_sales_of_the_last_unit_at_once_accept_exactly_one(self, api, shop):
        """Both sales read one unit before either writes; only one decrement may commit.

        moto does not serialise concurrent requests as DynamoDB does, so the hooks
        make the emulator's transactions one at a time (as DynamoDB's are) and hold
        each sale after its read until both have read.
        """
        codigo = create_product(api, shop["owner"], stock=1)["codigo"]
        events = aws.client("dynamodb").meta.events
        both_read = threading.Barrier(2, timeout=10)
        one_transaction = threading.Lock()
        seen = threading.local()

        def after_read(**kwargs):
            if not getattr(seen, "read", False):
                seen.read = True
                both_read.wait()

        events.register("after-call.dynamodb.BatchGetItem", after_read)

        def one_at_a_time(**kwargs):
            one_transaction.acquire()

        def next_one(**kwargs):
            one_transaction.release()

        events.register("before-call.dynamodb.TransactWriteItems", one_at_a_time)
        events.register("after-call.dynamodb.TransactWriteItems", next_one)
        outcomes: list = []

        def sale():
            body = VentaNueva(items=[{"producto": codigo, "cantidad": 1}], metodo_pago="EFECTIVO")
            try:
                outcomes.append(
                    ventas.register(shop["codigo"], body, shop["worker_code"])["codigo"]
                )
            except InsufficientStockError as exc:
                outcomes.append(exc.status)

        threads = [threading.Thread(target=sale) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

        refused = [o for o in outcomes if o == 409]
        accepted = [o for o in outcomes if isinstance(o, str)]
        assert len(refused) == len(accepted) == 1
        assert stock_of(api, shop["owner"], codigo) == 0
        assert len(sales_of_today(api, shop["owner"])) == 1
        assert [r["saldo"] for r in kardex(api, shop["owner"], codigo)] == [0, 1]


class TestIdempotentSale:
    def test_retry_with_same_key_answers_the_first_sale_and_writes_nothing(self, api, shop):
        product = create_product(api, shop["owner"], stock=10)
        key = {"Idempotency-Key": "caja1-000123"}

        first = sell(api, shop["worker"], [(product["codigo"], 2)], headers=key)
        retry = sell(api, shop["worker"], [(product["codigo"], 2)], headers=key)

        assert first.status_code == retry.status_code == 201
        assert retry.data == first.data
        assert stock_of(api, shop["owner"], product["codigo"]) == 8
        assert len(sales_of_today(api, shop["owner"])) == 1
        assert len(kardex(api, shop["owner"], product["codigo"])) == 2

    def test_same_key_with_another_body_is_refused_clearly(self, api, shop):
        product = create_product(api, shop["owner"], stock=10)
        key = {"Idempotency-Key": "caja1-000124"}
        sell(api, shop["worker"], [(product["codigo"], 2)], headers=key)
        other = sell(api, shop["worker"], [(product["codigo"], 5)], headers=key)
        assert other.status_code == 422
        assert other.data["campos"][0]["campo"] == "Idempotency-Key"
        assert stock_of(api, shop["owner"], product["codigo"]) == 8

    def test_a_refused_sale_leaves_the_key_free_for_a_corrected_retry(self, api, shop):
        product = create_product(api, shop["owner"], stock=1)
        key = {"Idempotency-Key": "caja1-000125"}
        assert sell(api, shop["worker"], [(product["codigo"], 2)], headers=key).status_code == 409
        api.call(
            "POST",
            f"/productos/{product['codigo']}/movimientos",
            {"tipo": "ENTRADA", "cantidad": 5, "motivo": "Llegó el pedido"},
            token=shop["owner"],
        )
        assert sell(api, shop["worker"], [(product["codigo"], 2)], headers=key).status_code == 201

    def test_keys_are_scoped_to_the_shop(self, api, shop, other_shop):
        ours = create_product(api, shop["owner"])
        theirs = create_product(api, other_shop["owner"])
        key = {"Idempotency-Key": "misma-clave"}
        first = sell(api, shop["worker"], [(ours["codigo"], 1)], headers=key)
        second = sell(api, other_shop["owner"], [(theirs["codigo"], 1)], headers=key)
        assert second.status_code == 201
        assert second.data["codigo"].startswith(other_shop["codigo"])
        assert first.data["codigo"].startswith(shop["codigo"])


class TestRefusedSaleInput:
    @pytest.mark.parametrize(
        ("cantidad", "mensaje"),
        [("dos", "número"), (0, "mayor que cero"), (-1, "mayor que cero"), (1.5, "entero")],
    )
    def test_bad_quantity_is_a_400_on_that_line(self, api, shop, cantidad, mensaje):
        product = create_product(api, shop["owner"])
        response = sell(
            api, shop["worker"], [(product["codigo"], 1), (product["codigo"], cantidad)]
        )
        assert response.status_code == 400
        assert response.data["campos"][0]["campo"] in ("items[1].cantidad", "items[0].cantidad")
        assert mensaje in response.data["campos"][0]["mensaje"]
        assert stock_of(api, shop["owner"], product["codigo"]) == 10

    @pytest.mark.parametrize(
        ("body", "campo"),
        [
            ({"metodo_pago": "EFECTIVO"}, "items"),
            ({"items": [], "metodo_pago": "EFECTIVO"}, "items"),
            ({"items": [{"producto": "T001P001", "cantidad": 1}]}, "metodo_pago"),
            (
                {"items": [{"producto": "T001P001", "cantidad": 1}], "metodo_pago": "FIADO"},
                "metodo_pago",
            ),
            ({"items": [{"cantidad": 1}], "metodo_pago": "EFECTIVO"}, "items[0].producto"),
            ({"items": "todo", "metodo_pago": "EFECTIVO"}, "items"),
        ],
    )
    def test_missing_or_wrong_fields_are_400s(self, api, shop, body, campo):
        response = api.call("POST", "/ventas", body, token=shop["worker"])
        assert response.status_code == 400
        assert campo in [c["campo"] for c in response.data["campos"]]

    def test_more_lines_than_a_ticket_holds_is_a_400(self, api, shop):
        items = [{"producto": f"{shop['codigo']}P{i:03d}", "cantidad": 1} for i in range(1, 32)]
        response = api.call(
            "POST", "/ventas", {"items": items, "metodo_pago": "EFECTIVO"}, token=shop["worker"]
        )
        assert response.status_code == 400


class TestListSales:
    def test_sales_are_listed_by_lima_day_and_range(self, api, shop):
        product = create_product(api, shop["owner"], stock=50)
        for day, hour in [(1, 9), (1, 23), (2, 0), (3, 12)]:
            with clock.frozen(datetime(2026, 11, day, hour, 30)):
                sell(api, shop["worker"], [(product["codigo"], 1)])

        def codes(query):
            response = api.call("GET", f"/ventas?{query}", token=shop["owner"])
            assert response.status_code == 200, response.data
            return [s["codigo"][-4:] for s in response.data["items"]]

        assert codes("fecha=2026-11-01") == ["V002", "V001"]
        assert codes("fecha=2026-11-02") == ["V003"]
        assert codes("desde=2026-11-02&hasta=2026-11-03") == ["V004", "V003"]
        assert codes("desde=2026-10-01&hasta=2026-10-31") == []

    def test_a_day_with_many_sales_pages_to_the_end(self, api, shop):
        product = create_product(api, shop["owner"], stock=100)
        with clock.frozen(datetime(2026, 11, 5, 10, 0)):
            for _ in range(23):
                sell(api, shop["worker"], [(product["codigo"], 1)])
        found, siguiente = [], None
        while True:
            path = "/ventas?fecha=2026-11-05&limite=10" + (
                f"&siguiente={siguiente}" if siguiente else ""
            )
            page = api.call("GET", path, token=shop["owner"]).data
            found += [s["codigo"] for s in page["items"]]
            siguiente = page["siguiente"]
            if not siguiente:
                break
        assert len(found) == len(set(found)) == 23

    @pytest.mark.parametrize(
        "query",
        [
            "fecha=ayer",
            "fecha=2026-13-01",
            "desde=2026-11-05&hasta=2026-11-01",
            "fecha=2026-11-01&desde=2026-11-01",
        ],
    )
    def test_bad_dates_are_400s(self, api, shop, query):
        assert api.call("GET", f"/ventas?{query}", token=shop["owner"]).status_code == 400

    def test_sale_is_read_by_code(self, api, shop):
        product = create_product(api, shop["owner"])
        sale = sell(api, shop["worker"], [(product["codigo"], 1)]).data
        read = api.call("GET", f"/ventas/{sale['codigo']}", token=shop["worker"])
        assert read.status_code == 200
        assert read.data == sale


def void(api, token, codigo, motivo="Cliente desistió"):
    return api.call("POST", f"/ventas/{codigo}/anular", {"motivo": motivo}, token=token)


class TestVoidSale:
    def test_void_returns_stock_with_kardex_rows_and_keeps_the_sale(self, api, shop):
        product = create_product(api, shop["owner"], stock=10)
        sale = sell(api, shop["worker"], [(product["codigo"], 4)]).data

        response = void(api, shop["owner"], sale["codigo"], "Error de digitación")

        assert response.status_code == 200
        assert response.data["estado"] == "ANULADA"
        assert response.data["anulacion"]["por"] == f"{shop['codigo']}U001"
        assert response.data["anulacion"]["motivo"] == "Error de digitación"
        assert stock_of(api, shop["owner"], product["codigo"]) == 10
        row = kardex(api, shop["owner"], product["codigo"])[0]
        assert (row["tipo"], row["cantidad"], row["saldo"], row["referencia"]) == (
            "ANULACION",
            4,
            10,
            sale["codigo"],
        )
        listed = sales_of_today(api, shop["owner"])
        assert [(s["codigo"], s["estado"]) for s in listed] == [(sale["codigo"], "ANULADA")]

    def test_voiding_twice_is_a_409(self, api, shop):
        product = create_product(api, shop["owner"])
        sale = sell(api, shop["worker"], [(product["codigo"], 1)]).data
        void(api, shop["owner"], sale["codigo"])
        assert void(api, shop["owner"], sale["codigo"]).status_code == 409
        assert stock_of(api, shop["owner"], product["codigo"]) == 10

    def test_worker_voids_own_sale_of_the_same_day(self, api, shop):
        product = create_product(api, shop["owner"])
        sale = sell(api, shop["worker"], [(product["codigo"], 1)]).data
        assert void(api, shop["worker"], sale["codigo"]).status_code == 200

    def test_worker_may_not_void_another_persons_sale(self, api, shop):
        product = create_product(api, shop["owner"])
        sale = sell(api, shop["owner"], [(product["codigo"], 1)]).data
        assert void(api, shop["worker"], sale["codigo"]).status_code == 403
        assert stock_of(api, shop["owner"], product["codigo"]) == 9

    def test_worker_may_not_void_yesterdays_sale_but_the_owner_may(self, api, shop):
        product = create_product(api, shop["owner"])
        with clock.frozen(datetime(2026, 11, 10, 20, 0)):
            sale = sell(api, shop["worker"], [(product["codigo"], 1)]).data
        with clock.frozen(datetime(2026, 11, 11, 8, 0)):
            assert void(api, shop["worker"], sale["codigo"]).status_code == 403
            assert void(api, shop["owner"], sale["codigo"]).status_code == 200

    def test_void_of_a_deleted_product_still_returns_its_stock(self, api, shop):
        product = create_product(api, shop["owner"], stock=3)
        sale = sell(api, shop["worker"], [(product["codigo"], 2)]).data
        api.call("DELETE", f"/productos/{product['codigo']}", token=shop["owner"])
        assert void(api, shop["owner"], sale["codigo"]).status_code == 200
        assert stock_of(api, shop["owner"], product["codigo"]) == 3

    def test_motivo_is_required(self, api, shop):
        product = create_product(api, shop["owner"])
        sale = sell(api, shop["worker"], [(product["codigo"], 1)]).data
        response = api.call("POST", f"/ventas/{sale['codigo']}/anular", {}, token=shop["owner"])
        assert response.status_code == 400


class TestSaleTenantIsolation:
    def test_another_shops_sale_is_not_found(self, api, shop, other_shop):
        theirs = create_product(api, other_shop["owner"])
        sale = sell(api, other_shop["owner"], [(theirs["codigo"], 1)]).data
        assert api.call("GET", f"/ventas/{sale['codigo']}", token=shop["owner"]).status_code == 404
        assert void(api, shop["owner"], sale["codigo"]).status_code == 404
        assert sales_of_today(api, shop["owner"]) == []

    def test_selling_another_shops_product_is_a_404_and_writes_nothing(self, api, shop, other_shop):
        theirs = create_product(api, other_shop["owner"], stock=4)
        response = sell(api, shop["worker"], [(theirs["codigo"], 1)])
        assert response.status_code == 404
        assert stock_of(api, other_shop["owner"], theirs["codigo"]) == 4

    def test_tenant_in_sale_body_is_refused(self, api, shop, other_shop):
        product = create_product(api, shop["owner"])
        body = {
            "items": [{"producto": product["codigo"], "cantidad": 1}],
            "metodo_pago": "EFECTIVO",
            "codigo_tienda": other_shop["codigo"],
        }
        assert api.call("POST", "/ventas", body, token=shop["worker"]).status_code == 400
