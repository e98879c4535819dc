"""Files in and out: sheet import, official lists, backups and restore, the self-check."""
