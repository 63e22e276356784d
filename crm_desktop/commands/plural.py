"""Counted nouns in English and Russian for the command line: "1 trip", "2 trips";
"1 поездка", "3 поездки", "5 поездок", "21 поездка" (the window has Qt's tr() for this)."""

from __future__ import annotations

import argparse

# noun -> (English one, English many, Russian one, Russian few (2-4), Russian many (5+))
NOUNS: dict[str, tuple[str, str, str, str, str]] = {
    "company": ("company", "companies", "компания", "компании", "компаний"),
    "contact": ("contact", "contacts", "контакт", "контакта", "контактов"),
    "project": ("project", "projects", "проект", "проекта", "проектов"),
    "meeting": ("meeting", "meetings", "встреча", "встречи", "встреч"),
    "task": ("task", "tasks", "задача", "задачи", "задач"),
    "trip": ("trip", "trips", "поездка", "поездки", "поездок"),
    "site": ("site", "sites", "площадка", "площадки", "площадок"),
    "measure": (
        "support measure",
        "support measures",
        "мера поддержки",
        "меры поддержки",
        "мер поддержки",
    ),
    "member": ("team member", "team members", "сотрудник", "сотрудника", "сотрудников"),
    "stage change": (
        "stage change",
        "stage changes",
        "смена стадии",
        "смены стадии",
        "смен стадии",
    ),
    "job": ("job", "jobs", "рабочее место", "рабочих места", "рабочих мест"),
    "record": ("record", "records", "запись", "записи", "записей"),
    "row": ("row", "rows", "строка", "строки", "строк"),
    "memo": ("memo", "memos", "протокол", "протокола", "протоколов"),
    "problem": ("problem", "problems", "проблема", "проблемы", "проблем"),
    "warning": ("warning", "warnings", "предупреждение", "предупреждения", "предупреждений"),
    "new company": (
        "new company",
        "new companies",
        "новая компания",
        "новые компании",
        "новых компаний",
    ),
}

# The record lists' names (``list companies``, the demo's counts) -> their noun.
PLURAL_NAMES = {
    "companies": "company",
    "contacts": "contact",
    "projects": "project",
    "meetings": "meeting",
    "tasks": "task",
    "trips": "trip",
    "sites": "site",
    "measures": "measure",
    "support measures": "measure",
    "members": "member",
    "stage_changes": "stage change",
}


def russian_form(n: int) -> int:
    """0 for 1, 21, 101 (not 11); 1 for 2-4, 22-24 (not 12-14); 2 for the rest."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def noun(n: int, word: str, lang: str = "en") -> str:
    """The form of ``word`` (a key of NOUNS, or a list name like "trips") for ``n``;
    a word not in the table comes back as it is."""
    forms = NOUNS.get(PLURAL_NAMES.get(word, word))
    if forms is None:
        return word.replace("_", " ")
    if lang == "ru":
        return forms[2 + russian_form(n)]
    return forms[0] if abs(n) == 1 else forms[1]


def count(n: int, word: str, lang: str = "en") -> str:
    """``n`` and its noun: "1 trip", "12 trips", "22 поездки" (thousands grouped)."""
    sep = "\u00a0" if lang == "ru" else ","
    return f"{n:,}".replace(",", sep) + " " + noun(n, word, lang)


def lang_of(args: argparse.Namespace) -> str:
    """The language of counted lines: Russian with ``--lang ru``, else English."""
    return "ru" if getattr(args, "lang", None) == "ru" else "en"
