from chalicelib.domain import roles


def test_salud_answers_ok_with_version(api):
    response = api.call("GET", "/salud")
    assert response.status_code == 200
    assert response.data["estado"] == "ok"
    assert response.data["version"]


def test_platform_login_gives_token_and_me_answers_the_caller(api, saai_token):
    me = api.call("GET", "/me", token=saai_token)
    assert me.status_code == 200
    assert me.data["rol"] == roles.SAAI
    assert me.data["codigo_tienda"] is None


def test_owner_login_names_the_shop(api, shop):
    me = api.call("GET", "/me", token=shop["owner"])
    assert me.data == {
        "codigo": f"{shop['codigo']}U001",
        "nombre": "Dueña de Bodega Rosita",
        "rol": "administrador",
        "codigo_tienda": shop["codigo"],
    }
