"""Words whose affixes make them a verb of her language, never a name, wherever they stand.

No list knows every form of a verb, and the model took some at a story's start ("Rodziłam w Slough", "perdemos
a nossa Maria") or just after a name ("تسنيم اتولدت", "ايمي ساعدتني"), where a capital or the name before
leans it towards a name.  Only affixes no name of the line's origins carries are used, each in its own
language: Polish past tense with a person ending ("rodziłam", "straciliśmy", typed without marks
"stracilismy"; not a man's "-łem", "-łeś", which is also the instrumental of every name in "-ł": "z Michałem",
"z Pawłem"); Portuguese first person plural of seven letters or more ("perdemos", "ficamos"; "Ramos", "Lemos"
are surnames); Romanian clitic pronoun or short "not" and auxiliary ("i-a", "mi-au", "n-a"); Arabic dialect
verbs with "me" or "us" after "she" or "you" ("ساعدتني", "ساعدتنا", "جابتلي"; not "ني" or "وني" alone: "هاني",
"زيتوني"), the passive prefix ("اتولدت") or the "م…ش" negation ("محدش"); Dari's negative present ("نمیکرد")
and the past of its everyday verbs, negative, continuous or with a person ending ("نیامد", "نشنید", "میگفت",
"گذاشتند"; its stems end in "د" or "ت", as "نوید", "ناهید" do, so the stems are read, not the ending);
Ukrainian past plural, imperatives and the present's "I" and "they" ("Дозволили", "Подякуйте", "звуть"); and,
in any language, Tigrinya's negative "ኣይ…ን" around a stem of two syllables or more ("ኣይሰምዐን"; "ኣይመን" is
Ayman), unless the word after it also ends in "ን": Tigrinya's "and" goes on every name it joins ("ኣይናለምን
ሰላምን", Aynalem and Selam), its verbs with "me" or "for me" after a third person ("ተዛሪቡኒ", "ሒዛትለይ") and its
relative verbs ("ዝነበረት").  A listed name of such a shape ("مرمش", a surname) stays a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.privacy.anonymise._lexicon import gazetteer
from bot.privacy.anonymise._tokens import Token

# Tigrinya's negative, its verbs with "me", "for me" or "for us" after a third person ("ኣረጋጊኣትኒ",
# she calmed me; "ተዛሪቡኒ", he spoke to me; "ኢሉኒ"; "ሒዛትለይ", she brought me; "ሓልዩልና"), and its
# relative verbs ("ዝነበረት", who was; "ዝሓለፈ"): no name of ours opens with "ዝ".
_EVERY_LANGUAGE = re.compile(r"ኣይ.{2,}ን|.+(?:ትኒ|ቡኒ|ሉኒ|ዑኒ|ምኒ|ትለይ|ትልና|ዩልና|ዩለይ)|ዝ.{3,}")
_AND = "ን"  # Tigrinya's "and", written onto each word it joins
# Arabic "to me", "to us", "with me", "with us", "on me", as dialects write them: only a verb is followed
# by one ("جابت لي", "حكى معي").  Not "علي", which is also the name Ali.
# The dialects' "not", written apart from the verb it wraps in "…ش" ("ما كانش عندهم ترجمان").
_NOT = frozenset("ما ma".split())
_NEGATED = re.compile(r".{2,}ش")
_TO_ME = frozenset("لي ليا لنا الي إلي معي معايا معاي معنا معانا عليا علينا".split())
# The past stems of Dari's everyday verbs (heard, did, went, said, gave, saw, became, was, ate, took,
# stayed, let, wanted, could, had, got, hit, wrote, understood, asked, arrived, pulled, slept, knew, sent,
# passed, threw, accepted, bought, feared, cried, laughed, ran, sat, washed), and those opening with "آ"
# (came, brought), written "یا…" after "ن" or "می"; and the person endings of the past.
_DARI_PAST = (
    "شنید|کرد|رفت|گفت|داد|دید|شد|بود|خورد|برد|ماند|گذاشت|خواست|توانست|داشت|گرفت|زد|نوشت|فهمید|"
    "پرسید|رسید|کشید|خوابید|دانست|فرستاد|گذشت|انداخت|پذیرفت|خرید|ترسید|گریست|خندید|دوید|نشست|شست"
)
_DARI_PAST_A = "مد|ورد"
_DARI_PERSON = "م|یم|ید|ند|ین"
# Where a capital mid-sentence marks a name, never a verb: there a verb's shape is read only in lower case
# or at a sentence's start.
_NAMES_CAPITALISED = frozenset({"uk"})
_BY_LANGUAGE: dict[str, re.Pattern[str]] = {
    "pl": re.compile(r".{2,}(?:łam|łaś|liśmy|łyśmy|liście|łyście|lismy|lysmy)"),
    "pt": re.compile(r".{3,}(?:amos|ámos|emos|imos)"),
    "ro": re.compile(r"(?:mi|ți|ţi|i|l|m|n|s|ne|v|le|ni|vi|li)-(?:a|au|am|ai|ați|aţi)"),
    "ar": re.compile(r"ات.{3,}|م.{2,}ش|.{2,}(?:تني|تنا|تلي|تلنا)"),
    # Past plural, imperatives and the present's "I" and "they" ("Дозволили", "Ходили", "звали",
    # "Подякуйте", "дякую", "звуть"); not "-ла" ("Людмила"), "-мили" (her genitive, "Людмили") nor "-аю"
    # ("Миколаю").
    "uk": re.compile(r".{2,}(?:али|уть|ють)|.{3,}(?:(?<!м)или|іли|яли|ули|уйте|ійте|іть|ую)"),
    "prs": re.compile(
        rf"نمی.{{2,}}|(?:ن|می)(?:{_DARI_PAST}|یا(?:{_DARI_PAST_A}))(?:{_DARI_PERSON}|ی|ه)?"
        rf"|(?:{_DARI_PAST}|[آا](?:{_DARI_PAST_A}))(?:{_DARI_PERSON})"
    ),
}


@lru_cache(maxsize=65536)
def verb_shaped(low: str, lang: str | None) -> bool:
    """A casefolded word with a verb's affixes in her language (or Tigrinya's negative in any), and no
    listed name."""
    pattern = _BY_LANGUAGE.get(lang or "")
    shaped = _EVERY_LANGUAGE.fullmatch(low) or (pattern and pattern.fullmatch(low))
    return bool(shaped) and low not in gazetteer().names


def verb_at(toks: list[Token], i: int, lang: str | None) -> bool:
    """Token i is a verb of her language by its affixes, or, in Arabic, by the "to me", "with us" said
    straight after it ("جابت لي", "شرحت لي", "قعدت معنا": no name is followed by one) or the "ما … ش"
    around it ("ما كانش"), and no listed name.  A word in "ን" just before another in "ን" is one of two
    names Tigrinya's "and" joins."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    low = toks[i].low
    if lang in _NAMES_CAPITALISED and toks[i].cap and not toks[i].sentence_start:
        return False  # "чекали на Данили дзвінок": a name's genitive has the past plural's "-или"
    if lang == "ar" and nxt is not None and nxt.gap_before == " " and nxt.low in _TO_ME:
        return low not in gazetteer().names
    if lang == "ar" and i > 0 and toks[i - 1].low in _NOT and _NEGATED.fullmatch(low):
        return low not in gazetteer().names  # "ما كانش", "ما جاش": the negation written apart
    if not verb_shaped(low, lang):
        return False
    joined = (
        nxt is not None
        and nxt.gap_before == " "
        and nxt.low.endswith(_AND)
        and not _EVERY_LANGUAGE.fullmatch(nxt.low)  # "ኣይመጸን ኣይደወለን": two verbs
    )
    return not (joined and low.endswith(_AND))
