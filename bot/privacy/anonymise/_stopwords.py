"""Function words, everyday verbs and job titles of each language, in each script she may write it in.

These are never names.  They matter most where a script has no capitals (Arabic, Bengali, Gurmukhi,
Gujarati, Ge'ez) and in romanised texting (Roman Urdu, Banglish, Roman Panjabi and Gujarati, Latin
Pashto, Dari and Tigrinya), where wordfreq has no list and nothing else says "this is just a word".
They include the verbs that follow a job title ("ڈاکٹر نے کہا", "położna powiedziała"), which the old
cue rules took for a staff member's name.  Written by hand for this project.
"""

from __future__ import annotations

from functools import lru_cache

from bot.privacy.anonymise._cues import spellings


def _roman_urdu_pronouns() -> str:
    """Roman Urdu's pronouns and words of manner and amount in every case, made from their stems, since
    she spells each form as it comes ("shukriya unka", "dard kaisa hai", "aapka", "inhone"): the
    possessive's -a, -i, -e, the "ka"/"ki"/"ke" of the others, their "ko" and their "ne"."""
    agreeing = "mer hamar humar tumhar ter apn kais jais ais wais kitn jitn itn utn"
    taking_ka = "us un is in aap ap kis jis"
    forms = [stem + end for stem in agreeing.split() for end in ("a", "i", "e")]
    forms += [stem + end for stem in taking_ka.split() for end in ("ka", "ki", "ke", "ko")]
    forms += [stem + "ne" for stem in "us is kis jis".split()]
    forms += [stem + end for stem in ("un", "in") for end in ("hone", "hon", "he", "hein", "hen")]
    return (
        " ".join(forms)
        + " mujhe mujh tum tumhe tumhein hamen hamein humein use usay ise isay vo voh kaun kya"
    )


_BY_LANGUAGE: dict[str, str] = {
    "en": """i me my we our you he she they it is was were are be been am had has have did do does done
        said told asked came went got gave took left kept put let made seen saw felt thought knew want
        wanted need needed could would should can cant wont dont didnt wasnt isnt im ive id its thats
        lol omg tbh pls plz cos coz bc u ur ya yeah yh ok okay hi hey thanks thank sorry x xx xxx
        anyway basically literally honestly really so very just also then when where why how what who
        midwife midwives nurse doctor dr consultant registrar reg obs mw hv gp sister matron student
        baby babies husband partner mum mam mom dad son daughter sister brother nan nana auntie
        hospital ward triage labour birth scan section csection induction epidural stitches nicu scbu
        staff team lady woman man people someone nobody everyone everything nothing night day morning
        stayed held helped checked came cried smiled listened explained ignored shouted laughed
        sat sit sits sitting stood stand stands standing walked walks ran runs rushed waited waits
        looked looks spoke speaks talked talks brought brings sent sends rang rings called calls
        tried tries kept keeps stopped stops started starts refused refuses laughed wrote writes
        hosp mrn dob nhs no num number ref""",
    "ur": """میں میرا میری میرے ہم ہمارا ہماری ہمارے آپ وہ یہ اس اُس ان انہوں انہیں اسے اسکو اس کو
        ہے ہیں تھا تھی تھے تھیں ہو ہوا ہوئی ہوئے گیا گئی گئے کیا کی کیے کہا کہتے کہتی بولا بولی بتایا
        نے کو سے میں پر کا کے کی تک اور یا لیکن مگر پھر جب تو بھی نہیں نا ہاں جی بہت بڑی بڑا ساتھ
        بچہ بچے بچی بیٹا بیٹی شوہر میاں ساس سسر امی ابو بہن بھائی نند دیور ڈاکٹر نرس مڈوائف دائی
        ہسپتال وارڈ آیا آئی آئے آتی آتا رہا رہی رہے رہتے رہتی لاتی لاتا دیا دی دیے ملا ملی اللہ
        main mein mera meri mere hum humara hamari aap woh wo yeh ye us usne unho unhon unhe usko isko
        hai hain tha thi the thay ho hua hui gaya gayi gai gaye kiya kia ki kaha kehte bola boli bataya
        ne ko se pe par ka ke ki tak aur ya lekin magar phir jab to bhi nahi nahin na haan ji bohat bahut
        bacha bachay bachi beta beti shohar mian miyan saas sasur ammi abbu behan bhai nand
        aya aayi aayi aaye ati ata raha rahi rahe rehte rehti lati laya diya di diye mila mili allah
        kaam karti karta kar karo kare wali wala wale jo jis sab kuch koi kisi kyun kyon kab kahan
        apna apni apne mujhe mujhse hamein hume unko usse uski uska unki sabhi staff
        سب سبھی کوئی کسی کسے کسی نے سٹاف اسٹاف عملہ
        ادا ada """
    + _roman_urdu_pronouns(),
    "bn": """আমি আমার আমাকে আমরা আমাদের তুমি তোমার আপনি আপনার সে তার তিনি তাঁর ওরা ওর ও এ এই ওই যে
        আমাদেরকে তোমাকে তাকে উনি উনার ওনার তাদের ওদের এরা
        কে কেও কেই কি না হ্যাঁ আর এবং কিন্তু তারপর যখন তখন খুব অনেক একটা একটি ছিল ছিলেন ছিলাম হয় হলো হয়েছে
        করে করল করলেন করেছে করতে বলল বললেন বলেছে বলে দিল দিলেন গেল গেলেন এল এলেন আসে আসেনি
        নিয়ে দিয়ে থেকে জন্য সাথে সঙ্গে মধ্যে পরে আগে কাছে ডাক্তার নার্স ধাত্রী মিডওয়াইফ হাসপাতাল
        বাচ্চা ছেলে মেয়ে স্বামী শাশুড়ি ননদ বোন ভাই মা বাবা আল্লাহ
        ami amar amake amra amader tumi tomar apni apnar she tar tini ora or o e ei oi je ke ki na ha
        r ar kintu tarpor jokhon tokhon khub onek ekta chilo chilen chilam hoy holo hoyeche kore korlo
        korlen korte bollo bollen bole dilo dilen gelo gelen elo ashe ashena nie diye theke jonno
        sathe shathe moddhe pore age kache baccha chele meye shami shashuri nonod bon bhai ma baba
        karon keu kew kotha bolte parto parchilo paren ghonta din raat sobai shobai kauke staff
        সবাই সবাইকে কেউ কাউকে কারো স্টাফ""",
    "pa": """ਮੈਂ ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ ਅਸੀਂ ਸਾਡਾ ਸਾਡੀ ਤੁਸੀਂ ਉਹ ਇਹ ਉਸ ਉਹਨੇ ਉਹਨਾਂ ਨੇ ਨੂੰ ਤੋਂ ਵਿੱਚ ਚ ਦਾ ਦੀ ਦੇ ਤੇ ਅਤੇ
        ਸਾਡੇ ਉਹਨੂੰ ਉਹਦਾ ਉਹਦੀ ਦੋਵੇਂ
        ਦਰਦ ਪੀੜ ਹਫ਼ਤੇ ਹਫਤੇ ਦਿਨ ਰਾਤ ਸਵੇਰੇ ਸ਼ਾਮ ਦੁੱਧ ਬੱਚੇ ਦਵਾਈ ਟੀਕਾ ਪਾਣੀ ਰੋਟੀ ਖਾਣਾ ਘਰ ਸਟਾਫ ਡਰ
        ਨੀਂਦ ਪੀਲੀਆ ਵੇਲੇ ਬੇਟੀ ਬੇਟਾ ਮਹੀਨੇ ਟਾਈਮ
        ਪਰ ਫਿਰ ਜਦੋਂ ਬਹੁਤ ਸੀ ਸਨ ਹੈ ਹਨ ਹੋ ਗਿਆ ਗਈ ਗਏ ਕਿਹਾ ਕੀਤਾ ਕੀਤੀ ਦਿੱਤਾ ਦਿੱਤੀ ਆਈ ਆਇਆ ਆਏ ਨਹੀਂ ਹਾਂ ਜੀ
        ਡਾਕਟਰ ਨਰਸ ਦਾਈ ਮਿਡਵਾਈਫ ਹਸਪਤਾਲ ਬੱਚਾ ਬੱਚੀ ਪੁੱਤਰ ਧੀ ਪਤੀ ਸੱਸ ਭੈਣ ਭਰਾ ਮਾਂ ਵਾਹਿਗੁਰੂ ਚੰਗੀ ਚੰਗਾ
        میں میرا میری میرے اسیں ساڈا تسیں اوہ ایہہ اوہنے اوہناں نے نوں توں وچ دا دی دے تے اتے پر فیر
        جدوں بہت سی سن اے ہے ہن گیا گئی کیہا کیتا کیتی دتا دتی آئی آیا نئیں ہاں جی بڑی بڑا چنگی چنگا
        روز روٹی لیاندی ساڈی
        main mera meri mere asi assi sada sadi tusi oh ih ohne ohna ne nu ton ch vich da di de te ate
        par fir phir jado bahut bohat si san aa hai han gaya gayi kiha kita kiti ditta ditti aayi aaya
        ਕੱਲ੍ਹ ਅੱਜ ਹੁਣ ਫੇਰ ਅਜੇ ਸਿਰਫ ਇੱਕ ਦੋ ਤਿੰਨ ਕੁਝ ਸਭ ਸਾਰੇ ਸਾਰੀ ਇੱਥੇ ਉੱਥੇ ਕਿਉਂ ਕਿਵੇਂ ਕਿੱਥੇ ਲਈ ਨਾਲ ਕੇ ਕਰ
        ਕਰਕੇ ਦੱਸਿਆ ਦੇਖਿਆ ਚਲੀ ਚਲੇ ਰਹੀ ਰਿਹਾ ਰਹੇ ਸਾਲ ਰਾਤ ਸਵੇਰੇ ਕੰਮ ਇਕੱਲੀ ਮੈਨੂੰ ਸਾਨੂੰ ਤੁਹਾਨੂੰ ਉਸਨੂੰ ਉਸਨੇ
        ਹੋਇਆ ਹੋਈ ਸਕਦੀ ਪਵੇਗਾ ਕਿ ਜੋ ਕੱਲ ਕੋਈ ਕਿਸੇ ਸਟਾਫ ਸਟਾਫ਼ کوئی کسے سٹاف koi kise staff
        ਠੀਕ ٹھیک theek thik ਜੰਮਿਆ ਜੰਮੀ جمیا جمی jammya jammi
        کل اج ہن اجے صرف اک تن کجھ سب سارے ایتھے اوتھے کیوں کیویں کتھے لئی نال کر دسیا ویکھیا چلی رہی
        سال رات سویرے کم کلی مینوں سانوں تہانوں اوہنوں
        kal ajj aj hun fer aje sirf ik do tin kuch sab saare ithe othe kyon kiven kithe layi naal kar
        dasya dekhya chali rahi saal raat savere kam kalli menu sanu tuhanu""",
    "gu": """હું મારું મારુ મારી મારા મારો અમે અમારું તમે તે એ આ એને તેને તેમણે તેણે ને નો ની નું ના માં થી
        મને અમને અમારી અમારો અમારા અમારે મારે તમને તમારું તમારી તમારો તમારા તેનું તેની તેનો તેના
        એનું એની એનો એના એણે આપણે આપણું આપણી આપણા
        દુખાવો દુઃખાવો પીડા દર્દ અઠવાડિયા અઠવાડિયું દિવસ દિવસે દિવસો મહિના મહિનો રાત રાત્રે સવારે સાંજે
        કમળો તાવ દૂધ ધાવણ નાળ આંસુ દવા ગોળી ઇન્જેક્શન પાણી જમવાનું ચા ઘરે ઘર નર્સો ડોક્ટરો
        સ્ટાફ સ્વભાવ વાત વખત વાર સમય ટાઈમ ચિંતા ઊંઘ
        પર અને પણ પછી જ્યારે બહુ ખૂબ હતી હતો હતા છે છું હતું થયું થઈ ગયું ગઈ ગયા કહ્યું કર્યું કરી
        આપ્યું આવી આવ્યા આવ્યો નહીં ના હા જી ડૉક્ટર ડોક્ટર ડોક્ટરે નર્સ દાયણ મિડવાઇફ હોસ્પિટલ બાળક
        દીકરો દીકરી પતિ સાસુ બેન બહેન ભાઈ બા મા ભગવાન કહેતા આશા રાખ
        hu maru mari mara maro ame amaru tame te e aa ene tene teme ne no ni nu na ma thi par ane pan
        pachi jyare bahu khub hati hato hata che chu hatu thayu thai gayu gai gaya kahyu karyu kari
        aapyu aavi aavya nahi ha ji baki loko vaat sukhi rakhe bhagwan kahyu jenu naam hatu saras
        dikri dikro pati sasu ben bhai week badha koi koine staff
        કરો કરું કરશે કરવું કરવા karo karu karshe karvu karva
        બધા બધાં બધાએ કોઈ કોઈએ કોઈને સ્ટાફ સ્ટાફે""",
    "pl": """ja mnie mi mój moja moje mojego mojej my nas nam ty ona on oni ich jej jego to ten ta że
        i a ale lub albo czy nie tak już jeszcze bardzo był była było byli były jest są mam miała
        miałam mówiła powiedziała powiedział przyszła przyszedł poszła pomogła tłumaczyła zapytała
        dała dał kazała do na w z od po przez dla przy o u we ze położna położnej lekarz lekarka
        pielęgniarka doktor szpital oddział dziecko córka syn mąż siostra mama teściowa pani pan
        cos coś jak jako tam pisz nikt wszystko ok mieszkam mieszkamy mieszka mieszkałam""",
    "ro": """eu eu mie mi meu mea mei noi voi el ea ei ele lor lui ei asta acesta aceasta că și si sau
        dar nu da deja foarte a fost era am avut au zis spus venit plecat ajutat tradus întrebat
        la în in pe din cu de pentru fără moașa moasa medicul doctorul doctorița asistenta spital
        secție copil copilul fiica fiul soțul sotul sora mama soacra doamna domnul bebe bebelușul""",
    "pt": """eu me mim meu minha meus nós nosso você ele ela eles elas isso este esta que e ou mas não
        trouxe trouxeram levou levaram cortou fez fizeram deram
        sim já muito foi era estava esteve estive estavam estiveram fui tive teve disse falou veio foi ajudou
        perguntou ouviu deu
        a o os as um uma de do da dos das em no na com por para sem parteira médico médica doutor
        doutora enfermeira hospital bebê bebé filho filha marido irmã mãe sogra senhora senhor dona""",
    "uk": """я мене мені мій моя моє мої ми нас нам ти він вона вони їх її його це той та що і й а але
    мого моєї моєму моїй моїм моєю мою моїх наш наша наше наші нашої нашого нашому нашій нашим наших
    твого твоєї біля поруч
        або чи не так вже ще дуже був була було були є маю мала сказала сказав прийшла прийшов
        допомогла пояснила запитала дала дав до на в у з від по через для при о акушерка лікар
        лікарка медсестра лікарня дитина донька син чоловік сестра мама свекруха пані пан
        ya mene meni miy moya my ty vin vona vony tse shcho i ale ne tak vzhe duzhe buv bula bulo
        skazala prishla dopomohla akusherka likar likarka medsestra dytyna chovik
        привіт всім pryvit vsim""",
    "ar": """أنا انا لي نحن أنت انت هو هي هم هذا هذه ذلك التي الذي في من على إلى الى عن مع و أو لكن ما
        ثم لما لم لن لا نعم كان كانت كانوا قال قالت قالوا جاء جات جت اجت عطى عطت سأل سألت ساعد
        ساعدت الدكتور الدكتورة الطبيب الطبيبة الممرضة القابلة المستشفى الوارد طفل طفلي البيبي
        زوجي ابني بنتي أختي اختي أمي حماتي الله يعني كتير كثير منيح بس هاي هيك كنت كنا صار صارت
        بدي بدها عم رح شو ليش وين كيف اللي يلي كمان بعدين هلق لأنو لانه عشان علشان مش فيه فيها عندي
        عندها معي معها ولا أيضا جدا بالمستشفى بالليل الليل النهار اليوم امبارح الساعة
        الصبح الصباح الصبحية المسا المساء العصر العصرية الظهر الضهر المغرب العشا العشاء الفجر البارح
        البارحة بكرة بكره
        ana ani ehna enti howa hiya hom hatha hay fi men min 3ala ala ma w aw bas lakin ba3d
        kan kanet 2al 2alet ija ijet el al doctor mni7 kteer ktir elli illi lli yalli bel bil fel fil
        lel lil 3al mish msh""",
    "so": """aniga anigu waxaan waxay wuxuu waxuu ayaan ayay ayuu aan ay uu waa wax ma maya haa iyo ama
        laakiin kadib markii markaan markay marka si ii ku ka u la loo oo ee ah ahay ahayd ahaa yahay
        yiri tiri yidhi tidhi keenay keentay imaaday timid yimid caawisay sheegay weydiiyay
        umulisada umulisadii dhakhtarka dhakhtarkii kalkaalisada isbitaalka ilmaha ilmahayga
        gabadhayda wiilkayga ninkayga seygayga walaashay hooyaday soddohday ilaahay alle
        hal laba saddex maalin habeen saacadood saacad turjumaanka imanayay isniinta fadlan
        magacaygu magacayga lambarkayga numberkayga turjumaan
        ima iga igu ila uma kuma kama lama looma loogu noo noogu nala nagu naga ina inoo inagu kuu kaa
        kula kaga kugu ugu uga ula kala isku iska is wuu way waxa waxaa ayaa baa buu bay waan maan mayn
        ahayn aad adiga isaga iyada iyaga annaga innaga idinka""",
    "ps": """زه زما ما موږ مونږ ته ستا تاسو هغه هغې هغوی دا دې دغه چې او یا خو بیا کله ډېر ډیر ښه نه هو
        لکه غوندې
        درد ځل ورځ ورځې شپه شپې سهار ماښام اونۍ میاشت شیدې ماشومان دوا ستنه اوبه ډوډۍ کور وېره
        خوب ژیړی ښوونځي
        وه وم وو ده دی دي شو شوه شوې کړ کړه کړل وویل ووېل وايي راغله راغلې راغی ورکړ ورکړه پوښتنه
        په کې کښې له د ته سره څخه پر ډاکټر ډاکټره نرس قابله روغتون ماشوم زوی لور میړه خاوند خواښې
        خور ورور مور الله هره ورځ شپه ډوډۍ راوړله ونوموله زېږون
        za zama ma mung mong ta sta tasu hagha da de dagha che chi aw ya kho bya kala der dher kha na
        wa wam wo da de sho shwa kr kra wayal wayel raghla raghle warkr pa ke kay la sara tsakha
        doctor daktar nurse roghtun mashoom mashum zoy lur meera khawand khor wror mor allah
        halta tol kissa lekali num ye wo yawa hagha yawazeni
        پرون نن سبا سهار ماښام اوس لا یوازې یو دوه درې څو لږ دلته هلته ولې څنګه چېرته هیڅ هر ټول ټوله
        مې یې راته ماته درته ورته کوم کوي کوله کړې وکړه وکړې وکړل واخلو ولیږو وکتل لاړه لاړ راشه راشي
        شوی نو ځکه پوهېږم کلنه نوي څوک هیڅوک هېڅوک ستاف عمله زموږ زمونږ زمونګ مو
        parun nan os yawaze yaw dwa dre tso lag dalta wraz har me rata mata wrata kawi kawala wakra
        sho no dzaka pohegam
        وروسته مخکې وړاندې لومړی لومړۍ لومړنی دوهم دویم ځل ځلې ځله راسره ورسره درسره ماسره مهرباني مننه
        ډېره ډیره باندې لاندې پورې پسې دننه بهر ترڅو تر ترلاسه لرم لرې لري لرو لرئ لره لرل درلود درلوده
        کېږم کېږې کېږي کېږو کېږئ کېدم کېده کېدل کېدو کېدای کیږي کیدل کیدو شوم شول راځم راځي راځو راتلم
        راتله راتلل راتلو ځم ځي ځو تلم تله تلل وایم وایې ویل ویله ووایه ویلي غواړم غواړي غوښتل
        wrusta wrosta mukhke lumray lomray dzal rasara wrasara mehrabani mehrbani manana laram lari
        kegi kedo razi ratla wayam""",
    "prs": """من مرا ما شما تو او آن این ها که و یا اما ولی بعد وقتی خیلی بسیار خوب نه بله بود بودم
        بودند است هست شد شدم کرد کردم گفت گفتم گفتند آمد آمدند داد دادند پرسید برد در از به با
        برای تا را هم داکتر دکتر نرس قابله شفاخانه طفل پسرم دخترم شوهرم همسرم مادرم خواهرم خشویم
        خدا الله هر روز شب نان می‌آورد مهربان دوباره مجبور ساعت
        man mara ma shoma to u an in ke wa ya ama wali bad waqti khaili besyar khub na bale bud budam
        ast hast shod kard goft gofti amad dad porsid dar az ba bara ta ra ham doctor daktar nurse
        qabila shafakhana tefl pesaram dokhtaram shauharam hamsaram madaram khwaharam khoda hast
        onja qissa khod insta hama kasi hichkas staff
        کسی هیچکس هیچ‌کس ستاف کارمندان
        برایم برایش دیشب دیروز امروز فردا امشب صبح دیگر هیچ چیز همه چون چرا چطور کجا اینجا آنجا حالا
        هنوز باز فقط یک دو سه چند زیاد کم دارم داشتم دارد دارند می میکرد میکنم نمی نمیدانم دانم رفت رفتم
        رفتند آورد آوردند گرفت گرفتم زد زدم زدند دید دیدم بیا برو هستم هستند نیست نبود شده کنم کنید
        گپ زنگ تلفن همراهم پیش سر
        barayem dishab diroz emroz farda hanuz faqat yak du se chand ziad kam daram dashtam mekard raft
        raftam award gereft zad did biya boro hastam hastan nist nabud shuda konam gap zang telefon pesh
        می‌کنم می‌کنیم می‌کند کردیم mekonam mikonam mekonim""",
    "ti": """ኣነ ናተይ ንዓይ ንሕና ንስኻ ንስኺ ንሱ ንሳ ንሳቶም እዚ እዛ እቲ እታ እዩ እያ እየ እዮም ነበረ ነበረት ነይረ
        ንዓና ናትና ኣዝዩ ኣዝያ ብዘይ ንግሆ ምሸት
        ቃንዛ ሕማም ስቓይ ሰሙን ሰሙናት መዓልታት ወርሒ ቀትሪ ጸባ ጡብ ማይ ደም ጸቕጢ መድሃኒት ከኒና መርፌ ህጻን ሕክምና
        ቀዶ ገዛ ገዛና ድቃስ ፍርሒ ጸሎት ምግቢ ሻሂ ቡን ግዜ ሰዓት ሓገዝ
        ኣብ ካብ ናብ ምስ ን ብ ከም ግን ድማ እሞ ክሳብ ኣይ ኣይኮነን እወ ብዙሕ ጽቡቕ በለ በለት ኢሉ ኢላ መጺኡ መጺኣ
        ሓኪም ዶክተር ነርስ መሕረሲት ሆስፒታል ቆልዓ ወደይ ጓለይ በዓል ቤተይ ሰብኣየይ ሓብተይ ሓወይ ኣደይ ሓማተይ
        እግዚኣብሄር ኣምላኽ መዓልቲ ለይቲ መግቢ ተምጽኣለይ ተርጒሙለይ ተርጓሚ
        ane nateye niaye nihna ntsu nisa nsu ezi eza eti eta eyu eya eye neyre neyra ab kab nab ms
        kem gn dma ay kulu tsbuk bele belet ilu ila mets'e hakim doctor nurse qol'a wedey gualey
        haftey hawey adey baal beytey insta tsihifeyo smey
        ኩሉ ኩላ ገለ ሓደ ሕጂ ድሕሪ ቅድሚ ምኽንያቱ ስለ ዝበለ ዝበለት ኣይነበረን ነይሩ ኣሎ የለን
        ትማሊ ሎሚ ጽባሕ ደጊም ጥራይ ሓንቲ ክልተ ሰለስተ ኣብዚ ኣብኡ ስለምንታይ ከመይ ኣበይ ግና ምሉእ ከይዱ ከይዳ
        ኢለያ ኣይመጸን ደዊላ ተዛሪበ ብጣዕሚ ሕያዋይ ደም ሰባት ብዙሓት በይነይ ዓመት
        tmali lomi tsbah hiji tray hade hanti kilte seleste gele abzi slemintay kemey abey gna sle
        drhi qdmi mulu neyru keydu keyda bta'mi bzuhat sebat
        ባዕለይ ባዕልኻ ባዕልኺ ባዕሉ ባዕላ ባዕልና ባዕልኹም ባዕልኽን ባዕሎም ባዕለን
        ምሳይ ምሳኻ ምሳኺ ምሳኡ ምሳኣ ምሳና ምሳኹም ምሳኽን ምሳኦም ምሳአን በጃኻ በጃኺ በጃኹም በጃኽን msay msana bejakum""",
}

# Thanks and praise to God, in every language and script, since she writes them in any: "Alhamdulillah",
# "Slavă Domnului", "Graças a Deus", "ਵਾਹਿਗੁਰੂ ਦੀ ਕਿਰਪਾ", "ተመስገን".  They open a story with a capital as a
# name does.  "Slava" without its Romanian breve and "Слава" are left out: both are also names.
_PRAISE = """alhamdulillah alhamdulilah alhamdulillaah alxamdulillaah alxamdulilaah hamdulillah mashallah
    mashaallah inshallah inshaallah subhanallah bismillah allah ilaah ilaahay eebbe waheguru khuda god
    lord deus graças domnului doamne dumnezeu slavă bogu boże bóg богу боже бог господи господь
    الحمد لله الحمدلله الله ماشاءالله انشاءالله إنشاءالله سبحان بسم الحمدللہ اللہ ماشاءاللہ انشاءاللہ خدا
    خدای শুকরিয়া আলহামদুলিল্লাহ আল্লাহ ইনশাআল্লাহ মাশাআল্লাহ ভগবান ঈশ্বর ભગવાન ઈશ્વર ਵਾਹਿਗੁਰੂ ਰੱਬ
    ኣምላኽ እግዚኣብሄር እግዚኣብሔር ተመስገን temesgen"""

# The interpreter, and the English hospital words she writes in her own script ("ڈلیوری", "ડિલિવરી",
# "ওয়ার্ডে"): she opens a sentence with them ("દુભાષિયો આવ્યો જ નહીં") where a name might stand.
_HOSPITAL_WORDS = """interpreter tłumacz tłumaczka tłumacza tłumaczki interpret interpretul traducător
    traducătorul intérprete tradutor tradutora перекладач перекладачка перекладача مترجم مترجمة المترجم
    المترجمة ترجمان ژباړن ژباړونکی ተርጓሚት ڈلیوری ڈیلیوری انٹرپریٹر وارڈ سکین اسکین آپریشن ਡਿਲੀਵਰੀ ਦੁਭਾਸ਼ੀਆ
    ਇੰਟਰਪ੍ਰੇਟਰ ਵਾਰਡ ਸਕੈਨ ਅਪਰੇਸ਼ਨ ડિલિવરી દુભાષિયો દુભાષિયા ઇન્ટરપ્રિટર વોર્ડ સ્કેન ઓપરેશન ডেলিভারি দোভাষী
    ইন্টারপ্রেটার ওয়ার্ড ওয়ার্ডে স্ক্যান অপারেশন"""

# The languages she speaks and asks for, the verb that speaks them, and her phone and its number, each
# written as her language writes it ("پښتو ویونکی", a Pashto speaker; "ቁጽሪ ተሌፎነይ", my phone number;
# "ብትግርኛ", in Tigrinya): she opens a sentence with them where a name might stand.  Every language of the
# line and English, in each script.  "Romana" and "عربي" are left out: both are also names.
_LANGUAGES_AND_PHONE = """english urdu bengali bangla sylheti punjabi panjabi gujarati polish romanian
    portuguese ukrainian arabic somali pashto dari farsi persian tigrinya amharic angrezi angreji inglés
    ingles inglês português portugues angielski angielsku polski polsku engleză engleza română
    soomaali ingiriisi ingiriis англійська англійською англійську українська українською українську
    العربية بالعربي انجليزي إنجليزي الإنجليزية الانجليزية انكليزي اردو انگریزی انگلش پنجابی
    پښتو پشتو انګلیسي انګریزي دری فارسی انگلیسی বাংলা ইংরেজি সিলেটি ਪੰਜਾਬੀ ਅੰਗਰੇਜ਼ੀ ਅੰਗਰੇਜ਼ੀ ગુજરાતી
    અંગ્રેજી ትግርኛ ብትግርኛ እንግሊዝኛ ብእንግሊዝኛ ኣምሓርኛ
    speak speaks speaking speaker بولن بولنا بولنے بولدی بولدا بولدے بولتی بولتا بولتے bolan bolna bolne
    boldi bolda bolti bolta ਬੋਲਣ ਬੋਲਦੀ ਬੋਲਦਾ ਬੋਲਦੇ বলতে বলার বলে બોલતા બોલતી બોલે ویونکی ویونکې ویونکي
    صحبت يتكلم تتكلم بتتكلم يحكي بتحكي ዝዛረብ ትዛረብ ዝዛረቡ
    phone mobile telefone telefon numer număr numărul ተሌፎን ተሌፎነይ ቴሌፎን ቴሌፎነይ ቁጽሪ ቍጽሪ ሞባይል شمېره
    ټیلیفون موبایل شماره تلفن تیلفون مبایل فون نمبر موبائل رقم رقمي تلفون تلفوني هاتف هاتفي جوال موبايل
    ফোন নম্বর নাম্বার মোবাইল ફોન નંબર મોબાઇલ ਫ਼ੋਨ ਫੋਨ ਨੰਬਰ ਮੋਬਾਈਲ"""

# The days of the week in every language of the line and English, in each script, with the forms "on
# Friday" takes ("w piątek", "в п'ятницю", "ብዓርቢ", "jimcaha", "મંગળવારે", "শুক্রবারে"): she opens a
# sentence with them as with a name.  Those the gazetteer lists as names are left out ("Domingo", "Joi",
# "Marti", "Sereda", "Mangal", "Juma", "Jumma", "خميس").
_WEEKDAYS = """monday tuesday wednesday thursday friday saturday sunday poniedziałek poniedzialek wtorek środa
    sroda środę srode czwartek piątek piatek sobota sobotę sobote niedziela niedzielę niedziele luni
    marți miercuri vineri sâmbătă sambata sâmbăta duminică duminica segunda terça terca quarta quinta
    sexta sábado sabado feira понеділок понеділка вівторок вівторка середа середу четвер четверга
    пʼятниця п'ятниця пʼятницю п'ятницю субота суботу неділя неділю ponedilok vivtorok chetver
    piatnytsia pyatnytsya subota nedilia nedilya الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس
    الجمعة السبت الأحد الاحد اثنين ثلاثاء أربعاء اربعاء جمعة سبت پیر منگل بدھ جمعرات جمعہ ہفتہ اتوار pir
    budh jumeraat jumerat hafta itwar itwaar সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার রবিবার
    shombar sombar mongolbar budhbar brihospotibar shukrobar shonibar robibar ਸੋਮਵਾਰ ਮੰਗਲਵਾਰ ਬੁੱਧਵਾਰ
    ਵੀਰਵਾਰ ਸ਼ੁੱਕਰਵਾਰ ਸ਼ਨੀਵਾਰ ਐਤਵਾਰ somvar mangalvar budhvar veervar shukarvar shanivar aitvar સોમવાર
    મંગળવાર બુધવાર ગુરુવાર શુક્રવાર શનિવાર રવિવાર સોમવારે મંગળવારે બુધવારે ગુરુવારે શુક્રવારે શનિવારે
    રવિવારે সোমবারে মঙ্গলবারে বুধবারে বৃহস্পতিবারে শুক্রবারে শনিবারে রবিবারে isniin isniinta talaado
    talaadada arbaco arbacada
    khamiis khamiista jimce jimco jimcaha sabti sabtida axad axadda دوشنبه سه‌شنبه سه شنبه چهارشنبه
    پنجشنبه پنج‌شنبه جمعه شنبه یکشنبه doshanbe seshanbe chaharshanbe panjshanbe jumah shanbe yakshanbe
    ሰኑይ ሰሉስ ረቡዕ ሓሙስ ዓርቢ ቀዳም ሰንበት ብሰኑይ ብሰሉስ ብረቡዕ ብሓሙስ ብዓርቢ ብቀዳም ብሰንበት"""


#: Arabic writes "and" and "so" onto the word after them ("وما حدا إجا", "وكان", "فما"): each Arabic-script
#: word of its list is also a word with either in front. Not the forms that are also names ("فرح", Farah;
#: a test checks none of the rest is a listed name).
_ARABIC_AND = "وف"
_NAMES_WITH_AND = frozenset({"فرح", "فهم"})


def _with_and(words: str) -> set[str]:
    """The Arabic-script words of ``words`` with "و" or "ف" written onto them, but for the names."""
    arabic = [w for w in words.split() if "\u0600" <= w[0] <= "\u06ff"]
    return {conjunction + w for conjunction in _ARABIC_AND for w in arabic} - _NAMES_WITH_AND


@lru_cache(maxsize=32)
def stopwords(lang: str | None) -> frozenset[str]:
    """Her language's words, English's (code-switching is common), and in any language the praise of
    God, the hospital's words, the languages, the phone and the days of the week, each also in every
    spelling of its Arabic-script letters ("میری" written "ميري"), as cues are read; Arabic's also with
    "and" or "so" written onto them (``_with_and``)."""
    langs = ["en", lang] if lang in _BY_LANGUAGE else list(_BY_LANGUAGE)
    words = {w.casefold() for code in langs for w in _BY_LANGUAGE.get(code, "").split()}
    if "ar" in langs:
        words |= _with_and(_BY_LANGUAGE["ar"])
    shared = (_PRAISE, _HOSPITAL_WORDS, _LANGUAGES_AND_PHONE, _WEEKDAYS)
    words |= {w.casefold() for block in shared for w in block.split()}
    return frozenset(spelling for w in words for spelling in spellings(w))


@lru_cache(maxsize=32)
def own_words(lang: str | None) -> frozenset[str]:
    """Her own language's function words alone, without English's: a word that is a kunya elsewhere is
    an everyday word of hers only if her language says so ("im", English "I'm" texted, is "mother of" in
    a Levantine story)."""
    return frozenset(w.casefold() for w in _BY_LANGUAGE.get(lang or "", "").split())


ALL = stopwords(None)
