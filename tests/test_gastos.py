"""Expenses: recording, listing by Lima day range, deletion by the owner."""

from datetime import datetime

import pytest

from chalicelib import clock


def record(api, token, **changes):
    body = {"concepto": "Recibo de luz", "monto": "85.40", "categoria": "SERVICIOS"}
    body.update(changes)
    return api.call("POST", "/gastos", body, token=token)


def listed(api, token, query=""):
    response = api.call("GET", f"/gastos?{query}", token=token)
    assert response.status_code == 200, response.data
    return [g["codigo"] for g in response.data["items"]]


class TestRecordExpense:
    def test_expense_gets_a_code_and_today_as_its_day(self, api, shop):
        with clock.frozen(datetime(2026, 11, 20, 9, 0)):
            response = record(api, shop["worker"], monto=85.4)
        assert response.status_code == 201
        assert response.data["codigo"] == f"{shop['codigo']}G001"
        assert response.data["fecha"] == "2026-11-20"
        assert response.data["monto"] == 85.4
        assert response.data["registrado_por"] == shop["worker_code"]

    def test_a_past_day_is_accepted_and_a_future_one_refused(self, api, shop):
        with clock.frozen(datetime(2026, 11, 20, 9, 0)):
            assert record(api, shop["owner"], fecha="2026-11-02").data["fecha"] == "2026-11-02"
            future = record(api, shop["owner"], fecha="2026-11-21")
        assert future.status_code == 400
        assert future.data["campos"][0]["campo"] == "fecha"

    @pytest.mark.parametrize(
        ("changes", "campo"),
        [
            ({"monto": "cien"}, "monto"),
            ({"monto": 0}, "monto"),
            ({"monto": -5}, "monto"),
            ({"monto": "1.999"}, "monto"),
            ({"categoria": "FIESTAS"}, "categoria"),
            ({"concepto": ""}, "concepto"),
            ({"fecha": "20/11/2026"}, "fecha"),
        ],
    )
    def test_bad_expense_is_a_400_naming_the_field(self, api, shop, changes, campo):
        response = record(api, shop["owner"], **changes)
        assert response.status_code == 400
        assert campo in [c["campo"] for c in response.data["campos"]]


class TestListExpenses:
    def test_default_is_the_current_month_and_ranges_are_inclusive(self, api, shop):
        with clock.frozen(datetime(2026, 11, 20, 9, 0)):
            october = record(api, shop["owner"], fecha="2026-10-31").data["codigo"]
            first = record(api, shop["owner"], fecha="2026-11-01").data["codigo"]
            today = record(api, shop["owner"]).data["codigo"]
            assert listed(api, shop["owner"]) == [today, first]
            assert listed(api, shop["owner"], "desde=2026-10-31&hasta=2026-11-01") == [
                first,
                october,
            ]
            assert listed(api, shop["owner"], "fecha=2026-10-31") == [october]

    def test_every_expense_of_a_range_is_reachable_through_siguiente(self, api, shop):
        with clock.frozen(datetime(2026, 11, 20, 9, 0)):
            created = {record(api, shop["owner"]).data["codigo"] for _ in range(13)}
            seen, siguiente = [], None
            while True:
                query = "limite=4" + (f"&siguiente={siguiente}" if siguiente else "")
                page = api.call("GET", f"/gastos?{query}", token=shop["owner"]).data
                seen += [g["codigo"] for g in page["items"]]
                siguiente = page["siguiente"]
                if not siguiente:
                    break
        assert set(seen) == created and len(seen) == 13


class TestDeleteExpense:
    def test_owner_deletes_and_the_expense_leaves_the_list(self, api, shop):
        codigo = record(api, shop["worker"]).data["codigo"]
        response = api.call(
            "DELETE", f"/gastos/{codigo}", {"motivo": "Duplicado"}, token=shop["owner"]
        )
        assert response.status_code == 204
        assert listed(api, shop["owner"]) == []
        assert api.call("DELETE", f"/gastos/{codigo}", token=shop["owner"]).status_code == 404

    def test_worker_may_not_delete(self, api, shop):
        codigo = record(api, shop["worker"]).data["codigo"]
        assert api.call("DELETE", f"/gastos/{codigo}", token=shop["worker"]).status_code == 403
        assert listed(api, shop["owner"]) == [codigo]


class TestExpenseTenantIsolation:
    def test_another_shops_expense_is_not_found_nor_listed(self, api, shop, other_shop):
        theirs = record(api, other_shop["owner"]).data["codigo"]
        assert api.call("DELETE", f"/gastos/{theirs}", token=shop["owner"]).status_code == 404
        assert listed(api, shop["owner"]) == []
        assert listed(api, other_shop["owner"]) == [theirs]

    def test_tenant_in_expense_body_is_refused(self, api, shop, other_shop):
        response = record(api, shop["owner"], tenant_id=other_shop["codigo"])
        assert response.status_code == 400
