"""Her story read whole as praise, in any language: a warm thank-you to it passes untouched."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bot.review.reply_check import check_reply
from bot.review.reply_check._check import check
from bot.review.reply_check._story import PRAISE_FILE, PraiseReader, praise_reader
from bot.review.reply_check.train import DATA, fingerprints
from bot.review.reply_check.train_praise import ABOVE, sources
from flows.embedding import DIMENSIONS


@pytest.mark.parametrize(
    "story",
    [
        "muito obrigada a toda a equipa da maternidade, a enfermeira Rita foi um amor comigo",
        "bahut shukriya sab ka, delivery wali nurse ne meri bohat madad ki",
        "دکتر و پرستارها خیلی مهربان بودند، از همه ممنونم",
        "mersi mult echipei, moasa a fost minunata",
        "the student midwife held my hand the whole time, please tell her she will be amazing",
    ],
)
def test_a_thank_you_story_in_any_language_is_read_as_praise(story: str) -> None:
    assert praise_reader().praises(story)


@pytest.mark.parametrize(
    "story",
    [
        "the midwives were nice but nobody checked my stitches and now they are infected",
        "nikt mi nie powiedział, że dziecko jest na oddziale intensywnej terapii",
    ],
)
def test_a_complaint_even_with_a_kind_word_is_not_praise(story: str) -> None:
    assert not praise_reader().praises(story)


def test_a_short_warm_reply_to_praise_in_portuguese_passes_untouched() -> None:
    story = "muito obrigada a toda a equipa da maternidade, a enfermeira Rita foi um amor comigo"
    reply = "Muito obrigada! Já partilhámos a sua mensagem com a Rita e com a equipa. Felicidades!"

    result = check_reply(reply, story)
    by_words_alone = check(reply, story, praised=PraiseReader(np.zeros(DIMENSIONS), 0.0, above=2.0))

    assert result.ok
    assert not result.advice
    assert "apology" in {finding.rule for finding in by_words_alone.advice}  # a thank-you asked to apologise


def test_the_committed_praise_reader_is_the_one_train_praise_writes_from_its_data_as_it_is() -> None:
    committed = json.loads((DATA / PRAISE_FILE).read_text(encoding="utf-8"))
    now = fingerprints(sources())

    assert committed["trained_on"]["sha256"] == now
    assert committed["above"] == ABOVE[0]
