"""Stock movements (ENTRADA, MERMA, AJUSTE) and the kardex they leave."""

import pytest

from tests.helpers import create_product, kardex, stock_of


def move(api, token, codigo, tipo, cantidad, motivo="Prueba"):
    body = {"tipo": tipo, "cantidad": cantidad, "motivo": motivo}
    return api.call("POST", f"/productos/{codigo}/movimientos", body, token=token)


class TestMovements:
    def test_entrada_adds_stock_and_answers_product_stock_and_row(self, api, shop):
        product = create_product(api, shop["owner"], stock=5)
        response = move(api, shop["worker"], product["codigo"], "ENTRADA", 20, "Compra a Alicorp")

        assert response.status_code == 201
        assert response.data["stock"] == 25
        assert response.data["producto"]["stock"] == 25
        row = response.data["movimiento"]
        assert (row["tipo"], row["cantidad"], row["saldo"]) == ("ENTRADA", 20, 25)
        assert row["motivo"] == "Compra a Alicorp"
        assert row["usuario"] == shop["worker_code"]

    def test_merma_subtracts_and_never_goes_below_zero(self, api, shop):
        product = create_product(api, shop["owner"], stock=3)
        assert move(api, shop["owner"], product["codigo"], "MERMA", 2).data["stock"] == 1

        refused = move(api, shop["owner"], product["codigo"], "MERMA", 2)
        assert refused.status_code == 409
        assert refused.data["error"] == "STOCK_INSUFICIENTE"
        assert stock_of(api, shop["owner"], product["codigo"]) == 1

    def test_ajuste_is_a_signed_change(self, api, shop):
        product = create_product(api, shop["owner"], stock=10)
        assert move(api, shop["owner"], product["codigo"], "AJUSTE", -4).data["stock"] == 6
        assert move(api, shop["owner"], product["codigo"], "AJUSTE", 2).data["stock"] == 8
        assert move(api, shop["owner"], product["codigo"], "AJUSTE", -9).status_code == 409

    def test_kilo_products_move_in_grams(self, api, shop):
        product = create_product(api, shop["owner"], unidad="KG", stock="1.5")
        response = move(api, shop["owner"], product["codigo"], "MERMA", "0.255")
        assert response.data["stock"] == 1.245

    def test_deleted_product_takes_no_movements(self, api, shop):
        product = create_product(api, shop["owner"])
        api.call("DELETE", f"/productos/{product['codigo']}", token=shop["owner"])
        assert move(api, shop["owner"], product["codigo"], "ENTRADA", 1).status_code == 404

    @pytest.mark.parametrize(
        ("tipo", "cantidad", "campo"),
        [
            ("ENTRADA", 0, "cantidad"),
            ("ENTRADA", -2, "cantidad"),
            ("MERMA", "dos", "cantidad"),
            ("ENTRADA", 1.5, "cantidad"),
            ("REGALO", 1, "tipo"),
            ("AJUSTE", 0, "cantidad"),
        ],
    )
    def test_bad_movement_is_a_400_naming_the_field(self, api, shop, tipo, cantidad, campo):
        product = create_product(api, shop["owner"])
        response = move(api, shop["owner"], product["codigo"], tipo, cantidad)
        assert response.status_code == 400
        assert campo in [c["campo"] for c in response.data["campos"]]

    def test_motivo_is_required(self, api, shop):
        product = create_product(api, shop["owner"])
        response = api.call(
            "POST",
            f"/productos/{product['codigo']}/movimientos",
            {"tipo": "ENTRADA", "cantidad": 1},
            token=shop["owner"],
        )
        assert response.status_code == 400
        assert response.data["campos"][0]["campo"] == "motivo"


class TestKardex:
    def test_rows_come_newest_first_with_the_balance_after_each(self, api, shop):
        product = create_product(api, shop["owner"], stock=5)
        codigo = product["codigo"]
        move(api, shop["owner"], codigo, "ENTRADA", 10)
        move(api, shop["owner"], codigo, "MERMA", 3)
        move(api, shop["owner"], codigo, "AJUSTE", -1)

        rows = kardex(api, shop["owner"], codigo)
        assert [(r["tipo"], r["cantidad"], r["saldo"]) for r in rows] == [
            ("AJUSTE", -1, 11),
            ("MERMA", -3, 12),
            ("ENTRADA", 10, 15),
            ("INICIAL", 5, 5),
        ]

    def test_every_row_is_reachable_through_siguiente(self, api, shop):
        codigo = create_product(api, shop["owner"], stock=0)["codigo"]
        for _ in range(12):
            move(api, shop["owner"], codigo, "ENTRADA", 1)

        saldos, siguiente = [], None
        while True:
            path = f"/productos/{codigo}/kardex?limite=5" + (
                f"&siguiente={siguiente}" if siguiente else ""
            )
            page = api.call("GET", path, token=shop["owner"]).data
            saldos += [r["saldo"] for r in page["items"]]
            siguiente = page["siguiente"]
            if not siguiente:
                break
        assert saldos == list(range(12, -1, -1))

    def test_kardex_of_one_product_holds_no_rows_of_another(self, api, shop):
        first = create_product(api, shop["owner"])["codigo"]
        second = create_product(api, shop["owner"])["codigo"]
        move(api, shop["owner"], second, "ENTRADA", 4)
        assert [r["producto"] for r in kardex(api, shop["owner"], first)] == [first]
