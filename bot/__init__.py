"""The application: wiring at the top, one package per capability below it.

Wiring (this folder): ``app`` (the Flask factory and its blueprint list), ``cli`` (the ``allvoices``
command), ``worker`` (scheduled jobs), ``services`` (what every entry point builds once), ``config``
(settings), ``logs``. Capabilities, each a package: ``chat`` (her side), ``review`` (staff's work on a
story), ``privacy`` (anonymising and forgetting), ``outreach`` (champions and posters), ``reports``
(digest, language status), ``clients`` (translation and email providers), ``web`` (the blueprints).

May import: ``channels``, ``storage`` and ``flows``. Inside, a capability imports only those below it
(see ``[tool.importlinter]`` in pyproject.toml): wiring → web → reports, outreach → chat → review →
privacy → clients → services → config, logs.
"""
