"""Catalogue: creating, searching, paging, changing and deleting products."""

import pytest

from tests.helpers import create_product, kardex, product_body


class TestCreateProduct:
    def test_new_product_gets_shop_code_and_initial_kardex_row(self, api, shop):
        product = create_product(api, shop["owner"], stock=12)

        assert product["codigo"] == f"{shop['codigo']}P001"
        assert product["stock"] == 12
        assert product["estado"] == "ACTIVO"
        rows = kardex(api, shop["owner"], product["codigo"])
        assert [(r["tipo"], r["cantidad"], r["saldo"]) for r in rows] == [("INICIAL", 12, 12)]

    def test_worker_may_create_products(self, api, shop):
        assert create_product(api, shop["worker"])["creado_por"] == shop["worker_code"]

    def test_float_price_is_stored_exactly(self, api, shop):
        response = api.call("POST", "/productos", product_body(precio=30.40), token=shop["owner"])
        assert response.status_code == 201
        assert response.body.count(b'"precio": 30.4') == 1

    def test_kilo_products_accept_three_decimals(self, api, shop):
        product = create_product(api, shop["owner"], unidad="KG", stock="12.345", stock_minimo=1.5)
        assert product["stock"] == 12.345
        assert product["stock_minimo"] == 1.5

    def test_barcode_is_unique_within_the_shop(self, api, shop, other_shop):
        create_product(api, shop["owner"], codigo_barras="7750001")
        again = api.call(
            "POST", "/productos", product_body(codigo_barras="7750001"), token=shop["owner"]
        )
        assert again.status_code == 409
        assert again.data["campos"][0]["campo"] == "codigo_barras"
        assert create_product(api, other_shop["owner"], codigo_barras="7750001")


class TestRefusedProductInput:
    @pytest.mark.parametrize(
        ("changes", "campo"),
        [
            ({"precio": "dos"}, "precio"),
            ({"precio": -1}, "precio"),
            ({"precio": "1.234"}, "precio"),
            ({"stock": -3}, "stock"),
            ({"stock": 1.5}, "stock"),
            ({"stock": "tres"}, "stock"),
            ({"stock_minimo": 0.25}, "stock_minimo"),
            ({"unidad": "CAJA"}, "unidad"),
            ({"unidad": "KG", "stock": "1.0005"}, "stock"),
            ({"nombre": ""}, "nombre"),
            ({"codigo_barras": "con espacios"}, "codigo_barras"),
        ],
    )
    def test_bad_field_is_a_400_naming_it(self, api, shop, changes, campo):
        response = api.call("POST", "/productos", product_body(**changes), token=shop["owner"])
        assert response.status_code == 400
        assert campo in [c["campo"] for c in response.data["campos"]]

    def test_missing_fields_are_each_named(self, api, shop):
        response = api.call("POST", "/productos", {"nombre": "Sal"}, token=shop["owner"])
        assert response.status_code == 400
        named = {c["campo"] for c in response.data["campos"]}
        assert {"precio", "costo", "stock", "stock_minimo"} <= named

    def test_malformed_json_is_a_400(self, api, shop):
        response = api.call("POST", "/productos", raw="{nombre:", token=shop["owner"])
        assert response.status_code == 400
        assert response.data["campos"][0]["campo"] == "cuerpo"


class TestListProducts:
    def test_search_ignores_case_and_accents_and_matches_code_or_barcode(self, api, shop):
        arroz = create_product(api, shop["owner"], nombre="Arroz Costeño")
        create_product(api, shop["owner"], nombre="Azúcar Rubia", codigo_barras="775ABC")
        create_product(api, shop["owner"], nombre="Aceite Primor", categoria="Aceites")

        def names(query):
            response = api.call("GET", f"/productos?{query}", token=shop["worker"])
            assert response.status_code == 200
            return [p["nombre"] for p in response.data["items"]]

        assert names("q=COSTENO") == ["Arroz Costeño"]
        assert names("q=azucar") == ["Azúcar Rubia"]
        assert names("q=775abc") == ["Azúcar Rubia"]
        assert names(f"q={arroz['codigo']}") == ["Arroz Costeño"]
        assert names("categoria=aceites") == ["Aceite Primor"]

    def test_every_product_is_reachable_through_siguiente(self, api, shop):
        created = {create_product(api, shop["owner"], nombre=f"P{i}")["codigo"] for i in range(57)}
        api.call("DELETE", f"/productos/{sorted(created)[3]}", token=shop["owner"])

        seen, siguiente, pages = [], None, 0
        while True:
            path = "/productos?limite=7" + (f"&siguiente={siguiente}" if siguiente else "")
            page = api.call("GET", path, token=shop["owner"]).data
            seen += [p["codigo"] for p in page["items"]]
            pages += 1
            siguiente = page["siguiente"]
            if not siguiente:
                break

        assert len(seen) == len(set(seen)) == 56
        assert set(seen) == created - {sorted(created)[3]}
        assert pages >= 8

    def test_a_page_larger_than_a_dynamodb_page_holds_every_match(self, api, shop):
        for i in range(120):
            create_product(api, shop["owner"], nombre=f"Galleta {i}")
        page = api.call("GET", "/productos?limite=200&q=galleta", token=shop["owner"]).data
        assert len(page["items"]) == 120
        assert page["siguiente"] is None

    def test_bad_page_token_is_a_400(self, api, shop):
        response = api.call("GET", "/productos?siguiente=xyz", token=shop["owner"])
        assert response.status_code == 400


class TestChangeProduct:
    def test_patch_changes_price_and_name(self, api, shop):
        product = create_product(api, shop["owner"])
        response = api.call(
            "PATCH",
            f"/productos/{product['codigo']}",
            {"precio": "5.20", "nombre": "Arroz Extra"},
            token=shop["owner"],
        )
        assert response.status_code == 200
        assert response.data["precio"] == 5.2
        found = api.call("GET", "/productos?q=extra", token=shop["owner"]).data["items"]
        assert [p["codigo"] for p in found] == [product["codigo"]]

    def test_patch_may_not_change_stock(self, api, shop):
        product = create_product(api, shop["owner"])
        response = api.call(
            "PATCH", f"/productos/{product['codigo']}", {"stock": 99}, token=shop["owner"]
        )
        assert response.status_code == 400
        assert response.data["campos"][0]["campo"] == "stock"

    def test_changing_barcode_frees_the_old_one(self, api, shop):
        first = create_product(api, shop["owner"], codigo_barras="111")
        api.call(
            "PATCH", f"/productos/{first['codigo']}", {"codigo_barras": "222"}, token=shop["owner"]
        )
        assert create_product(api, shop["owner"], codigo_barras="111")
        taken = api.call(
            "PATCH", f"/productos/{first['codigo']}", {"codigo_barras": "111"}, token=shop["owner"]
        )
        assert taken.status_code == 409

    def test_unit_cannot_become_whole_while_stock_is_fractional(self, api, shop):
        product = create_product(api, shop["owner"], unidad="KG", stock="2.5")
        response = api.call(
            "PATCH", f"/productos/{product['codigo']}", {"unidad": "UNIDAD"}, token=shop["owner"]
        )
        assert response.status_code == 409


class TestDeleteProduct:
    def test_deleted_product_stays_readable_but_leaves_lists(self, api, shop):
        product = create_product(api, shop["owner"], codigo_barras="999")
        response = api.call(
            "DELETE",
            f"/productos/{product['codigo']}",
            {"motivo": "Descontinuado"},
            token=shop["worker"],
        )
        assert response.status_code == 204

        read = api.call("GET", f"/productos/{product['codigo']}", token=shop["owner"]).data
        assert read["estado"] == "INACTIVO"
        assert read["baja"]["motivo"] == "Descontinuado"
        assert api.call("GET", "/productos", token=shop["owner"]).data["items"] == []
        assert create_product(api, shop["owner"], codigo_barras="999")

    def test_deleting_twice_is_a_404(self, api, shop):
        product = create_product(api, shop["owner"])
        api.call("DELETE", f"/productos/{product['codigo']}", token=shop["owner"])
        again = api.call("DELETE", f"/productos/{product['codigo']}", token=shop["owner"])
        assert again.status_code == 404


class TestProductTenantIsolation:
    def test_another_shops_product_is_not_found_on_every_route(self, api, shop, other_shop):
        theirs = create_product(api, other_shop["owner"])["codigo"]
        token = shop["owner"]
        calls = [
            ("GET", f"/productos/{theirs}", None),
            ("PATCH", f"/productos/{theirs}", {"precio": 1}),
            ("DELETE", f"/productos/{theirs}", None),
            (
                "POST",
                f"/productos/{theirs}/movimientos",
                {"tipo": "ENTRADA", "cantidad": 1, "motivo": "x"},
            ),
            ("GET", f"/productos/{theirs}/kardex", None),
        ]
        for method, path, body in calls:
            assert api.call(method, path, body, token=token).status_code == 404, path
        assert api.call("GET", "/productos", token=token).data["items"] == []

    def test_tenant_in_body_or_query_is_refused(self, api, shop, other_shop):
        body = product_body(tenant_id=other_shop["codigo"])
        assert api.call("POST", "/productos", body, token=shop["owner"]).status_code == 400
        query = f"/productos?codigo_tienda={other_shop['codigo']}"
        assert api.call("GET", query, token=shop["owner"]).status_code == 400

    def test_products_need_a_token(self, api):
        assert api.call("GET", "/productos").status_code == 401
