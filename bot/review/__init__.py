"""Staff's work on a story: moderation of redactions, themes, replies and the reply checker,
translation of stories and replies, urgent alerts.

The workflow itself (statuses, who may move a story on) is ``flows/review.py``; this package does the
work at each stage.

May import: ``bot.privacy``, ``bot.clients``, ``bot.services``; ``channels``, ``flows``, ``storage``.
"""
