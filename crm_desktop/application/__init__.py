"""Qt-free use cases both front ends share (DESIGN.md, "Layers"): the CLI commands and
the GUI call these functions with plain values and a progress callback; they raise
CrmError subclasses whose text is the message a user sees."""
