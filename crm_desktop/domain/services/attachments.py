"""Files attached to any record; the bytes live in the database with the record."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import PurePath

from sqlalchemy import select

from crm_desktop.domain.errors import CrmError, FieldError, NotFoundError, ValidationError
from crm_desktop.domain.models import ENTITY_TYPES, Attachment, AttachmentContent
from crm_desktop.domain.services.base import Service

MAX_BYTES = 50 * 1024 * 1024  # a scanned contract or a presentation, not a video library


class AttachmentService(Service[Attachment]):
    model = Attachment
    entity = "attachment"
    SORTS = {"created": Attachment.created_at, "filename": Attachment.filename}

    def add(
        self, entity_type: str, entity_id: str, filename: str, data: bytes, note: str = ""
    ) -> Attachment:
        """Attach ``data`` under ``filename`` to a record, in one transaction."""
        name = PurePath(filename.replace("\\", "/")).name.strip()
        if not name:
            raise ValidationError({"filename": FieldError("filename", "required")})
        if len(data) > MAX_BYTES:
            raise CrmError.from_code(
                "attachment_too_large", name=name, limit=MAX_BYTES // (1024 * 1024)
            )
        model = ENTITY_TYPES.get(entity_type)
        if model is None:
            raise CrmError.from_code("attachment_owner", entity=entity_type)
        with self.ctx.unit_of_work() as s:
            owner = s.get(model, entity_id)
            if owner is None or owner.deleted_at is not None:
                raise NotFoundError(entity_type, entity_id)
            row = Attachment(
                entity_type=entity_type,
                entity_id=entity_id,
                filename=name,
                stored_name="database",
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                mime_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
                note=note.strip(),
            )
            s.add(row)
            s.flush()
            s.add(AttachmentContent(attachment_id=row.id, data=data))
            id = row.id
        return self.get(id)

    def for_record(self, entity_type: str, entity_id: str) -> list[Attachment]:
        stmt = (
            select(Attachment)
            .where(
                Attachment.entity_type == entity_type,
                Attachment.entity_id == entity_id,
                Attachment.deleted_at.is_(None),
            )
            .order_by(Attachment.created_at, Attachment.id)
        )
        with self.ctx.reading() as s:
            rows = list(s.scalars(stmt))
            s.expunge_all()
            return rows

    def content(self, id: str) -> bytes:
        """The attached file's bytes, checked against the digest taken when it was added."""
        with self.ctx.reading() as s:
            row = self._load(s, id, include_deleted=True)
            data = s.scalar(
                select(AttachmentContent.data).where(AttachmentContent.attachment_id == id)
            )
            if data is None:
                raise CrmError.from_code("attachment_missing", name=row.filename)
            if hashlib.sha256(data).hexdigest() != row.sha256:
                raise CrmError.from_code("attachment_damaged", name=row.filename)
            return bytes(data)
