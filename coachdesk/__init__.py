"""CoachDesk: a private, offline practice manager for independent coaches and mentors.

Importing the package only defines names: no folders are created and no Qt is loaded.
"""

__version__ = "0.1.0"
