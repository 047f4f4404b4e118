"""One adapter per provider (Twilio SMS and WhatsApp, Telegram, the local simulator): webhook in, API call
out. The only code that knows a provider exists; ``base`` says what the app sees, ``registry`` which
channels this deployment has.

May import: ``flows.types`` and the providers' own libraries.
"""
