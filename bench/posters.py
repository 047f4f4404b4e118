"""Poster and card generation time, against an English-only A4 poster measured in the same run.

.venv/bin/python bench/posters.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from bot.outreach.posters import PosterContent, card_pdf, missing_fonts, poster_pdf


def content(languages: tuple[str, ...]) -> PosterContent:
    return PosterContent(
        code="MEDWAY-BUMPS",
        group_name="Medway Bumps and Babies",
        whatsapp_link="https://wa.me/447700900123?text=HELLO%20MEDWAY-BUMPS",
        sms_number="07700 900123",
        telegram_link="https://t.me/allvoices_bot?start=MEDWAY-BUMPS",
        languages=languages,
    )


def timed(make: Callable[[], bytes], runs: int = 5) -> float:
    make()  # fonts are found once per process
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        make()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def main() -> None:
    usable = tuple(lang for lang in ("en", "pl", "ar", "bn", "ur") if not missing_fonts([lang]))
    baseline = timed(lambda: poster_pdf(content(("en",))))
    cases = {
        "A4, English": lambda: poster_pdf(content(("en",))),
        f"A4, {'/'.join(usable[:4])}": lambda: poster_pdf(content(usable[:4])),
        f"A5, {'/'.join(usable[:4])}": lambda: poster_pdf(content(usable[:4]), "A5"),
        f"card, {'/'.join(usable[:2])}": lambda: card_pdf(content(usable[:2])),
    }
    print(f"{'':<22} {'median s':>9} {'ratio':>7}")
    for name, make in cases.items():
        seconds = timed(make)
        print(f"{name:<22} {seconds:>9.3f} {seconds / baseline:>7.2f}")


if __name__ == "__main__":
    main()
