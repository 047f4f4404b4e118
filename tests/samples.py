"""Hand-written first messages, texting style, for measuring language detection per language.

Each is the kind of opening a woman might send: a greeting and a sentence or two, typos and all.
"""

from __future__ import annotations

SAMPLES: dict[str, tuple[str, ...]] = {
    "en": (
        "Hi I had my baby at Medway last month and I want to tell someone how it went",
        "the midwives were lovely but nobody listened when i said the pain was too much",
        "I want to complain about my induction, it took 3 days and no one explained anything",
        "Hello, my daughter was born in May. The aftercare on the ward was really poor",
        "just wanted to say thank you to the team who looked after me, they were amazing",
    ),
    "ur": (
        "السلام علیکم، میں اپنے بچے کی پیدائش کے بارے میں بتانا چاہتی ہوں",
        "ہسپتال میں کسی نے میری بات نہیں سنی، مجھے بہت درد تھا",
        "نرس بہت اچھی تھی لیکن ڈاکٹر نے کچھ نہیں بتایا",
        "میرا آپریشن ہوا تھا اور مجھے بہت ڈر لگ رہا تھا",
        "مجھے اردو میں بات کرنی ہے، انگریزی نہیں آتی",
        "doctor ne mujhe kuch nahi bataya, bohat dard tha",
        "nurse achi thi lekin delivery mushkil thi",
    ),
    "bn": (
        "আমি আমার বাচ্চার জন্মের সময়ের কথা বলতে চাই",
        "হাসপাতালে কেউ আমার কথা শোনেনি, খুব ব্যথা ছিল",
        "নার্সরা খুব ভালো ছিলেন, ধন্যবাদ সবাইকে",
        "আমার সিজারিয়ান হয়েছিল, ডাক্তার কিছু বুঝিয়ে বলেননি",
        "আসসালামু আলাইকুম, আমি বাংলায় লিখতে চাই",
    ),
    "pa": (
        "ਸਤ ਸ੍ਰੀ ਅਕਾਲ, ਮੈਂ ਆਪਣੇ ਬੱਚੇ ਦੇ ਜਨਮ ਬਾਰੇ ਦੱਸਣਾ ਚਾਹੁੰਦੀ ਹਾਂ",
        "ਹਸਪਤਾਲ ਵਿੱਚ ਕਿਸੇ ਨੇ ਮੇਰੀ ਗੱਲ ਨਹੀਂ ਸੁਣੀ",
        "ਨਰਸਾਂ ਬਹੁਤ ਚੰਗੀਆਂ ਸਨ, ਸਭ ਦਾ ਧੰਨਵਾਦ",
        "ਮੈਨੂੰ ਬਹੁਤ ਦਰਦ ਸੀ ਪਰ ਕੋਈ ਨਹੀਂ ਆਇਆ",
        "ਮੇਰਾ ਵੱਡਾ ਅਪਰੇਸ਼ਨ ਹੋਇਆ ਸੀ ਅਤੇ ਡਾਕਟਰ ਨੇ ਕੁਝ ਨਹੀਂ ਦੱਸਿਆ",
    ),
    "gu": (
        "નમસ્તે, મારે મારા બાળકના જન્મ વિશે કહેવું છે",
        "હોસ્પિટલમાં કોઈએ મારી વાત સાંભળી નહીં",
        "નર્સો ખૂબ સારી હતી, બધાનો આભાર",
        "મને ખૂબ દુખાવો હતો પણ કોઈ આવ્યું નહીં",
        "મારું સિઝેરિયન થયું હતું અને ડોક્ટરે કંઈ સમજાવ્યું નહીં",
    ),
    "pl": (
        "Witam, miałam trudny poród i chcę o tym napisać",
        "położne były bardzo miłe ale lekarz w ogóle mnie nie słuchał",
        "Dzień dobry, urodziłam córkę w marcu w szpitalu Medway",
        "nikt mi nie wytłumaczył co się dzieje, bardzo się bałam",
        "chciałabym podziękować za opiekę po cesarce, było super",
    ),
    "ro": (
        "Bună ziua, am născut luna trecută și vreau să vă povestesc",
        "moașele au fost foarte drăguțe dar nimeni nu m-a ascultat",
        "Am avut cezariană și doctorul nu mi-a explicat nimic",
        "buna, vreau sa spun cum a fost la spital cand am nascut",
        "Mulțumesc echipei, m-au ajutat foarte mult după naștere",
    ),
    "ar": (
        "السلام عليكم، أريد أن أحكي عن ولادة طفلي في المستشفى",
        "الممرضات كانوا لطيفين لكن الطبيب لم يشرح لي شيئا",
        "كان عندي ألم شديد ولم يستمع إلي أحد",
        "ولدت في شهر مارس وكانت التجربة صعبة جدا",
        "شكرا للفريق على الرعاية بعد العملية القيصرية",
    ),
    "so": (
        "Salaan, waxaan rabaa inaan idiin sheego sidii aan u dhalay",
        "umulisada aad bay u fiicnayd laakiin dhakhtarka ima dhagaysan",
        "Ilmahayga wuxuu dhashay bishii hore cisbitaalka Medway",
        "xanuun badan ayaan qabay qofna ima caawin",
        "waan ku mahadsanahay kooxda, aad bay ii caawiyeen",
    ),
    "pt": (
        "Olá, tive o meu bebé no mês passado e quero contar como foi",
        "as parteiras foram muito simpáticas mas ninguém me ouviu",
        "Fiz cesariana e o médico não me explicou nada",
        "boa tarde, queria falar sobre o parto da minha filha",
        "Obrigada à equipa, cuidaram muito bem de mim depois do parto",
    ),
    "ps": (
        "السلام علیکم، زه غواړم د خپل ماشوم د زېږون په اړه ووایم",
        "په روغتون کې چا زما خبره وانه وریده",
        "نرسانې ډېرې ښې وې، له ټولو مننه",
        "ما ډېر درد درلود خو هېڅوک رانغلل",
        "ډاکټر ماته هېڅ ونه ویل چې څه کېږي",
    ),
    "prs": (
        "سلام، می‌خواهم در مورد زایمان خود در شفاخانه بگویم",
        "در شفاخانه کسی به حرف من گوش نداد",
        "نرس‌ها خیلی مهربان بودند، از همه تشکر",
        "من درد زیاد داشتم ولی کسی نیامد",
        "داکتر برایم هیچ چیز را توضیح نداد",
    ),
    "ti": (
        "ሰላም፣ ብዛዕባ ሕርሰይ ክነግረኩም እደሊ",
        "ኣብ ሆስፒታል ዝሰምዓኒ ሰብ ኣይነበረን",
        "ነርሳት ኣዝየን ጽቡቓት ነይረን፣ የቐንየለይ",
        "ብዙሕ ቃንዛ ነይሩኒ ግን ዝመጸ የለን",
        "ሓኪም ዝኾነ ነገር ኣይገለጸለይን",
    ),
    "uk": (
        "Привіт, я народила минулого місяця і хочу розповісти як це було",
        "акушерки були дуже добрі але лікар мене не слухав",
        "Мені зробили кесарів розтин і ніхто нічого не пояснив",
        "Добрий день, хочу подякувати команді за допомогу після пологів",
        "було дуже боляче, а до мене ніхто не прийшов",
    ),
}

#: too short or not a language we speak: the flow must stay in English rather than guess.
UNSURE: tuple[str, ...] = (
    "hi",
    "Hello",
    "👍",
    "ok",
    "salam",
    "1",
    "",
    "   ",
    "😢😢😢",
    "12345 678",
    "سلام",
    "হ্যাঁ",
    "Привет, я хочу рассказать о родах в больнице",
)
