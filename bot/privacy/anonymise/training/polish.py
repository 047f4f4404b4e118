"""Polish sentences that put a name in each of its cases: "z Kasią", "do Tomka", "powiedziałam Ani".

Polish declines names, so the name in a story is often not the form any list holds: "Kasia" is
"Kasią" after "z", "Kasię" as an object, "Kasi" after "do"; "Tomek" is "Tomka", "Tomkiem".  These
sentences teach the model the endings and the words before them rather than the names themselves:
the names come from the same pools and invented names as the other training sentences, declined by
the rules below, plus a few pet forms written here (the shape Polish women use most: -sia, -nia,
-ek).  The frames and the declension rules are written by hand for this project.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Story = tuple[str, str | None, list[tuple[str, int, int]]]
NameMaker = Callable[[str, random.Random], str]

# Pet forms, the way names are written in texts; only used to make training sentences.
PET_NAMES = """Kasia Basia Gosia Zosia Ania Asia Ola Hania Madzia Marysia Krysia Tosia Jola Ela Iza Misia Kuba
    Tomek Bartek Wojtek Franek Jacek Krzysiek Grzesiek Maciek Staś Jaś Antek Olek Kinga Zuzia Julka""".split()

# A frame holds the case the name stands in: nom(inative), gen(itive), dat(ive), acc(usative),
# ins(trumental), loc(ative), voc(ative).
FRAMES = """byłam z {ins} cały dzień|przyjechałam do szpitala z {ins}|zadzwoniłam do {gen} w nocy
    |poprosiłam {acc} o wodę|powiedziałam {dat} że mnie boli|mąż pojechał po {acc} rano
    |moja siostra {nom} była przy mnie|{nom} trzymała mnie za rękę|u {gen} było lepiej
    |nikt nie pomógł {dat} z karmieniem|myślałam o {loc} całą noc|{voc} dziękuję za wszystko
    |rozmawiałam z {ins} o porodzie|przez {acc} wszystko poszło dobrze|dzięki {dat} przeżyłam
    |mój mąż {nom} nie słuchał|zostawili mnie z {ins} samą|bez {gen} bym nie dała rady
    |bylam z {ins} caly dzien|zadzwonilam do {gen}|powiedzialam {dat} ze boli|pytali o {acc}"""


_CASES = ("nom", "gen", "dat", "acc", "ins", "loc", "voc")


def decline(name: str) -> dict[str, str]:
    """The cases of a given name, by the common patterns: feminine in -a ("Kasia", "Magda"),
    masculine ending in a consonant ("Piotr", "Tomek" with its moving e); any other name stays as is.
    Close enough to teach the endings; the consonant changes ("Magdzie") are left out."""
    low = name.lower()
    forms: tuple[str, ...]
    if low.endswith("ia"):  # Kasia, Ania, Zuzia
        stem = name[:-1]
        forms = (name, stem, stem, stem + "ę", stem + "ą", stem, stem + "u")
    elif low.endswith("a") and len(low) > 2:  # Magda, Ola, Kinga, Chioma
        stem = name[:-1]
        soft = low[-2] in "lj"
        gen = stem + ("i" if soft or low[-2] in "gk" else "y")
        dat = gen if soft else stem + "ie"
        forms = (name, gen, dat, stem + "ę", stem + "ą", dat, stem + ("u" if soft else "o"))
    elif low[-1:].isalpha() and low[-1] not in "aeiouyąęóś":
        moving_e = low.endswith(("ek", "eł")) and len(low) > 3  # Tomek -> Tomka, Paweł -> Pawła
        stem = name[:-2] + name[-1] if moving_e else name
        ins = stem + ("iem" if stem.lower().endswith(("k", "g")) else "em")
        forms = (name, stem + "a", stem + "owi", stem + "a", ins, stem + "u", stem + "u")
    else:
        forms = (name,) * len(_CASES)
    return dict(zip(_CASES, forms, strict=True))


def sentences(count: int, make_name: NameMaker, rng: random.Random) -> list[Story]:
    """``count`` Polish sentences, each with one name declined to fit its frame."""
    frames = [" ".join(f.split()) for f in FRAMES.split("|")]
    out: list[Story] = []
    for _ in range(count):
        name = rng.choice(PET_NAMES) if rng.random() < 0.3 else make_name("lat", rng)
        form = decline(name[:1].upper() + name[1:])
        frame = rng.choice(frames)
        head, _, tail = frame.partition("{")
        case, _, rest = tail.partition("}")
        word = form[case] if rng.random() < 0.6 else form[case].lower()
        out.append((f"{head}{word}{rest}", "pl", [("NAME", len(head), len(head) + len(word))]))
    return out
