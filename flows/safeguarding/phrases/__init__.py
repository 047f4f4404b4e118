"""Per-language phrase files for flows.safeguarding, shipped as package data; holds no code and imports nothing."""
