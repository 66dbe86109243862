"""The Today view: today's and this week's sessions, notes missing, what is overdue."""
