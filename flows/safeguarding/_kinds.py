"""What can be wrong, how sure we are, and which kinds of message belong to which risk.

The kinds are the ones the evaluation set and the example files use, so a reviewer can read one list.
"""

from __future__ import annotations

from enum import StrEnum


class Risk(StrEnum):
    """What the danger is about; it decides which numbers she is given."""

    CLINICAL = "clinical"
    BABY_UNWELL = "baby_unwell"
    SELF_HARM = "self_harm"
    ABUSE = "abuse"


class Level(StrEnum):
    """How sure we are: only CLEAR gets her the numbers; POSSIBLE asks a person to read it soon."""

    CALM = "calm"
    POSSIBLE = "possible"
    CLEAR = "clear"


#: every urgent (or possible) kind, and the risk it belongs to
URGENT_KINDS: dict[str, Risk] = {
    "heavy_bleeding": Risk.CLINICAL,
    "waters_early": Risk.CLINICAL,
    "reduced_movements": Risk.CLINICAL,
    "headache_vision": Risk.CLINICAL,
    "swelling_headache": Risk.CLINICAL,
    "fits": Risk.CLINICAL,
    "chest_breathing": Risk.CLINICAL,
    "high_fever": Risk.CLINICAL,
    "severe_pain": Risk.CLINICAL,
    "newborn_floppy": Risk.BABY_UNWELL,
    "newborn_not_feeding": Risk.BABY_UNWELL,
    "newborn_breathing": Risk.BABY_UNWELL,
    "newborn_sleepy": Risk.BABY_UNWELL,
    "newborn_fever": Risk.BABY_UNWELL,
    "newborn_colour": Risk.BABY_UNWELL,
    "newborn_bleeding": Risk.BABY_UNWELL,
    "suicide_direct": Risk.SELF_HARM,
    "suicide_indirect": Risk.SELF_HARM,
    "self_harm": Risk.SELF_HARM,
    "harm_baby_thoughts": Risk.SELF_HARM,
    "physical_abuse": Risk.ABUSE,
    "threats": Risk.ABUSE,
    "coercive_control": Risk.ABUSE,
    "sexual_abuse": Risk.ABUSE,
    "fear_to_go_home": Risk.ABUSE,
}
#: calm messages that use the same words: these must stay calm
CALM_KINDS = (
    "negation",
    "past_resolved",
    "hypothetical",
    "other_person",
    "idiom",
    "complaint_with_risk_words",
    "ordinary",
)
