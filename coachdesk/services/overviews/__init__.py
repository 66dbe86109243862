"""Read-only views across the practice: Today, one client at a glance, search."""
