"""The window around the features: menus, commands, navigation, status line, start-up, locking."""
