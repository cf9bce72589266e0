"""The custom authorizer in front of every private route.

It verifies the bearer token fully (``services.auth.authenticate``) and answers
API Gateway with a policy that allows every route the caller's role may call,
so a cached answer would still be right for any route of that role. Results are
not cached (``ttl_seconds=0``): logout, a deleted user or a suspended shop must
stop a token on its very next request, and a cached policy would outlive them.

A bad, expired or revoked token, or a token of a shop that is no longer ACTIVA,
raises ``TokenRejected``, whose message is the exact "Unauthorized" that makes
API Gateway answer 401: the apps then end the session, and logging in again
tells the person why. A route outside the role's policy is refused by the
gateway with 403.
"""

import re

from chalice import Blueprint

from chalicelib.api.routing import routes_for
from chalicelib.errors import ShopNotActiveError, UnauthorizedError
from chalicelib.logs import bind_request, logger
from chalicelib.services import auth

bp = Blueprint(__name__)

try:  # The local server and chalice's test client answer this class with a 401.
    from chalice.local import NotAuthorizedError as _Rejection

    _LOCAL = True
except ImportError:  # In Lambda only chalice.app is packaged.
    _Rejection = Exception
    _LOCAL = False


class TokenRejected(_Rejection):
    def __init__(self):
        if _LOCAL:
            headers = {
                "x-amzn-ErrorType": "UnauthorizedException",
                "Access-Control-Allow-Origin": "*",
            }
            super().__init__(headers, b'{"error":"NO_AUTORIZADO","mensaje":"Unauthorized"}')
        else:
            super().__init__("Unauthorized")

    def __str__(self) -> str:
        return "Unauthorized"


def api_base(method_arn: str) -> str:
    """``arn:...:api-id/stage`` from a method ARN."""
    arn_prefix, _, path = method_arn.partition("/")
    stage = path.split("/", 1)[0]
    return f"{arn_prefix}/{stage}"


def _resource(base: str, method: str, path: str) -> str:
    return f"{base}/{method}{re.sub(r'{[^}]+}', '*', path)}"


def policy(principal: str, effect: str, resources: list[str], context: dict | None = None) -> dict:
    answer = {
        "principalId": principal,
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": [
                {"Action": "execute-api:Invoke", "Effect": effect, "Resource": resources}
            ],
        },
    }
    if context is not None:
        answer["context"] = context
    return answer


def decide(token: str, method_arn: str) -> dict:
    """The authorizer's answer for ``token`` (raises ``TokenRejected``)."""
    base = api_base(method_arn)
    bind_request(None, None, None)
    try:
        caller = auth.authenticate(token)
    except (UnauthorizedError, ShopNotActiveError) as exc:
        logger.info("token rechazado", extra={"motivo": exc.mensaje})
        raise TokenRejected() from None
    resources = [
        _resource(base, method, path)
        for path, methods in routes_for(caller.rol).items()
        for method in methods
    ]
    return policy(caller.usuario, "Allow", resources, caller.context())


@bp.authorizer(ttl_seconds=0)
def saai_authorizer(auth_request):
    return decide(auth_request.token, auth_request.method_arn)
