"""The agreement template editor: placeholders, live preview, clause checks."""
