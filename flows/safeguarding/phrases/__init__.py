"""Per-language phrase files for flows.safeguarding, shipped as package data.

Holds no code and imports nothing.
"""
