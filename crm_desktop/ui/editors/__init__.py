"""Creating and changing records: forms, pickers, the meeting editor."""
