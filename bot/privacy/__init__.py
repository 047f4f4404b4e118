"""Her privacy: her words anonymised before staff read them, her data erased when she asks, and what we
keep kept only as long as it is needed.

``anonymise`` (names and identifiers out), ``erasure`` (on request by staff), ``retention`` (raw words
after moderation, old stories).

May import: ``bot.services``; ``channels``, ``flows``, ``storage``.
"""
