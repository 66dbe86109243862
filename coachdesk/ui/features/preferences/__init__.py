"""Preferences: this computer's choices and the practice's defaults."""
