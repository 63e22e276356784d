"""Contact and calendar import and export dialogs."""
