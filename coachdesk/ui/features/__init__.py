"""The views and their dialogs, one package each: features use kit and pdf, never each other."""
