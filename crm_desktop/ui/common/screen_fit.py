"""Window sizes that fit the screen they open on (a travel laptop has 1366x768 or less)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The window manager's title bar and borders, which are not part of a window's size.
FRAME_HEIGHT = 40
FRAME_WIDTH = 20


def fitted_size(wanted: QSize, widget: QWidget | None) -> QSize:
    """``wanted``, shrunk to the available area of the widget's screen, frame included."""
    screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    area = screen.availableGeometry()
    return wanted.boundedTo(QSize(area.width() - FRAME_WIDTH, area.height() - FRAME_HEIGHT))
