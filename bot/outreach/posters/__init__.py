"""Printable posters and pocket cards that community champions hand out.

A champion pins the poster up at a baby group, mosque or food bank and hands the card to a woman who
may not read English, so both are built from the same catalog sentences she will later see in the chat
(``poster.*`` keys), in each of the group's languages, with the group's code and a QR that opens the
chat with that code already typed. The design follows the NHS plain style (blue band, dark text on
white, large type) because that is what a trustworthy health notice looks like in a UK waiting room.

Everything here is a pure function of :class:`PosterContent`: no database, no network. Fonts are
looked up on this machine at run time (fontconfig, else a scan of the usual font folders) rather than
vendored, because Noto fonts for Bengali, Gurmukhi, Urdu and friends are megabytes each and every
Linux distribution packages them (Debian: ``fonts-noto-core``). A language whose script has no font is
left off the poster rather than printed as empty boxes; :func:`missing_fonts` says which, so an
operator can install the package.

Private modules: ``_content`` (what it says), ``_scripts`` (which languages can print, which font),
``_layout`` (drawing). May import: ``flows`` (catalog text, languages), fpdf2, uharfbuzz, segno.
"""

from __future__ import annotations

from dataclasses import replace

from fpdf.enums import Align

from bot.outreach.posters._content import PosterContent, action_lines, plain, qr_target
from bot.outreach.posters._layout import (
    NHS_BLUE,
    NHS_DARK,
    NHS_GREY,
    PT,
    Doc,
    band,
    blocks,
    fit_blocks,
    qr_png,
    register_for,
)
from bot.outreach.posters._scripts import missing_fonts, printable_languages, require_latin
from flows.catalog import text
from flows.languages import DEFAULT

__all__ = ["PosterContent", "card_pdf", "missing_fonts", "poster_pdf"]


def poster_pdf(content: PosterContent, size: str = "A4") -> bytes:
    """An A4 or A5 poster: English title band, each language's promise, big QR and code, how to text.

    Title, QR and code are sized to be read and scanned from across a room; the languages share the
    space between them and shrink together when a group chooses many.
    """
    sizes = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
    if size.upper() not in sizes:
        raise ValueError(f"poster size must be A4 or A5, not {size!r}")
    width, height = sizes[size.upper()]
    k = width / 210.0  # everything is designed for A4 and scaled
    doc = Doc(width, height)
    latin = doc.family_for(require_latin(), bold=True)
    doc.set_title(f"{text(DEFAULT, 'poster.title')} - {plain(content.code)}")
    margin = 14 * k
    inner = width - 2 * margin

    band_height = 44 * k
    band(doc, latin, text(DEFAULT, "poster.title"), width, band_height, margin, 40 * k)

    # Footer: the group's name, small, so the champion can tell her posters apart.
    footer_pt = 10 * k
    footer_y = height - margin * 0.6 - footer_pt * PT * 1.3
    group = plain(content.group_name)
    if group:
        register_for(doc, group)
        size_pt = doc.fit_size(latin, group, inner, footer_pt * PT * 1.3, footer_pt, 5)
        doc.use(latin, size_pt)
        doc.set_text_color(*NHS_GREY)
        doc.paragraph(margin, footer_y, inner, group, footer_pt * PT * 1.3, Align.C)

    # Action panel: QR on the left, code and instructions on the right.
    target = qr_target(content)
    qr_size = 78 * k if target else 0.0
    panel_height = max(qr_size, 60 * k)
    panel_top = footer_y - 4 * k - panel_height
    doc.set_draw_color(*NHS_BLUE)
    doc.set_line_width(1.2 * k)
    doc.line(margin, panel_top - 5 * k, width - margin, panel_top - 5 * k)
    text_x = margin
    if target:
        doc.image(qr_png(target), x=margin, y=panel_top, w=qr_size, h=qr_size)
        text_x = margin + qr_size + 6 * k
    text_width = width - margin - text_x
    caption, lines = action_lines(content)
    y = panel_top + 2 * k
    if caption:
        doc.use(latin, 15 * k, bold=True)
        doc.set_text_color(*NHS_DARK)
        y = doc.paragraph(text_x, y, text_width, caption, 15 * k * PT * 1.25, Align.L) + 2 * k
    code = plain(content.code)
    register_for(doc, code)
    code_pt = doc.fit_size(latin, code, text_width, 22 * k, 44 * k, 12, bold=True, factor=1.1)
    doc.use(latin, code_pt, bold=True)
    doc.set_text_color(*NHS_BLUE)
    y = doc.paragraph(text_x, y, text_width, code, code_pt * PT * 1.1, Align.L) + 2 * k
    if lines:
        joined = "\n".join(lines)
        room = panel_top + panel_height - y
        body_pt = doc.fit_size(latin, joined, text_width, room, 15 * k, 7, factor=1.25)
        doc.use(latin, body_pt)
        doc.set_text_color(*NHS_DARK)
        for line in lines:
            y = doc.paragraph(text_x, y, text_width, line, body_pt * PT * 1.25, Align.L) + 1 * k

    # Languages between band and panel.
    langs = printable_languages(content.languages)
    found = blocks(doc, content, langs, with_sms=bool(content.sms_number))
    region_top = band_height + 8 * k
    region_height = panel_top - 12 * k - region_top
    fit_blocks(doc, found, (margin, region_top, inner, region_height), (22 * k, 16 * k), largest=2.0)
    return bytes(doc.output())


def card_pdf(content: PosterContent) -> bytes:
    """A business-card size (85 x 55 mm) card: QR, code, and the promise in English and her language.

    Small enough for a purse or a pram; the SMS line is kept because not every phone scans a QR.
    """
    width, height = 85.0, 55.0
    doc = Doc(width, height)
    latin = doc.family_for(require_latin(), bold=True)
    doc.set_title(f"{text(DEFAULT, 'poster.title')} - {plain(content.code)}")
    margin = 3.5

    band_height = 9.0
    band(doc, latin, text(DEFAULT, "poster.title"), width, band_height, margin, 10)

    target = qr_target(content)
    qr_size = 31.0 if target else 0.0
    top = band_height + 2.5
    code = plain(content.code)
    register_for(doc, code)
    _, lines = action_lines(content)
    sms = lines[0] if content.sms_number else None
    bottom = height - margin
    if sms:
        doc.use(latin, 6)
        doc.set_text_color(*NHS_DARK)
        sms_pt = doc.fit_size(latin, sms, width - 2 * margin, 3.2, 7, 4.5)
        doc.use(latin, sms_pt)
        doc.set_xy(margin, bottom - sms_pt * PT * 1.25)
        doc.cell(width - 2 * margin, sms_pt * PT * 1.25, sms, align=Align.L)
        bottom -= sms_pt * PT * 1.25 + 1
    if target:
        doc.image(qr_png(target), x=margin - 1.2, y=top - 1.2, w=qr_size, h=qr_size)
        code_width = qr_size - 2
        code_pt = doc.fit_size(latin, code, code_width, 5, 12, 5, bold=True, factor=1.1)
        doc.use(latin, code_pt, bold=True)
        doc.set_text_color(*NHS_BLUE)
        doc.paragraph(margin, top + qr_size - 1.6, code_width, code, code_pt * PT * 1.1, Align.C)
        x = margin + qr_size + 1
    else:
        code_pt = doc.fit_size(latin, code, width - 2 * margin, 7, 16, 6, bold=True, factor=1.1)
        doc.use(latin, code_pt, bold=True)
        doc.set_text_color(*NHS_BLUE)
        top = doc.paragraph(margin, top, width - 2 * margin, code, code_pt * PT * 1.1, Align.L) + 1
        x = margin
    langs = printable_languages(content.languages)[:2]  # English and the first chosen language
    shown = [replace(b, title=None, lines=b.lines[:1]) for b in blocks(doc, content, langs, with_sms=False)]
    fit_blocks(doc, shown, (x, top, width - margin - x, bottom - top - 0.5), (7, 7))
    return bytes(doc.output())
