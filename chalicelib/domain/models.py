"""Input models of the foundation's routes (pydantic).

They only shape and bound what a request may say; rules that need stored data
live in the services.
"""

import re
import unicodedata
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from chalicelib.domain.money import money
from chalicelib.domain.roles import ROLES

_USUARIO = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_RUC = re.compile(r"^(10|15|17|20)\d{9}$")


_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}


class Input(BaseModel):
    """Base of every request body: trimmed text without control or invisible
    characters (passwords are taken exactly as typed)."""

    model_config = ConfigDict(extra="ignore")

    @field_validator("*", mode="before")
    @classmethod
    def _clean_text(cls, value, info):
        if not isinstance(value, str):
            return value
        if any(unicodedata.category(ch) in _INVISIBLE for ch in value):
            raise ValueError("Contiene caracteres de control o invisibles.")
        return value if info.field_name == "password" else value.strip()


def _not_null(value):
    if value is None:
        raise ValueError("No puede ser nulo.")
    return value


def _usuario(value: str) -> str:
    if not value.isascii() or not _USUARIO.match(value.lower()):
        raise ValueError("Use de 3 a 40 letras minúsculas, números, punto, guion o guion bajo.")
    return value.lower()


def _email(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if len(value) > 254 or not _EMAIL.match(value):
        raise ValueError("No es un correo electrónico válido.")
    return value.lower()


def _umbral(value) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = money(value)
    except ValueError as exc:
        raise ValueError(f"Debe ser un monto en soles: {exc}.") from None
    if amount < 0:
        raise ValueError("No puede ser negativo.")
    return amount


def _password(value: str) -> str:
    if len(value) < 8:
        raise ValueError("Debe tener al menos 8 caracteres.")
    return value


class LoginIn(Input):
    rol: Literal[ROLES]  # type: ignore[valid-type]
    codigo_tienda: str | None = Field(default=None, max_length=12)
    usuario: str = Field(min_length=1, max_length=60)
    password: str = Field(min_length=1, max_length=200)


class CuentaNueva(Input):
    nombre: str = Field(min_length=1, max_length=120)
    usuario: str = Field(min_length=3, max_length=40)
    password: str = Field(min_length=8, max_length=200)
    email: str | None = Field(default=None, max_length=254)

    _check_usuario = field_validator("usuario")(_usuario)
    _check_email = field_validator("email")(_email)
    _check_password = field_validator("password")(_password)


class AdministradorNuevo(CuentaNueva):
    email: str = Field(min_length=3, max_length=254)


class TiendaNueva(Input):
    nombre: str = Field(min_length=1, max_length=120)
    ruc: str | None = Field(default=None, max_length=11)
    direccion: str | None = Field(default=None, max_length=200)
    administrador: AdministradorNuevo
    umbral_merma: Decimal | None = None

    _check_umbral = field_validator("umbral_merma", mode="before")(_umbral)

    @field_validator("ruc")
    @classmethod
    def _ruc(cls, value: str | None) -> str | None:
        if value and not _RUC.match(value):
            raise ValueError("El RUC tiene 11 dígitos y empieza por 10, 15, 17 o 20.")
        return value or None


class TiendaCambio(Input):
    nombre: str | None = Field(default=None, min_length=1, max_length=120)
    ruc: str | None = Field(default=None, max_length=11)
    direccion: str | None = Field(default=None, max_length=200)
    estado: Literal["ACTIVA", "SUSPENDIDA"] | None = None
    email_administrador: str | None = Field(default=None, max_length=254)
    umbral_merma: Decimal | None = None

    _check_umbral = field_validator("umbral_merma", mode="before")(_umbral)
    _check_ruc = field_validator("ruc")(TiendaNueva._ruc.__func__)
    _check_not_null = field_validator("nombre", "estado", "email_administrador", mode="before")(
        _not_null
    )

    @field_validator("email_administrador")
    @classmethod
    def _owner_email(cls, value: str | None) -> str:
        if not value:
            raise ValueError("Es obligatorio.")
        return _email(value)

    @model_validator(mode="after")
    def _something(self):
        if not self.model_fields_set:
            raise ValueError("Indique al menos un campo a cambiar.")
        return self


class UsuarioCambio(Input):
    nombre: str | None = Field(default=None, min_length=1, max_length=120)
    email: str | None = Field(default=None, max_length=254)
    password: str | None = Field(default=None, min_length=8, max_length=200)

    _check_email = field_validator("email")(_email)
    _check_not_null = field_validator("nombre", "password", mode="before")(_not_null)

    @model_validator(mode="after")
    def _something(self):
        if not self.model_fields_set:
            raise ValueError("Indique al menos un campo a cambiar.")
        return self


class Baja(Input):
    motivo: str = Field(default="No indicado", min_length=1, max_length=300)
