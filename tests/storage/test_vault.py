"""Her number is sealed at rest and found again only with the secret."""

from __future__ import annotations

import pytest

from storage.vault import Vault

KEY = "a-secret-key-that-is-at-least-32-characters"


def test_a_sealed_number_opens_again_with_the_same_secret() -> None:
    vault = Vault(KEY)
    sealed = vault.seal("+447700900123")
    assert b"7700900123" not in sealed
    assert Vault(KEY).open(sealed) == "+447700900123"


def test_sealing_twice_gives_different_bytes_so_equal_numbers_cannot_be_matched() -> None:
    vault = Vault(KEY)
    assert vault.seal("+447700900123") != vault.seal("+447700900123")


def test_the_lookup_hash_is_stable_but_keyed() -> None:
    assert Vault(KEY).lookup("sms", "+447700900123") == Vault(KEY).lookup("sms", "+447700900123")
    assert Vault(KEY).lookup("sms", "+447700900123") != Vault(KEY + "x").lookup("sms", "+447700900123")
    assert Vault(KEY).lookup("sms", "+447700900123") != Vault(KEY).lookup("whatsapp", "+447700900123")


def test_another_secret_cannot_open_it() -> None:
    sealed = Vault(KEY).seal("12345")
    with pytest.raises(Exception):  # noqa: B017 - any failure will do, as long as nothing opens
        Vault(KEY + "-other").open(sealed)


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        Vault("short")
