"""The contact vault: her phone number or chat id, encrypted at rest and found again by a keyed hash.

Both keys are derived from ``ALLVOICES_SECRET_KEY`` with HKDF, so one secret is all a deployment keeps,
and a database copy alone reveals no number: the hash is keyed, so it cannot be brute-forced from the
small space of UK mobile numbers without the secret.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = b"\x01"
NONCE_BYTES = 12
MIN_SECRET_LENGTH = 32


def _derive(secret: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"allvoices", info=purpose).derive(
        secret.encode("utf-8")
    )


class Vault:
    def __init__(self, secret_key: str) -> None:
        if len(secret_key) < MIN_SECRET_LENGTH:
            raise ValueError("ALLVOICES_SECRET_KEY must be at least 32 characters")
        self._cipher = AESGCM(_derive(secret_key, b"vault encryption v1"))
        self._lookup_key = _derive(secret_key, b"vault lookup v1")

    def seal(self, plaintext: str) -> bytes:
        return self.seal_bytes(plaintext.encode("utf-8"))

    def open(self, sealed: bytes) -> str:
        return self.open_bytes(sealed).decode("utf-8")

    def seal_bytes(self, data: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return VERSION + nonce + self._cipher.encrypt(nonce, data, VERSION)

    def open_bytes(self, sealed: bytes) -> bytes:
        version, nonce, body = sealed[:1], sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
        if version != VERSION:
            raise ValueError("unknown vault version")
        return self._cipher.decrypt(nonce, body, VERSION)

    def lookup(self, channel: str, address: str) -> str:
        """A stable keyed hash of one address on one channel, for finding her contact again."""
        return hmac.new(self._lookup_key, f"{channel}:{address}".encode(), hashlib.sha256).hexdigest()
