"""Names nobody listed, in the languages still short of 95 % on stories nobody here wrote (round 17):
texted as women text, lowercase, misspelt, in both scripts where a language has two, beside ordinary
words that must stay.  In each sentence the words in braces are names and must be taken out whole;
every other word must be left as she wrote it.

Written before the round-17 rules they test, from general knowledge, never from an evaluation set: the
code before those rules got 122 of these 145 right (en 11/17, pt 12/16, uk 15/15, ar 8/14, bn 14/15,
gu 13/14, pa 14/14, ps 11/13, so 14/14, ti 10/13).
"""

from __future__ import annotations

import re

import pytest

from bot.privacy.anonymise import anonymise
from bot.privacy.anonymise._tokens import TOKEN_RE

_MARK = re.compile(r"\{([^{}]+)\}")

SENTENCES: dict[str, list[str]] = {
    "en": [
        "Dr {Ramos} came in the morning and said baby was fine",
        "my husband {William} held my hand the whole time",
        "{Thomas} the midwife on nights was so kind to me",
        "midwife {Elizabeth} stayed past the end of her shift",
        "{Lola} the student midwife sat with me all night",
        "the registrar {Harvey} was rude and didnt listen",
        "me and my sister {nkechi} waited 4 hours in triage",
        "the consultant was horrible and never looked at me",
        "shoutout to {tunde} and {bisi} on labour ward",
        "my partner {Kwabena} couldnt stay past 8",
        "{Maria da Silva} the interpreter was brilliant",
        "i was at William Harvey for 3 days after my section",
        "dr {ali} said the scan was fine",
        "the midwife {Ewa} and the student {Precious} came at 2am",
        "big thanks to {Obinna} and {Chiamaka} on delivery suite",
        "{Siobhan} rang me the next day to check on us",
        "my mil {Rukhsana} stayed with the baby",
    ],
    "pt": [
        "a médica Dra. {Ramos} veio de manhã e disse que estava tudo bem",
        "a minha irmã {Conceição} ficou comigo a noite toda",
        "sou a {Thaynara}, tive o bebé em Luton",
        "a parteira {Maria das Dores} foi um anjo",
        "o meu marido {Thomas} não pôde ficar depois das 8",
        "depois a {graça} chegou e segurou a minha mão",
        "a enfermeira {Jéssica} e a {Tainá} cuidaram de mim",
        "obrigada à parteira {Fernanda Lemos}",
        "ficamos 3 dias na maternidade sem ninguém explicar nada",
        "a dra {Sampaio} explicou tudo com calma",
        "a minha filha {Luana} nasceu às 4 da manhã",
        "a minha sogra Dona {Aparecida} veio do Brasil",
        "o enfermeiro {Joaquim Guimarães} foi muito atencioso",
        "a {Kelly Cristina} da cama do lado ajudou-me",
        "eu e a {Thainá} fomos juntas para a triagem",
        "tive o {Davi Lucca} às 3 da manhã",
    ],
    "uk": [
        "акушерка {Оксана} прийшла вранці",
        "мій чоловік {Андрій} був поруч всю ніч",
        "лікар {Петренко} сказав що все добре",
        "дякую {Галині Петрівні} за все",
        "я була з чоловіком {Тарасом} всю ніч",
        "moya akusherka {oksana} bula duzhe dobra",
        "медсестра {Ярина} принесла мені води",
        "моя подруга {Соломія} приїхала з Лутона",
        "чекала на {Надію Іванівну} три години",
        "в лікарні було холодно і ніхто не прийшов",
        "акушерка {Marta} була дуже уважна",
        "з {Наталкою} ми говорили про пологи",
        "подзвонила {Марії} вранці",
        "мене звати {Ірина}, я з Лутона",
        "{Богдана} моя сестра прийшла ввечері",
    ],
    "ar": [
        "الدكتور {علي} قال كل شي تمام",
        "أختي {باسمة} كانت معي طول الليل",
        "الممرضة {سعاد} جات الصبح",
        "زوجي {ايمن} ما قدر يجي",
        "el doctor {ahmad} kan mni7 ktir",
        "جوزي {محمد} و أختي {رنا} كانوا معي",
        "الدكتورة {هبة} شرحت لي كل شي",
        "صاحبتي {ديما} جابت لي أكل",
        "الممرضة ساعدتني كثير بالليل",
        "القابلة {أم سامر} كانت حنونة",
        "ukhti {lama} kanet ma3i",
        "الطبيب {عمر} ما سمعني",
        "جارتي {ام فادي} جابت لي أكل",
        "اسمي {رهف} وولدت في لوتن",
    ],
    "bn": [
        "ডাক্তার {রহিম} বললেন সব ঠিক আছে",
        "আমার বোন {শিউলি} আমার সাথে ছিল",
        "amar bon {shiuli} amar sathe chilo",
        "nurse {mitu} khub bhalo chilo",
        "{রুমানা} আপা আমাকে সাহায্য করেছে",
        "আমার স্বামী {জাকির} রাতে থাকতে পারেনি",
        "daktar {das} bollen baby thik ache",
        "আমার ননদ {পারভীন} এসেছিল",
        "মিডওয়াইফ {শাহনাজ} খুব ভালো ছিলেন",
        "amar shashuri {rokeya} ashlo",
        "ব্যথা খুব বেশি ছিল কিন্তু কেউ আসেনি",
        "আমার মেয়ে {তাসনিম} রাত ৩টায় হয়েছে",
        "{রোকসানাকে} ফোন করলাম",
        "dhonnobad {sumi} apu",
        "{Nasrin} apa khub help korechen",
    ],
    "gu": [
        "ડૉક્ટર {પટેલ} એ કહ્યું બધું બરાબર છે",
        "મારી બહેન {કિંજલ} મારી સાથે હતી",
        "mari ben {hetal} mari sathe hati",
        "nurse {jignasha} khub saras hati",
        "મારા પતિ {રાજેશ} રાત્રે ના રહી શક્યા",
        "મિડવાઇફ {નીતા} બહુ સારી હતી",
        "{ભાવના} બેન એ મને મદદ કરી",
        "dr {shah} e kahyu badhu barabar che",
        "મારી સાસુ {કોકિલા} આવી",
        "maro bhai {jigar} aavyo",
        "હોસ્પિટલ માં કોઈ ગુજરાતી બોલતું નહોતું",
        "{હેતલને} ફોન કર્યો",
        "{jagruti ben} aavya hata",
        "આભાર {મીનાક્ષી} બેન",
    ],
    "pa": [
        "ਡਾਕਟਰ {ਗਿੱਲ} ਨੇ ਕਿਹਾ ਸਭ ਠੀਕ ਹੈ",
        "ਮੇਰੀ ਭੈਣ {ਹਰਪ੍ਰੀਤ} ਮੇਰੇ ਨਾਲ ਸੀ",
        "meri bhen {jaspreet} mere naal si",
        "nurse {simran} bahut changi si",
        "ਮੇਰੇ ਪਤੀ {ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ} ਰਾਤ ਨੂੰ ਨਹੀਂ ਰਹਿ ਸਕੇ",
        "میری بھین {نسرین} میرے نال سی",
        "ਮਿਡਵਾਈਫ {ਕਿਰਨਦੀਪ} ਬਹੁਤ ਚੰਗੀ ਸੀ",
        "{ਮਨਜੀਤ} ਜੀ ਨੇ ਮੇਰੀ ਮਦਦ ਕੀਤੀ",
        "meri sass {balwinder} aayi",
        "ਮੇਰੀ ਨਣਦ {ਰਾਜਵਿੰਦਰ} ਆਈ",
        "ਹਸਪਤਾਲ ਵਿੱਚ ਕੋਈ ਪੰਜਾਬੀ ਨਹੀਂ ਬੋਲਦਾ ਸੀ",
        "{ਜਸਮੀਤ} ਤੇ {ਰੂਪਿੰਦਰ} ਆਈਆਂ",
        "{harjit} aunty aayi si",
        "ਧੰਨਵਾਦ {ਸੁਖਪ੍ਰੀਤ} ਜੀ",
    ],
    "ps": [
        "ډاکټره {ملالۍ} راغله",
        "زما خور {ګلالۍ} راسره وه",
        "zama khor {palwasha} rasara wa",
        "زما میړه {احمد شاه} نه شو راتلای",
        "نرسه {شبنم} ډېره ښه وه",
        "daktara {zarghona} rata wayal che sab sha di",
        "{نجیب الله} زما ورور دی",
        "زما خواښې {بی بی ګله} راغله",
        "qabila {marwa} raghla",
        "روغتون کې هیڅوک په پښتو نه پوهېدل",
        "زما لور {مدینه} شپه درې بجې پیدا شوه",
        "مننه {زرغونې} ته",
        "{ګل رحمان} زما ورور دی",
    ],
    "so": [
        "umulisada {hodan} ayaa timid",
        "walaashay {ifrah} ayaa ila joogtay",
        "dhakhtarka {cabdi} wuxuu yiri waa caadi",
        "ninkayga {faarax} wuu ila joogay",
        "hooyaday {Sahra} waxay ka timid Hargeysa",
        "kalkaalisada {deeqa} aad bay u fiicnayd",
        "eedo {maryan} ayaa cunto ii keentay",
        "walaal {xamdi} waxay ii turjuntay",
        "{ubah} iyo {ladan} waa ina adeerkay",
        "isbitaalka cidna af soomaali kuma hadlin",
        "umulisadii {Faadumo Cabdi} aad bay ii caawisay",
        "magacaygu waa {ikraan}",
        "mahadsanid {Hibaaq} iyo {Sagal}",
        "{Nasteexo} ayaa ii timid habeenkii",
    ],
    "ti": [
        "ሓኪም {ኣይመን} መጺኡ",
        "ሓብተይ {ሳባ} ምሳይ ነይራ",
        "{ኣይናለምን} {ሰላምን} መጺአን",
        "hakim {dawit} metsiu",
        "haftey {helen} msay neyra",
        "ነርስ {ሄለን} ጽብቕቲ እያ",
        "ወ/ሮ {ለተብርሃን} ሓገዘትኒ",
        "midwifey {yordanos} tsbuqti eya",
        "ሓማተይ {ምሕረት} መጺኣ",
        "ዶክተር {ተኽለ} ኣይመጸን",
        "ኣብ ሆስፒታል ብትግርኛ ዝዛረብ ኣይነበረን",
        "{ሳባን} {ሄለንን} ሓገዛኒ",
        "ምስ {ዳዊት} ተዛሪበ",
    ],
}

# Still missed after round 17, and why: each is a known limit rather than a test to skip.
STILL_MISSED = {
    "depois a {graça} chegou e segurou a minha mão": "an everyday word (grace) no list holds as a name",
    "daktar {das} bollen baby thik ache": "'das' is among Portuguese's thousand commonest words",
    "زما خواښې {بی بی ګله} راغله": "an unlisted Pashto name after the title 'بی بی' the model doubts",
    "ምስ {ዳዊት} ተዛሪበ": "no cue: 'with' and a verb, which the model does not read as a name's place",
}
CASES = [
    pytest.param(lang, line, marks=pytest.mark.xfail(strict=True, reason=STILL_MISSED[line]))
    if line in STILL_MISSED
    else pytest.param(lang, line)
    for lang, lines in SENTENCES.items()
    for line in lines
]


def _marked(line: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as she wrote it, and where its names stand."""
    text, names, pos = "", [], 0
    for match in _MARK.finditer(line):
        text += line[pos : match.start()]
        names.append((len(text), len(text) + len(match.group(1))))
        text += match.group(1)
        pos = match.end()
    return text + line[pos:], names


def outcome(lang: str, line: str) -> tuple[list[str], list[str]]:
    """The names left in (or partly in) her story, and the ordinary words taken out."""
    text, names = _marked(line)
    covered = {i for e in anonymise(text, lang).entities for i in range(e.start, e.end)}
    left = [
        text[a:b] for a, b in names if not all(i in covered for i in range(a, b) if not text[i].isspace())
    ]
    in_names = {i for a, b in names for i in range(a, b)}
    taken = [
        m.group()
        for m in TOKEN_RE.finditer(text)
        if not in_names.intersection(range(m.start(), m.end()))
        and covered.intersection(range(m.start(), m.end()))
    ]
    return left, taken


@pytest.mark.parametrize(("lang", "line"), CASES)
def test_her_names_go_and_her_words_stay(lang: str, line: str) -> None:
    assert outcome(lang, line) == ([], [])
