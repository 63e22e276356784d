"""Passphrases, encryption, the lock screen, backups."""
