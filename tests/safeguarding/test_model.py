"""Layer 2 and the two layers together: unlisted wording is caught, hard calm stays calm, and the model
in the repository is the one its data and script build."""

from __future__ import annotations

import importlib.util
import json
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from flows.safeguarding import (
    CALM_KINDS,
    URGENT_KINDS,
    Level,
    Risk,
    _model as model,
    assess,
    crossval,
    detect_risks,
    languages,
    writers,
)
from flows.safeguarding._phrases import detect_any_language
from flows.safeguarding.train import (
    EXAMPLES,
    KIND_NAMES,
    RULE,
    TUNING,
    Example,
    Rule,
    calibrate,
    hand_written,
    sources_digest,
    tuning_halves,
)

EVAL = Path(__file__).parent / "eval"
LANGUAGES = {"en", "ur", "bn", "pa", "gu", "pl", "ro", "ar", "so", "pt", "ps", "prs", "ti", "uk"}


def _rows(name: str, folder: Path = EVAL) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / f"{name}.jsonl").read_text("utf-8").splitlines() if line]


@pytest.mark.parametrize(
    ("text", "risk"),
    [
        ("theres blood running down my legs and it wont stop", Risk.CLINICAL),
        ("i cant stop thinking about ending it tonight", Risk.SELF_HARM),
        ("Krwawię strasznie, cała podłoga we krwi", Risk.CLINICAL),
        ("mera bacha saans nahi le raha", Risk.BABY_UNWELL),
        ("quero morrer hoje", Risk.SELF_HARM),
        ("ninkayga ayaa i garaacay oo wuxuu yiri waan ku dilayaa", Risk.ABUSE),
    ],
)
def test_urgent_wording_in_any_language_gets_the_alarm_and_names_its_risk(text: str, risk: Risk) -> None:
    found = assess(text)
    assert found.level is Level.CLEAR
    assert risk in found.risks


def test_wording_no_phrase_lists_is_caught_by_the_model() -> None:
    found = assess("theres blood running down my legs and it wont stop")
    assert not found.phrase_risks and found.model_alarm and found.level is Level.CLEAR


@pytest.mark.parametrize(
    "text",
    [
        "i used to self harm as a teenager but im fine now",
        "im dying to see my mum lol",
        "no headache and no swelling",
        "my sister had a fit in 2019",
        "i was scared of my ex but i left him years ago and im safe",
        "The midwife was lovely and explained everything",
        "March 2025",
    ],
)
def test_negation_past_other_people_idioms_and_plain_answers_stay_calm(text: str) -> None:
    assert assess(text).level is Level.CALM


def test_a_phrase_alarm_the_model_doubts_is_still_read_by_a_person_soon() -> None:
    found = assess("what do i do if baby gets a fever")
    assert found.phrase_risks and found.level is Level.POSSIBLE


def test_a_calm_sentence_beside_a_phrase_alarm_does_not_talk_the_model_out_of_it() -> None:
    message = (
        "been crying all week with the baby. honestly i think my kids would be better off without me. "
        "the health visitor said its just hormones"
    )
    assert len(model.pieces(message, alarming=lambda piece: bool(detect_any_language(piece)))) == 2
    assert assess(message).level is Level.CLEAR


def test_an_empty_message_is_calm() -> None:
    assert assess("  ").level is Level.CALM


def test_a_long_story_is_read_in_windows_so_a_buried_emergency_is_caught() -> None:
    calm = "The midwives were kind and the room was clean, but the night staff changed twice. " * 5
    story = calm + "Right now I am bleeding heavily and soaking a pad every half hour. " + calm
    assert len(model.pieces(story)) > 1
    assert assess(story).level is Level.CLEAR


def test_the_model_in_the_repository_was_built_from_the_examples_and_tuning_halves_here() -> None:
    """Edit an example file without retraining and this fails: python -m flows.safeguarding.train."""
    assert model.model().sources == sources_digest()


def test_thresholds_are_ordered() -> None:
    found = model.model()
    assert found.possible <= found.clear


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda path: path.stem)
def test_each_example_file_covers_every_risk_and_the_calm_kinds_it_needs(path: Path) -> None:
    data = tomllib.loads(path.read_text("utf-8"))
    assert path.stem in LANGUAGES
    assert set(data["urgent"]) <= set(URGENT_KINDS) and set(data["calm"]) <= set(CALM_KINDS)
    assert {URGENT_KINDS[kind] for kind in data["urgent"]} == set(Risk)
    assert {"negation", "past_resolved", "hypothetical", "idiom", "ordinary"} <= set(data["calm"])


def test_every_language_has_examples() -> None:
    assert {path.stem for path in EXAMPLES.glob("*.toml")} == LANGUAGES


def test_the_evaluation_split_is_the_one_made_once_and_the_halves_do_not_overlap() -> None:
    spec = importlib.util.spec_from_file_location("split", EVAL / "split.py")
    assert spec is not None and spec.loader is not None
    split = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(split)
    tuning, frozen = split.split(_rows("all"))
    assert (tuning, frozen) == (_rows("tuning"), _rows("frozen"))
    assert not {row["id"] for row in tuning} & {row["id"] for row in frozen}
    assert len(frozen) >= 600 // 2 and {row["lang"] for row in frozen} == LANGUAGES


def test_the_trainer_never_reads_a_frozen_half() -> None:
    source = (Path(model.__file__).parent / "train.py").read_text("utf-8")
    assert "tuning.jsonl" in source
    for name in ("train.py", "writers.py", "crossval.py"):
        source = (Path(model.__file__).parent / name).read_text("utf-8")
        assert '"frozen' not in source and "'frozen" not in source and "blind3" not in source


def test_a_long_story_costs_at_most_a_few_windows_and_the_one_a_phrase_fired_in_is_among_them() -> None:
    calm = [
        f"On day {n} the midwives were kind and the room was clean, but the night staff changed."
        for n in range(16)
    ]
    urgent = "Right now I am bleeding heavily and soaking a pad every half hour."
    story = " ".join([*calm[:3], urgent, *calm[3:]])
    assert len(model.windows(story)) > model.MAX_WINDOWS
    assert all(len(piece.split()) <= model.WINDOW_SPAN for piece in model.windows(story))
    read = model.pieces(story, alarming=lambda piece: "bleeding heavily" in piece)
    assert len(read) <= model.MAX_WINDOWS
    assert any(urgent in piece for piece in read)
    assert len(model.pieces(story)) == model.MAX_WINDOWS
    assert assess(story).level is Level.CLEAR


def test_a_message_assessed_again_is_not_embedded_again(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "cant feel the baby move since this morning, tried cold water"
    first = assess(text)
    calls: list[object] = []
    monkeypatch.setattr(model.embedding, "embed", lambda texts, role="query": calls.append(texts))
    assert assess(text) == first
    assert not calls


@pytest.mark.parametrize(
    "text",
    [
        "I'm bleeding a lot",
        "no heavy bleeding now",
        "mera shohar mujhe maarta hai",
        "quero morrer hoje",
        "hello",
    ],
)
def test_phrases_in_every_language_at_once_match_each_language_checked_alone(text: str) -> None:
    alone = frozenset().union(*(detect_risks(text, code) for code in languages()))
    assert detect_any_language(text) == alone


def test_neighbours_are_compared_without_the_direction_that_mostly_says_which_script_it_is() -> None:
    """The examples' top principal direction is removed from the message as from the examples, and
    the result is a unit vector again, so a dot product with the bank is still a cosine."""
    found = model.model()
    projected = model.project(
        model.embedding.embed(["mera bacha saans nahi le raha"]), found.centre, found.top
    )
    assert np.allclose(projected @ found.top.T, 0.0, atol=1e-5)
    assert np.allclose(np.linalg.norm(projected, axis=1), 1.0, atol=1e-5)
    assert np.allclose(np.linalg.norm(found.vectors, axis=1), 1.0, atol=1e-2)


def test_every_writers_tuning_half_is_read_each_kind_named_as_here() -> None:
    """The blind sets' writers named some kinds their own way: each is read as one of ours, never dropped."""
    found = tuning_halves(tuple(TUNING))
    for name, folder in (("first", EVAL), ("blind", EVAL / "blind"), ("blind2", EVAL / "blind2")):
        rows = _rows("tuning", folder)
        mine = [example for example in found if example.evaluation_set == name]
        assert [example.text for example in mine] == [row["text"] for row in rows]
        assert [example.kind for example in mine] == [
            KIND_NAMES.get(row["kind"], row["kind"]) for row in rows
        ]
    assert set(TUNING) == {"first", "blind", "blind2"}
    assert {example.kind for example in found} <= {*URGENT_KINDS, *CALM_KINDS}


@pytest.mark.parametrize("folder", ["blind", "blind2"])
def test_a_blind_kind_is_read_as_ours_with_the_risk_the_blind_writer_gave_it(folder: str) -> None:
    for row in _rows("tuning", EVAL / folder):
        if row["label"] != "calm":
            assert URGENT_KINDS[KIND_NAMES.get(row["kind"], row["kind"])] == row["risk"]


def test_cross_validation_deals_each_tuning_message_to_one_fold_evenly_by_set_language_and_label() -> None:
    examples = [*hand_written(), *tuning_halves()]
    fold_of = crossval.folds(examples, seed=1)
    assert set(fold_of) == {n for n, example in enumerate(examples) if example.from_tuning}
    for name in TUNING:
        for lang in LANGUAGES:
            for label in ("urgent", "possible", "calm"):
                stratum = (name, lang, label)
                sizes = Counter(
                    fold
                    for n, fold in fold_of.items()
                    if (examples[n].evaluation_set, examples[n].lang, examples[n].label) == stratum
                )
                if sizes:
                    assert max(sizes.values()) - min(sizes.get(f, 0) for f in range(crossval.FOLDS)) <= 1


def test_cross_validation_threshold_lets_through_at_most_the_share_of_calm_asked_for() -> None:
    values = np.arange(100, dtype=np.float32)
    calm = np.ones(100, dtype=bool)
    at = crossval.threshold(values, calm, 0.09)
    assert (values >= at).sum() == 9


def test_calibrating_with_room_spends_the_false_alarm_budget_where_the_tight_rule_spends_none() -> None:
    """Both catch every urgent message here; 'lowest' sets the line lower, for wording nobody wrote yet,
    and neither gives the numbers to more calm messages than the budget allows."""
    calm, urgent = np.linspace(-3, 0, 100), np.linspace(1, 3, 50)
    values = np.concatenate([calm, urgent]).astype(np.float32)
    labels = ["calm"] * len(calm) + ["urgent"] * len(urgent)
    alarms = np.zeros(len(values), dtype=bool)
    roomy = calibrate(values, alarms, labels, Rule(budget=0.09, ties="lowest"))[0]
    tight = calibrate(values, alarms, labels, Rule(budget=0.09, ties="fewest"))[0]
    assert roomy < tight
    for clear in (roomy, tight):
        assert (urgent >= clear).all() and (calm >= clear).mean() <= 0.09


def test_leaving_a_writer_out_judges_only_her_messages_by_a_model_built_without_them() -> None:
    """Two writers on made-up vectors where urgent and calm lie apart: the left-out writer's five urgent
    messages are all caught and her ten calm ones spared, by thresholds set on the other writer alone."""
    rng = np.random.default_rng(0)
    examples, vectors = [], []
    for writer, count in ((None, 20), ("first", 5), ("blind", 5)):
        for label, kind, axis in (
            ("urgent", "heavy_bleeding", 0),
            ("calm", "negation", 1),
            ("calm", "idiom", 2),
        ):
            for _ in range(count):
                examples.append(Example(f"{writer} {label}", label, kind, "en", evaluation_set=writer))
                vectors.append(np.eye(8)[axis] + 0.1 * rng.standard_normal(8))
    alarms = np.zeros(len(examples), dtype=bool)
    found = writers.left_out(np.array(vectors, dtype=np.float32), examples, alarms, "blind", (RULE,))
    assert [row[:4] for row in found] == [(5, 5, 0, 10)]
