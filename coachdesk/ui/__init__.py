"""The Qt user interface: dialogs, the main window and its views.

Only this package and ``coachdesk.app`` import Qt, so everything below runs and tests headless.
"""
