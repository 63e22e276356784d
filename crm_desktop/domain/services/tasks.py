from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case

from crm_desktop.domain import kinds
from crm_desktop.domain.base import utcnow
from crm_desktop.domain.models import Task, TaskStatus
from crm_desktop.domain.services.base import ListQuery, Service
from crm_desktop.domain.validation import Checker


@dataclass
class TaskInput:
    title: str = ""
    owner_id: str | None = None
    due_date: date | None = None
    description: str = ""
    status: TaskStatus = TaskStatus.OPEN
    meeting_id: str | None = None
    project_id: str | None = None
    company_id: str | None = None

    @classmethod
    def from_row(cls, r: Task) -> TaskInput:
        return cls(
            r.title,
            r.owner_id,
            r.due_date,
            r.description,
            r.status,
            r.meeting_id,
            r.project_id,
            r.company_id,
        )


@dataclass
class TaskQuery(ListQuery):
    owner_id: str | None = None
    status: TaskStatus | None = None
    open_only: bool = False
    overdue_first: bool = False
    meeting_id: str | None = None
    project_id: str | None = None
    company_id: str | None = None
    due_before: date | None = None


class TaskService(Service[Task]):
    model = Task
    entity = kinds.TASK.name
    SORTS = {
        "due": Task.due_date,
        "title": Task.title,
        "status": Task.status,
        "updated": Task.updated_at,
    }
    TEXT_COLUMNS = (Task.title, Task.description)

    def query(self, **kwargs: Any) -> TaskQuery:
        return TaskQuery(**kwargs)

    def _apply_filters(self, stmt: Select[Any], q: ListQuery) -> Select[Any]:
        if not isinstance(q, TaskQuery):
            return stmt
        if q.owner_id:
            stmt = stmt.where(Task.owner_id == q.owner_id)
        if q.status:
            stmt = stmt.where(Task.status == q.status)
        if q.open_only:
            stmt = stmt.where(Task.status == TaskStatus.OPEN)
        for col, value in (
            (Task.meeting_id, q.meeting_id),
            (Task.project_id, q.project_id),
            (Task.company_id, q.company_id),
        ):
            if value:
                stmt = stmt.where(col == value)
        if q.due_before:
            stmt = stmt.where(Task.due_date < q.due_before)
        return stmt

    def _order(self, q: ListQuery) -> list[Any]:
        cols = super()._order(q)
        if isinstance(q, TaskQuery) and q.overdue_first:
            today = date.today()
            # Only open tasks are overdue; done and cancelled ones go after the open ones.
            is_open = Task.status == TaskStatus.OPEN
            overdue = case((and_(is_open, Task.due_date < today), 0), else_=1)
            open_first = case((is_open, 0), else_=1)
            no_date_last = case((Task.due_date.is_(None), 1), else_=0)
            return [overdue, open_first, no_date_last, Task.due_date.asc(), Task.id]
        return cols

    def _clean(self, data: TaskInput) -> TaskInput:
        c = Checker()
        title = c.required("title", data.title)
        c.raise_if_any()
        return TaskInput(
            title,
            data.owner_id or None,
            data.due_date,
            data.description.strip(),
            TaskStatus(data.status),
            data.meeting_id or None,
            data.project_id or None,
            data.company_id or None,
        )

    def _write(self, s: Any, row: Task, data: TaskInput) -> None:
        was = row.status
        self._assign(row, data)
        if data.status == TaskStatus.DONE and was != TaskStatus.DONE:
            row.done_at = utcnow()
        elif data.status != TaskStatus.DONE:
            row.done_at = None

    def set_done(self, id: str, done: bool = True, *, expected_version: int | None = None) -> Task:
        with self._writing(id, expected_version) as (s, row):
            row.status = TaskStatus.DONE if done else TaskStatus.OPEN
            row.done_at = utcnow() if done else None
        return self.get(id)

    @staticmethod
    def is_overdue(task: Task, today: date | None = None) -> bool:
        today = today or date.today()
        return (
            task.status == TaskStatus.OPEN and task.due_date is not None and task.due_date < today
        )
