"""Undoable changes: QUndoCommands that call the services.

A change is made once through ``execute()`` before the command goes on the stack, so
errors (validation!) reach the caller as exceptions; the stack's first ``redo()`` is then
skipped. Undo of a create or redo of a delete moves the record to the Trash; the reverse
restores it, so no data is ever lost by undoing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services.projects import ProjectService

ErrorSink = Callable[[CrmError], None]


class ServiceCommand(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._fresh = True
        self.on_error: ErrorSink | None = None

    def execute(self) -> Any:
        raise NotImplementedError

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, action: Callable[[], None]) -> None:
        # Qt calls undo/redo; an exception must not escape into the event loop.
        try:
            action()
        except CrmError as e:
            if self.on_error:
                self.on_error(e)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class CreateCommand(ServiceCommand):
    def __init__(self, service: Any, data: Any, text: str) -> None:
        super().__init__(text)
        self.service, self.data, self.record_id = service, data, ""

    def execute(self) -> Any:
        row = self.service.create(self.data)
        self.record_id = row.id
        return row

    def _undo(self) -> None:
        self.service.delete(self.record_id)

    def _redo(self) -> None:
        self.service.restore(self.record_id)


class UpdateCommand(ServiceCommand):
    """``expected_version``: the version the form was opened at; a record changed since
    makes ``execute`` raise ConflictError (undo and redo apply the user's own history)."""

    def __init__(self, service: Any, record_id: str, before: Any, after: Any, text: str,
                 expected_version: int | None = None) -> None:
        super().__init__(text)
        self.service, self.record_id, self.before, self.after = service, record_id, before, after
        self.expected_version = expected_version

    def execute(self) -> Any:
        if self.expected_version is None:
            return self.service.update(self.record_id, self.after)
        return self.service.update(self.record_id, self.after,
                                   expected_version=self.expected_version)

    def _undo(self) -> None:
        self.service.update(self.record_id, self.before)

    def _redo(self) -> None:
        self.service.update(self.record_id, self.after)


class DeleteCommand(ServiceCommand):
    def __init__(self, service: Any, record_id: str, text: str) -> None:
        super().__init__(text)
        self.service, self.record_id = service, record_id

    def execute(self) -> None:
        self.service.delete(self.record_id)

    def _undo(self) -> None:
        self.service.restore(self.record_id)

    def _redo(self) -> None:
        self.service.delete(self.record_id)


class RestoreCommand(DeleteCommand):
    """Restoring from the Trash; undo puts it back there."""

    def execute(self) -> None:
        self.service.restore(self.record_id)

    def _undo(self) -> None:
        self.service.delete(self.record_id)

    def _redo(self) -> None:
        self.service.restore(self.record_id)


class StageMoveCommand(ServiceCommand):
    """A project moves to another stage; undo reverses the recorded StageChange."""

    def __init__(
        self, projects: ProjectService, project_id: str, stage_id: str, note: str, text: str
    ) -> None:
        super().__init__(text)
        self.projects, self.project_id, self.stage_id, self.note = (
            projects,
            project_id,
            stage_id,
            note,
        )
        self.change_id = ""
        self.expected_version: int | None = None  # the project as the board showed it

    def execute(self) -> Any:
        change = self.projects.move_to_stage(self.project_id, self.stage_id, note=self.note,
                                             expected_version=self.expected_version)
        self.change_id = change.id
        return change

    def _undo(self) -> None:
        self.projects.undo_stage_change(self.change_id)

    def _redo(self) -> None:
        self.expected_version = None
        self.execute()


def perform(
    stack: QUndoStack | None, command: ServiceCommand, on_error: ErrorSink | None = None
) -> Any:
    """Make the change now (exceptions reach the caller) and, if it worked, make it undoable."""
    command.on_error = on_error
    result = command.execute()
    if stack is not None:
        stack.push(command)
    return result
