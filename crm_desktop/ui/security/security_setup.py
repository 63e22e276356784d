"""What the GUI composition root (app.py) calls to open the database safely and to
switch on the protections: single instance, passphrase, damaged-database recovery,
writer lock, automatic backups, auto-lock.

    location = locate(args.db, paths)             # application.database: parsed once
    instance = SingleInstance(server_name(location.instance_key))
    if instance.notify_running():
        return 0                                  # the first window came to the front
    rt = open_secure_runtime(location, paths)     # None: the user cancelled
    ...
    protections = Protections(rt, lambda: gui.window, instance)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from crm_desktop import APP_DISPLAY_NAME
from crm_desktop.application.backups import restore as restore_backup
from crm_desktop.application.database import DatabaseLocation, open_database
from crm_desktop.application.drafts import DraftStore, drafts_of
from crm_desktop.application.errors import DamagedDatabaseError, DatabaseLockedError
from crm_desktop.application.security import DatabaseKey
from crm_desktop.config import Paths, Settings
from crm_desktop.domain.errors import CrmError
from crm_desktop.runtime import (
    Runtime,
    StartChecks,
    backups_folder,
    backups_folders,
    start_checks_in_background,
)
from crm_desktop.ui.common.single_instance import SingleInstance, bring_to_front
from crm_desktop.ui.security.backup_dialog import BackupDialog, offer_backup_for_damaged
from crm_desktop.ui.security.lock_pin import PinDialog, hash_pin, pin_matches
from crm_desktop.ui.security.lock_screen import LOCK_SHORTCUT, LockController
from crm_desktop.ui.security.passphrase_dialog import unlock_at_start, verifier

BACKUP_CHECK_MS = 60_000
DEFAULT_LOCK_MINUTES = 10


def open_secure_runtime(
    where: DatabaseLocation | str, paths: Paths, parent: QWidget | None = None, **options: object
) -> Runtime | None:
    """Ask the passphrase (an encrypted file), take the writer lock, and offer the newest
    good backup when the file is damaged. None when the user cancels; other problems
    raise CrmError as open_runtime does. Only the cheap checks run here: the full
    integrity_check and the start backup follow once the window is up
    (Protections.start_checks)."""
    location = where if isinstance(where, DatabaseLocation) else DatabaseLocation.parse(where)
    key: DatabaseKey | None = None
    if location.path is not None and location.encrypted:
        # The dialog asks until the passphrase opens the file and returns its key.
        key = unlock_at_start(location.path, parent)
        if key is None:
            return None  # the passphrase dialog was cancelled
    settings = Settings.load(paths.settings_file)
    while True:
        try:
            options.setdefault("deferred_checks", True)
            return open_database(location, paths, key=key, writer=True, auto_backup=True, **options)  # type: ignore[arg-type]
        except DamagedDatabaseError as e:
            if not offer_backup_for_damaged(e, backups_folder(paths, settings), key, parent):
                return None
            if not location.encrypted:
                key = None  # the restored backup was a plain one
        except DatabaseLockedError as e:
            QMessageBox.information(parent, APP_DISPLAY_NAME, str(e))
            return None


def lock_minutes(settings: Settings) -> float:
    value = settings.extra.get("lock_after_minutes", DEFAULT_LOCK_MINUTES)
    return float(value) if isinstance(value, int | float) else DEFAULT_LOCK_MINUTES


class Protections(QObject):
    """Lives as long as the application: auto-lock and Ctrl+L (the passphrase of an
    encrypted database, or a PIN for a plain one),
    automatic backups after changes, bringing the window forward for a second start,
    and a Security menu (lock, backups, encrypt / change passphrase) on each window.

    ``reopen(rt)`` is called after an action replaced the database (encrypted, re-keyed,
    restored): the composition root swaps its runtime and rebuilds the window.

    :meth:`start_checks` runs the full integrity_check and the start backup on a worker
    thread once the window is up; a damaged file found there makes the database read
    only and shows the damaged-database dialog with the newest good backup.
    """

    start_checks_finished = Signal(object, object)  # (runtime, StartChecks), any thread

    def __init__(
        self,
        rt: Runtime,
        window: Callable[[], QWidget | None],
        instance: SingleInstance | None = None,
        reopen: Callable[[Runtime], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.reopen = reopen
        self.lock: LockController | None = None
        self.pin_dialog: PinDialog | None = None
        self.drafts_offered = False  # crashed drafts are offered once, at start
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self._backup_if_due)
        self.backup_timer.start()
        self.start_result: StartChecks | None = None
        self.start_thread: threading.Thread | None = None
        self.start_checks_finished.connect(self._start_checked, Qt.ConnectionType.QueuedConnection)
        self._use(rt)
        self.instance = instance
        if instance is not None:
            instance.listen()
            instance.activated.connect(lambda: bring_to_front(window()))

    def _use(self, rt: Runtime) -> None:
        self.rt = rt
        if self.lock is not None:
            # Deleted now, not by deleteLater: a posted deletion that outlived this
            # object (tests drop it right after a re-key) crashed in ~QObject.
            old, self.lock = self.lock, None
            old.stop()
            old.setParent(None)  # Python owns it now; the last reference goes below
            del old
        if rt.key is not None:
            self.lock = LockController(
                verifier(rt.key), lock_minutes(rt.settings) * 60, parent=self
            )
        else:  # a plain database (or a server): the lock screen asks for a PIN
            settings = rt.settings
            self.lock = LockController(
                lambda pin: pin_matches(pin, settings.lock_pin_hash),
                lock_minutes(settings) * 60,
                parent=self,
                pin=True,
                ready=lambda: bool(settings.lock_pin_hash),
                set_up=self.set_up_pin,
            )
        self.lock.start()

    def set_up_pin(
        self, parent: QWidget | None, then: Callable[[], object] | None = None
    ) -> PinDialog:
        """Ask for the lock PIN (the first Ctrl+L on a plain database); keep its hash."""
        if self.pin_dialog is not None and self.pin_dialog.isVisible():
            self.pin_dialog.raise_()  # Ctrl+L pressed again while it is open
            return self.pin_dialog
        dialog = PinDialog(parent or self.window(), first_lock=then is not None)
        self.pin_dialog = dialog
        dialog.finished.connect(lambda _=0: setattr(self, "pin_dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(pin: str) -> None:
            self.rt.settings.lock_pin_hash = hash_pin(pin)
            try:
                self.rt.settings.save(self.rt.paths.settings_file)
            except OSError as e:
                QMessageBox.warning(dialog, APP_DISPLAY_NAME, str(e))
            if then is not None:
                QTimer.singleShot(0, self, then)  # after the dialog has closed

        dialog.pin_chosen.connect(chosen)
        dialog.open()
        return dialog

    def settings_changed(self) -> None:
        """The Settings dialog was accepted: auto-lock time and backup folder apply now."""
        if self.lock is not None:
            self.lock.watcher.timeout_s = lock_minutes(self.rt.settings) * 60
            self.lock.watcher.touch()
        if self.rt.autobackup is not None:
            self.rt.autobackup.folder = backups_folder(self.rt.paths, self.rt.settings)

    def _backup_if_due(self) -> None:
        """A backup after changes takes seconds on a large file: never on the GUI thread.
        (AutoBackup makes one at a time; closing the runtime waits for a running one.)"""
        auto = self.rt.autobackup
        if auto is not None and auto.changed:
            threading.Thread(target=auto.run_if_due, name="crm-backup", daemon=True).start()

    # -- checks after the window is up ----------------------------------------------------
    def start_checks(self) -> None:
        """Run the deferred start checks of the current runtime (once) on a worker."""
        rt = self.rt
        if not rt.checks_pending:
            return
        rt.checks_pending = False
        self.start_result = None

        def done(result: StartChecks) -> None:
            try:
                self.start_checks_finished.emit(rt, result)
            except RuntimeError:  # the application ended before the checks did
                pass

        self.start_thread = start_checks_in_background(rt, done)

    def _start_checked(self, rt: Runtime, result: StartChecks) -> None:
        if rt is not self.rt:
            return  # the database was replaced meanwhile; its checks are the new one's
        self.start_result = result
        if result.damaged is not None:
            self._damaged(result)

    def _damaged(self, result: StartChecks) -> None:
        """Writes are refused already (runtime.damaged). Offer the newest good backup;
        restoring it moves the damaged file aside and reopens."""
        error = result.damaged
        assert error is not None
        rt = self.rt
        closed: list[bool] = []

        def close() -> None:
            rt.close()
            closed.append(True)

        offer_backup_for_damaged(
            error,
            backups_folder(rt.paths, rt.settings),
            rt.key,
            self.window(),
            before_restore=close,
        )
        window = self.window()
        if not closed:
            if window is not None:  # stays open, read only, to look things up
                window.setWindowTitle(window.windowTitle() + " — " + self.tr("read only"))
            return
        location, key = rt.db.location, rt.key
        if not location.encrypted:
            key = None  # the restored backup was a plain one
        try:
            new = open_database(
                location, rt.paths, key=key, writer=True, auto_backup=True, deferred_checks=True
            )
        except CrmError as e:
            QMessageBox.critical(window, APP_DISPLAY_NAME, str(e))
            if window is not None:
                window.close()
            return
        self._use(new)
        if self.reopen is not None:
            self.reopen(new)
        self.start_checks()

    # -- the Security menu ----------------------------------------------------------------
    def attach_window(self, window: QMainWindow) -> QMenu:
        # A window painted before the database was open holds the menu's place already.
        menu = window.menuBar().findChild(QMenu, "menu_security")
        if menu is None or menu.actions():
            menu = window.menuBar().addMenu(self.tr("Securit&y"))
        else:
            menu.setTitle(self.tr("Securit&y"))
            menu.setEnabled(True)
        lock = menu.addAction(self.tr("&Lock now"), self.lock_now)
        lock.setShortcut(QKeySequence(LOCK_SHORTCUT))
        lock.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the filter handles it
        lock.setObjectName("action_lock")
        changed = getattr(window, "settings_changed", None)
        if changed is not None:
            changed.connect(self.settings_changed)
        menu.addAction(self.tr("&Backups…"), self.show_backups)
        if self.rt.db.path is not None:
            if self.rt.key is None:
                menu.addAction(self.tr("&Encrypt this database…"), self.encrypt)
            else:
                menu.addAction(self.tr("&Change passphrase…"), self.change_passphrase)
        self._attach_drafts(window)
        return menu

    def _attach_drafts(self, window: QMainWindow) -> None:
        """The meeting editor keeps its drafts in this database's store; the first window
        offers back the drafts a crash left, once it is up."""
        use_drafts = getattr(window, "use_drafts", None)
        if use_drafts is None:
            return
        store = self.drafts()
        use_drafts(store)
        if not self.drafts_offered:
            self.drafts_offered = True
            from crm_desktop.ui.editors.meeting_drafts_dialog import offer_meeting_drafts

            opener = window.open_meeting_draft  # type: ignore[attr-defined]
            QTimer.singleShot(0, window, lambda: offer_meeting_drafts(store, opener, window))

    def lock_now(self) -> None:
        if self.lock is not None:
            self.lock.lock()

    def _folders(self) -> tuple[list[Path], Path]:
        """The backup folders (the current one first) and the data directory (drafts are
        found there by identity)."""
        return (backups_folders(self.rt.paths, self.rt.settings), self.rt.paths.data_dir)

    def _replace(
        self,
        convert: Callable[[], DatabaseKey | None],
        fallback: DatabaseKey | None,
    ) -> None:
        """Close the database, run ``convert`` (which returns the key to reopen with, or
        None when cancelled), reopen and hand the new runtime over."""
        location, paths = self.rt.db.location, self.rt.paths
        self.rt.close()
        key = convert()
        new_key = (key if key is not None else fallback) if location.encrypted else None
        rt = open_database(
            location, paths, key=new_key, writer=True, auto_backup=True, deferred_checks=True
        )
        self._use(rt)
        if self.reopen is not None:
            self.reopen(rt)
        self.start_checks()

    def encrypt(self) -> None:
        path = self.rt.db.path
        if path is None or self.rt.key is not None:
            return
        backups, data_dir = self._folders()
        from crm_desktop.ui.security.passphrase_dialog import encrypt_database

        self._replace(lambda: encrypt_database(path, backups, data_dir, self.window()), None)

    def change_passphrase(self) -> None:
        path, key = self.rt.db.path, self.rt.key
        if path is None or key is None:
            return
        backups, data_dir = self._folders()
        from crm_desktop.ui.security.passphrase_dialog import change_passphrase

        self._replace(lambda: change_passphrase(path, key, backups, data_dir, self.window()), key)

    def show_backups(self) -> BackupDialog | None:
        path = self.rt.db.path
        if path is None:
            QMessageBox.information(
                self.window(),
                APP_DISPLAY_NAME,
                QMessageBox.tr(
                    "A server database is backed up with the server's own tools (pg_dump)."
                ),
            )
            return None
        folder = backups_folder(self.rt.paths, self.rt.settings)
        dialog = BackupDialog(path, folder, self.rt.key, self.window())
        dialog.folder_changed.connect(self._remember_folder)
        dialog.restore_requested.connect(lambda backup: self._restore(dialog, Path(backup)))
        dialog.show()
        return dialog

    def _remember_folder(self, folder: str) -> None:
        self.rt.settings.extra["backups_dir"] = folder
        self.rt.settings.save(self.rt.paths.settings_file)
        if self.rt.autobackup is not None:
            self.rt.autobackup.folder = Path(folder)

    def _restore(self, dialog: BackupDialog, backup: Path) -> None:
        path, key = self.rt.db.path, self.rt.key
        if path is None:
            return
        folder = dialog.folder

        def restore() -> DatabaseKey | None:
            try:
                restore_backup(backup, path, folder, key)
            except CrmError as e:
                QMessageBox.warning(dialog, dialog.windowTitle(), str(e))
            return key

        dialog.close()
        self._replace(restore, key)

    def drafts(self) -> DraftStore:
        """The store the meeting editor's DraftAutosaver writes to."""
        return drafts_of(self.rt)

    def stop(self) -> None:
        self.backup_timer.stop()
        if self.lock is not None:
            self.lock.stop()
        if self.instance is not None:
            self.instance.close()


def offer_encryption_at_first_start(
    rt: Runtime, paths: Paths, parent: QWidget | None = None
) -> Runtime:
    """A new, empty, plain database file: offer to encrypt it before anything is typed.
    Returns the runtime to go on with (reopened under the key when encrypted)."""
    path = rt.db.path
    if path is None or rt.key is not None:
        return rt
    answer = QMessageBox.question(
        parent,
        APP_DISPLAY_NAME,
        QMessageBox.tr(
            "Protect this database with a passphrase? The file, its backups "
            "and drafts are then encrypted (SQLCipher); without the passphrase "
            "nobody can read them. You can also do this later."
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return rt
    folder = backups_folders(paths, rt.settings)
    rt.close()
    from crm_desktop.ui.security.passphrase_dialog import encrypt_database

    key = encrypt_database(path, folder, paths.data_dir, parent)
    return open_database(rt.db.location, paths, key=key, writer=True, auto_backup=True)
