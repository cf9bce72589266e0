"""Shops and products set up through the API, so each browser test starts from
the state it needs without clicking through screens it does not test."""

import uuid
from dataclasses import dataclass, field

from tools.local.seed import Credential


def suffix() -> str:
    return uuid.uuid4().hex[:6]


def barcode() -> str:
    """A barcode no other product of the session carries (13 digits, as EAN-13)."""
    return "775" + str(uuid.uuid4().int)[:10]


@dataclass
class Shop:
    """One shop with its owner and one worker, and the owner's API token."""

    stack: object
    codigo: str
    owner: Credential
    worker: Credential
    owner_token: str
    _worker_token: str | None = field(default=None, repr=False)

    @property
    def worker_token(self) -> str:
        if self._worker_token is None:
            self._worker_token = self.stack.login(
                self.worker.rol, self.worker.usuario, self.worker.password, self.codigo
            )
        return self._worker_token

    def api(self, method: str, path: str, body=None, token: str | None = None):
        """(status, body) of a call as the owner, or with the token given."""
        status, answer, _ = self.stack.request(method, path, body, token or self.owner_token)
        return status, answer

    def create_product(self, nombre: str, precio, stock, stock_minimo=0, **extra) -> dict:
        body = {
            "nombre": nombre,
            "precio": precio,
            "costo": extra.pop("costo", round(float(precio) * 0.7, 2)),
            "stock": stock,
            "stock_minimo": stock_minimo,
            "categoria": extra.pop("categoria", "Abarrotes"),
            "codigo_barras": extra.pop("codigo_barras", barcode()),
            **extra,
        }
        status, product = self.api("POST", "/productos", body)
        assert status == 201, product
        return product

    def product(self, codigo: str) -> dict:
        status, product = self.api("GET", f"/productos/{codigo}")
        assert status == 200, product
        return product

    def kardex(self, codigo: str) -> list[dict]:
        status, page = self.api("GET", f"/productos/{codigo}/kardex")
        assert status == 200, page
        return page["items"]

    def sales_today(self) -> list[dict]:
        status, page = self.api("GET", "/ventas?limite=200")
        assert status == 200, page
        return page["items"]

    def unread(self, token: str | None = None) -> list[dict]:
        status, page = self.api("GET", "/notificaciones?no_leidas=true", token=token)
        assert status == 200, page
        return page["items"]


def demo_shop(stack, accounts) -> Shop:
    """T001 with its seeded owner and worker (it starts with no products)."""
    owner, worker = accounts["admin"], accounts["trabajador"]
    token = stack.login(owner.rol, owner.usuario, owner.password, owner.tienda)
    return Shop(stack, owner.tienda, owner, worker, token)


def new_shop(stack, accounts) -> Shop:
    """A shop of its own, for tests that count what happens shop-wide
    (today's sales, unread notifications) and must not see other tests."""
    sufijo = suffix()
    operator = accounts["saai"]
    saai_token = stack.login(operator.rol, operator.usuario, operator.password)
    owner_user, owner_password = f"duena{sufijo}", "clave-duena-1"
    status, shop, _ = stack.request(
        "POST",
        "/tiendas",
        {
            "nombre": f"Bodega {sufijo}",
            "direccion": "Jr. Ayacucho 321, Lima",
            "administrador": {
                "nombre": f"Dueña {sufijo}",
                "usuario": owner_user,
                "password": owner_password,
                "email": f"{owner_user}@example.pe",
            },
        },
        saai_token,
    )
    assert status == 201, shop
    codigo = shop["codigo_tienda"]
    owner = Credential("admin", "administrador", codigo, owner_user, owner_password)
    owner_token = stack.login(owner.rol, owner.usuario, owner.password, codigo)

    worker = Credential("trabajador", "trabajador", codigo, f"cajero{sufijo}", "clave-cajero-1")
    status, answer, _ = stack.request(
        "POST",
        "/usuarios",
        {"nombre": f"Cajero {sufijo}", "usuario": worker.usuario, "password": worker.password},
        owner_token,
    )
    assert status == 201, answer
    return Shop(stack, codigo, owner, worker, owner_token)
