"""Records and paths shared by the exchange tests."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.exchange.records import (
    ContactRecord,
    Email,
    EmailKind,
    Messenger,
    MessengerId,
    Phone,
    PhoneKind,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "exchange"


def zhang() -> ContactRecord:
    return ContactRecord(
        family_name="张",
        given_name="伟",
        family_name_latin="Zhang",
        given_name_latin="Wei",
        family_name_ru="Чжан",
        given_name_ru="Вэй",
        organization="华科泵业; Huake Pumps, Ltd",
        department="Sales",
        title="总经理",
        country="CN",
        phones=[
            Phone("+8613800138000", PhoneKind.MOBILE),
            Phone("+862012345678", PhoneKind.WORK),
            Phone("+862012345679", PhoneKind.FAX),
        ],
        emails=[
            Email("zhang.wei@huake.example", EmailKind.WORK),
            Email("zw@mail.example", EmailKind.HOME),
        ],
        messengers=[
            MessengerId(Messenger.WECHAT, "zhangwei_88"),
            MessengerId(Messenger.TELEGRAM, "@zhangwei"),
        ],
        languages=["zh", "en"],
        tags=["VIP", "China"],
        notes="Met in Shenzhen.\nLikes tea; speaks some Russian, \\ and more " + "长" * 50,
        decision_maker=True,
        uid="5f0c6a4e-1111-4a4a-9999-000000000001",
    )


def smirnova() -> ContactRecord:
    return ContactRecord(
        family_name_latin="Smirnova",
        given_name_latin="Olga",
        family_name_ru="Смирнова",
        given_name_ru="Ольга",
        middle_name_ru="Петровна",
        organization='=HYPERLINK("http://evil.example","click")',
        title="@director",
        phones=[Phone("+79031112233", PhoneKind.MOBILE)],
        emails=[Email("o.smirnova@esipovo.example", EmailKind.WORK)],
        notes="-2+3",
        uid="5f0c6a4e-1111-4a4a-9999-000000000002",
    )


def miller() -> ContactRecord:
    return ContactRecord(
        family_name_latin="Miller",
        given_name_latin="John",
        organization="Miller & Sons",
        phones=[Phone("+12125550199", PhoneKind.WORK)],
        uid="5f0c6a4e-1111-4a4a-9999-000000000003",
    )


def people() -> list[ContactRecord]:
    return [zhang(), smirnova(), miller()]
