"""Words whose affixes make them a verb of her language, never a name, wherever they stand.

No list knows every form of a verb, and the model took some at a story's start ("Rodziłam w Slough",
"perdemos a nossa Maria") or just after a name ("تسنيم اتولدت", "ايمي ساعدتني"), where a capital or
the name before leans it towards a name.  Only affixes no name of the line's origins carries are used,
each in its own language: Polish past tense with a person ending ("rodziłam", "straciliśmy", typed
without marks "stracilismy"); Portuguese first person plural of seven letters or more ("perdemos",
"ficamos"; "Ramos", "Lemos" are surnames); Romanian clitic pronoun and auxiliary ("i-a", "mi-au");
Arabic dialect verbs with "me" or "us" after "she" or "you" ("ساعدتني", "ساعدتنا"; not "ني" or "وني"
alone: "هاني", "زيتوني"), the passive prefix ("اتولدت") or the "م…ش" negation ("محدش"); Dari's
negative present ("نمیکرد"); and, in any language, Tigrinya's negative "ኣይ…ን" ("ኣይሰምዐን").  A listed
name of such a shape ("مرمش", a surname) stays a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.privacy.anonymise._lexicon import gazetteer

_EVERY_LANGUAGE = re.compile(r"ኣይ.+ን")
_BY_LANGUAGE: dict[str, re.Pattern[str]] = {
    "pl": re.compile(r".{2,}(?:łam|łem|łaś|łeś|liśmy|łyśmy|liście|łyście|lismy|lysmy)"),
    "pt": re.compile(r".{3,}(?:amos|ámos|emos|imos)"),
    "ro": re.compile(r"(?:mi|ți|ţi|i|l|m|s|ne|v|le|ni|vi|li)-(?:a|au|am|ai|ați|aţi)"),
    "ar": re.compile(r"ات.{3,}|م.{2,}ش|.{2,}(?:تني|تنا)"),
    "prs": re.compile(r"نمی.{2,}"),
}


@lru_cache(maxsize=65536)
def verb_shaped(low: str, lang: str | None) -> bool:
    """A casefolded word with a verb's affixes in her language (or Tigrinya's negative in any), and no
    listed name."""
    pattern = _BY_LANGUAGE.get(lang or "")
    shaped = _EVERY_LANGUAGE.fullmatch(low) or (pattern and pattern.fullmatch(low))
    return bool(shaped) and low not in gazetteer().names
