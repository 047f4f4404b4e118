"""How common a word is reads the same from the checksums as from the list they were made from."""

from __future__ import annotations

import gzip
from pathlib import Path

from bot.privacy.anonymise._lexicon import gazetteer

DATA = Path(__file__).resolve().parents[4] / "bot" / "privacy" / "anonymise" / "data"


def test_every_word_of_the_rarest_band_reads_as_band_three() -> None:
    words = gzip.decompress((DATA / "frequent-3.txt.gz").read_bytes()).decode("utf-8").split()
    assert set(gazetteer().bands(words)) == {"3"}


def test_commoner_bands_win_and_a_word_on_no_list_reads_as_none() -> None:
    assert gazetteer().bands(["the", "zzqxwvbn"]) == ["1", "0"]
