"""Reaching the women least heard: champions' links that carry their code, posters and pocket cards.

May import: ``bot.services``; ``channels`` (the registry's invite links), ``flows`` (catalog text),
``storage``.
"""
