"""The Qt user interface, in floors: ``shell`` over ``features`` over ``kit`` and ``pdf``.

Only this package and ``coachdesk.app`` import Qt, so everything below runs and tests headless.
See docs/architecture.md.
"""
