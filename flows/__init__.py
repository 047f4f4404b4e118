"""The pure core: her conversation (``story``) and a story's review workflow (``review``) as state
machines, their prompts (gettext catalogs under ``locale/``), commands, languages, safeguarding and
sentence embeddings. No database, no network, nothing written: every function is data in, data out.

May import: nothing of ours outside ``flows``; Babel, numpy and the embedding model's package.
"""
