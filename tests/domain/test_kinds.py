"""One registry of record kinds: every place that names a kind uses the stored name, and
what a user can do with a kind (history, trash, search, the CLI's list) follows it."""

from __future__ import annotations

from crm_desktop.domain import kinds
from crm_desktop.domain.models import AuditEntry
from crm_desktop.domain.services.history import HistoryService
from crm_desktop.domain.services.reference import MeasureInput
from crm_desktop.search.documents import KIND_CODES


def test_each_service_writes_its_kinds_stored_name(services) -> None:
    for k in kinds.KINDS:
        service = getattr(services, k.service)
        assert service.entity == k.name
        assert service.model is k.model
        assert k.input_type().__name__ == k.input_class


def test_search_kind_codes_stay_as_stored_in_existing_indexes() -> None:
    assert KIND_CODES == {
        "company": 1,
        "contact": 2,
        "project": 3,
        "meeting": 4,
        "site": 5,
        "member": 6,
    }


def test_a_support_measure_is_stored_restored_and_trashed_under_one_name(services) -> None:
    m = services.measures.create(MeasureInput(name="Субсидия на проценты", provider="Минэк"))
    data = MeasureInput.from_row(services.measures.get(m.id))
    data.provider = "Фонд развития"
    services.measures.update(m.id, data)
    with services.ctx.reading() as s:
        stored = {e.entity_type for e in s.query(AuditEntry).filter_by(entity_id=m.id)}
    assert stored == {"support_measure"}

    history = HistoryService(services.ctx, services)
    change = next(h for h in history.entries("support_measure", m.id) if h.field == "provider")
    assert change.restorable
    history.restore_value("support_measure", m.id, "provider", change.old_value)
    assert services.measures.get(m.id).provider == "Минэк"

    services.measures.delete(m.id)
    trashed = [i for i in services.trash.list() if i.id == m.id]
    assert [i.entity_type for i in trashed] == ["support_measure"]
