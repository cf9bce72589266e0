"""Password hashing with Argon2id.

Deployed and local stages use argon2-cffi's defaults (RFC 9106's low-memory
profile). The route tests set ``SAAI_ARGON2_PERFIL=rapido`` for the library's
cheapest parameters: still Argon2id and still verified, only fast, since
hundreds of accounts are created there. Hashes record their own parameters,
so either verifies the other's.
"""

import os
from functools import lru_cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    if os.environ.get("SAAI_ARGON2_PERFIL") == "rapido":
        return PasswordHasher.from_parameters(profiles.CHEAPEST)
    return PasswordHasher()


def reset() -> None:
    _hasher.cache_clear()
    _decoy.cache_clear()


@lru_cache(maxsize=1)
def _decoy() -> str:
    return _hasher().hash("saai-decoy-password")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; with no hash, spends the same time and fails."""
    try:
        return _hasher().verify(stored_hash or _decoy(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False
