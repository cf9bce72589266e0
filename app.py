"""SAAI's Chalice application: wiring only. Routes live in ``chalicelib.api``."""

from chalice import Chalice

from chalicelib.api import authorizer, gastos, productos, sesion, tiendas, usuarios, ventas

app = Chalice(app_name="saai")
app.debug = False

app.register_blueprint(authorizer.bp)
app.register_blueprint(sesion.bp)
app.register_blueprint(tiendas.bp)
app.register_blueprint(usuarios.bp)
app.register_blueprint(productos.bp)
app.register_blueprint(ventas.bp)
app.register_blueprint(gastos.bp)
