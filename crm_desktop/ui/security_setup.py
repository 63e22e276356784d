"""What the GUI composition root (app.py) calls to open the database safely and to
switch on the protections: single instance, passphrase, damaged-database recovery,
writer lock, automatic backups, auto-lock.

    instance = SingleInstance(server_name(url))
    if instance.notify_running():
        return 0                                  # the first window came to the front
    rt = open_secure_runtime(url, paths)          # None: the user cancelled
    ...
    protections = Protections(rt, lambda: gui.window, instance)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop import APP_DISPLAY_NAME
from crm_desktop.config import Paths, Settings
from crm_desktop.runtime import Runtime, backups_folder, open_runtime
from crm_desktop.storage import encryption
from crm_desktop.storage.database import DamagedDatabaseError, sqlite_path
from crm_desktop.storage.drafts import DraftStore, drafts_folder
from crm_desktop.storage.lock import DatabaseLockedError
from crm_desktop.ui.backup_dialog import offer_backup_for_damaged
from crm_desktop.ui.lock_screen import LockController
from crm_desktop.ui.passphrase_dialog import unlock_at_start, verifier
from crm_desktop.ui.single_instance import SingleInstance, bring_to_front

BACKUP_CHECK_MS = 60_000
DEFAULT_LOCK_MINUTES = 10


def open_secure_runtime(url: str, paths: Paths, parent: QWidget | None = None,
                        **options: object) -> Runtime | None:
    """Ask the passphrase (an encrypted file), take the writer lock, back up at start,
    and offer the newest good backup when the file is damaged. None when the user
    cancels; other problems raise CrmError as open_runtime does."""
    path = sqlite_path(url)
    key = None
    if path is not None and encryption.is_encrypted(path):
        key = unlock_at_start(path, parent)
        if key is None:
            return None
    settings = Settings.load(paths.settings_file)
    while True:
        try:
            return open_runtime(url, paths, key=key, writer=True, auto_backup=True,
                                **options)  # type: ignore[arg-type]
        except DamagedDatabaseError as e:
            if not offer_backup_for_damaged(e, backups_folder(paths, settings), key, parent):
                return None
            if path is not None and not encryption.is_encrypted(path):
                key = None  # the restored backup was a plain one
        except DatabaseLockedError as e:
            QMessageBox.information(parent, APP_DISPLAY_NAME, str(e))
            return None


def lock_minutes(settings: Settings) -> float:
    value = settings.extra.get("lock_after_minutes", DEFAULT_LOCK_MINUTES)
    return float(value) if isinstance(value, int | float) else DEFAULT_LOCK_MINUTES


class Protections(QObject):
    """Lives as long as the runtime: auto-lock (encrypted databases), Ctrl+L, automatic
    backups after changes, and bringing the window forward for a second start."""

    def __init__(self, rt: Runtime, window: Callable[[], QWidget | None],
                 instance: SingleInstance | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rt = rt
        self.lock: LockController | None = None
        if rt.key is not None:
            self.lock = LockController(verifier(rt.key), lock_minutes(rt.settings) * 60,
                                       parent=self)
            self.lock.start()
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        if rt.autobackup is not None:
            self.backup_timer.timeout.connect(rt.autobackup.run_if_due)
            self.backup_timer.start()
        self.instance = instance
        if instance is not None:
            instance.listen()
            instance.activated.connect(lambda: bring_to_front(window()))

    def drafts(self) -> DraftStore:
        """The store the meeting editor's DraftAutosaver writes to."""
        return DraftStore(drafts_folder(self.rt.paths.data_dir, self.rt.db.path), self.rt.key)

    def stop(self) -> None:
        self.backup_timer.stop()
        if self.lock is not None:
            self.lock.stop()
        if self.instance is not None:
            self.instance.close()


def offer_encryption_at_first_start(rt: Runtime, url: str, paths: Paths,
                                    parent: QWidget | None = None) -> Runtime:
    """A new, empty, plain database file: offer to encrypt it before anything is typed.
    Returns the runtime to go on with (reopened under the key when encrypted)."""
    path = rt.db.path
    if path is None or rt.key is not None:
        return rt
    answer = QMessageBox.question(
        parent, APP_DISPLAY_NAME,
        QMessageBox.tr("Protect this database with a passphrase? The file, its backups "
                       "and drafts are then encrypted (SQLCipher); without the passphrase "
                       "nobody can read them. You can also do this later."))
    if answer != QMessageBox.StandardButton.Yes:
        return rt
    folder = backups_folder(paths, rt.settings)
    drafts = drafts_folder(paths.data_dir, path)
    rt.close()
    from crm_desktop.ui.passphrase_dialog import encrypt_database

    key = encrypt_database(path, folder, drafts, parent)
    return open_runtime(url, paths, key=key, writer=True, auto_backup=True)
