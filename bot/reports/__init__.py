"""What leads read: the weekly digest and how far each language's prompts are reviewed.

May import: ``bot.review`` (themes, risk words), ``bot.clients`` (email), ``bot.services``;
``channels``, ``flows``, ``storage``.
"""
