"""The outside services we call, other than the messaging channels: machine translation, email, and the
one retry policy every provider call shares.

May import: ``flows`` (the list of languages). Nothing else of ours: a client knows its provider only.
"""
