"""The languages the line speaks: one line each. A language is offered once its catalog exists."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # our code, also the catalog's folder name under flows/locale/
    english_name: str
    native_name: str  # how she would recognise it in a menu
    rtl: bool = False


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English"),
    Language("ur", "Urdu", "اردو", rtl=True),
    Language("bn", "Bengali", "বাংলা"),
    Language("pa", "Panjabi", "ਪੰਜਾਬੀ"),
    Language("gu", "Gujarati", "ગુજરાતી"),
    Language("pl", "Polish", "Polski"),
    Language("ro", "Romanian", "Română"),
    Language("ar", "Arabic", "العربية", rtl=True),
    Language("so", "Somali", "Soomaali"),
    Language("pt", "Portuguese", "Português"),
    Language("ps", "Pashto", "پښتو", rtl=True),
    Language("prs", "Dari", "دری", rtl=True),
    Language("ti", "Tigrinya", "ትግርኛ"),
    Language("uk", "Ukrainian", "Українська"),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
DEFAULT = "en"
