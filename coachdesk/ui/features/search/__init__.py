"""The Search view: names, notes, goals and action items as the coach types."""
