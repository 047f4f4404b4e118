"""Her family, friends and household in every language, native script and romanised: the word she writes
next to a name ("meri behen rabia", "amar nanad shathi", "મારી બહેન કિંજલ", "زما ورېندار شینکۍ",
"لبنى صاحبتي").

One table, written from general knowledge so that no relation is missing in any language: sister,
brother, the sisters- and brothers-in-law, the parents-in-law, aunts and uncles on either side, cousin,
niece and nephew, daughter, son, her baby, her parents and grandparents, husband, partner, friend and
neighbour, with the usual romanised
spellings (behen/behan/bahen, bhabhi/bhabi, nanad/nonod), and Romanian's spoken possessive joined on
with a hyphen ("Soră-mea Lăcrămioara", "frate-miu"), and the English words for them written in her script
("મારી ફ્રેન્ડ", "আমার হাজব্যান্ড", "ਮੇਰੀ ਫਰੈਂਡ").  The earlier tables (``_cues``) were grown
from the stories one writer sent, so a third writer's kin words slipped past them.  Each is a strong
family cue: a name may follow it, or, where the language puts it so, come just before it ("Rabia meri
behen", "لبنى صاحبتي").  Bare Polish "siostra" is left out: it is also the nurse's title.  "My baby" is
listed in each script but not romanised ("amar baccha boro", my baby is big): no list knows a romanised
adjective or verb after it, so it would read as her name.
"""

from __future__ import annotations

KINSHIP: dict[str, str] = {
    "en": "my sister|my brother|my brother-in-law|my brother in law|my father-in-law|my father in law|"
    "my fil|my neighbour|my neighbor|my stepmum|my step mum|my stepsister|my step sister|my godmother",
    "ur": "میری بہن|میرا بھائی|میری بھابھی|میری بھابی|بھابی|میری نند|میرا دیور|میرے دیور|میری دیورانی|"
    "میری جیٹھانی|میرے جیٹھ|میرا بہنوئی|میرے بہنوئی|میرے سسر|میری پھوپھو|میری پھپھو|میری چاچی|میری ممانی|"
    "میری مامی|میرے ماموں|میرے چاچا|میرے تایا|میری تائی|میری کزن|میرا کزن|میری بھانجی|میرا بھانجا|"
    "میری بھتیجی|میرا بھتیجا|میری سہیلی|میری پڑوسن|میرے پڑوسی|ماسی|میری ماسی|"
    "meri behen|meri bahen|meri behn|meri sister|mera bhai|mere bhai|meri bhabi|meri bhaabi|meri nanad|"
    "meri nund|mera dewar|mere dewar|mera devar|mere devar|meri dewrani|meri devrani|meri jethani|"
    "mere jeth|mera behnoi|mere behnoi|mera bahnoi|meri sas|mere sasur|mere susar|meri phuppo|"
    "meri phupho|meri phuphi|meri chachi|meri mumani|meri mami|mere mamu|mere mamoo|mere chacha|"
    "mere taya|meri tai|meri cousin|mera cousin|meri bhanji|mera bhanja|meri bhatiji|meri bhateeji|"
    "mera bhatija|mera bhateeja|meri saheli|meri sahaili|meri friend|meri parosan|meri padosan|"
    "mere parosi|mere padosi|meri masi|meri maasi|masi|maasi|behen|behan|bahen|bhabhi|bhabi|nanad|"
    "khala|khaala|phuppo|phupho|chachi|mumani|خالہ|پھوپھو|چاچی|ممانی|"
    "میرا بچہ|میری بچی|میرے بچے|میرا بیبی|میری بیبی|میری دادی|میرے دادا|میری نانی|میرے نانا|میرے ابا|"
    "meri dadi|mere dada|meri nani|mere nana|"
    "mere abbu|mere abba|دادی|نانی|dadi|nani",
    "pa": "ਮੇਰਾ ਵੀਰ|ਮੇਰੀ ਭਰਜਾਈ|ਮੇਰੀ ਨਣਦ|ਮੇਰਾ ਦਿਓਰ|ਮੇਰਾ ਜੀਜਾ|ਮੇਰਾ ਸਹੁਰਾ|ਮੇਰੀ ਮਾਸੀ|ਮਾਸੀ|ਮੇਰੀ ਭੂਆ|ਭੂਆ|"
    "ਮੇਰੀ ਚਾਚੀ|ਮੇਰੀ ਤਾਈ|ਮੇਰੀ ਮਾਮੀ|ਮੇਰਾ ਮਾਮਾ|ਮੇਰਾ ਚਾਚਾ|ਮੇਰਾ ਤਾਇਆ|ਮੇਰੀ ਕਜ਼ਨ|ਮੇਰੀ ਭਤੀਜੀ|ਮੇਰਾ ਭਤੀਜਾ|"
    "ਮੇਰੀ ਭਾਣਜੀ|ਮੇਰਾ ਭਾਣਜਾ|ਮੇਰਾ ਪੁੱਤ|ਮੇਰੀ ਗੁਆਂਢਣ|"
    "میری بھیݨ|میری بھیڻ|میری بہن|میری بھرجائی|میری نناݨ|میری ننان|میرا دیور|میری درانی|میری جٹھانی|"
    "میرا جیجا|میرا سوہرا|میری ماسی|ماسی|میری بھوآ|بھوآ|میری چاچی|میری تائی|میری مامی|میرا ماما|"
    "میرا چاچا|میری گوانڈن|"
    "meri behen|meri pehn|mera bhra|mera pra|meri bharjai|meri nanad|meri nand|mera dyor|mera dior|"
    "mera jija|mera jeeja|mera sohra|mera sauhra|meri masi|meri maasi|masi|maasi|meri bhua|bhua|"
    "meri chachi|meri tai|meri mami|mera mama|mera chacha|mera taya|meri guandan|massi|meri massi|"
    "mere gharwale|mera gharwala|meri kuri|ਮੇਰੀ ਕੁੜੀ|ਮੇਰਾ ਮੁੰਡਾ|ਮੇਰੇ ਘਰਵਾਲੇ|ਮੇਰਾ ਘਰਵਾਲਾ|میری کڑی|میرا منڈا|"
    "ਮੇਰਾ ਬੱਚਾ|ਮੇਰੀ ਬੱਚੀ|ਪੁੱਤ|ਪੁੱਤਰ|ਧੀ|ਮੇਰੀ ਦਾਦੀ|ਮੇਰੇ ਦਾਦਾ|ਮੇਰੀ ਨਾਨੀ|ਮੇਰੇ ਨਾਨਾ|ਬੇਬੇ|ਬਾਪੂ|"
    "میرا بچہ|پتر|دھی|میری دادی|میرے دادا|میری نانی|میرے نانا|بےبے|بے بے|باپو|"
    "meri dadi|mere dada|meri nani|mere nana|bebe|bapu|ਮੇਰੀ ਫਰੈਂਡ|ਮੇਰੀ ਫ੍ਰੈਂਡ|ਮੇਰੇ ਹਸਬੈਂਡ|ਮੇਰਾ ਹਸਬੈਂਡ|"
    "ਮੇਰੀ ਸਿਸਟਰ|میری فرینڈ|میرے ہسبینڈ",
    "gu": "મારી બહેન|મારા ભાઈ|મારી ભાભી|ભાભી|મારા દિયર|મારો દિયર|મારી દેરાણી|મારી જેઠાણી|મારા જેઠ|"
    "મારા બનેવી|મારા સસરા|મારી માસી|માસી|મારી ફઈ|ફઈ|મારી કાકી|મારા કાકા|મારી મામી|મારા મામા|"
    "મારી ભત્રીજી|મારો ભત્રીજો|મારી ભાણી|મારો ભાણો|મારી કઝીન|મારી સહેલી|મારી મિત્ર|મારા મિત્ર|"
    "મારી પાડોશી|મારા પાડોશી|મારી પડોશી|મારા પડોશી|મારી પડોશણ|"
    "મારા દીકરા|દીકરા|મારું બાળક|મારા બાળક|મારો બાબો|મારી બેબી|મારી બા|મારી મમ્મી|મારા મમ્મી|મારા પપ્પા|"
    "મારા બાપુજી|મારી દાદી|મારા દાદા|મારી નાની|મારા નાના|મારી વહુ|મારા જમાઈ|મારા ઘરવાળા|"
    "mari bahen|mari behen|mara bhai|mari bhabhi|mari nanad|mara diyar|mari derani|mari jethani|"
    "mara sasra|mari masi|mari fai|mari foi|mari kaki|mara kaka|mari mami|mara mama|mari bhatriji|"
    "mari cousin|mari bahenpani|mari benpani|mari saheli|mari friend|mari padoshi|"
    "mara dikra|mari ba|mari mummy|mara papa|mari dadi|mara dada|"
    "mari vahu|mara gharvala|મારી ફ્રેન્ડ|મારા ફ્રેન્ડ|મારો ફ્રેન્ડ|મારા હસબન્ડ|મારો હસબન્ડ|મારી સિસ્ટર|"
    "મારો બ્રધર",
    "bn": "আমার দিদি|আমার আপা|আমার আপু|আমার দাদা|আমার ভাবি|আমার বৌদি|আমার দেবর|আমার ভাসুর|"
    "আমার দুলাভাই|আমার জামাইবাবু|আমার শ্বশুর|আমার খালা|আমার মাসি|আমার মামি|আমার মামা|আমার চাচি|"
    "আমার কাকি|আমার চাচা|আমার কাকা|আমার ফুপু|আমার পিসি|আমার কাজিন|আমার ভাগ্নি|আমার ভাতিজি|"
    "আমার বন্ধু|আমার প্রতিবেশী|ননদ|ভাবি|"
    "amar didi|amar apa|amar apu|amar dada|amar bhabi|amar boudi|amar nanad|amar nonad|amar nanod|"
    "amar debor|amar dewar|amar ja|amar bhashur|amar dulabhai|amar sasuri|amar shoshur|amar khala|"
    "amar mashi|amar mami|amar mama|amar chachi|amar kaki|amar chacha|amar kaka|amar fupu|amar phupu|"
    "amar pishi|amar cousin|amar bhagni|amar bhatiji|amar swami|amar bondhu|amar friend|"
    "amar protibeshi|nanad|"
    "আমার বাচ্চা|আমার শিশু|আমার বাবু|আমার দাদি|আমার নানি|আমার নানু|আমার দাদু|আমার আব্বু|আমার আম্মু|"
    "আমার বাবা|amar dadi|amar nani|amar nanu|amar dadu|amar abbu|"
    "amar ammu|amar baba|আমার ফ্রেন্ড|আমার হাজব্যান্ড|আমার হাসব্যান্ড|আমার হাসবেন্ড|আমার সিস্টার|আমার ব্রাদার",
    "ar": "زوجة أخي|مرت أخوي|مرات أخويا|نسيبتي|حماي|حمايا|عمي|خالي|بنت عمي|بنت خالي|بنت خالتي|ابن عمي|"
    "بنت أختي|بنت اختي|ابن أختي|بنت أخوي|ابنتي|رجلي|صديقتي|رفيقتي|جارتي|راجلي|ولدي|وليدي|بنيتي|"
    "akhi|ukhti|7amaty|khalti|5alti|3amti|sahbti|sadiqati|jarti|rajli|rajoli|zoji|zawjy|jozy|ibni|bnti|"
    "bint 5alti|bint khalti|bint 3ammi|ibn 3ammi|ibn 5alti",
    "ps": "زما ورېندار|ورېندار|ورندار|زما اینګور|زما لېور|زما عمه|زما ماما|زما تره|زما وریره|زما وراره|"
    "زما خوریه|زما ملګرې|زما ملګرۍ|زما ګاونډۍ|ندرور|"
    "zama wrondar|zama wrendar|zama ndror|zama yor|zama khosar|zama mama|zama tra|zama mere|"
    "zama malgare|zama malgari|zama gawandi|"
    "زما ماشوم|زما ماشومه|زما کوچنی|زما نیا|زما نیکه|زما پلار|zama nya|"
    "zama plar|ror|wror|tror|ndror|khor",
    "prs": "برادرم|خیاشنه‌ام|یزنه‌ام|کاکایم|مامایم|زن‌کاکایم|زن‌مامایم|دختر خاله‌ام|دختر کاکایم|"
    "خواهرزاده‌ام|برادرزاده‌ام|رفیقم|همسایه‌ام|طفلم|کودکم|بچیم|نوزادم|پدرم|مادرکلانم|پدرکلانم|"
    "khwaharam|khaharam|biradaram|khosuram|kakaim|mamayem|shoharam|rafiqam|hamsayaam",
    "ti": "ሓሙየይ|ሓትነይ|ኣኮይ|ሓወቦይ|ወዲ ሓወቦይ|ጓል ሓወቦይ|ጓል ሓብተይ|ወዲ ሓብተይ|ጓል ሓወይ|ወዲ ሓወይ|ዓርከይ|"
    "ጎረቤተይ|ህጻነይ|ሕጻነይ|ቆልዓይ|ኣቦሓጎይ|hatney|akoy|arkey|gorebetey",
    "so": "walaashey|walaalkey|walaashayda|walaalkayga|soddohdayda|soddohgay|dumaashiday|dumaashigay|"
    "adeerkay|abtigay|ina adeerkay|gabadh adeerkay|ina abtigay|ina habaryartay|saaxiibadday|"
    "saaxiibkay|deriskayga|deriskay|jaaraddayda|ilmahayga|ilmahaygii|cunugayga|awoowgay|ayeeyday|aabbahay|aabahay|"
    "abaayo|walaal|walaalo|eedo|habaryar|adeer|abti",
    "pl": "moją siostrą|mojego brata|moja szwagierka|szwagierka|mój szwagier|szwagier|moja bratowa|"
    "bratowa|mój teść|teść|moja ciocia|ciocia|ciotka|mój wujek|wujek|kuzynka|mój kuzyn|kuzyn|"
    "moja siostrzenica|siostrzenica|moja bratanica|bratanica|mój siostrzeniec|mój bratanek|"
    "moja przyjaciółka|moja koleżanka|mój przyjaciel|moja sąsiadka|sąsiadka",
    "ro": "soră-mea|sora-mea|mamă-mea|mama-mea|frate-miu|frate-meu|bunică-mea|bunica-mea|soacră-mea|"
    "soacra-mea|cumnată-mea|cumnata-mea|mătușă-mea|matusa-mea|"
    "cumnatul meu|socrul meu|mătușa mea|matusa mea|tanti|unchiul meu|verișoara mea|verisoara mea|"
    "vărul meu|varul meu|nepoata mea|nepotul meu|fata mea|prietenul meu|vecina mea|vecinul meu|"
    "cumnata|mătușa|matusa",
    "pt": "minha cunhada|meu cunhado|meu sogro|minha tia|meu tio|meu primo|minha sobrinha|meu sobrinho|"
    "meu amigo|minha vizinha|meu vizinho",
    "uk": "моя невістка|моя зовиця|моя золовка|золовка|мій дівер|мій шурин|мій свекор|моя теща|мій тесть|"
    "моя тітка|мій дядько|моя племінниця|мій племінник|мій друг|моя сусідка|сусідка|"
    "moya podruha|moya podruga|moya titka|miy dyadko|moya susidka",
}

# Bare kin words of address borrowed from another language, read only in stories of this one: Filipino
# "tita", "tito", "kuya", "lola", "lolo" in an English story.  English cues are read in every language's
# stories, and there these are names ("a minha amiga Tita", "o Tito", Lola for Dolores).
BORROWED_KINSHIP: dict[str, str] = {"en": "tita|tito|kuya|lola|lolo"}
