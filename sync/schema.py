"""Numbered migrations of the replica (PRAGMA user_version).

Append a migration, never edit a released one: a terminal upgraded after a month offline
runs every step it missed, in order, in one transaction each.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: events, outbox, projection, reference data, meta
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        expected_state TEXT,
        terminal_id TEXT NOT NULL,
        terminal_seq INTEGER NOT NULL,
        staff_id TEXT NOT NULL,
        window_id TEXT,
        recorded_at TEXT NOT NULL,
        server_seq INTEGER,
        verdict TEXT,
        refusal TEXT,
        UNIQUE (terminal_id, terminal_seq)
    );
    CREATE INDEX events_case ON events (case_id, server_seq);
    CREATE UNIQUE INDEX events_server_seq ON events (server_seq) WHERE server_seq IS NOT NULL;
    CREATE TABLE outbox (
        event_id TEXT PRIMARY KEY REFERENCES events (id),
        terminal_seq INTEGER NOT NULL,
        queued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
    );
    CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        case_number TEXT,
        slip_number TEXT,
        queue_no TEXT,
        item_no TEXT,
        item_code TEXT,
        item_name TEXT,
        state TEXT,
        applicant_name TEXT,
        applicant_id_number TEXT,
        applicant_phone TEXT,
        staff_id TEXT,
        window_id TEXT,
        terminal_id TEXT,
        registered_at TEXT,
        accepted_at TEXT,
        deadline TEXT,
        deadline_provisional INTEGER NOT NULL DEFAULT 0,
        paused INTEGER NOT NULL DEFAULT 0,
        instant INTEGER NOT NULL DEFAULT 0,
        conflicts INTEGER NOT NULL DEFAULT 0,
        rating INTEGER,
        updated_at TEXT
    );
    CREATE INDEX cases_case_number ON cases (case_number);
    CREATE INDEX cases_slip_number ON cases (slip_number);
    CREATE INDEX cases_id_number ON cases (applicant_id_number);
    CREATE INDEX cases_staff_state ON cases (staff_id, state);
    CREATE INDEX cases_state_deadline ON cases (state, deadline);
    CREATE INDEX cases_updated ON cases (updated_at);
    CREATE TABLE reference (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (kind, id)
    );
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    CREATE TABLE notices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        case_id TEXT,
        event_id TEXT,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        seen INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 2: notices are streams of events (domain.notices): who saw and resolved them
    """
    ALTER TABLE notices ADD COLUMN state TEXT NOT NULL DEFAULT 'open';
    UPDATE notices SET state='seen' WHERE seen=1;
    ALTER TABLE notices ADD COLUMN raised_by TEXT;
    ALTER TABLE notices ADD COLUMN seen_by TEXT;
    ALTER TABLE notices ADD COLUMN resolved_by TEXT;
    ALTER TABLE notices ADD COLUMN resolved_at TEXT;
    ALTER TABLE notices ADD COLUMN note TEXT;
    ALTER TABLE notices ADD COLUMN detail TEXT;
    CREATE INDEX notices_state ON notices (state, created_at);
    """,
    # 3: quarantine — what a terminal received but could not apply, kept for support
    """
    CREATE TABLE quarantine (
        event_id TEXT PRIMARY KEY,
        stream_id TEXT,
        kind TEXT,
        raw TEXT NOT NULL,
        reason TEXT NOT NULL,
        quarantined_at TEXT NOT NULL
    );
    """,
]
