"""The coach's profile: one form, used by the first-run wizard and the profile dialog."""
