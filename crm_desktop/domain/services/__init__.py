"""One Qt-free service per aggregate, shared by the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.domain.context import Context
from crm_desktop.domain.services.attachments import AttachmentService
from crm_desktop.domain.services.companies import CompanyService
from crm_desktop.domain.services.contacts import ContactService
from crm_desktop.domain.services.meetings import MeetingService
from crm_desktop.domain.services.members import MemberService
from crm_desktop.domain.services.projects import ProjectService, StageService
from crm_desktop.domain.services.reference import SiteService, SupportMeasureService, TagService
from crm_desktop.domain.services.settings import SettingsService
from crm_desktop.domain.services.tasks import TaskService
from crm_desktop.domain.services.today import TodayService
from crm_desktop.domain.services.trash import TrashService
from crm_desktop.domain.services.trips import TripService


@dataclass
class Services:
    """Every service over one context; built once by a composition root."""

    ctx: Context

    def __post_init__(self) -> None:
        c = self.ctx
        self.members = MemberService(c)
        self.companies = CompanyService(c)
        self.contacts = ContactService(c)
        self.stages = StageService(c)
        self.projects = ProjectService(c)
        self.trips = TripService(c)
        self.meetings = MeetingService(c)
        self.tasks = TaskService(c)
        self.sites = SiteService(c)
        self.measures = SupportMeasureService(c)
        self.tags = TagService(c)
        self.settings = SettingsService(c)
        self.trash = TrashService(c)
        self.attachments = AttachmentService(c)
        self.today = TodayService(c)


__all__ = ["Services", "Context"]
