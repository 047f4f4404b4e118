"""One adapter per provider (Twilio SMS and WhatsApp, Telegram, the local simulator): webhook in, API call
out. The only code that knows a provider exists; ``base`` says what the app sees, ``registry`` which
channels this deployment has.

May import: ``flows.types``, the providers' own libraries, and for a phone line the call's pure steps and
their words (``flows.voice``, ``flows.catalog``).
"""
