"""crm-desktop: an offline-first desktop CRM for negotiating with foreign investors."""

from __future__ import annotations

from importlib import metadata as _metadata

APP_NAME = "crm-desktop"
APP_DISPLAY_NAME = "CRM Desktop"
# One reverse-DNS id for the package, the .desktop file, AppStream, installers and Qt.
APP_ID = "io.github.crmdesktop.CrmDesktop"
ORGANIZATION = "crm-desktop"

try:
    __version__ = _metadata.version("crm-desktop")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"
