"""Word lists: the compressed gazetteer loader plus the small hand-written lists the detector reasons with.

The hand lists live in code (not data files) because each entry is a judgement about how women write
to us, and reviewers should see those judgements in diffs.
"""

from __future__ import annotations

import gzip
import re
import sys
import threading
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from zlib import crc32

_DATA = Path(__file__).with_name("data")

# Words that are also given names.  They are only a name when a cue says so ("my daughter Grace").
# What follows an English verb and never a name: an object, a determiner, a particle of motion.
ENGLISH_OBJECTS = frozenset(
    "me us him them it this that these those the a an my your our their his in out back home".split()
)
DECOY_WORDS = frozenset(
    """hope grace faith may june april august will bill precious joy mercy patience blessing blessed rose
    summer sunny baby honey rich mark sky star dawn hazel holly ivy iris daisy lily violet ruby amber pearl
    jade crystal destiny charity glory gift favour favor miracle comfort peace victory goodness wisdom
    prudence constance chance sandy penny rusty frank earnest ernest lucky angel sonny guy art dean bob
    jack jean pat sue don ray wade will rob drew gene ben lee chase hunter mason taylor bishop king queen
    prince princess royal saint major sterling cash brook brooke river rain storm autumn winter spring
    melody harmony lovely love darling sweetie sister nurse doctor""".split()
)

# Everyday words missing from the English easy-word list that matter in maternity stories, and the
# function words of our Latin-script languages so a capital at the start of a sentence is not a name.
EXTRA_COMMON_WORDS = frozenset(
    """ok okay amazing awful horrible terrible rude dismissive supportive brilliant fantastic wonderful
    useless patronising patronizing condescending caring lovely kind helpful unhelpful scared frightened
    anxious traumatic traumatised induced induction epidural gas air pethidine contractions contraction
    labour labor caesarean c-section section csection stitches tear forceps ventouse placenta waters
    pregnancy pregnant postnatal antenatal midwife midwives consultant registrar obstetrician
    anaesthetist anesthetist sonographer scan scans ward wards triage theatre appointment appointments
    hospital trust centre center clinic unit surgery gp nhs covid bleeding sepsis jaundice breastfeeding
    formula nappy nappies bump hubby partner husband boyfriend fiance fiancé daughter son baby babies
    twins newborn mum mom mummy dad daddy nan nana gran granny auntie aunty uncle cousin niece nephew
    honestly literally basically absolutely really very just also still even though although however
    anyway anyways yeah yes yep nope no not never always sometimes eventually finally luckily sadly
    thankfully unfortunately apparently obviously hi hello hey thanks thank please sorry lol omg tbh
    idk btw fyi xx xxx x im ive dont didnt couldnt wouldnt wasnt isnt cant wont thats theres hes shes
    weve theyre youre ill id anytime anyone someone everyone nobody whatever
    моя мій моє мої я ми ти він вона вони це був була було були дуже не так але і й в у на з до що як
    коли потім вже ще мене мені нам
    i me my mine we us our you your he him his she her they them their it its this that these those
    the a an and or but so if then than when where why how what who which while because as at by for
    from in into of on onto over to up with without about after before during under again
    monday tuesday wednesday thursday friday saturday sunday january february march july september
    october november december today tomorrow yesterday tonight morning evening night weekend
    english polish urdu bengali bangla punjabi panjabi gujarati romanian arabic somali portuguese pashto
    dari farsi tigrinya ukrainian russian british african asian black white muslim christian hindu sikh
    god allah jesus lord christmas easter eid ramadan diwali whatsapp telegram sms facebook google
    moja mój moje mam jest był była było ale i w z na do się nie tak to że jak co po przez dla od bardzo
    już jeszcze potem kiedy gdzie czy ja ty on ona my wy oni dziecko syn córka mąż
    eu el ea noi voi ei și si sau dar cu la în pe din pentru foarte nu da am era este fost când unde
    cum ce care mai apoi copilul
    o os as um uma e é de do da dos das em no na com por para mas não sim muito quando onde como que
    eu ele ela nós eles foi era meu minha bebé bebê""".split()
)

# A capitalised word followed by one of these names a place, not a person ("William Harvey Hospital"), as
# does any word in a script without capitals before the same word in that script ("ویکسہم پارک ہسپتال").
FACILITY_WORDS = frozenset(
    """hospital hospitals trust centre center clinic clinics ward wards unit units surgery surgeries
    practice infirmary maternity birth suite house college university road street avenue lane close
    drive way crescent grove gardens terrace court park hill health medical nhs foundation school
    station church mosque temple gurdwara council hall children's wing
    ہسپتال اسپتال ہاسپٹل پارک روڈ وارڈ کلینک انفرمری ٹرسٹ روغتون হাসপাতাল হসপিটাল পার্ক রোড ওয়ার্ড
    ক্লিনিক હોસ્પિટલ પાર્ક રોડ વોર્ડ ક્લિનિક ਹਸਪਤਾਲ ਪਾਰਕ ਰੋਡ ਵਾਰਡ ਕਲੀਨਿਕ ሆስፒታል ፓርክ""".split()
)
# ...and preceded by one of these ("St Thomas'", "Queen Elizabeth", "King's College"), in her script too,
# and the hospital word of the languages that put it first ("مستشفى", "شفاخانه هارتلندز").
PLACE_PREFIXES = frozenset(
    """st st. saint queen king prince princess royal lady sir رائل رائیل رویال رويال কুইন রয়্যাল રોયલ ਰਾਇਲ
    ሮያል مستشفى بمستشفى المستشفى شفاخانه شفاخانهٔ""".split()
)
# A capitalised word nobody lists just after one of these is where she was, not who: "born at Kingston",
# "w Peterborough", "din Craiova", "em Thetford", "в Кройдоні", "dar Harrow", "fi Jessop".  Words that
# also mean "with", "to" or "of" ("z", "la", "de", "do", "u") are left out: a person follows them.
LOCATIVES = frozenset("in at from w we din în em в v dar fi في ab kab".split())

# Proper nouns that stories name often and that are never people here.
PLACE_WORDS = frozenset(
    """medway kent london gillingham chatham rochester strood rainham maidstone dartford gravesend
    sittingbourne sheerness canterbury ashford margate ramsgate folkestone dover tunbridge wells sevenoaks
    bromley lewisham greenwich woolwich croydon sidcup bexley bexleyheath orpington erith stratford
    walthamstow leyton hackney newham ilford romford barking dagenham tower hamlets whitechapel brixton
    peckham camberwell southwark lambeth birmingham manchester leeds bradford leicester luton slough
    coventry sheffield liverpool bristol glasgow cardiff edinburgh belfast england scotland wales
    britain uk nigeria ghana somalia somaliland eritrea ethiopia afghanistan pakistan bangladesh india
    poland romania ukraine portugal brazil angola mozambique syria iraq iran sudan yemen egypt morocco
    jamaica trinidad barbados kenya uganda zimbabwe lagos abuja accra kumasi mogadishu hargeisa asmara
    kabul lahore karachi islamabad mirpur sylhet dhaka kyiv kiev kharkiv lviv odesa warsaw krakow
    bucharest lisbon porto darent valley harvey maritime thomas' thomas guy's kings king's queens
    elizabeth evelina homerton whipps lister pembury william darenth""".split()
)

# Honorifics mark a name that follows but do not tell us she meant staff.
HONORIFICS = frozenset("mr mrs miss ms mx pani pan dna dl doamna domnul sra sr senhora senhor".split())
# Words of respect and kinship she writes straight after a name ("Nasrin apa", "شمیم باجی", "Zalmai
# lala", "ਸੁਖਪ੍ਰੀਤ ਜੀ"): they tell the model the word before is a name, and are never one themselves.
HONORIFICS_AFTER = frozenset(
    """jan jaan جان ji jee جی ਜੀ sahib sahab sahiba صاحب صاحبہ صاحبه baji باجی apa aapa آپا khala خالہ خاله
    lala لالا bhen ਭੈਣ veerji ਵੀਰਜੀ bhabi bhabhi ভাবি আপা খালা দিদি didi masi માસી ben bhai ભાઈ બેન
    ادې ada adey ننا nana abaye ኣደ apu আপু bhaiya ভাইয়া ਭਾਜੀ ਭਾਬੀ ਚਾਚੀ ਮਾਸੀ ਭੂਆ ਤਾਈ ਮਾਮੀ ਦੀਦੀ بھاجی
    چاچی bhaji chachi""".split()
)
# Of those, the romanised words of respect said after a first name only: not "sahib", "ji", "jan", which
# follow a title or a kin word as often ("doctora sahib", "kaka jan"), nor a word for mother ("adey",
# "nana"), nor one that is also a name or nickname ("ben", "ada", "didi", "lala").  In lowercase never a
# name themselves.
RESPECT_AFTER_A_NAME = frozenset("apa aapa apu baji bhabi bhabhi khala masi bhen bhai veerji".split())
# ...and those that are such a word only in her language: Gujarati "ben", "bahen" (sister: "jagruti ben
# aavya"), where "Ben" is a name in English; Panjabi's elder brother, aunts and sister-in-law in
# Gurmukhi, Shahmukhi and romanised ("ਗੁਰਪ੍ਰੀਤ ਭਾਜੀ", "ਰਾਜਵਿੰਦਰ ਚਾਚੀ", "harjit bhaji"), and Bengali's in its
# script ("শিরিন ভাবি", "রুমা আপা").
_RESPECT_BY_LANGUAGE = {
    "gu": frozenset("ben bahen".split()),
    "pa": frozenset("ਭਾਜੀ ਭਾਬੀ ਚਾਚੀ ਮਾਸੀ ਭੂਆ ਤਾਈ ਮਾਮੀ ਦੀਦੀ بھاجی چاچی ماسی bhaji chachi".split()),
    "bn": frozenset("ভাবি আপা আপু দিদি খালা".split()),
}


@lru_cache(maxsize=32)
def respect_after_a_name(lang: str | None) -> frozenset[str]:
    """The words of respect said after a first name in her language (see ``RESPECT_AFTER_A_NAME``)."""
    return RESPECT_AFTER_A_NAME | _RESPECT_BY_LANGUAGE.get(lang or "", frozenset())


_ARTICLE = "ال"


@dataclass(frozen=True)
class Gazetteer:
    names: frozenset[str]
    common: frozenset[str]
    frequent: dict[str, str]  # word -> "1" (top thousand in any of our languages) or "2" (top 5,000)
    # The rest of the top 25,000, as the sorted CRC-32s of their UTF-8: read straight into an array in
    # under a millisecond, where as many strings took a tenth of a second to read and hash.  A word not
    # on the list matches one by chance about once in 27,000 look-ups, and then only reads as band 3.
    rarer: array[int]

    def named_with_article(self, low: str) -> bool:
        """A listed name with the Arabic article written onto it ("الحسين", "الشريف"), unless the whole word
        is one of the thousand commonest ("العربي", the Arabic language)."""
        return (
            low.startswith(_ARTICLE) and low[len(_ARTICLE) :] in self.names and self.frequent.get(low) != "1"
        )

    def bands(self, words: list[str]) -> list[str]:
        """How common each word is: "1", "2", "3", or "0" for a word on no frequency list."""
        get = self.frequent.get
        return [get(w) or _rarer_band(w) for w in words]

    def on_a_frequency_list(self, word: str) -> bool:
        """The word is among the 25,000 commonest of one of our languages (band 1 to 3)."""
        return (self.frequent.get(word) or _rarer_band(word)) != "0"


@lru_cache(maxsize=65536)
def _rarer_band(word: str) -> str:
    """A binary search of the checksums; cached, since the same words come back in every story."""
    rarer = gazetteer().rarer
    key = crc32(word.encode("utf-8"))
    at = bisect_left(rarer, key)
    return "3" if at < len(rarer) and rarer[at] == key else "0"


# The endings of medicines' names ("codeine", "paracetamol", "syntocinon", "oxytocin", "penicillin").
_MEDICINE = re.compile(r"(?:ine|ol|cin|cinon|phine|illin|azole|pam|mycin|prazole)$")


def everyday_or_medicine(low: str) -> bool:
    """A word a frequency list knows, or one with a medicine's ending ("syntocinon", "codeine",
    "paracetamol", "sertraline"), which no list of everyday words holds."""
    return gazetteer().on_a_frequency_list(low) or _MEDICINE.search(low) is not None


_lock = threading.Lock()
_cache: list[Gazetteer] = []


def _words(name: str) -> list[str]:
    text = gzip.decompress((_DATA / name).read_bytes()).decode("utf-8")
    return [word for word in text.split("\n") if word]


def _read(name: str) -> frozenset[str]:
    return frozenset(_words(name))


def read_checksums(path: Path) -> array[int]:
    """A file of sorted little-endian unsigned 32-bit numbers, as written by ``build_gazetteer``."""
    numbers = array("I", path.read_bytes())
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


def gazetteer() -> Gazetteer:
    """Load once per process; the lock keeps concurrent first calls from each paying the load cost."""
    if _cache:
        return _cache[0]
    with _lock:
        if not _cache:
            common = _read("common.txt.gz") | DECOY_WORDS | EXTRA_COMMON_WORDS
            frequent = dict.fromkeys(_words("frequent-2.txt.gz"), "2")
            frequent.update(dict.fromkeys(_words("frequent-1.txt.gz"), "1"))  # the commoner band wins
            _cache.append(
                Gazetteer(
                    names=_read("names.txt.gz") - common,
                    common=common,
                    frequent=frequent,
                    rarer=read_checksums(_DATA / "frequent-3.crc32"),
                )
            )
    return _cache[0]
