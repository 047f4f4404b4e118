"""Rebuild the compressed word lists in ``data/`` from their upstream sources.

Run ``python -m bot.privacy.anonymise.build_gazetteer`` with ``faker``, ``textstat`` and ``wordfreq``
installed (dev-only tools: the service itself never imports them).  Keeping the build reproducible is what
makes the provenance claim in README.md checkable: anyone can regenerate the files and diff them.
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import re
import sys
from array import array
from collections.abc import Iterable
from pathlib import Path
from zlib import crc32

from bot.privacy.anonymise._lexicon import DECOY_WORDS, EXTRA_COMMON_WORDS

DATA = Path(__file__).with_name("data")

# Scripts none of our languages use; their native-script names only bloat the file.
_FOREIGN_SCRIPT = re.compile(
    r"[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\u0530-\u058F\u10A0-\u10FF]"
)
_SPLIT = re.compile(r"[\s.()]+")
_NAME_ATTRS = re.compile(r"^(first|last|middle|male|female|unisex)_?.*names?(_.*)?$")
_LOREM_LOCALES = ("en_US", "pl_PL", "uk_UA", "ru_RU", "ar_AA", "fa_IR", "bn_BD", "fr_FR", "it_IT", "nl_NL")


def _strings(value: object) -> Iterable[str]:
    """Faker stores names as tuples, lists or weighted OrderedDicts; only the strings matter here."""
    if isinstance(value, dict):
        value = list(value.keys())
    if isinstance(value, list | tuple):
        for item in value:
            if isinstance(item, str):
                yield item


def _tokens(raw: str) -> Iterable[str]:
    for part in _SPLIT.split(raw):
        word = part.strip("'’-").casefold()
        if len(word) >= 2 and not _FOREIGN_SCRIPT.search(word) and not any(c.isdigit() for c in word):
            yield word


def locale_names(locale: str) -> set[str]:
    """The name tokens of one Faker person provider ("pt_BR"): its first, last and middle name lists."""
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    names: set[str] = set()
    for attr in dir(provider):
        if _NAME_ATTRS.match(attr) and "pair" not in attr and "kana" not in attr:
            for raw in _strings(getattr(provider, attr)):
                names.update(_tokens(raw))
    return names


def faker_names() -> set[str]:
    person = importlib.import_module("faker.providers.person")
    names: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        names |= locale_names(info.name)
    return names


def common_words() -> set[str]:
    words: set[str] = set()
    for locale in _LOREM_LOCALES:
        provider = importlib.import_module(f"faker.providers.lorem.{locale}").Provider
        for raw in _strings(provider.word_list):
            words.update(_tokens(raw))
    textstat = importlib.import_module("textstat")
    easy = Path(str(textstat.__file__)).parent / "resources" / "en" / "easy_words.txt"
    words.update(w.strip().casefold() for w in easy.read_text(encoding="utf-8").splitlines() if w.strip())
    words.update(w.casefold() for w in EXTRA_COMMON_WORDS | DECOY_WORDS)
    return words


# wordfreq's languages among ours (Dari as Persian); Panjabi, Gujarati, Somali, Pashto and Tigrinya have
# no list there, and lean on the hand-written function words in ``_stopwords.py`` instead.
_FREQUENT_LANGS = ("en", "ur", "bn", "pl", "ro", "ar", "pt", "fa", "uk")
_BANDS = ((1000, "1"), (5000, "2"), (25000, "3"))


def frequent_words() -> dict[str, str]:
    """How common each word is in any of our languages, as a band: 1 (top thousand) to 3 (top 25,000).

    A band, not a yes/no, because frequent lists also hold common names (Ali, John): the model learns
    how far to trust it.  The best band over every language wins."""
    wordfreq = importlib.import_module("wordfreq")
    bands: dict[str, str] = {}
    for lang in _FREQUENT_LANGS:
        for rank, word in enumerate(wordfreq.top_n_list(lang, _BANDS[-1][0])):
            band = next(b for limit, b in _BANDS if rank < limit)
            word = word.casefold()
            if any(c.isdigit() for c in word):
                continue
            if word not in bands or band < bands[word]:
                bands[word] = band
    return bands


def _write(name: str, words: Iterable[str]) -> None:
    body = "\n".join(sorted(words)) + "\n"
    with gzip.GzipFile(DATA / name, "wb", mtime=0) as fh:
        fh.write(body.encode("utf-8"))


def write_checksums(path: Path, words: Iterable[str]) -> None:
    """The rarest band as sorted CRC-32s of its words (little-endian), so it loads without a parse."""
    numbers = array("I", sorted({crc32(word.encode("utf-8")) for word in words}))
    if sys.byteorder == "big":
        numbers.byteswap()
    path.write_bytes(numbers.tobytes())


def main() -> None:
    common = common_words()
    names = faker_names() - common
    _write("names.txt.gz", names)
    _write("common.txt.gz", common)
    frequent = frequent_words()
    for _, band in _BANDS:  # one plain list per band: loading is then a split, not a parse
        _write(f"frequent-{band}.txt.gz", (word for word, b in frequent.items() if b == band))
    # The run time reads the rarest band from its checksums; the list above stays for reviewers.
    write_checksums(DATA / "frequent-3.crc32", (word for word, b in frequent.items() if b == "3"))
    print(f"{len(names)} names, {len(common)} common and {len(frequent)} frequent words written to {DATA}")


if __name__ == "__main__":
    main()
