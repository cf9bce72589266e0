"""The one tree of SAAI errors. Each carries its HTTP status and error code.

``chalicelib.api.routing`` turns them into the contract's error body; services
raise them and never return a value that means "failed".
"""


class SaaiError(Exception):
    status = 500
    code = "ERROR_INTERNO"

    def __init__(self, mensaje: str, campos: list[dict] | None = None):
        super().__init__(mensaje)
        self.mensaje = mensaje
        self.campos = campos or []
        self.headers: dict[str, str] = {}

    def body(self) -> dict:
        return {"error": self.code, "mensaje": self.mensaje, "campos": self.campos}

    @property
    def detalle(self) -> str:
        """What the logs and operators' records keep; may say more than ``mensaje``."""
        return self.mensaje


class BadRequestError(SaaiError):
    status = 400
    code = "DATOS_INVALIDOS"

    @classmethod
    def field(cls, campo: str, mensaje: str) -> "BadRequestError":
        return cls(f"{campo}: {mensaje}", [{"campo": campo, "mensaje": mensaje}])


class UnauthorizedError(SaaiError):
    status = 401
    code = "NO_AUTORIZADO"


class InvalidCredentialsError(UnauthorizedError):
    code = "CREDENCIALES_INVALIDAS"

    def __init__(self):
        super().__init__("Usuario, contraseña o tienda incorrectos.")


class ForbiddenError(SaaiError):
    status = 403
    code = "PROHIBIDO"


class ShopNotActiveError(ForbiddenError):
    code = "TIENDA_NO_ACTIVA"


class NotFoundError(SaaiError):
    status = 404
    code = "NO_ENCONTRADO"


class ConflictError(SaaiError):
    status = 409
    code = "CONFLICTO"


class AlreadyExistsError(ConflictError):
    code = "YA_EXISTE"


class AlreadyAppliedError(ConflictError):
    """An imported step (an external reference such as an invoice) was already written."""

    code = "YA_REGISTRADO"


class InsufficientStockError(ConflictError):
    code = "STOCK_INSUFICIENTE"


class UnprocessableError(SaaiError):
    """Well-formed but contradicting what was already accepted (a reused idempotency key)."""

    status = 422
    code = "NO_PROCESABLE"


class TooManyAttemptsError(SaaiError):
    status = 429
    code = "DEMASIADOS_INTENTOS"

    def __init__(self, mensaje: str, retry_after: int):
        super().__init__(mensaje)
        self.headers["Retry-After"] = str(max(retry_after, 1))


class PayloadTooLargeError(SaaiError):
    status = 413
    code = "CUERPO_DEMASIADO_GRANDE"


class ConcurrentUpdateError(ConflictError):
    """A conditional write lost against another writer; the caller may retry."""

    code = "CONFLICTO_CONCURRENTE"


class UpstreamError(SaaiError):
    """An AWS service failed in a way the caller cannot fix.

    The detail (operation and AWS error code) goes to the log, never to the answer.
    """

    status = 503
    code = "SERVICIO_NO_DISPONIBLE"

    def __init__(self, detalle: str):
        super().__init__("El servicio no está disponible en este momento; intente de nuevo.")
        self._detalle = detalle

    @property
    def detalle(self) -> str:
        return self._detalle
