"""Data in and out: export everything or one client, calendars, import an archive or contacts."""
