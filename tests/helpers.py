"""Small builders shared by the catalogue, sales and import tests."""

from decimal import Decimal


def product_body(**changes) -> dict:
    body = {
        "nombre": "Arroz Costeño 750 g",
        "precio": "4.50",
        "costo": "3.80",
        "stock": 10,
        "stock_minimo": 2,
        "categoria": "Abarrotes",
    }
    body.update(changes)
    return body


def create_product(api, token, **changes) -> dict:
    response = api.call("POST", "/productos", product_body(**changes), token=token)
    assert response.status_code == 201, response.data
    return response.data


def sell(api, token, lines, metodo_pago="EFECTIVO", headers=None):
    body = {
        "items": [{"producto": code, "cantidad": qty} for code, qty in lines],
        "metodo_pago": metodo_pago,
    }
    return api.call("POST", "/ventas", body, token=token, headers=headers)


def stock_of(api, token, codigo) -> Decimal:
    response = api.call("GET", f"/productos/{codigo}", token=token)
    assert response.status_code == 200, response.data
    return Decimal(str(response.data["stock"]))


def kardex(api, token, codigo) -> list[dict]:
    response = api.call("GET", f"/productos/{codigo}/kardex?limite=200", token=token)
    assert response.status_code == 200, response.data
    return response.data["items"]
