"""What ``train.py`` trains on, and that ``--cv`` measures what the checker runs with."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence

import numpy as np

from bot.review.reply_check._rules import rules
from bot.review.reply_check._sentences import MODEL_FILE, model
from bot.review.reply_check._text import normalise, sentences
from bot.review.reply_check.train import (
    DATA,
    EVAL,
    MARKED_KINDS,
    OVERRULED,
    OWNERS,
    THRESHOLDS,
    TRAINED,
    UNITS,
    UNSEEN,
    WRITERS,
    Example,
    Owns,
    _logistic,
    fingerprints,
    fit,
    from_drafts,
    grid,
    mlp,
    owners,
    sources,
    tuning_drafts,
)


def test_the_overrule_threshold_chosen_by_cv_is_the_one_the_rules_file_holds() -> None:
    assert OVERRULED[0] == rules().limits.phrase_overruled_above


def test_cv_measures_every_threshold_row_and_every_overrule_threshold_at_the_chosen_row() -> None:
    rows = grid()

    assert rows[: len(THRESHOLDS)] == [(*row, OVERRULED[0]) for row in THRESHOLDS]
    assert {row[-1] for row in rows if row[:-1] == THRESHOLDS[0]} == set(OVERRULED)


def test_every_sentence_labelled_in_the_blind_sets_opens_one_sentence_of_its_defensive_draft() -> None:
    labelled = tomllib.loads((DATA / "blind_labels.toml").read_text(encoding="utf-8"))["sentences"]
    drafts = {draft["id"]: draft for draft in tuning_drafts(UNSEEN)}

    for draft_id, by_opening in labelled.items():
        draft = drafts[draft_id]
        texts = [sentence.text for sentence in sentences(normalise(draft["draft"]))]
        assert draft["label"] == "defensive", draft_id
        for opening in by_opening:
            assert sum(text.startswith(opening) for text in texts) == 1, (draft_id, opening)


def test_a_blind_defensive_draft_trains_only_its_listed_sentences_as_defensive() -> None:
    draft = {
        "id": "bt-0075",
        "writer": "blind2",
        "label": "defensive",
        "kind": "staff_busy",
        "story": "",
        "draft": "Thanks. Unfortunately the ward was extremely busy that night. I hope you are well.",
    }

    assert [example.label for example in from_drafts([draft])] == ["ok", "staff_busy", "ok"]


def test_cv_checks_every_writer_s_tuning_drafts() -> None:
    assert {draft["writer"] for draft in tuning_drafts()} == set(WRITERS) >= {"first", *UNSEEN}


def test_the_committed_model_was_trained_on_what_train_py_trains_on_by_default() -> None:
    """Running ``train.py`` writes the committed weights again: the files it reads by default are the ones
    the committed model names, unchanged since (round 17: all eight hands)."""
    committed = json.loads((DATA / MODEL_FILE).read_text(encoding="utf-8"))["trained_on"]["sha256"]
    now = fingerprints(sources(TRAINED))

    assert ("first", *UNSEEN, "written6", "written7", "written8", "written9") == TRAINED
    assert committed == now


def test_the_committed_classifier_reads_the_embedding_through_its_hidden_layer() -> None:
    """Round 17: the output weights read the hidden layer's units, one column per unit."""
    committed = model()

    assert committed.hidden.shape == (UNITS, committed.owning_weights.shape[1])
    assert committed.weights.shape == (len(committed.labels), UNITS)


def test_the_owning_heads_learn_what_owns_nothing_from_the_first_set_whatever_the_classifier_trains_on() -> (
    None
):
    """Round 17: trained on all eight hands' defensive sentences, the heads lost "go to hospital now" in
    Polish and Urdu; the classifier trains on all eight, the heads on ``OWNERS``."""
    drafts = [
        {"id": f"x-{writer}", "writer": writer, "label": "good", "story": "", "draft": f"Thanks, {writer}."}
        for writer in ("first", "written8")
    ]
    hand = [Example("We hope this reassures you.", "patronising", "")]

    assert [example.text for example in owners(hand, drafts)] == [
        "We hope this reassures you.",
        "Thanks, first.",
    ]
    assert OWNERS == ("first",)


def test_training_the_hidden_layer_twice_gives_the_same_weights() -> None:
    """A fixed seed: ``train.py`` rebuilds the committed model, not one like it."""
    rows = np.random.default_rng(0).normal(size=(12, 5))
    targets = np.eye(3)[np.arange(12) % 3]

    first, again = mlp(rows, targets, 4), mlp(rows, targets, 4)

    assert all(np.array_equal(one, other) for one, other in zip(first, again, strict=True))
    assert first[0].shape == (4, 5) and first[2].shape == (3, 4)


def test_a_draft_whose_writer_marked_its_defensive_sentences_trains_those_as_its_kind() -> None:
    """written6 and written7 (round 13) mark their own defensive sentences; the splitter may cut a marked
    sentence otherwise, so a sentence that is, holds or is part of a mark counts."""
    draft = {
        "id": "t6-x",
        "writer": "written6",
        "label": "defensive",
        "kind": "staff_pressure",
        "story": "",
        "draft": "Dear Amina, thank you for writing. The ward had two emergencies that night. Kind regards",
        "defensive_sentences": ["The ward had two emergencies that night."],
    }

    assert [example.label for example in from_drafts([draft])] == ["ok", "staff_busy", "ok"]
    assert set(MARKED_KINDS.values()) <= {"ok", *json.loads((DATA / MODEL_FILE).read_text())["labels"]}


def test_the_heads_can_be_trained_on_another_encoder_s_vectors() -> None:
    """Round 14 measures other sentence encoders (bench/reply_check_encoders.py): the classifier and the
    owning heads then read that encoder's vectors, of its own width."""
    texts = ["We are sorry.", "The ward was busy.", "Sam will ring you.", "Policy is policy."]

    def encoder(batch: Sequence[str]) -> np.ndarray:  # type: ignore[type-arg]
        return np.array([[len(text), text.count("s"), 1.0] for text in batch], dtype=np.float64)

    examples = [Example(text, "ok" if index % 2 == 0 else "policy", "") for index, text in enumerate(texts)]
    owning = [Owns(text, (index == 0, index == 2, False, False)) for index, text in enumerate(texts)]
    logistic, hidden = fit(examples, owning, encoder, units=0), fit(examples, owning, encoder, units=5)

    assert logistic.weights.shape == (2, 3)
    assert hidden.hidden.shape == (5, 3) and hidden.weights.shape == (2, 5)
    assert logistic.owning_weights.shape == hidden.owning_weights.shape == (4, 3)


def test_every_hand_that_marks_its_defensive_sentences_names_kinds_the_classifier_has_a_label_for() -> None:
    """written6 to written9 (rounds 13 and 15): a kind with no label would stop training on that hand."""
    for part in sorted(EVAL.glob("written*/tuning.jsonl")):
        rows = [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines() if line.strip()]
        marked = [row for row in rows if row["label"] == "defensive"]

        assert marked and all(row["defensive_sentences"] for row in marked), part
        assert {row["kind"] for row in marked} <= set(MARKED_KINDS), part


def test_a_sentence_weighed_more_counts_more_in_the_classifier() -> None:
    """Round 15 measures each hand's sentences weighing the same in total (bench/reply_check_encoders.py
    --reading balanced): the same sentence labelled both ways leans to the label weighed more."""
    raw = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    targets = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])

    def first_label(rows: np.ndarray) -> float:  # type: ignore[type-arg]
        weights, bias = _logistic(raw, targets, rows=rows)
        scores = raw[0] @ weights.T + bias
        return float(np.exp(scores[0]) / np.exp(scores).sum())

    assert first_label(np.array([9.0, 1.0, 1.0])) > 0.5 > first_label(np.array([1.0, 9.0, 1.0]))
