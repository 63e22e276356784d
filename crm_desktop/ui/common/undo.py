"""Undoable changes: every QUndoCommand of the application, each calling the services.

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
from crm_desktop.domain.models import Meeting, Project, ProjectStatus, Task
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.meetings import MeetingInput, StageMove
from crm_desktop.domain.services.projects import ProjectService
from crm_desktop.domain.services.tasks import TaskInput

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

    def __init__(
        self,
        service: Any,
        record_id: str,
        before: Any,
        after: Any,
        text: str,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(text)
        self.service, self.record_id, self.before, self.after = service, record_id, before, after
        self.expected_version = expected_version

    def execute(self) -> Any:
        if self.expected_version is None:
            return self.service.update(self.record_id, self.after)
        return self.service.update(
            self.record_id, self.after, expected_version=self.expected_version
        )

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
        change = self.projects.move_to_stage(
            self.project_id, self.stage_id, note=self.note, expected_version=self.expected_version
        )
        self.change_id = change.id
        return change

    def _undo(self) -> None:
        self.projects.undo_stage_change(self.change_id)

    def _redo(self) -> None:
        self.expected_version = None
        self.execute()


class StatusCommand(ServiceCommand):
    """Mark a project won, lost, on hold or active; undo restores the status and reason."""

    def __init__(
        self,
        services: Services,
        project_id: str,
        status: ProjectStatus,
        reason: str,
        text: str,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(text)
        self.services = services
        self.project_id = project_id
        self.new = (status, reason)
        self.old: tuple[ProjectStatus, str] | None = None
        self.expected_version = expected_version  # the card as the board showed it

    def execute(self) -> Project:
        before = self.services.projects.get(self.project_id)
        result = self.services.projects.set_status(
            self.project_id, *self.new, expected_version=self.expected_version
        )
        self.old = (ProjectStatus(before.status), before.status_reason)
        return result

    def _undo(self) -> None:
        if self.old is not None:
            self.services.projects.set_status(self.project_id, *self.old)

    def _redo(self) -> None:
        self.services.projects.set_status(self.project_id, *self.new)


class TaskDoneCommand(ServiceCommand):
    """Mark a task done or open again; undo flips it back."""

    def __init__(
        self,
        services: Services,
        task_id: str,
        done: bool,
        text: str,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(text)
        self.services, self.task_id, self.done = services, task_id, done
        self.expected_version = expected_version  # the task as the list showed it

    def execute(self) -> Task:
        return self.services.tasks.set_done(
            self.task_id, self.done, expected_version=self.expected_version
        )

    def _undo(self) -> None:
        self.services.tasks.set_done(self.task_id, not self.done)

    def _redo(self) -> None:
        self.services.tasks.set_done(self.task_id, self.done)


class RecordMeetingCommand(ServiceCommand):
    """Record a meeting with its next steps and stage move; undo takes all of it back.

    Undo of a new meeting moves it (and its tasks) to the Trash; undo of an edit restores
    the fields as they were and moves the tasks it added to the Trash. A stage move recorded
    with it is reversed through ``undo_stage_change`` and recorded again on redo.
    """

    def __init__(
        self,
        services: Services,
        data: MeetingInput,
        steps: list[TaskInput],
        move: StageMove | None,
        meeting_id: str | None,
        text: str,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(text)
        self.expected_version = expected_version  # the meeting as the editor loaded it
        self.services = services
        self.data, self.steps, self.move = data, steps, move
        self.meeting_id = meeting_id
        self.created = meeting_id is None
        self.before: MeetingInput | None = None
        self.new_task_ids: list[str] = []
        self.change_id: str | None = None

    def execute(self) -> Meeting:
        S = self.services
        old_tasks: set[str] = set()
        old_change = None
        if self.meeting_id:
            self.before = MeetingInput.from_row(S.meetings.get(self.meeting_id))
            old_tasks = {t.id for t in S.meetings.next_steps(self.meeting_id)}
            old_change = S.meetings.stage_change_of(self.meeting_id)
        meeting = S.meetings.record(
            self.data,
            self.steps,
            self.move,
            self.meeting_id,
            expected_version=self.expected_version,
        )
        self.meeting_id = meeting.id
        self.new_task_ids = [
            t.id for t in S.meetings.next_steps(meeting.id) if t.id not in old_tasks
        ]
        change = S.meetings.stage_change_of(meeting.id) if self.move else None
        if change is not None and (old_change is None or change.id != old_change.id):
            self.change_id = change.id
        return meeting

    def _undo(self) -> None:
        S = self.services
        if self.meeting_id is None:  # execute() never succeeded
            return
        if self.change_id:
            S.projects.undo_stage_change(self.change_id)
        if self.created:
            S.meetings.delete(self.meeting_id)  # its tasks go to the Trash with it
            return
        for task_id in self.new_task_ids:
            S.tasks.delete(task_id)
        if self.before is not None:
            S.meetings.update(self.meeting_id, self.before)

    def _redo(self) -> None:
        S = self.services
        if self.meeting_id is None:
            return
        if self.created:
            S.meetings.restore(self.meeting_id)
        else:
            S.meetings.update(self.meeting_id, self.data)
            for task_id in self.new_task_ids:
                S.tasks.restore(task_id)
        if self.change_id and self.move:
            meeting = S.meetings.get(self.meeting_id)
            if meeting.project_id:
                change = S.projects.move_to_stage(
                    meeting.project_id,
                    self.move.stage_id,
                    note=self.move.note,
                    meeting_id=self.meeting_id,
                    when=meeting.starts_at,
                )
                self.change_id = change.id


def perform(
    stack: QUndoStack | None, command: ServiceCommand, on_error: ErrorSink | None = None
) -> Any:
    """Make the change now (exceptions reach the caller) and, if it worked, make it undoable."""
    command.on_error = on_error
    result = command.execute()
    if stack is not None:
        stack.push(command)
    return result
