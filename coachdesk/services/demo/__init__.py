"""The demo practice: a realistic, deterministic practice laid into an empty vault."""
