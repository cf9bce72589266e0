"""The three roles and where each keeps its tokens."""

SAAI = "saai"
ADMINISTRADOR = "administrador"
TRABAJADOR = "trabajador"

ROLES = (SAAI, ADMINISTRADOR, TRABAJADOR)

TOKEN_TABLES = {
    TRABAJADOR: "t_tokens_trabajadores",
    ADMINISTRADOR: "t_tokens_administradores",
    SAAI: "t_tokens_saai",
}

SHOP_ROLES = (ADMINISTRADOR, TRABAJADOR)
