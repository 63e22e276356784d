"""The pipeline board: projects by stage, moved by drag and drop."""
