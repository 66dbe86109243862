"""Data in and out: the whole-practice archive, contacts from CSV and vCard, calendars."""
