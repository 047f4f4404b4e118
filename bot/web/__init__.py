"""The web app's blueprints, one per resource, thin: read the request, call a capability or a named
storage query, render. Templates and static files live beside them.

May import: every capability of ``bot``; ``channels`` (base types only), ``flows``, ``storage``. No SQL.
"""
