"""The phrases around a name she gives: the name she gave her baby ("we named her X", "نام نور رکھا",
"নাম রেখেছি আলো"), her own said the other way round ("X is me"), the name to ask for when staff
ring back ("ask for X", "મીનુ માટે પૂછજો", "واسألوا عن أم X", "ንዓይ X ሕተቱ"), and who works at a desk
("X from reception", "هبة من الاستقبال"); and the phrases around the
town she comes from, which is no name ("mai Bolton se hoon", "زه د برمنګهم یم", "من از لیدز هستم").

A frame is written with ``*`` where the name stands; the words before and after it must all be there.
A baby's name is so often also a word (Noor, light; Alo, light) that a naming frame takes the word
whatever it means; an asking frame ("ask for help", "ask for an interpreter") only a word no everyday
list knows, or a capitalised one.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from bot.privacy.anonymise._cues import languages_for, spellings
from bot.privacy.anonymise._tokens import phrase_tokens

_NAMING: dict[str, str] = {
    "en": "named her *|named him *|called her *|called him *|we named her *|we called her *",
    "ur": "نام * رکھا|نام * رکھی|نام * رکھا ہے|naam * rakha|naam * rakhi|nam * rakha|nam * rakhi",
    "pa": "ਨਾਮ * ਰੱਖਿਆ|ਨਾਂ * ਰੱਖਿਆ|ناں * رکھیا|نام * رکھیا|naam * rakhya|naa * rakhya|na * rakhya",
    "gu": "નામ * રાખ્યું|નામ * પાડ્યું|naam * rakhyu|nam * rakhyu|naam * padyu",
    "bn": "নাম রেখেছি *|নাম রাখলাম *|নাম দিয়েছি *|নাম * রেখেছি|নাম * রাখলাম|nam rekhechi *|naam rekhechi *|"
    "nam rakhlam *|nam * rekhechi|nam * rakhlam",
    "ar": "سمينا *|سميناها *|سميناه *|سميتها *|سميته *|سمينا البنت *|سمينا الولد *|sammenaha *|sammaynaha *|"
    "samenaha *",
    "ps": "نوم یې * کېښود|نوم مو * کېښود|نوم مو * واخیست|num ye * keshod|مو * نوم ورکړ|مو * نوم کېښود|"
    "یې * نوم ورکړ|یې * نوم کېښود|mo * num warkr|ye * num warkr",
    "prs": "نامش را * گذاشتیم|اسمش را * گذاشتیم|نامش را * ماندیم|nam-ash ra * gozashtim|"
    "namesh ra * gozashtim",
    "ti": "ሽማ * ሰሚናያ|ሽሙ * ሰሚናዮ|ሽማ * ኢልናያ|ሽሙ * ኢልናዮ",
    "so": "waxaan u bixinay *|waxaan ugu magac darnay *|waxaan u magacownay *",
    "pl": "daliśmy jej na imię *|daliśmy mu na imię *|nazwaliśmy ją *|nazwaliśmy go *",
    "ro": "am numit-o *|l-am numit *|i-am pus numele *|i-am dat numele *",
    "pt": "demos o nome de *|chamámos-lhe *|chamamos ela de *|chamamos ele de *|pusemos o nome de *",
    "uk": "назвали її *|назвали його *|назвали доньку *|назвали сина *",
}
_ASKING: dict[str, str] = {
    "en": "ask for *|asking for *|asked for *|ask to speak to *|ask to speak with *|ask after *",
    "ur": "* کا پوچھیں|* کا پوچھنا|* کو پوچھیں|* کو بلائیں|* ka poochain|* ka puchna|* ko poochain|"
    "* ko bulain",
    "pa": "* ਬਾਰੇ ਪੁੱਛੋ|* ਨੂੰ ਪੁੱਛੋ|* نوں پچھو|* بارے پچھو|* nu puchho|* nu pucho|* bare puchho",
    "gu": "* માટે પૂછજો|* માટે પૂછો|* ને પૂછજો|* ને પૂછો|* mate puchjo|* mate pucho|* ne puchjo|* ne pucho",
    "bn": "* কে চাইবেন|* কে জিজ্ঞেস করবেন|* এর কথা জিজ্ঞেস করবেন|* ke chaiben|* ke jiggesh korben",
    "ar": "اسألوا عن *|واسألوا عن *|اسألي عن *|اسأل عن *|اسالوا عن *|واسالوا عن *|اسألوا عن أم *|"
    "واسألوا عن أم *|اسألوا عن أبو *|واسألوا عن أبو *|is2alo 3an *|es2alo 3an *",
    "ps": "د * پوښتنه وکړئ|* وپوښتئ|* وغواړئ",
    "prs": "سراغ * را بگیرید|از * بپرسید|* را بخواهید|az * bepursid|soragh-e * ra begired",
    "ti": "ንዓይ * ሕተቱ|* ሕተቱ|* ሓቱ|* hatetu",
    "so": "weydiiya *|weydii *|u yeedha *|dalbada *",
    "pl": "pytać o *|pytajcie o *|zapytajcie o *|proszę pytać o *|poproście *|prosić o *",
    "ro": "întrebați de *|intrebati de *|cereți-o pe *|cereti-o pe *|întrebați-o pe *|intrebati-o pe *",
    "pt": "pergunte por *|perguntem por *|perguntar por *|peçam pela *|pecam pela *|chamem a *",
    "uk": "спитайте *|запитайте *|покличте *|попросіть *|питайте *",
}

# Who she is, said the other way round ("can you ring me, joy is me", "kasia to ja"): surer of a name than
# a baby's naming (``HERSELF``), but never after an article ("the one in the photo is me").  Not
# Portuguese's "* sou eu": "a culpa sou eu" (the fault is mine).
_HERSELF: dict[str, str] = {
    "en": "* is me|it's * here|its * here|it is * here",
    "pl": "* to ja",
    "uk": "* це я",
}

# Who told her or whom she told or asked ("પછી ભાવના એ મને કહ્યું", "به فرشته گفتم"), in the languages that
# put the person before the verb with a postposition, or after "to", whom help or a call came from, and
# whose name her badge gave ("her badge said Rasa"):
# read as an asking frame, so only a word no everyday list knows, or a capitalised one, and never a cue
# word ("ડૉક્ટર એ કહ્યું").
_TELLING: dict[str, str] = {
    # "from" is a locative ("from Bolton"), but not after help or a call: "support from Parveen".
    "en": "help from *|support from *|advice from *|a call from *|a visit from *|a text from *|"
    "a message from *|calls from *|visits from *|care from *|"
    "badge said *|badge says *|badge read *|name tag said *|name badge said *",
    "ur": "* نے کہا|* نے بتایا|* نے پوچھا|* کو بتایا|* سے پوچھا|* ne kaha|* ne bataya|* ne poocha|"
    "* ko bataya|* se poocha|* se pucha",
    "pa": "* ਨੇ ਕਿਹਾ|* ਨੇ ਦੱਸਿਆ|* ਨੂੰ ਦੱਸਿਆ|* ਨੂੰ ਪੁੱਛਿਆ|* نے آکھیا|* نے دسیا|* نوں دسیا|* نوں پچھیا|"
    "* ne kiha|* nu dassya|* nu puchhya",
    "gu": "* એ કહ્યું|* એ મને કહ્યું|* એ પૂછ્યું|* એ સમજાવ્યું|* ને કહ્યું|* ને પૂછ્યું|* ને જણાવ્યું|* e kahyu|* ne kahyu|* ne puchhyu",
    "bn": "* কে বললাম|* কে জিজ্ঞেস করলাম|* আমাকে বলল|* আমাকে বললেন|* ke bollam|* amake bollo",
    "ps": "* ته مې وویل|* راته وویل|* وویل چې|* ته ووایه",
    "prs": "به * گفتم|از * پرسیدم|* به من گفت|* برایم گفت|be * goftam|az * porsidam",
}

# Who works at a desk she went to ("Kathleen from reception", "هبة من الاستقبال", "شبنم له reception نه",
# "reception ના ફાલ્ગુનીબેન"): read as an asking frame, so only a word no everyday list knows, or a
# capitalised one ("the lady from reception", "یوه ښځه" stay). The English word is kept in every language:
# she writes it so as often as her own.
_AT_A_DESK: dict[str, str] = {
    "en": "* from reception|* on reception|* at reception|* from pals|* from the front desk|"
    "* on the front desk|* from switchboard|* on switchboard",
    "ar": "* من الاستقبال|* في الاستقبال|* بالاستقبال|* تبع الاستقبال|* من reception|* في reception",
    "prs": "* از reception|* از پذیرش|* در پذیرش|* از ریسپشن|* az reception",
    "ps": "* له reception نه|* له reception څخه|* د reception|* له ریسپشن نه|* la reception na",
    "ti": "* ካብ reception|* ካብ ሪሰፕሽን|* ኣብ reception|* kab reception",
    "ur": "reception والی *|reception سے *|ریسپشن والی *|ریسپشن سے *|reception wali *|reception se *",
    "pa": "reception ਵਾਲੀ *|reception ਤੋਂ *|reception والی *|ریسپشن والی *|reception wali *|reception ton *",
    "gu": "reception ના *|reception વાળા *|reception વાળી *|reception na *|reception vala *|reception vali *",
    "bn": "reception er *|reception এর *|রিসেপশনের *|reception theke *|রিসেপশন থেকে *",
    "pl": "* z recepcji|* na recepcji|* z rejestracji|* w rejestracji",
    "ro": "* de la recepție|* de la receptie|* de la recepţie|* de la recepția",
    "pt": "* da recepção|* da receção|* da recepcao|* na recepção|* na receção",
    "uk": "* з рецепції|* на рецепції|* з реєстратури|* в реєстратурі",
}

# The pet name someone calls her by ("my husband calls me Shosho"), read as an asking frame: "calls me
# back" and "بيقولي استنى" stay.  A name never runs on over these words, so the verb is never a name.
_CALLING: dict[str, str] = {
    "en": "calls me *|he calls me *|she calls me *",
    "ar": "بيقولي *|يقولي *|بيقوللي *|يقوللي *|يناديني *|بيناديني *",
}

# Where she is from or lives ("mai Leeds se hoon", "من از لیدز هستم"): the word in the frame is a town.
# A postposition that also means "with" ("se", "سے", "ton", "થી") makes a place only where "am" or "came"
# follows it, so it cannot: "Sadaf se baat ki" is talking with Sadaf.  Polish and Ukrainian "z", "з" are
# left out but after "pochodzę" (I come from): "przyjechała z Anią", "jestem z Anią" are with Ania.
# Where the language puts the locative first (English "from", Polish "w", Romanian "din") ``LOCATIVES``
# already says so.
_FROM: dict[str, str] = {
    "ur": "* سے ہوں|* سے ہیں|* سے آئی ہوں|* کی ہوں|* میں رہتی ہوں|* میں رہتے ہیں|* se hoon|* se hun|"
    "* se hu|* se hoo|* say hoon|* say hun|* se aayi hoon|* se ayi hun|* ki hoon|* ki hun|* سے آئی|* سے آئے|"
    "* سے آیا|* se aayi|* se ayi|* se aaye|* se aya|"
    "* mein rehti hoon|* mein rehti hun|* mai rehti hun",
    "pa": "* ਤੋਂ ਹਾਂ|* ਤੋਂ ਆਈ ਹਾਂ|* ਵਿੱਚ ਰਹਿੰਦੀ ਹਾਂ|* ਦੀ ਹਾਂ|* توں آں|* توں ہاں|* توں آئی آں|* وچ رہندی آں|"
    "* دی آں|* ਤੋਂ ਆਈ|* ਤੋਂ ਆਏ|* توں آئی|* توں آئے|* ton aayi|* ton aaye|"
    "* ton aan|* ton haan|* ton han|* ton aa|* to aan|* ton aayi aan|* vich rehndi aan|* di aan",
    "gu": "* થી છું|* થી આવી છું|* ની છું|* માં રહું છું|* થી આવી|* થી આવ્યા|* થી આવ્યો|* thi chhu|* thi chu|"
    "* ni chhu|* ma rahu chhu|* thi aavi|* thi avi|* thi aavya",
    "bn": "* থেকে এসেছি|* থেকে আসছি|* থেকে বলছি|* এ থাকি|* তে থাকি|* theke esechi|* theke ashchi|"
    "* theke bolchi|* e thaki|* te thaki|* থেকে এসেছে|* থেকে এসেছিল|* theke eseche",
    "ps": "په * کې|له * راغله|له * راغلې|له * نه راغله|د * یم|د * څخه یم|له * څخه یم|"
    "د * اوسېدونکې یم|په * کې اوسېږم|da * yam|la * tsakha yam",
    "prs": "از * هستم|از * استم|از * هستیم|از * استیم|در * زندگی میکنم|در * زندگی می‌کنم|az * hastam|"
    "az * astam|dar * zendagi mekonam|از * آمد|از * آمده|از * آمده بود|az * amad",
    "ar": "أنا من *|انا من *|احنا من *|إحنا من *|نحن من *|ساكنة في *|ساكنه في *|عايشة في *|أسكن في *|"
    "اسكن في *|جات من *|جت من *|اجت من *|جاء من *|ana men *|ana min *",
    "so": "ka timid *|ka yimid *|waxaan ka imid *|waxaan ka imaaday *|"
    "waxaan ku noolahay *|waxaan deggenahay *|waxaan degganahay *",
    "ti": "ካብ * መጺኣ|ካብ * መጺኡ|ካብ * እየ|ካብ * ኢየ|ኣብ * እነብር|ኣብ * እየ ዝነብር|kab * eye|ab * enebr",
    "pl": "pochodzę z *|pochodze z *|mieszkam w *",
    "ro": "sunt din *|locuiesc în *|locuiesc in *",
    "pt": "sou de *|moro em *|vivo em *|veio de *|veio do *|veio da *|vieram de *|vieram do *|"
    "chegou de *|chegou do *",
    "en": "i'm from *|i am from *|im from *|we live in *|i live in *",
}

# Where she moved, went back or was taken ("we moved to Luton", "drove me to Chester", "লুটন এ গেলাম",
# "ڈلیوری برمنگھم میں ہوئی"): the word is a town.  Only verbs that take a place after "to" or its
# postposition; "went to" and "spoke to" are left out, since a person follows them as often.
_GONE_TO: dict[str, str] = {
    "en": "moved to *|move to *|moving to *|moved me to *|moved back to *|went back to *|came back to *|"
    "drove me to *|drove us to *|drove to *|driven to *|drive me to *|taken to *|took me to *|took us to *|"
    "transferred to *|transferred me to *|transferred us to *|sent me to *|sent us to *|rushed to *|"
    "rushed me to *|flew to *|blue lighted to *|blue-lighted to *|blue lighted me to *|relocated to *",
    "bn": "* এ গেলাম|* তে গেলাম|* এ গিয়েছিলাম|* তে গিয়েছিলাম|* এ ছিলাম|* তে ছিলাম|* এ চলে গেলাম|"
    "* e gelam|* te gelam|* e chilam|* te chilam|* e giyechilam",
    "ur": "* میں ہوئی|* میں ہوا|* میں پیدا ہوئی|* میں پیدا ہوا|* mein hui|* main hui|* mein hua|* main hua",
    "pa": "* ਵਿੱਚ ਹੋਈ|* ਵਿੱਚ ਹੋਇਆ|* وچ ہوئی|* وچ ہویا|* vich hoyi|* vich hoya|* ch hoyi|* ch hoya",
    "gu": "* માં થઈ|* માં થયો|* માં થયું|* ma thai|* ma thayo",
    "prs": "به * رفتیم|به * رفتم|به * کوچ کردیم|به * منتقل شدیم|مرا به * بردند|ba * raftim|ba * raftam",
    "ps": "* ته لاړو|* ته ولاړو|* ته لاړم|* ته ولاړم|* ته یې یوړم|* ته مې یوړه",
    "ar": "انتقلنا إلى *|انتقلنا الى *|نقلوني إلى *|نقلوني الى *|ودوني *|وداني *|رحنا على *|سافرنا إلى *|"
    "سافرنا الى *",
    "pl": "przeprowadziłyśmy się do *|przeprowadziliśmy się do *|przeprowadziłam się do *|"
    "przewieźli mnie do *|przenieśli mnie do *",
    "pt": "mudamos para *|mudámos para *|mudei para *|fui transferida para *|levaram-me para *|"
    "me levaram para *",
    "ro": "ne-am mutat la *|m-au dus la *|m-au transferat la *",
    "uk": "переїхали до *|переїхала до *|перевели до *",
    "so": "waxaan u guurnay *|waxaan u guuray *|la ii qaaday *",
}


# How sure a frame is of a name: an asking frame only of a word shaped or unknown like one, a naming frame
# of whatever word she gave her baby, and her own name said the other way round also of a word that is
# also a name in lowercase ("joy is me"; "we called her joy because she brought us joy" is as often the
# word).
ASKING, NAMING, HERSELF = 0, 1, 2


class Frame(NamedTuple):
    before: tuple[str, ...]
    after: tuple[str, ...]
    sure: int


class FrameIndex(NamedTuple):
    """Frames by the word next to their slot: the word just before it, or the word just after it."""

    before: dict[str, list[Frame]]
    after: dict[str, list[Frame]]


@lru_cache(maxsize=32)
def _frames_for(lang: str | None) -> FrameIndex:
    """Her language's name frames and English's (see ``_index``)."""
    return _index(
        lang,
        (
            (_NAMING, NAMING),
            (_HERSELF, HERSELF),
            (_ASKING, ASKING),
            (_TELLING, ASKING),
            (_CALLING, ASKING),
            (_AT_A_DESK, ASKING),
        ),
    )


@lru_cache(maxsize=32)
def _places_for(lang: str | None) -> FrameIndex:
    """Her language's frames around a town and English's (see ``_index``)."""
    return _index(lang, ((_FROM, ASKING), (_GONE_TO, ASKING)))


def _index(lang: str | None, tables: tuple[tuple[dict[str, str], int], ...]) -> FrameIndex:
    """The tables' frames for her language and English, in every spelling of their Arabic-script
    letters, indexed by the word next to the slot: the word before it or, where the frame has none, the
    word after it."""
    index = FrameIndex({}, {})
    for code in languages_for(lang):
        for table, sure in tables:
            for listed in filter(None, table.get(code, "").split("|")):
                for spelling in spellings(" ".join(listed.split())):
                    before, _, after = spelling.partition("*")
                    frame = Frame(phrase_tokens(before), phrase_tokens(after), sure)
                    side, key = (
                        (index.before, frame.before[-1]) if frame.before else (index.after, frame.after[0])
                    )
                    if frame not in side.get(key, []):
                        side.setdefault(key, []).append(frame)
    return index


def framed(folded: list[str], starts: list[bool], lang: str | None) -> dict[int, int]:
    """The tokens a frame puts a name on, each with how sure the surest frame there is of it.  ``folded``
    are the story's tokens casefolded, Arabic-script letters folded as cues are; ``starts`` say which open
    a sentence, since a frame never runs over a full stop."""
    slots, words = _matches(_frames_for(lang), folded, starts)
    # A word of a longer frame is no name: "سمينا البنت نور" names Noor, not "البنت".
    return {i: sure for i, sure in slots.items() if i not in words}


def placed(folded: list[str], starts: list[bool], lang: str | None) -> frozenset[int]:
    """The tokens a frame says are the town she is from, lives in or went to ("mai Leeds se hoon"), and
    the frame's own words: its verb is no name either ("Mudamos para Luton", we moved to Luton)."""
    slots, words = _matches(_places_for(lang), folded, starts)
    return frozenset(slots) | frozenset(words)


def _matches(index: FrameIndex, folded: list[str], starts: list[bool]) -> tuple[dict[int, int], set[int]]:
    """Every slot a frame of the index fills, each with how sure its surest frame is, and the frames' own
    words; a frame never runs over a full stop.  Only a token beside one of the index's words can be a
    slot, so only those are tried, in the story's order."""
    slots: dict[int, int] = {}
    words: set[int] = set()
    before, after = index
    # The positions beside the index's words, found by C-level iteration: this runs twice for every story.
    candidates = set(compress(range(1, len(folded) + 1), map(before.__contains__, folded)))
    candidates.update(compress(range(-1, len(folded) - 1), map(after.__contains__, folded)))
    for i in sorted(candidates):
        if not 0 <= i < len(folded):
            continue
        near = before.get(folded[i - 1], []) if i > 0 else []
        if i + 1 < len(folded):
            near = near + after.get(folded[i + 1], [])
        for frame in near:
            nb, na = len(frame.before), len(frame.after)
            if i < nb or i + na >= len(folded):
                continue
            # Most frames sharing the word beside the slot ("moved to", "drove me to") differ in the word
            # before it: compared first, the rest of the frame is rarely read.
            if nb > 1 and folded[i - 2] != frame.before[-2]:
                continue
            if any(starts[i - nb + 1 : i + na + 1]):
                continue
            if tuple(folded[i - nb : i]) == frame.before and tuple(folded[i + 1 : i + 1 + na]) == frame.after:
                slots[i] = max(slots.get(i, ASKING), frame.sure)
                words.update(range(i - nb, i), range(i + 1, i + 1 + na))
    return slots, words


@lru_cache(maxsize=32)
def frame_words(lang: str | None) -> frozenset[str]:
    """Every word of every frame: a name never runs on over one ("મીનુ માટે પૂછજો", Minu, for her ask)."""
    index = _frames_for(lang)
    return frozenset(
        w for side in index for frames in side.values() for f in frames for w in f.before + f.after
    )
