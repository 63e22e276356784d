"""About: the version and the application id."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop import APP_DISPLAY_NAME, APP_ID, __version__

translate = QCoreApplication.translate  # a name lupdate recognises


def show_about(parent: QWidget) -> None:
    text = translate(
        "AboutDialog",
        "<h3>%1</h3><p>Version %2</p><p>Application id: %3</p>"
        "<p>An offline desktop CRM for negotiations with foreign investors: companies, "
        "contacts, projects through the pipeline, meetings and their minutes.</p>",
    )
    QMessageBox.about(
        parent,
        translate("AboutDialog", "About %1").replace("%1", APP_DISPLAY_NAME),
        text.replace("%1", APP_DISPLAY_NAME).replace("%2", __version__).replace("%3", APP_ID),
    )
