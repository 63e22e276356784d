"""The undoable recording of a meeting (with its next steps and stage move)."""

from __future__ import annotations

from crm_desktop.domain.models import Meeting
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.meetings import MeetingInput, StageMove
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.ui.undo import ServiceCommand


class RecordMeetingCommand(ServiceCommand):
    """Record a meeting with its next steps and stage move; undo takes all of it back.

    Undo of a new meeting moves it (and its tasks) to the Trash; undo of an edit restores
    the fields as they were and moves the tasks it added to the Trash. A stage move recorded
    with it is reversed through ``undo_stage_change`` and recorded again on redo.
    """

    def __init__(self, services: Services, data: MeetingInput, steps: list[TaskInput],
                 move: StageMove | None, meeting_id: str | None, text: str,
                 expected_version: int | None = None) -> None:
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
        meeting = S.meetings.record(self.data, self.steps, self.move, self.meeting_id,
                                    expected_version=self.expected_version)
        self.meeting_id = meeting.id
        self.new_task_ids = [t.id for t in S.meetings.next_steps(meeting.id)
                             if t.id not in old_tasks]
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
                change = S.projects.move_to_stage(meeting.project_id, self.move.stage_id,
                                                  note=self.move.note,
                                                  meeting_id=self.meeting_id,
                                                  when=meeting.starts_at)
                self.change_id = change.id
