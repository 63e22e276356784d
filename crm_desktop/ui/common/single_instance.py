"""One window per database: a second start brings the first window to the front.

The first instance listens on a local socket named after the database file (and the
user); a second start connects, says "activate", and exits. The writer lock
(crm_desktop.storage.lock) is what really keeps a second writer out; this only makes
the second start pleasant.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

MESSAGE = b"activate\n"
TIMEOUT_MS = 1000


def server_name(database: str | Path) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some systems; the path still differs
        user = ""
    text = f"{user}\0{Path(str(database)).expanduser().resolve()}"
    return "crm-desktop-" + hashlib.sha256(text.encode()).hexdigest()[:20]


class SingleInstance(QObject):
    activated = Signal()  # another start asked this one to come to the front

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server: QLocalServer | None = None

    def notify_running(self) -> bool:
        """True when another instance answered (it has been asked to come forward)."""
        socket = QLocalSocket(self)
        try:
            socket.connectToServer(self.name)
            if not socket.waitForConnected(TIMEOUT_MS):
                return False
            socket.write(MESSAGE)
            socket.flush()
            socket.waitForBytesWritten(TIMEOUT_MS)
            socket.disconnectFromServer()
            return True
        finally:
            socket.abort()
            socket.deleteLater()

    def listen(self) -> bool:
        """Start answering later starts. Call after notify_running() said False."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A socket file left by a crash: nobody answered, so it is safe to remove.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The message is sent right after connecting: a short wait, no lambdas kept.
            if socket.bytesAvailable() or socket.waitForReadyRead(TIMEOUT_MS):
                if bytes(socket.readAll().data()).startswith(MESSAGE.strip()):
                    self.activated.emit()
            socket.abort()
            socket.deleteLater()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None


def bring_to_front(window: QWidget | None) -> None:
    if window is None:
        return
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
