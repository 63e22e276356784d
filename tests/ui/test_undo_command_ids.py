"""QUndoStack calls the previous command's id() when pushing; an attribute named ``id``
on a command shadows that virtual and crashed the application on the second push."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from crm_desktop.ui.common.undo import CreateCommand, DeleteCommand, UpdateCommand, perform


class _Service:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def create(self, data):
        self.calls.append(("create", data))
        return type("Row", (), {"id": "r-" + data})()

    def update(self, record_id, data):
        self.calls.append(("update", record_id))

    def delete(self, record_id):
        self.calls.append(("delete", record_id))

    def restore(self, record_id):
        self.calls.append(("restore", record_id))


def test_commands_can_follow_each_other_on_one_stack(qapp):
    stack = QUndoStack()
    service = _Service()
    perform(stack, CreateCommand(service, "a", "create a"))
    perform(stack, UpdateCommand(service, "r-a", "old", "new", "edit a"))
    perform(stack, DeleteCommand(service, "r-a", "delete a"))
    perform(stack, CreateCommand(service, "b", "create b"))
    assert stack.count() == 4 and all(c.id() == -1 for c in (stack.command(i) for i in range(4)))
    stack.undo()
    stack.undo()
    assert service.calls[-2:] == [("delete", "r-b"), ("restore", "r-a")]
