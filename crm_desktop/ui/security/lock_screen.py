"""Auto-lock and the unlock screen.

Locking covers every open window with an opaque cover (titles replaced too) instead of
closing or hiding anything: an editor or a modal dialog keeps its unsaved text in
memory, untouched, and is exactly as it was after unlocking. The passphrase field sits
on the cover of the window that can take input (the active modal dialog, if any, else
the active window), and that window is activated so typing reaches it at once.

An encrypted database unlocks with its passphrase; a plain one with a PIN the user sets
the first time they lock (only a salted hash of it is kept, see ``lock_pin``).

Idle time is measured on the wall clock (``time.time``), so time the laptop spent asleep
counts: a lid opened after the timeout finds the application locked.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import APP_DISPLAY_NAME

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
CHECK_MS = 5000
LOCK_SHORTCUT = "Ctrl+L"


class IdleWatcher(QObject):
    """Emits ``idle`` once the user has done nothing for ``timeout_s`` seconds."""

    idle = Signal()

    def __init__(
        self,
        timeout_s: float,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self.clock = clock
        self.last_activity = clock()
        self.fired = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in ACTIVITY:
            self.touch()
        return False

    def touch(self) -> None:
        self.last_activity = self.clock()
        self.fired = False

    def check(self) -> None:
        if (
            self.timeout_s > 0
            and not self.fired
            and self.clock() - self.last_activity >= self.timeout_s
        ):
            self.fired = True
            self.idle.emit()


class _Cover(QFrame):
    """An opaque sheet over one window; follows its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("#lockCover { background: palette(window); }")
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def release(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class UnlockForm(QWidget):
    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None, pin: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_form")
        self.title = QLabel(self.tr("%1 — locked").replace("%1", APP_DISPLAY_NAME), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.hint = QLabel(
            self.tr("Enter the PIN to see the data again.")
            if pin
            else self.tr("Enter the passphrase to see the data again."),
            self,
        )
        self.field = QLineEdit(self)
        self.field.setObjectName("unlock_field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("PIN") if pin else self.tr("Passphrase"))
        self.field.setMinimumWidth(280)
        self.error = QLabel("", self)
        self.error.setObjectName("unlock_error")
        self.error.setStyleSheet("color: #b00020;")
        self.button = QPushButton(self.tr("Unlock"), self)
        self.button.setDefault(True)
        layout = QVBoxLayout(self)
        for w in (self.title, self.hint, self.field, self.error, self.button):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        self.field.returnPressed.connect(self._submit)
        self.button.clicked.connect(self._submit)

    def _submit(self) -> None:
        text = self.field.text()
        self.field.clear()  # the passphrase does not stay in the widget
        self.submitted.emit(text)


class LockController(QObject):
    """Locks every window; unlocks when ``verify(secret)`` says yes.

    ``verify`` compares against the key derived at start (no database access), e.g.
    ``lambda p: encryption.DatabaseKey.derive(p, key.salt).raw == key.raw``, or against
    the PIN's salted hash (``pin=True``: the form asks for a PIN).

    ``ready()`` tells whether there is a secret to unlock with at all (a plain database
    before its PIN is set has none); when it is not, a lock the user asked for (Ctrl+L,
    the menu) calls ``set_up(parent, then)`` instead, which opens the PIN dialog and
    calls ``then()`` once a PIN is kept; that locks. Auto-lock never asks: it waits
    until a PIN exists.
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        verify: Callable[[str], bool],
        idle_s: float = 600,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
        *,
        pin: bool = False,
        ready: Callable[[], bool] | None = None,
        set_up: Callable[[QWidget | None, Callable[[], object]], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.verify = verify
        self.pin = pin
        self.ready = ready or (lambda: True)
        self.set_up = set_up
        self.watcher = IdleWatcher(idle_s, clock, self)
        self.watcher.idle.connect(lambda: self.lock(ask=False))
        self.covers: list[_Cover] = []
        self.titles: dict[QWidget, str] = {}
        self.form: UnlockForm | None = None
        self.shortcuts: list[QShortcut] = []

    @property
    def locked(self) -> bool:
        return bool(self.covers)

    def start(self) -> None:
        self.watcher.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        self.watcher.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Ctrl+L locks from any window, modal dialogs included; while locked, keys
        reach only the unlock form (no typing into, or shortcuts of, covered windows)."""
        kind = event.type()
        if (
            kind == QEvent.Type.FocusIn
            and self.form is not None
            and isinstance(watched, QWidget)
            and watched.window() is self.form.window()
            and not (watched is self.form or self.form.isAncestorOf(watched))
        ):
            # Activation gives focus back to what had it before the lock (the list,
            # or whatever a closing dialog returns it to): typing belongs in the field.
            QTimer.singleShot(0, self, self._focus_field)
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if isinstance(watched, QWindow):
            # A key from the window system reaches the QWindow first, which hands it to
            # its focus widget: the decision is made there. Eating it here kept every
            # typed key from the unlock field on X11 (QTest, sending to the widget
            # directly, never showed it).
            return False
        if not self.locked:
            if (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.keyCombination().toCombined()
                == QKeySequence(LOCK_SHORTCUT)[0].toCombined()
                and not event.isAutoRepeat()
            ):
                self.lock()
                return True
            return False
        form = self.form
        inside = (
            form is not None
            and isinstance(watched, QWidget)
            and (watched is form or form.isAncestorOf(watched))
        )
        return not inside

    def _focus_field(self) -> None:
        if self.form is not None:
            self.form.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_shortcut(self, window: QWidget) -> QShortcut:
        """Ctrl+L on this window (and its children) locks."""
        shortcut = QShortcut(QKeySequence(LOCK_SHORTCUT), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.lock)
        self.shortcuts.append(shortcut)
        return shortcut

    def _windows(self) -> list[QWidget]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible()
            and not isinstance(w, _Cover)
            and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Tool)
        ]

    def lock(self, ask: bool = True) -> bool:
        """Cover every window. Without a secret to unlock with (no PIN yet) nothing is
        covered and False returned; a lock the user asked for opens the PIN dialog,
        which locks once the PIN is set."""
        if self.locked:
            return True
        if not self.ready():
            if ask and self.set_up is not None:
                self.set_up(QApplication.activeWindow(), lambda: self.lock(ask=False))
            return False
        windows = self._windows()
        for w in windows:
            self.titles[w] = w.windowTitle()
            # Ends with the product name, so Qt does not append it a second time.
            w.setWindowTitle(self.tr("Locked — %1").replace("%1", APP_DISPLAY_NAME))
            self.covers.append(_Cover(w))
            if isinstance(w, QMainWindow):  # a native (macOS) menu bar is not covered
                w.menuBar().setEnabled(False)
        host = QApplication.activeModalWidget() or QApplication.activeWindow()
        target = next((c for c in self.covers if c.parentWidget() is host), None) or (
            self.covers[0] if self.covers else None
        )
        if target is not None:
            self.form = UnlockForm(target, pin=self.pin)
            target.layout_.addWidget(self.form)
            self.form.submitted.connect(self.try_unlock)
            window = target.window()
            window.raise_()
            window.activateWindow()  # keys go to the active window's focus widget
            self.form.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked_changed.emit(True)
        return True

    def try_unlock(self, secret: str) -> bool:
        if not self.verify(secret):
            if self.form is not None:
                self.form.error.setText(
                    self.tr("Wrong PIN.") if self.pin else self.tr("Wrong passphrase.")
                )
                self.form.field.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self.unlock()
        return True

    def unlock(self) -> None:
        for cover in self.covers:
            cover.release()
        for w, title in self.titles.items():
            try:
                w.setWindowTitle(title)
                if isinstance(w, QMainWindow):
                    w.menuBar().setEnabled(True)
            except RuntimeError:  # the window was deleted while locked
                pass
        self.covers.clear()
        self.titles.clear()
        self.form = None
        self.watcher.touch()
        self.locked_changed.emit(False)
