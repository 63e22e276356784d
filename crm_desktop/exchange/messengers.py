"""Messenger services: names files use for them and how their ids look in URIs."""

from __future__ import annotations

from urllib.parse import quote, unquote

from crm_desktop.exchange.records import Messenger

_ALIASES = {
    "wechat": Messenger.WECHAT,
    "weixin": Messenger.WECHAT,
    "微信": Messenger.WECHAT,
    "вичат": Messenger.WECHAT,
    "telegram": Messenger.TELEGRAM,
    "tg": Messenger.TELEGRAM,
    "телеграм": Messenger.TELEGRAM,
    "телеграмм": Messenger.TELEGRAM,
    "whatsapp": Messenger.WHATSAPP,
    "ватсап": Messenger.WHATSAPP,
    "qq": Messenger.QQ,
    "skype": Messenger.SKYPE,
    "скайп": Messenger.SKYPE,
    "line": Messenger.LINE,
    "viber": Messenger.VIBER,
    "вайбер": Messenger.VIBER,
}

# How Apple Contacts labels the service (X-SERVICE-TYPE), which Google and Outlook accept.
SERVICE_LABEL = {
    Messenger.WECHAT: "WeChat",
    Messenger.TELEGRAM: "Telegram",
    Messenger.WHATSAPP: "WhatsApp",
    Messenger.QQ: "QQ",
    Messenger.SKYPE: "Skype",
    Messenger.LINE: "Line",
    Messenger.VIBER: "Viber",
    Messenger.OTHER: "Other",
}

_URI_PREFIXES = (
    "x-apple:",
    "https://t.me/",
    "http://t.me/",
    "t.me/",
    "tg://resolve?domain=",
    "weixin://contacts/profile/",
    "weixin://",
    "wechat:",
    "whatsapp:",
    "skype:",
    "xmpp:",
    "im:",
    "aim:",
    "qq:",
    "line:",
    "viber:",
    "sip:",
)


def service_from_name(name: str) -> Messenger | None:
    key = name.strip().lower().replace("-", "").replace(" ", "")
    if key.startswith("x"):
        key2 = key[1:]
        if key2 in _ALIASES:
            return _ALIASES[key2]
    return _ALIASES.get(key)


def service_from_uri(uri: str) -> Messenger | None:
    low = uri.lower()
    if low.startswith(("https://t.me/", "http://t.me/", "t.me/", "tg:")):
        return Messenger.TELEGRAM
    if low.startswith(("weixin:", "wechat:")):
        return Messenger.WECHAT
    scheme = low.split(":", 1)[0] if ":" in low else ""
    return _ALIASES.get(scheme)


def handle_from_uri(uri: str) -> str:
    text = uri.strip()
    low = text.lower()
    for prefix in _URI_PREFIXES:
        if low.startswith(prefix):
            text = text[len(prefix) :]
            break
    return unquote(text.split("?", 1)[0]).strip()


def handle_to_uri(handle: str) -> str:
    """The ``x-apple:`` form Apple Contacts writes for IMPP; other readers take it too."""
    return "x-apple:" + quote(handle, safe="@._-+~")
