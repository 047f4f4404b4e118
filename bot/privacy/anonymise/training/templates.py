"""Synthetic training sentences in all 14 languages, native script and romanised, built from templates.

Each sentence puts a cue from ``_cues.py`` (family, staff, "I am") before a name, or before an ordinary
continuation with no name at all, so the model learns both that "میری ساس" is followed by a name and
that "ڈاکٹر نے کہا" is not.  The continuations are written here by hand for this project.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bot.privacy.anonymise._cues import _FAMILY, _KIN, _STAFF, _THANKS, _phrases
from bot.privacy.anonymise._features import script

Story = tuple[str, str | None, list[tuple[str, int, int]]]
NameMaker = Callable[[str, random.Random], str]

# What follows a person in a story: a verb or an adjective, never a name.  Native script and romanised.
CONTINUATIONS: dict[str, str] = {
    "en": "was so kind to me|stayed with me all night|held my hand|said it was normal|didnt listen to me|"
    "came in the morning|helped me feed|was rude to me|explained everything|never came back",
    "ur": "بہت اچھی تھیں|روز کھانا لاتی تھیں|نے میرا ہاتھ پکڑا|ساری رات میرے ساتھ رہی|نے کہا سب ٹھیک ہے|"
    "نے میری بات نہیں سنی|بہت پریشان تھے|bohat achi thi|ne mera haath pakra|sari raat mere sath rahi|"
    "ne kaha sab theek hai|ne meri baat nahi suni|bohat pareshan thay",
    "bn": "খুব ভালো ছিলেন|সারা রাত আমার সাথে ছিল|আমার হাত ধরে রেখেছিল|বলল সব ঠিক আছে|আমার কথা শুনল না|"
    "khub bhalo chilo|sara raat amar sathe chilo|amar kotha shunlo na|bollo sob thik ache",
    "pa": "ਬਹੁਤ ਚੰਗੀ ਸੀ|ਸਾਰੀ ਰਾਤ ਮੇਰੇ ਨਾਲ ਰਹੀ|ਨੇ ਮੇਰਾ ਹੱਥ ਫੜਿਆ|ਨੇ ਕਿਹਾ ਸਭ ਠੀਕ ਹੈ|بڑی چنگی سی|"
    "ساری رات میرے نال رہی|نے کیہا سب ٹھیک اے|bahut changi si|saari raat mere naal rahi|ne kiha sab theek aa",
    "gu": "બહુ સારી હતી|આખી રાત મારી સાથે રહી|એ મારો હાથ પકડ્યો|એ કહ્યું બધું બરાબર છે|bahu sari hati|"
    "aakhi raat mari sathe rahi|e kahyu badhu barabar che",
    "pl": "była bardzo miła|została ze mną całą noc|trzymała mnie za rękę|powiedziała że wszystko jest ok|"
    "nie słuchała mnie|przyszła rano",
    "ro": "a fost foarte drăguță|a stat cu mine toată noaptea|m-a ținut de mână|a zis că totul e bine|"
    "nu m-a ascultat|a venit dimineața",
    "pt": "foi muito simpática|ficou comigo a noite toda|segurou a minha mão|disse que estava tudo bem|"
    "não me ouviu|veio de manhã",
    "uk": "була дуже добра|була зі мною всю ніч|тримала мене за руку|сказала що все добре|не слухала мене|"
    "bula duzhe dobra|skazala shcho vse dobre",
    "ar": "كانت كتير لطيفة|ضلت معي طول الليل|مسكت إيدي|قالت كل شي منيح|ما سمعتني|kanet kteer la6eefe|"
    "dallet ma3i kel el lel|2alet kel shi mni7",
    "so": "aad bay ii naxariisatay|habeenkii oo dhan way ila joogtay|gacanta ayay i qabatay|"
    "waxay tiri wax walba waa caadi|ima aysan dhagaysan",
    "ps": "ډېره مهربانه وه|ټوله شپه راسره وه|زما لاس یې ونیو|ویې ویل هر څه سم دي|dera mehrabana wa|"
    "tola shpa rasara wa|waye wayel har sa sam di",
    "prs": "خیلی مهربان بود|تمام شب همراهم بود|دستم را گرفت|گفت همه چیز خوب است|khaili mehraban bud|"
    "tamam shab hamrayam bud|goft hama chiz khub ast",
    "ti": "ብጣዕሚ ሕያዋይ ነበረት|ምሉእ ለይቲ ምሳይ ነበረት|ኢደይ ሓዚና|ኩሉ ጽቡቕ እዩ ኢላ|bta'mi hyawit nebret|mulu leyti msay nebret",
}
# "I am NAME" where the verb comes after the name.
I_AM_FRAMES: dict[str, str] = {
    "ur": "میں {} ہوں|main {} hun|mera naam {} hai",
    "bn": "আমি {}|ami {}|amar naam {}",
    "pa": "ਮੈਂ {} ਹਾਂ|میں {} آں|main {} haan",
    "gu": "હું {} છું|hu {} chu|maru naam {} che",
    "ps": "زه {} یم|za {} yam|zama num {} de",
    "prs": "من {} هستم|man {} hastam|nam-e man {} ast",
    "ti": "ኣነ {} እየ|ane {} eye|smey {} eyu",
    "ar": "أنا {}|ana {}|esmi {}",
    "so": "{} ayaan ahay|magacaygu waa {}",
    "uk": "я {}|мене звати {}",
    "pl": "jestem {}|mam na imię {}",
    "ro": "sunt {}|mă numesc {}",
    "pt": "sou a {}|chamo-me {}",
    "en": "im {}|i am {}|its {} here|{} here|{} is me|we call her {}|they call me {}|"
    "{} is what everyone calls me|everyone calls me {}",
}

# A name with the words that govern it: prepositions before, postpositions after, or a case ending
# fused to it ("ን{}", "{}কে", "{}ને": the span takes the whole word, as the evaluation set marks it).
GOVERNED_FRAMES: dict[str, str] = {
    "ur": "میں نے {} کو بتایا|{} نے کہا|{} سے بات کی|{} کے ساتھ گئی|maine {} ko bataya|{} ne kaha|"
    "{} se baat ki|{} ke sath gayi",
    "pa": "ਮੈਂ {} ਨੂੰ ਦੱਸਿਆ|{} ਨੇ ਕਿਹਾ|{} ਨਾਲ ਗੱਲ ਕੀਤੀ|میں {} نوں دسیا|{} نے کیہا|main {} nu dasya|"
    "{} ne keha|{} naal gal kiti",
    "bn": "আমি {}কে বললাম|{}র সাথে কথা বললাম|{} বলল|ami {}ke bollam|{}r sathe kotha bollam|{} bollo",
    "gu": "મેં {}ને કહ્યું|{}એ કહ્યું|{} સાથે વાત કરી|me {}ne kahyu|{}e kahyu|{} sathe vaat kari",
    "ps": "له {} سره مې خبرې وکړې|{} ته مې وویل|{} راته وویل|la {} sara me khabare wakre|{} ta me wayal|"
    "{} rata wayal",
    "prs": "با {} گپ زدم|به {} گفتم|{} را دیدم|{} برایم گفت|ba {} gap zadam|ba {} goftam|{} ra didam",
    "ti": "ምስ {} ተዛሪበ|ን{} ነጊረያ|ናይ {} ስልኪ|{} ነጊራትኒ|msi {} tezaribe|n{} negireya|{} negiratni",
    "ar": "حكيت مع {}|قلت ل{}|{} قالتلي|hakeit ma3 {}|2elt la {}|{} 2aletli",
    "so": "{} ayaan la hadlay|{} ayaan u sheegay|waxaan la hadlay {}",
    "en": "i told {}|spoke to {} on the phone|{} said|went with {}",
}


# "and" in each language, native script and romanised, for two names joined ("حمیده و مژگان").
AND: dict[str, str] = {
    "en": "and|&",
    "ur": "اور|aur",
    "bn": "আর|ও|ar",
    "pa": "ਅਤੇ|ਤੇ|تے|te|ate",
    "gu": "અને|ane",
    "pl": "i",
    "ro": "și|si",
    "pt": "e",
    "uk": "і|та|i",
    "ar": "و|w|wa",
    "so": "iyo",
    "ps": "او|aw",
    "prs": "و|o",
}  # Tigrinya fuses its "and" to each name (ሳባን ሄለንን): the hand-written stories have those
# Thanks said with their own verb or to everyone, no name after them ("شکریہ ادا کرنا", "dziękuję
# wszystkim"): a thank-you word is not a name, nor is the verb after it.  Written by hand for this project.
THANKS_WITHOUT_NAME: dict[str, str] = {
    "en": "thank you so much to everyone|thanks for everything|thank you for listening to me|"
    "thanks to all the staff",
    "ur": "شکریہ ادا کرنا چاہتی ہوں|آپ سب کا بہت شکریہ|shukriya ada karna chahti hun|bohat shukriya sab ka",
    "bn": "সবাইকে ধন্যবাদ জানাই|অনেক ধন্যবাদ সবাইকে|sobaike dhonnobad janai",
    "pa": "ਸਾਰਿਆਂ ਦਾ ਬਹੁਤ ਧੰਨਵਾਦ|ਧੰਨਵਾਦ ਕਰਦੀ ਹਾਂ|dhanvaad kardi haan sab da",
    "gu": "બધાનો ખૂબ આભાર|આભાર માનું છું|aabhar manu chu badha no",
    "pl": "dziękuję bardzo za wszystko|dziękuję wszystkim",
    "ro": "mulțumesc frumos tuturor|multumesc mult pentru tot",
    "pt": "obrigada por tudo|obrigada a todos",
    "uk": "дякую всім за все|дуже дякую за допомогу|dyakuyu vsim",
    "ar": "شكرا كتير إلكن كلكن|شكراً على كل شي|shukran kteer",
    "so": "mahadsanid dhammaantiin|aad baad u mahadsantihiin",
    "ps": "له ټولو مننه کوم|ډېره مننه|manana kawam",
    "prs": "از شما تشکر می‌کنم|تشکر می‌کنم از کمک شما|tashakor mekonam az shoma",
    "ti": "ንኹልኹም የቐንየለይ|ብዙሕ የቐንየለይ|yekenyeley n'kulkum",
}


def _letter_script(phrase: str) -> str:
    """The script of a phrase's first letter ("{} ne kaha" is Latin)."""
    return next((script(c) for c in phrase if c.isalpha()), "oth")


def _same_script(phrases: list[str], sample: str) -> list[str]:
    want = _letter_script(sample)
    return [p for p in phrases if _letter_script(p) == want]


def generate(lang: str, count: int, make_name: NameMaker, rng: random.Random) -> list[Story]:
    """``count`` sentences in ``lang``: half with a name after a cue, half a cue with no name after it."""
    continuations = _phrases(CONTINUATIONS, lang)
    kin = _phrases(_FAMILY, lang) + _phrases(_KIN, lang)
    staff = _phrases(_STAFF, lang) + _phrases(_STAFF, "en")
    frames = _phrases(I_AM_FRAMES, lang)
    governed = _phrases(GOVERNED_FRAMES, lang)
    thanks = _phrases(_THANKS, lang)
    joiners = _phrases(AND, lang)
    out: list[Story] = []
    for _ in range(count):
        tail = rng.choice(continuations)
        native = script(tail[0])
        kind = rng.choice(
            (
                "NAME",
                "STAFF NAME",
                "NAME",
                "none",
                "frame",
                "first",
                "governed",
                "pair",
                "thanks",
                "unthanked",
            )
        )
        cues = _same_script(staff if kind == "STAFF NAME" else kin, tail) or kin
        name = make_name(native, rng)
        if rng.random() < 0.3:
            name += " " + make_name(native, rng)
        if kind == "frame":
            frame = rng.choice(_same_script(frames, tail) or frames)
            head, _, rest = frame.partition("{}")
            text = f"{head}{name}{rest} {tail}"
            out.append((text, lang, [("NAME", len(head), len(head) + len(name))]))
        elif kind == "governed" and governed:
            frame = rng.choice(_same_script(governed, tail) or governed)
            head, _, rest = frame.partition("{}")
            start = len(head) - len(head.split(" ")[-1])  # a prefix fused to the name goes with it
            end = len(head) + len(name) + len(rest.split(" ")[0])
            text = f"{head}{name}{rest} {tail}"
            out.append((text, lang, [("NAME", start, end)]))
        elif kind == "first":  # "Tahmina my sister ...", "bally mera ghar wala"
            cue = rng.choice(_same_script(kin, tail) or kin)
            out.append((f"{name} {cue} {tail}", lang, [("NAME", 0, len(name))]))
        elif kind == "pair" and joiners:  # "my sisters Farida and Shakila came": the name after the "and" too
            cue = rng.choice(_same_script(kin, tail) or kin)
            joiner = rng.choice(_same_script(joiners, tail) or joiners)
            other = make_name(native, rng)
            start = len(cue) + 1
            second = start + len(name) + len(joiner) + 2
            text = f"{cue} {name} {joiner} {other} {tail}"
            out.append(
                (text, lang, [("NAME", start, start + len(name)), ("NAME", second, second + len(other))])
            )
        elif kind == "thanks":
            cue = rng.choice(_same_script(thanks, tail) or thanks)
            start = len(cue) + 1
            out.append((f"{cue} {name} {tail}", lang, [("STAFF NAME", start, start + len(name))]))
        elif kind == "unthanked":
            out.append((rng.choice(_phrases(THANKS_WITHOUT_NAME, lang)), lang, []))
        elif kind == "none":
            cue = rng.choice(_same_script(staff + kin, tail) or staff)
            out.append((f"{cue} {tail}", lang, []))
        else:
            cue = rng.choice(cues)
            start = len(cue) + 1
            out.append((f"{cue} {name} {tail}", lang, [(kind, start, start + len(name))]))
    return out
