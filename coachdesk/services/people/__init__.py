"""The people of the practice: clients, sponsors, and the coach's own profile."""
