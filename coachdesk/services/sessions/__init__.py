"""Coaching sessions: scheduling, statuses, and the notes written about them."""
