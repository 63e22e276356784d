"""Screens of records: lists with their panes, Today, tasks, dashboard, trash."""
