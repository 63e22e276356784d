"""The main window and what hangs off it for the whole application."""
