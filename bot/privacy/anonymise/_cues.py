"""Per-language context cues: the words around a name that tell us it is one, and whose name it is.

A cue is a phrase of casefolded tokens.  "Before" cues precede the name ("my husband Kwame"), staff
cues may also follow it ("Grace the midwife").  Strong cues accept a lowercase, unknown word
("my midwife chioma"); weak ones ("i'm ...") only a word that already looks like a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from bot.privacy.anonymise._cue_forms import aged_forms, enclitic_forms, proclitic_forms, qualified_forms
from bot.privacy.anonymise._declension import oblique_forms, polish_forms
from bot.privacy.anonymise._kinship import BORROWED_KINSHIP, KINSHIP
from bot.privacy.anonymise._tokens import phrase_tokens

Kind = Literal["staff", "family"]


@dataclass(frozen=True)
class Cue:
    phrase: tuple[str, ...]
    kind: Kind
    strong: bool = True
    thanks: bool = False  # a thank-you, so often to several people: "thanks to kehinde and olumide"
    # Said apart from a fused form ("دختر خود" for "دخترم"): its words are cue words only as a phrase, so
    # "ما" and a bare "دختر" are read as before wherever else they stand.
    derived: bool = False
    # A relative or friend of hers ("meri behen", "صاحبتي"): her name may stand just before it too.
    kin: bool = False


_STAFF: dict[str, str] = {
    "en": """midwife|midwives|mw|student midwife|doctor|doc|dr|dr.|nurse|consultant|registrar|reg|obstetrician
        |obs|anaesthetist|anesthetist|sister|sonographer|health visitor|hv|surgeon|gp|matron|paediatrician
        |pediatrician|maternity support worker|msw|hca|healthcare assistant|physio|mr|professor|prof""",
    # "siostra" alone is the ward sister; "moja siostra", her sister, is the longer family cue and wins.
    "pl": "pani położna|siostra|siostry|siostrą|pani doktor|doktorka|położną|położnej|pielęgniarką|"
    "lekarką|położna|położnej|"
    "położną|położnych|lekarz|lekarza|lekarzem|lekarka|lekarki|doktor|doktorem|dr|"
    "pielęgniarka|pielęgniarki|pielęgniarką|ginekolog|anestezjolog|pani doktor|pan doktor|"
    "położna środowiskowa|położnej środowiskowej",
    "ro": "moașa|moasa|moașă|moasa mea|moașa mea|medicul|medic|doctorul|doctorița|doctorita|doctor|dr|"
    "asistenta|asistentă|sora|ginecologul",
    "pt": "parteira|a parteira|médico|medico|médica|medica|doutor|doutora|dr|dr.|dra|dra.|"
    "enfermeira|enfermeiro|"
    "obstetra|anestesista",
    "uk": "акушерка|акушерку|акушерки|моя акушерка|лікар|лікарка|лікаря|лікарку|доктор|докторка|медсестра|"
    "медсестру|гінеколог|анестезіолог|д-р|likar|likarka|akusherka|medsestra|патронажна медсестра|"
    "патронажна сестра",
    "ar": "الداية|داية|الحكيمة|حكيمة|الممرضه|الدكتوره|el doctora|el doctor|el nurse|el midwife|القابلة|"
    "قابلة|والقابلة|الممرضة|ممرضة|والممرضة|الطبيب|الطبيبة|والطبيب|والطبيبة|طبيب|طبيبة|الدكتور|"
    "الدكتورة|والدكتور|والدكتورة|دكتور|دكتورة|د|الزائرة الصحية|زائرة صحية|الممرضة الزائرة",
    "ur": "دائی|دائي|مڈوائف|ڈاکٹر|نرس|لیڈی ڈاکٹر|میری مڈوائف|میری دائی|ہیلتھ وزیٹر",
    "prs": "داکتره|داکتر صاحب|داکتر صاحبه|خانم داکتر|پرستار|daktar|doktor|qabila|nars|قابله|داکتر|دکتر|"
    "نرس|پرستار|دایه|قابله‌ام|قابلهٔ من|داکترم|نرسم",
    "ps": "مډوایف|مېډوایف|ډاکټرانۍ|نرسې|ډاکټر صاحب|ډاکټره صاحبه|daktar|daktara|narsa|qabila|قابله|دایی|"
    "ډاکټر|ډاکټرې|"
    "ډاکټره|نرس|نرسه",
    "bn": "ধাত্রী|মিডওয়াইফ|ডাক্তার|ডাঃ|ডা|নার্স|আমার মিডওয়াইফ|আমার ধাত্রী|হেলথ ভিজিটর",
    "pa": "ڈاکٹر|نرس|مڈوائف|دائی|ਡਾਕਟਰਨੀ|ਨਰਸ ਜੀ|daktar|dai|ਦਾਈ|ਮਿਡਵਾਈਫ|ਮਿਡਵਾਈਫ਼|ਡਾਕਟਰ|ਨਰਸ|ਮੇਰੀ ਮਿਡਵਾਈਫ",
    "gu": "દાયણ|મિડવાઇફ|મિડવાઈફ|ડૉક્ટર|ડોક્ટર|ડૉ|નર્સ|મારી મિડવાઇફ|હેલ્થ વિઝિટર",
    "so": "umulisada|umulisadii|umuliso|umulisadu|ummulisada|ummulisadii|ummuliso|ummulisadu|"
    "dhakhtarka|dhakhtarkii|dhakhtarad|dhakhtar|kalkaaliso|kalkaalisada|"
    "kalkaalisadii|dr",
    "ti": "ሓኪመይ|ነርሳ|መሕረሲትና|ሓኪምና|ዶክተራ|hakim|doktor|mehresit|narsa|መሕረሲት|መሕረሲተይ|ሓኪም|ሓካይም|ዶክተር|ነርስ|ዶ/ር|"
    "midwifey|hakimey|ሚድዋይፈይ|ሚድዋይፍ|ሚድዋይፋት|ሄልዝ ቪዚተር",
}

_FAMILY: dict[str, str] = {
    "en": """my name is|my names|my name's|my name|name is|name's|called|named|call me|name was|me|
        my husband|my hubby|my partner|my wife|my son|my daughter|my baby|my baby boy|my baby girl|baby|
        my boy|my girl|my mum|my mom|my mother|my dad|my father|my sister|my brother|my friend|my aunt|
        my auntie|my aunty|my uncle|my cousin|my niece|my nephew|my nan|my nana|my gran|my grandma|
        my mother-in-law|my mother in law|my sister-in-law|my sister in law|my mil|my twins|my eldest|
        my youngest|my first|my second|my little one|my lo|my bf|my boyfriend|my fiance|my fiancé|my oh|
        my dh|my ds|my dd|our son|our daughter|our baby|our baby boy|our baby girl|her name is|his name is|
        her name was|his name was|son|daughter|husband|partner|twins|brother|mrs|miss|ms|mx""",
    "pl": "o imieniu|ma na imię|miała na imię|nazywa się|nazywała się|imieniem|mojego męża|z mężem|"
    "z siostrą|mojej mamy|mam na imię|nazywam się|na imię mi|mój mąż|moj maz|mąż|mój syn|syn|moja córka|"
    "córka|córeczka|"
    "synek|mój partner|moja mama|moja siostra|mój brat|pani|pan|imię|imie",
    "ro": "mă numesc|ma numesc|numele meu este|numele meu e|soțul meu|sotul meu|fiul meu|fiica mea|"
    "băiatul meu|fetița mea|fetita mea|partenerul meu|mama mea|sora mea|doamna|domnul|dna|dl|numele",
    "pt": "o meu nome é|meu nome é|chamo-me|me chamo|o meu marido|meu marido|o meu filho|meu filho|"
    "a minha filha|minha filha|o meu companheiro|meu companheiro|a minha mãe|minha mãe|chama-se|"
    "chamava-se|chamado|chamada|sra|sr|senhora|senhor|dona|dom",
    "uk": "мене звати|моє ім'я|моє ім’я|звати|мій чоловік|чоловік|мій син|син|моя донька|моя дочка|донька|"
    "дочка|мій партнер|моя мама|моя сестра|мій брат|пані|пан",
    "ar": "مرتي|خالتي|عمتي|سلفتي|كنتي|ستي|جدتي|أبو|ابو|abu|umm|um|اسمي|زوجي|ابني|ابنتي|بنتي|طفلي|طفلتي|"
    "أمي|اختي|أختي|أخي|اسمه|اسمها",
    "ur": "میرا نام|میرے شوہر|شوہر|میرا بیٹا|میری بیٹی|بیٹا|بیٹی|میری امی|میری ساس|میری بہن|نام",
    "prs": "نام او|اسمش|خاله‌ام|عمه‌ام|خسرم|ایورم|ننه‌ام|برادرشوهرم|خواهرشوهرم|زن‌برادرم|nam-e man|namam|"
    "dostam|khalaam|ammaam|khosuram|nam-ash|نام من|اسم من|نامم|شوهرم|پسرم|دخترم|مادرم|خواهرم|نامش",
    "ps": "د هغې نوم|نوم یې|زما ترور|زما ورندار|زما ندرور|زما یور|زما انډیواله|زما خسر|zama num|num ye|"
    "zama tror|zama mlgare|zama zoy|zama lur|زما نوم|زما میړه|میړه|زما زوی|زما لور|زما مور|زما خور|نوم",
    "bn": "আমার নাম|আমার স্বামী|স্বামী|আমার ছেলে|আমার মেয়ে|ছেলে|মেয়ে|আমার মা|আমার বোন|নাম|amar nam|amar naam|ammar nam",
    "pa": "ਮੇਰੀ ਨਣਦ|ਮੇਰੀ ਜਠਾਣੀ|ਮੇਰੀ ਦਰਾਣੀ|ਮੇਰੀ ਸਹੇਲੀ|ਮੇਰਾ ਵੀਰ|ਮੇਰੀ ਭਾਬੀ|ਸਾਡੀ ਧੀ|ਸਾਡਾ ਪੁੱਤ|ਉਸਦਾ ਨਾਮ|"
    "ਉਹਦਾ ਨਾਂ|میری نند|میری سہیلی|میرا ویر|میری بھابی|ساڈی دھی|ساڈا پتر|اوہدا ناں|میرا ناں|mera veer|"
    "meri saheli|meri bhabi|sadi dhee|sada putt|ohda naam|mera naam|mera na|meri jathani|meri darani|"
    "mere ghar wale|ਮੇਰਾ ਨਾਮ|ਮੇਰਾ ਨਾਂ|ਮੇਰੇ ਪਤੀ|ਪਤੀ|ਮੇਰਾ ਪੁੱਤਰ|ਮੇਰੀ ਧੀ|ਮੇਰਾ ਬੇਟਾ|ਮੇਰੀ ਬੇਟੀ|ਮੇਰੀ ਸੱਸ|ਨਾਮ",
    "gu": "મારું નામ|મારુ નામ|મારા પતિ|પતિ|મારો દીકરો|મારી દીકરી|દીકરો|દીકરી|મારી સાસુ|નામ",
    "so": "magacaygu waa|magacayga waa|magacaygu|magacayga|magaceedu waa|magaciisu waa|ninkayga|seygayga|"
    "wiilkayga|gabadhayda|hooyaday|walaashay|waxaa la i yiraahdaa",
    "ti": "ሽመይ|ሽማ|ሽሙ|ሓትነይ|ኣቦይ|ዓባየይ|ኣሕዋተይ|ሰበይተይ|smey|shmey|sma|smu|baal betey|ስመይ|ስማ|ስሙ|በዓል ቤተይ|ሰብኣየይ|ወደይ|"
    "ጓለይ|ኣደይ|ሓብተይ|ወ/ሮ|ወ/ሪት|ኣቶ|w/ro|w/rt|weyzero|weyzerit|ato|abayey|hamatey|habtey|aboy",
}

# Her family and friends in each language and script, native and romanised: the word before a name
# she writes most often ("my mother-in-law Naseem", "ሓማተይ ...", "خشویم ...").  Written by hand.
_KIN: dict[str, str] = {
    "ur": "میری بہو|بہو|میری ساس|ساس|میرے میاں|میاں|میری نند|نند|میری بہن|بہن|میرا بھائی|بھائی|میری امی|"
    "امی|میرے ابو|میری بھابھی|بھابھی|دیور|میری خالہ|خالہ|پھوپھو|میری دوست|سہیلی|میرے سسر|میرے شوہر|"
    "meri saas|saas|mere mian|mere miyan|miyan|mian|meri nand|meri behan|meri bhen|mera bhai|meri ammi|"
    "meri bhabhi|meri khala|meri dost|mere shohar|shohar|mera beta|meri beti|mere husband|meri sis",
    "bn": "আমার শাশুড়ি|শাশুড়ি|আমার ননদ|ননদ|আমার বোন|আমার ভাই|আমার জা|দেবর|আমার বান্ধবী|"
    "amar shashuri|shashuri|amar nonod|nonod|amar bon|amar bhai|amar shami|shami|amar chele|amar meye|"
    "amar bandhobi|amar husband",
    "pa": "ਮੇਰੀ ਸੱਸ|ਸੱਸ|ਮੇਰੀ ਭੈਣ|ਭੈਣ|ਮੇਰਾ ਭਰਾ|ਭਰਾ|ਮੇਰੀ ਨਨਾਣ|ਮੇਰੀ ਮਾਂ|ਮੇਰੇ ਘਰਵਾਲੇ|"
    "میری سس|سس|میری نوں|میری بھین|بھین|میرا بھرا|میرے گھر والے|میرے پتی|میری دھی|میرا پتر|"
    "میرا گھر والا|گھر والا|میرے گھر والے|"
    "meri sass|sass|meri bhen|meri bhain|mera bhra|mere pati|mera ghar wala|ghar wala|meri nanaan|"
    "meri dhee|mera putt|mera munda|meri kudi",
    "gu": "મારી સાસુ|સાસુ|મારી બેન|બેન|મારો ભાઈ|મારી નણંદ|નણંદ|મારા બા|મારી મા|મારી બહેનપણી|"
    "mari sasu|sasu|mari ben|maro bhai|mara pati|mari nanand|mari dikri|maro dikro|mara husband",
    "pl": "moja teściowa|teściowa|moja siostra|mojej siostry|moja przyjaciółka|przyjaciółka|mój brat|"
    "moja mama|moja córeczka|mój synek|mężem|koleżanka|moja kuzynka|moja tesciowa",
    "ro": "soacra mea|soacra|sora mea|fratele meu|prietena mea|soțul|sotul|fetița|fetita|băiețelul|"
    "cumnata mea|mama mea",
    "pt": "a minha sogra|minha sogra|a minha irmã|minha irmã|o meu irmão|meu irmão|a minha amiga|minha amiga|"
    "o pai do bebé|o pai do bebê|o pai do bebe|a minha prima|minha prima",
    "uk": "моя свекруха|свекруха|моя сестра|мій брат|моя подруга|подруга|мій чоловік|доня|синочок|"
    "moya svekrukha|miy cholovik|cholovik|moya sestra|тітка|тітонька|бабуся|дідусь|дядько|кума|невістка|"
    "зовиця|племінниця|сестричка|братик|сестра|брат",
    "ar": "حماتي|زوجي|جوزي|أختي|اختي|بأختي|لأختي|أخوي|اخوي|أخي|امي|صاحبتي|بنتي|ابني|وزوجي|"
    "jozi|zawji|o5ti|okhti|ukhti|akhoy|7amati|binti|ebni|sa7bti",
    "so": "ninkayga|seygayga|walaashay|walaalkay|hooyaday|soddohday|gabadhayda|wiilkayga|saaxiibtay|"
    "eedaday|habaryartay|gabadhaydii|wiilkaygii",
    "ps": "زما خواښې|خواښې|زما خاوند|خاوند|زما خور|خور|زما ورور|ورور|زما مور|زما ملګرې|لور مو|زوی مو|"
    "zama khawand|khawand|zama khor|zama wror|zama mor|zama meera|meera|zama khwakhe",
    "prs": "خشویم|خشوی من|شوهرم|همسرم|خواهرم|برادرم|مادرم|دخترم|پسرم|دوستم|"
    "shauharam|shoharam|khwaharam|bradaram|madaram|dokhtaram|pesaram|khoshwayam|hamsaram",
    "ti": "ሓማተይ|ሓወይ|ሓብተይ|ሓፍተይ|ኣደይ|ወደይ|ጓለይ|መሓዛይ|በዓል ቤተይ|ሰብኣየይ|haftey|hawey|adey|wedey|gualey|mehazay|"
    "seb'ayey|sebayey|hamatey|habtey|abayey",
    "en": "my sil|my bil|my bestie|my best friend|my mate|my doula|my birth partner|my sis|my mam",
}
# Her thanks, most often to staff: "special thanks to Nkechi", "shoutout to Bisola and Precious", "esp
# Tolani", "big up ...", "shukriya nasreen", "dziękuję pani Ani".  A strong staff cue, so a lowercase word
# no list knows may follow; an everyday word ("thanks to the team", "esp at night") never goes.
_THANKS: dict[str, str] = {
    "en": "thanks to|thank you to|thankyou to|thank u to|special thanks to|big thanks to|"
    "huge thanks to|shoutout to|shout out to|shout-out to|shoutout|shout out|big up|big up to|esp|"
    "especially|thank you|thanks|thank|thank u|thanku|thx|tysm|cheers|bless|grateful to|so grateful to|"
    "many thanks to|massive thanks to|big love to|much love to|i owe",
    "pl": "dziękuję|dziekuje|dziękujemy|podziękowania dla|zwłaszcza|szczególnie",
    "ro": "mulțumesc|multumesc|mulțumiri|multumiri|mai ales|în special",
    "pt": "obrigada|obrigado|agradeço|especialmente|em especial",
    "uk": "дякую|спасибі|особливо|dyakuyu",
    "ar": "شكرا|شكراً|شكرًا|خصوصا|خصوصاً|shukran",
    "ur": "شکریہ|shukriya|shukria|خاص طور پر|khaas kar",
    "pa": "ਧੰਨਵਾਦ|ਸ਼ੁਕਰੀਆ|شکریہ|dhanvaad|dhanyavaad|shukriya",
    "gu": "આભાર|ધન્યવાદ|aabhar|dhanyavad",
    "bn": "ধন্যবাদ|dhonnobad",
    "prs": "تشکر|سپاس|tashakor|tashakur",
    "ps": "مننه|manana",
    "so": "mahadsanid|mahadsan|gaar ahaan",
    "ti": "የቐንየለይ|yekenyeley",
}
# "I am ..." in each language: a weak cue, since an adjective or a verb follows it as often as a name.
_I_AM: dict[str, str] = {
    "ur": "میں|main|mein",
    "bn": "আমি|ami",
    "pa": "ਮੈਂ|میں|main",
    "gu": "હું|hu|hun",
    "ps": "زه|za",
    "prs": "من|man",
    "ti": "ኣነ|ane",
    "ar": "أنا|انا|ana",
    "so": "aniga|anigu",
}

# Cues that so often precede an ordinary word that only a word already shaped like a name may follow.
_WEAK = {
    "i am",
    "i'm",
    "im",
    "this is",
    "it's",
    "its",
    "son",
    "daughter",
    "husband",
    "partner",
    "twins",
    "brother",
    "baby",
    "jestem",
    "sunt",
    "sou",
    "sou a",
    "sou o",
    "я",
    "أنا",
    "میں",
    "زه",
    "ami",
    "ਮੈਂ",
    "હું",
}
_WEAK_EXTRA = {
    "en": "i am|i'm|im|this is|it's",
    "pl": "jestem",
    "ro": "sunt",
    "pt": "sou|sou a|sou o",
    "uk": "я",
}

# Words that may stand between a cue and the name ("my midwife was a lady called Sarah").
FILLERS = frozenset(
    """was is were called named name 's a an the lady woman man guy girl boy one by whose him her them
    była był jest nazywała nazywał na imię a fost era este e o chamada chamado era é
    була був звали це كانت كان هي هو اسمها اسمه تھی تھا ہے نام بود است ده وه ছিল ছিলেন হলো নাম ਸੀ ਹੈ
    હતી હતા છે waxay waa ayuu ነበረት እያ""".split()
)


def _phrases(table: dict[str, str], lang: str) -> list[str]:
    return [" ".join(p.split()) for p in table.get(lang, "").split("|") if p.strip()]


# Languages whose speakers borrow each other's words: Shahmukhi Panjabi is written much like Urdu, and
# Dari and Pashto share their kinship and hospital words.
NEIGHBOURS: dict[str, tuple[str, ...]] = {"pa": ("ur",), "ur": ("pa",), "prs": ("ps",), "ps": ("prs",)}


def languages_for(lang: str | None) -> list[str]:
    """English always applies too: women code-switch, and staff titles are often written in English."""
    if lang is None:
        return list(_STAFF)
    return sorted({"en", lang, *NEIGHBOURS.get(lang, ())})


# Arabic-script letters written one way in Urdu, Dari and Pashto and another in Arabic ("میری"/"ميري",
# "مېړه"/"میړه", "ګل"/"گل", "خاله"/"خالة"), and Pashto's own letters written with the plain letter a
# Persian or Arabic keyboard has ("ډاکتره" for "ډاکټره", "داکتر", "ښ" as "ش"): cues are matched with both
# sides folded to one spelling (``_names``), and every spelling of a cue word is a cue word.
PERSIAN_FORMS = str.maketrans("يىېۍكګةۀەټډړښ", "یییی" + "کگههه" + "تدرش")
_ARABIC_FORMS = str.maketrans("یکگ", "يكك")


def spellings(phrase: str) -> set[str]:
    return {phrase, phrase.translate(PERSIAN_FORMS), phrase.translate(_ARABIC_FORMS)}


# Dari fuses "my" onto the kin word ("دخترم"), but as often writes it apart, or says "our own" ("دختر
# من", "دختر ما", "دخترمان", "دختر خود ستاره را…"): each fused cue is a cue in every one of those forms.
_DARI_MY = "م"
_DARI_POSSESSED = ("{} من", "{} ما", "{}مان", "{} خود", "{} خودم", "{} خودمان")


def _forms(listed: str, code: str, family: bool) -> list[str]:
    """A cue as listed, then the forms of it the language makes by rule: a Dari kin cue in every way of
    saying whose it is, a one-word Ukrainian or Polish cue in its other cases ("з чоловіком", "сестрі",
    "подрузі", "od teściowej", "z córką"), and the forms ``_cue_forms`` makes in every language that has
    them ("وراجلي", "لیور مې"; a family cue also with an elder or younger word, "my big sister"; a staff
    cue with the kind of staff member after it, "a parteira comunitária")."""
    made = proclitic_forms(listed, code) + enclitic_forms(listed, code)
    made += aged_forms(listed, code) if family else qualified_forms(listed, code)
    if " " in listed:
        return [listed, *made]
    if code == "prs" and listed.endswith(_DARI_MY) and "\u0600" <= listed[0] <= "\u06ff":
        stem = listed.removesuffix(_DARI_MY)
        return [listed] + [form.format(stem) for form in _DARI_POSSESSED]
    if code == "uk":
        return [listed, *oblique_forms(listed)]
    if code == "pl":
        return [listed, *polish_forms(listed), *made]
    return [listed, *made]


@lru_cache(maxsize=32)
def cues_for(lang: str | None) -> tuple[Cue, ...]:
    """Every cue for her language and its neighbours, built once per language: the rules' index and the
    list of cue words both read it."""
    langs = languages_for(lang)
    found: dict[tuple[tuple[str, ...], Kind], Cue] = {}
    for code in langs:
        for listed in _phrases(_STAFF, code):
            for form in _forms(listed, code, family=False):
                for phrase in spellings(form):
                    staff = phrase_tokens(phrase)
                    if not (form != listed and (staff, "staff") in found):
                        found[(staff, "staff")] = Cue(staff, "staff", derived=form != listed)
        for listed in _phrases(_THANKS, code):
            for phrase in spellings(listed):
                thanks = phrase_tokens(phrase)
                found[(thanks, "staff")] = Cue(thanks, "staff", thanks=True)
        kin = set(_phrases(_KIN, code) + _phrases(KINSHIP, code))
        if lang in (None, code):  # "tita" in an English story, not in a Portuguese one
            kin |= set(_phrases(BORROWED_KINSHIP, code))
        for listed in _phrases(_FAMILY, code) + sorted(kin) + _phrases(_WEAK_EXTRA, code):
            for form in _forms(listed, code, family=True):
                for phrase in spellings(form):
                    family = phrase_tokens(phrase)
                    cue = Cue(
                        family,
                        "family",
                        strong=listed not in _WEAK,
                        derived=form != listed,
                        kin=listed in kin,
                    )
                    if not (cue.derived and (family, "family") in found):
                        found[(family, "family")] = cue
        for listed in _phrases(_I_AM, code):
            for phrase in spellings(listed):
                mine = phrase_tokens(phrase)
                found.setdefault((mine, "family"), Cue(mine, "family", strong=False))
    return tuple(found.values())


# The one-word thanks of the languages written with capitals ("shoutout", "esp", "Dziękuję", "Obrigada",
# "Mahadsanid"): never a name themselves, though the model leans that way at the start of a line, where
# they take a capital.  Not the others' ("Shukria" is also a name).
THANKS_WORDS = frozenset(
    p
    for code in ("en", "pl", "ro", "pt", "uk", "so")
    for p in _phrases(_THANKS, code)
    if len(phrase_tokens(p)) == 1
)

# Staff words that can follow a name ("Grace the midwife"); titles like "dr" only ever precede one, and
# "Amina, my sister" is family, so "sister" is left out.
STAFF_TERMS_AFTER = frozenset(
    {phrase_tokens(p)[0] for code in _STAFF for p in _phrases(_STAFF, code) if len(phrase_tokens(p)) == 1}
    - {"mr", "dr", "prof", "professor", "sister", "д", "د", "ডা", "ડૉ", "doc"}
) | {"visitor"}
