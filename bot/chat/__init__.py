"""Her side of the conversation: her message stored and answered, the outbox drained to her phone, the
files she sent fetched, her language recognised.

``receive`` (store first, then step her flow), ``effects`` (carry out what a step decided), ``delivery``
(the outbox: retries, opt-outs, reply windows), ``media`` (voice notes and photos), ``language``.

May import: ``bot.review`` (raising an urgent alert, marking a reply sent), ``bot.privacy`` (redaction),
``bot.clients``, ``bot.services``; ``channels``, ``flows``, ``storage``.
"""
