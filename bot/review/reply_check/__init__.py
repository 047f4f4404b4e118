"""Check a staff reply before it goes to the woman who told us her story.

Owns the reply checker: what blocks a reply (it defends the service: policy, "sorry you feel", blame,
minimising, disputing her account, busy staff, process threats, talking down, promises nobody owns,
replies that could go to anyone, deflection, unexplained jargon, or an urgent story answered without
help) and what is only advice (say back what happened, say sorry, say who will do what, offer to talk,
say where to get help when her story may need it).

Three layers find blocking problems: precise phrases from ``bot/review/data/reply_rules.toml``, a sentence
classifier over the shared embedding model (``flows.embedding``) that reads what each sentence does, and
her story (an urgent story needs help in the reply; urgency is read by the app's safeguarding reader, in
any of its languages). A fourth reads the reply whole: it may turn a doubtful sentence reading into advice
when the whole reply reads plainly good, and makes a doubt block when the whole reply reads as defensive.
Advice never blocks.

May import: ``flows.embedding``, ``flows.safeguarding``, ``bot.privacy.anonymise`` (its list of everyday
English words), numpy and textstat. Nothing here touches storage
or the web: ``bot.review.replies`` stores findings and ``bot.web`` shows them.
"""

from __future__ import annotations

from bot.review.reply_check._check import check
from bot.review.reply_check._findings import CheckResult, Finding, Layer
from bot.review.reply_check._rules import rules
from bot.review.reply_check._sentences import model
from bot.review.reply_check._story import praise_reader
from bot.review.reply_check._whole import whole_reader
from flows import safeguarding

__all__ = ["CheckResult", "Finding", "Layer", "check_reply", "preload"]


def check_reply(draft: str, story: str | None = None) -> CheckResult:
    """What blocks ``draft`` and what is worth adding; ``story`` is what it answers, in any language."""
    return check(draft, story)


def preload() -> None:
    """Read the rules, the classifier, the whole-reply and praise readers, load the embedding model and
    compile the safeguarding phrases of every language now, not on the first keystroke."""
    rules()
    model()
    whole_reader()
    praise_reader()
    safeguarding.preload()
    check("Thank you.")
