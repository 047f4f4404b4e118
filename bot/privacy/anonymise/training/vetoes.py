"""Which real names the steps after the model drop: ``python -m bot.privacy.anonymise.training.vetoes``.

Every rule that makes a word *not* a name (a function word, a place, a verb's shape, a cue's own
word…) is checked here on names rather than on stories: the names of Faker's person lists, read with
the language they belong to (when ``faker`` is installed: the ``gazetteer`` extra), the hand-written
``names.txt`` and the names marked in the training and held-out stories.  Each name is put where a name
stands in her language (after a staff or family word, before "the midwife", before a verb), with its
capital and, in a cased script, in lowercase; Polish and Ukrainian names also in the case the sentence
asks for.  A name the model took and the final decision left is *dropped*, and the step that dropped it
is the first whose switching off brings it back.  A name the model never took is counted apart: no
step after the model could have lost it.  No evaluation set is read.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import random
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from bot.privacy.anonymise import _model
from bot.privacy.anonymise._declension import oblique_forms
from bot.privacy.anonymise._features import features
from bot.privacy.anonymise._names import RuleView
from bot.privacy.anonymise.build_gazetteer import locale_names
from bot.privacy.anonymise.training.handwritten import HELD_OUT, handwritten
from bot.privacy.anonymise.training.polish import decline

_HAND_NAMES = Path(__file__).with_name("names.txt")
# Faker's person lists for each language of the line (English: the origins a UK maternity service
# meets most, in Latin letters).  Pashto, Panjabi, Somali and Tigrinya have none there.
_LOCALES = {
    "en": "en en_GB en_IE en_US en_NZ en_KE en_NG yo_NG ig_NG ha_NG tw_GH sw zu_ZA en_PK en_IN vi_VN id_ID "
    "tr_TR lt_LT ga_IE es_CO",
    "pt": "pt_PT pt_BR",
    "pl": "pl_PL",
    "ro": "ro_RO",
    "uk": "uk_UA",
    "ar": "ar_AA ar_DZ ar_PS ar_SA",
    "prs": "fa_IR",
    "bn": "bn_BD",
    "gu": "gu_IN",
    "ur": "en_PK",
}
# The sections of names.txt, by their heading.
_HAND_SECTIONS = {
    "Gurmukhi": "pa",
    "Ge'ez (Tigrinya, Amharic)": "ti",
    "Urdu and Panjabi in Arabic script": "ur",
    "Pashto": "ps",
}
# Where a name stands, per language: "{}" as written, "{ins}" / "{gen}" in that case.
SENTENCES = {
    "en": (
        "the midwife {} came in the morning",
        "my sister {} stayed with me all night",
        "{} the midwife held my hand",
        "Dr {} said it was normal",
        "then {} came and held my hand",
    ),
    "pt": (
        "a parteira {} veio de manhã",
        "a minha irmã {} ficou comigo",
        "o Dr. {} disse que estava tudo bem",
        "depois a {} chegou",
    ),
    "pl": (
        "położna {} przyszła rano",
        "moja siostra {} była ze mną",
        "byłam z mężem {ins} cały dzień",
        "rozmawiałam z {ins} o porodzie",
        "zadzwoniłam do {gen} w nocy",
    ),
    "ro": ("moașa {} a venit dimineața", "sora mea {} a stat cu mine", "doctorul {} a zis că e bine"),
    "uk": (
        "акушерка {} прийшла вранці",
        "моя сестра {} була зі мною",
        "лікар {} сказав що все добре",
        "поруч був чоловік {ins}",
    ),
    "ar": ("الممرضة {} جات الصبح", "أختي {} كانت معي طول الليل", "الدكتور {} قال كل شي تمام"),
    "ur": (
        "ڈاکٹر {} نے کہا سب ٹھیک ہے",
        "میری بہن {} میرے ساتھ تھی",
        "meri behen {} mere sath thi",
        "doctor {} ne kaha sab theek hai",
    ),
    "bn": ("ডাক্তার {} বললেন সব ঠিক আছে", "আমার বোন {} আমার সাথে ছিল"),
    "gu": ("ડૉક્ટર {} એ કહ્યું બધું બરાબર છે", "મારી બહેન {} મારી સાથે હતી"),
    "pa": ("ਡਾਕਟਰ {} ਨੇ ਕਿਹਾ ਸਭ ਠੀਕ ਹੈ", "ਮੇਰੀ ਭੈਣ {} ਮੇਰੇ ਨਾਲ ਸੀ"),
    "prs": ("داکتر {} گفت همه چیز خوب است", "خواهرم {} با من بود"),
    "ps": ("ډاکټره {} راغله", "زما خور {} راسره وه"),
    "so": ("umulisada {} ayaa timid", "walaashay {} ayaa ila joogtay"),
    "ti": ("ሓኪም {} መጺኡ", "ሓብተይ {} ምሳይ ነይራ", "{}ን ሳባን መጺአን"),
}


def _never(*_: object) -> bool:
    return False


def _always(*_: object) -> bool:
    return True


def _nothing(*_: object) -> None:
    return None


def _without_cue_words(text: str, lang: str | None) -> tuple[RuleView, list[int], list[str]]:
    """The rules' view with no token a cue's own word or her town."""
    view, picked, flat = features(text, lang)
    return view._replace(in_cues=frozenset(), placed=frozenset()), picked, flat


# Each step after the model, and how to switch it off: an attribute of ``_model`` and its stand-in.
STEPS: dict[str, tuple[str, object]] = {
    "verb shape": ("verb_at", _never),
    "place word": ("PLACE_WORDS", frozenset()),
    "facility word": ("FACILITY_WORDS", frozenset()),
    "function word": ("stopwords", lambda lang: frozenset()),
    "thanks word": ("THANKS_WORDS", frozenset()),
    "word of respect": ("respect_after_a_name", lambda lang: frozenset()),
    "cue veto": ("CUE_VETO", -1e9),
    "what she was": ("_said_of_the_cue", _never),
    "verb before an object": ("_verb_before_object", _never),
    "lowercase word": ("person_after", _always),
    "places cleared": ("_clear_places", _nothing),
    "decoy word": ("DECOY_WORDS", frozenset()),
    "a cue's own word or her town": ("features", _without_cue_words),
}


def _faker_names(locale: str) -> set[str]:
    """The provider's names, or none where faker is not installed."""
    try:
        return locale_names(locale)
    except ModuleNotFoundError:
        return set()


def _hand_names() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    lang = ""
    for line in _HAND_NAMES.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") and line[2:] in _HAND_SECTIONS:
            lang = _HAND_SECTIONS[line[2:]]
        elif line.strip() and not line.startswith("#") and lang:
            found.setdefault(lang, set()).add(line.strip().casefold())
    return found


def names_by_language() -> dict[str, set[str]]:
    """Every name the lists here know, by the language whose stories it is put in."""
    found = _hand_names()
    for text, lang, ents in handwritten() + handwritten(HELD_OUT):
        for _, start, end in ents:
            found.setdefault(str(lang), set()).update(w.casefold() for w in text[start:end].split())
    for lang, locales in _LOCALES.items():
        for locale in locales.split():
            found.setdefault(lang, set()).update(_faker_names(locale))
    return {lang: {n for n in names if len(n) >= 2} for lang, names in found.items()}


def _written(name: str) -> list[str]:
    """The name with its capital, and in a cased script also in lowercase (texted)."""
    if name[:1].upper() == name[:1].lower():
        return [name]
    return [name[:1].upper() + name[1:], name]


def _placed(frame: str, name: str, lang: str) -> tuple[str, int, int] | None:
    """The sentence with the name in the case its frame asks for, and where the name stands; None where
    no rule here makes that case."""
    head, _, rest = frame.partition("{")
    case, _, tail = rest.partition("}")
    form = name
    if case and lang == "pl":
        form = decline(name)[case]
    elif case:
        oblique = oblique_forms(name.casefold())
        if len(oblique) < 4:
            return None
        form = oblique[-1][:1].upper() + oblique[-1][1:] if name[:1].isupper() else oblique[-1]
    return head + form + tail, len(head), len(head) + len(form)


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(any(a <= i < b for a, b in spans) for i in range(start, end))


@contextmanager
def _switched_off(step: str) -> Iterator[None]:
    attr, stand_in = STEPS[step]
    with mock.patch.object(_model, attr, stand_in):
        yield


def _dropped_by(text: str, lang: str, start: int, end: int) -> str:
    """The first step whose switching off brings the name back, or "several"."""
    for step in STEPS:
        with _switched_off(step):
            found = [(a, b) for _, a, b in _model.find_names(text, lang)]
        if _covered(found, start, end):
            return step
    return "several"


def audit(lang: str, names: list[str], report: Callable[[str], None]) -> tuple[int, int, int]:
    """Sentences, names dropped after the model, names the model never took; the steps and names
    dropped go to ``report``."""
    sentences = dropped = never = 0
    steps: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for name in names:
        for written in _written(name):
            for frame in SENTENCES[lang]:
                placed = _placed(frame, written, lang)
                if placed is None:
                    continue
                text, start, end = placed
                stages: _model.Stages = {}
                _model.find_names(text, lang, stages)
                sentences += 1
                if _covered(stages["final"], start, end):
                    continue
                if _covered(stages["model+carried"], start, end):
                    dropped += 1
                    step = _dropped_by(text, lang, start, end)
                    steps[step] += 1
                    words[f"{text[start:end]} ({step})"] += 1
                else:
                    never += 1
    report(
        f"{lang}: {len(names)} names, {sentences} sentences, {dropped} dropped after the model, "
        f"{never} never taken"
    )
    for step, count in steps.most_common():
        report(f"    {count:5}  {step}")
    if words:
        report("    e.g. " + ", ".join(w for w, _ in words.most_common(12)))
    return sentences, dropped, never


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default=",".join(SENTENCES), help="comma-separated languages")
    parser.add_argument("--sample", type=int, default=3000, help="names per language at most (seeded)")
    args = parser.parse_args()
    if importlib.util.find_spec("faker") is None:
        print(
            "faker is not installed: only the hand-written names are read (pip install the gazetteer extra)"
        )
    known = names_by_language()
    rng = random.Random(17)
    for lang in args.langs.split(","):
        names = sorted(known.get(lang, set()))
        rng.shuffle(names)
        audit(lang, names[: args.sample], print)


if __name__ == "__main__":
    main()
