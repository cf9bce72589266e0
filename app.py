"""SAAI's Chalice application: wiring only. Routes live in ``chalicelib.api``."""

from chalice import Chalice

from chalicelib.api import authorizer, sesion, tiendas, usuarios

app = Chalice(app_name="saai")
app.debug = False

app.register_blueprint(authorizer.bp)
app.register_blueprint(sesion.bp)
app.register_blueprint(tiendas.bp)
app.register_blueprint(usuarios.bp)
