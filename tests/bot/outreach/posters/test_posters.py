"""Posters and cards as a champion prints them and a woman's phone reads them.

Each PDF is rendered to a PNG (the way a printer or screen would see it) and the QR is decoded from
the pixels, so a QR that looks fine in the code but is cropped, blurred or too small fails here. The
text checks read the PDF's own text layer, which is also what a screen reader would get.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
import zxingcpp

from bot.outreach.posters import (
    PosterContent,
    _layout as layout,
    _scripts as scripts,
    card_pdf,
    missing_fonts,
    poster_pdf,
)
from flows.catalog import Entry, entries, text

WHATSAPP = "https://wa.me/447700900123?text=HELLO%20MEDWAY-BUMPS"
TELEGRAM = "https://t.me/allvoices_bot?start=MEDWAY-BUMPS"
ARABIC_TITLE_WORD = "رعايتك"  # "your care", from poster.title in the Arabic catalog
BENGALI_TITLE_WORD = "আপনার"  # "your", from poster.title in the Bengali catalog


def content(
    languages: tuple[str, ...] = ("en",),
    whatsapp: str | None = WHATSAPP,
    telegram: str | None = TELEGRAM,
    sms: str | None = "07700 900123",
    code: str = "MEDWAY-BUMPS",
    group: str = "Medway Bumps and Babies",
) -> PosterContent:
    return PosterContent(
        code=code,
        group_name=group,
        whatsapp_link=whatsapp,
        sms_number=sms,
        telegram_link=telegram,
        languages=languages,
    )


def render_png(pdf: bytes, path: Path, scale: float = 2.0) -> Path:
    """Page 1 as a PNG, at 144 dpi for posters (a phone camera sees far less)."""
    document = pdfium.PdfDocument(pdf)
    try:
        assert len(document) == 1
        document[0].render(scale=scale).to_pil().save(path)
    finally:
        document.close()
    return path


def qr_texts(png: Path) -> list[str]:
    from PIL import Image

    with Image.open(png) as image:
        return [found.text for found in zxingcpp.read_barcodes(image)]


def page_text(pdf: bytes) -> str:
    """The text layer, whitespace folded (line wrapping and no-break spaces are layout, not words)."""
    document = pdfium.PdfDocument(pdf)
    try:
        return " ".join(document[0].get_textpage().get_text_range().split())
    finally:
        document.close()


def char_boxes(pdf: bytes) -> list[tuple[str, float, float]]:
    """Each character with its left and right edge in points, for checking alignment."""
    document = pdfium.PdfDocument(pdf)
    try:
        textpage = document[0].get_textpage()
        boxes = []
        for index in range(textpage.count_chars()):
            left, _, right, _ = textpage.get_charbox(index)
            boxes.append((textpage.get_text_range(index, 1), left, right))
        return boxes
    finally:
        document.close()


def needs_fonts(*languages: str) -> None:
    missing = missing_fonts(languages)
    if missing:
        pytest.skip(f"no font on this machine for {missing}: install Debian's fonts-noto-core")


def test_english_a4_poster_qr_opens_whatsapp_with_the_groups_code(tmp_path: Path) -> None:
    pdf = poster_pdf(content())
    png = render_png(pdf, tmp_path / "poster-a4.png")

    assert qr_texts(png) == [WHATSAPP]
    words = page_text(pdf)
    assert "MEDWAY-BUMPS" in words
    assert text("en", "poster.title") in words
    for promise in ("anonymous", "A real person reads every story", "It will not affect your care"):
        assert promise in words
    assert "Or text HELLO MEDWAY-BUMPS to 07700 900123" in words
    assert TELEGRAM in words, "a link split across lines would be typed wrongly"
    assert "Medway Bumps and Babies" in words


@pytest.mark.parametrize(
    ("name", "make", "scale"),
    [
        ("poster-a5", lambda c: poster_pdf(c, "A5"), 2.0),
        ("card", card_pdf, 4.0),
    ],
)
def test_a5_poster_and_pocket_card_qr_scans_to_whatsapp(
    tmp_path: Path, name: str, make: Callable[[PosterContent], bytes], scale: float
) -> None:
    pdf = make(content(("en", "pl")))
    png = render_png(pdf, tmp_path / f"{name}.png", scale)

    assert qr_texts(png) == [WHATSAPP]
    assert "MEDWAY-BUMPS" in page_text(pdf)


def test_card_is_business_card_size_with_the_promise_in_english_and_her_language() -> None:
    pdf = card_pdf(content(("en", "pl", "ro")))
    document = pdfium.PdfDocument(pdf)
    width, height = document[0].get_size()
    document.close()
    words = page_text(pdf)

    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (85, 55)
    assert "It will not affect your care" in words
    assert "Każdą historię czyta człowiek" in words  # Polish: the first chosen language
    assert "Fiecare poveste" not in words  # Romanian, the second, does not fit on a card


def test_qr_falls_back_to_telegram_when_there_is_no_whatsapp(tmp_path: Path) -> None:
    pdf = poster_pdf(content(whatsapp=None))

    assert qr_texts(render_png(pdf, tmp_path / "telegram.png")) == [TELEGRAM]
    assert "WhatsApp" not in page_text(pdf)


def test_without_any_link_there_is_no_qr_but_the_code_and_sms_line_still_print(tmp_path: Path) -> None:
    bare = content(whatsapp=None, telegram=None)
    poster = poster_pdf(bare)
    card = card_pdf(bare)

    assert qr_texts(render_png(poster, tmp_path / "bare-poster.png")) == []
    assert qr_texts(render_png(card, tmp_path / "bare-card.png", 4.0)) == []
    for pdf in (poster, card):
        assert "Or text HELLO MEDWAY-BUMPS to 07700 900123" in page_text(pdf)


def test_poster_prints_polish_and_arabic_after_english(tmp_path: Path) -> None:
    needs_fonts("en", "pl", "ar")
    pdf = poster_pdf(content(("en", "pl", "ar")))
    render_png(pdf, tmp_path / "en-pl-ar.png")
    words = page_text(pdf)

    assert "Polski" in words
    assert text("pl", "poster.title") in words
    assert "Każdą historię czyta człowiek" in words
    assert "Albo wyślij SMS HELLO MEDWAY-BUMPS na numer 07700 900123" in words
    assert ARABIC_TITLE_WORD in words, "Arabic must come out as Arabic letters, not boxes"
    assert words.index(text("en", "poster.title")) < words.index("Polski")


def test_arabic_is_right_aligned_and_polish_left_aligned() -> None:
    needs_fonts("en", "pl", "ar")
    pdf = poster_pdf(content(("en", "pl", "ar")))
    boxes = char_boxes(pdf)
    arabic = [box for box in boxes if "\u0600" <= box[0] <= "\u06ff"]
    polish = [box for box in boxes if box[0] in "ąęłśżź"]

    page_width = 595.28
    margin = 14 / 25.4 * 72
    assert max(right for _, _, right in arabic) == pytest.approx(page_width - margin, abs=6)
    assert min(left for _, left, _ in polish) < page_width / 2
    assert min(left for _, left, _ in arabic) > margin


def test_bengali_and_urdu_have_fonts_and_render_with_their_own_script(tmp_path: Path) -> None:
    needs_fonts("bn", "ur")
    assert missing_fonts(("en", "pl", "ar", "bn", "ur")) == []  # every character has a glyph
    pdf = poster_pdf(content(("en", "pl", "ar", "bn", "ur")))
    assert qr_texts(render_png(pdf, tmp_path / "five-languages.png")) == [WHATSAPP]
    words = page_text(pdf)

    assert "বাংলা" in words
    assert BENGALI_TITLE_WORD in words
    assert "اردو" in words  # the Urdu label: the rest is Nastaliq ligatures, not extractable as text


def test_language_whose_catalog_lacks_poster_text_is_left_off_not_printed_in_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = entries

    def without_polish_poster(lang: str) -> Mapping[str, Entry]:
        found = real(lang)
        if lang != "pl":
            return found
        return {key: entry for key, entry in found.items() if not key.startswith("poster.")}

    monkeypatch.setattr(scripts, "entries", without_polish_poster)
    monkeypatch.setattr(layout, "entries", without_polish_poster)
    words = page_text(poster_pdf(content(("en", "pl", "xx"))))

    assert "Polski" not in words
    assert words.count("It will not affect your care") == 1


def test_language_without_a_font_is_left_off_and_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    real = scripts.script_font
    monkeypatch.setattr(scripts, "script_font", lambda lang: None if lang == "bn" else real(lang))
    monkeypatch.setattr(layout, "script_font", scripts.script_font)

    assert missing_fonts(["en", "pl", "bn", "unknown"]) == ["bn"]
    words = page_text(poster_pdf(content(("en", "pl", "bn"))))
    assert "Polski" in words
    assert "বাংলা" not in words


def test_group_name_and_code_are_printed_as_plain_text_not_markup() -> None:
    group = "<script>alert('x')</script> **Bumps** & (Babies) \\ {code}"
    code = "MUM(1)\\"
    words = page_text(poster_pdf(content(code=code, group=group)))

    assert group in words
    assert "Or text HELLO MUM(1)\\ to 07700 900123" in words


def test_line_breaks_in_a_group_name_do_not_break_the_layout() -> None:
    words = page_text(card_pdf(content(group="Medway\nBumps\r\n\tand Babies")))
    assert "MEDWAY-BUMPS" in words
    words = page_text(poster_pdf(content(group="Medway\nBumps\r\n\tand Babies")))
    assert "Medway Bumps and Babies" in words


def test_unknown_poster_size_is_refused() -> None:
    with pytest.raises(ValueError, match="A4 or A5"):
        poster_pdf(content(), "Letter")


def test_a_bidi_override_in_a_group_name_cannot_reverse_it_on_paper() -> None:
    words = page_text(poster_pdf(content(group="Medway \u202eseibaB\u202c Group")))
    assert "Medway seibaB Group" in words
    assert "\u202e" not in words
