"""The local SQLite replica, its outbox, and the sync client and wire format."""
