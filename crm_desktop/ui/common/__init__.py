"""What several areas of the interface use: labels, formats, widgets, undo."""
