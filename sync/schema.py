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
    # 3: one row of facts per case, consultation, follow-up and appeal (domain.figure_facts),
    # so the figures of a month stream one index range instead of folding every case
    """
    CREATE TABLE figure_facts (
        id TEXT PRIMARY KEY,
        stream TEXT NOT NULL,
        item_code TEXT,
        window_id TEXT,
        staff_id TEXT,
        instant INTEGER,
        registered_on TEXT,
        accepted_on TEXT,
        completed_on TEXT,
        refused_on TEXT,
        withdrawn_on TEXT,
        deadline TEXT,
        work_days INTEGER,
        rating INTEGER,
        rating_ref TEXT,
        rating_channel TEXT,
        rated_on TEXT,
        rating_staff_id TEXT,
        rating_window_id TEXT,
        opened_on TEXT,
        closed_on TEXT,
        due TEXT,
        minutes INTEGER,
        outcome TEXT,
        case_ref TEXT,
        first_on TEXT NOT NULL,
        last_on TEXT NOT NULL
    );
    CREATE INDEX figure_facts_span ON figure_facts (last_on, first_on);
    CREATE INDEX figure_facts_stream ON figure_facts (stream, case_ref);
    """,
    # 4: the queue (domain.tickets, domain.window_state): tickets and windows' day states
    """
    CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        number TEXT,
        zone TEXT,
        day TEXT,
        state TEXT,
        priority TEXT,
        appointment_at TEXT,
        case_id TEXT,
        slip_number TEXT,
        item_no TEXT,
        channel TEXT,
        order_at TEXT,
        taken_at TEXT,
        called_at TEXT,
        started_at TEXT,
        ended_at TEXT,
        last_call_at TEXT,
        calls INTEGER NOT NULL DEFAULT 0,
        recalls INTEGER NOT NULL DEFAULT 0,
        window_id TEXT,
        staff_id TEXT,
        target_window TEXT,
        terminal_id TEXT,
        conflicts INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT
    );
    CREATE INDEX tickets_day_state ON tickets (day, state, zone);
    CREATE INDEX tickets_day_call ON tickets (day, last_call_at);
    CREATE INDEX tickets_window ON tickets (window_id, state);
    CREATE INDEX tickets_slip ON tickets (slip_number);
    CREATE TABLE window_states (
        id TEXT PRIMARY KEY,
        window_id TEXT NOT NULL,
        day TEXT NOT NULL,
        state TEXT,
        reason TEXT,
        note TEXT,
        staff_id TEXT,
        since TEXT,
        paused_seconds INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX window_states_day ON window_states (day, window_id);
    """,
    # 5: the back office's queue and the supervisor's chase of 容缺 promises read the
    # projection: each case's department (old rows: their item's), whether an extension
    # waits for the head, and the earliest date a promised material is due
    """
    ALTER TABLE cases ADD COLUMN department TEXT;
    ALTER TABLE cases ADD COLUMN extension_pending INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cases ADD COLUMN promise_due TEXT;
    UPDATE cases SET department = (SELECT json_extract(r.data, '$.department') FROM reference r
                                   WHERE r.kind = 'item' AND r.id = cases.item_no);
    CREATE INDEX cases_department_state ON cases (department, state, deadline);
    CREATE INDEX cases_promise_due ON cases (promise_due) WHERE promise_due IS NOT NULL;
    """,
    # 6: 好差评 by SMS (sync.sms): invitations queued for the gateway, each sent once;
    # replies read once; the phone is kept only until the invitation is sent
    """
    CREATE TABLE sms_outbox (
        ref TEXT PRIMARY KEY,
        case_id TEXT NOT NULL UNIQUE,
        phone TEXT,
        text TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at TEXT NOT NULL,
        last_error TEXT,
        queued_at TEXT NOT NULL,
        sent_at TEXT,
        gateway_id TEXT,
        phone_key TEXT
    );
    CREATE INDEX sms_outbox_due ON sms_outbox (state, next_at);
    CREATE INDEX sms_outbox_phone ON sms_outbox (phone_key, sent_at);
    CREATE TABLE sms_replies (
        id TEXT PRIMARY KEY,
        ref TEXT,
        case_id TEXT,
        text TEXT NOT NULL,
        level INTEGER,
        outcome TEXT NOT NULL,
        received_at TEXT NOT NULL
    );
    """,
    # 7: quarantine — what a terminal received but could not apply, kept for support
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
    # 8: queue tickets count in the figures (wait and service times by window, staff,
    # zone, day): their facts rows, filled for tickets already here by the next backfill
    """
    ALTER TABLE figure_facts ADD COLUMN zone TEXT;
    ALTER TABLE figure_facts ADD COLUMN wait_s INTEGER;
    ALTER TABLE figure_facts ADD COLUMN service_s INTEGER;
    DELETE FROM meta WHERE key = 'figure_facts_backfilled';
    """,
    # 9: replicas that stay small (issue 16, sync.compaction): a stream whose events went
    # to the server keeps its row (compacted = 1; 2 = events came for it since, its full
    # history is fetched again); payloads compressed against dictionaries (sync.payloads)
    """
    ALTER TABLE cases ADD COLUMN compacted INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tickets ADD COLUMN compacted INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX cases_compacted ON cases (compacted) WHERE compacted != 0;
    CREATE TABLE payload_dicts (
        id TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        made_at TEXT NOT NULL
    );
    """,
    # 10: cases accepted in an extended period (evenings, weekend and holiday duty) count
    # apart in the figures (issue 12). No backfill: the stamp came with opening periods,
    # in the same release, so no earlier case has one.
    """
    ALTER TABLE figure_facts ADD COLUMN extended INTEGER;
    """,
    # 11: replicas that stay small (issue 16, sync.stored_ids): an event's UUIDs as their
    # 16 bytes in `events` and `outbox` (other ids stay text), its terminal as a number
    # of `terminals`. Both tables are built again with the same rowids (sync.compaction
    # keeps a rowid mark); an outbox row whose event is gone had nothing left to send.
    """
    CREATE TABLE terminals (no INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
    INSERT INTO terminals (id) SELECT terminal_id FROM events GROUP BY terminal_id
        ORDER BY MIN(rowid);
    DROP INDEX events_case;
    DROP INDEX events_server_seq;
    ALTER TABLE outbox RENAME TO outbox_old;
    ALTER TABLE events RENAME TO events_old;
    CREATE TABLE events (
        id BLOB PRIMARY KEY,
        case_id BLOB NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        expected_state TEXT,
        terminal INTEGER NOT NULL REFERENCES terminals (no),
        terminal_seq INTEGER NOT NULL,
        staff_id TEXT NOT NULL,
        window_id TEXT,
        recorded_at TEXT NOT NULL,
        server_seq INTEGER,
        verdict TEXT,
        refusal TEXT,
        UNIQUE (terminal, terminal_seq)
    );
    INSERT INTO events (rowid, id, case_id, kind, payload, expected_state, terminal,
                        terminal_seq, staff_id, window_id, recorded_at, server_seq, verdict,
                        refusal)
        SELECT e.rowid, pack_id(e.id), pack_id(e.case_id), e.kind, e.payload,
               e.expected_state, t.no, e.terminal_seq, e.staff_id, e.window_id,
               e.recorded_at, e.server_seq, e.verdict, e.refusal
        FROM events_old e JOIN terminals t ON t.id = e.terminal_id ORDER BY e.rowid;
    CREATE INDEX events_case ON events (case_id, server_seq);
    CREATE UNIQUE INDEX events_server_seq ON events (server_seq) WHERE server_seq IS NOT NULL;
    CREATE TABLE outbox (
        event_id BLOB PRIMARY KEY REFERENCES events (id),
        terminal_seq INTEGER NOT NULL,
        queued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
    );
    INSERT INTO outbox (rowid, event_id, terminal_seq, queued_at, attempts, last_error)
        SELECT o.rowid, pack_id(o.event_id), o.terminal_seq, o.queued_at, o.attempts,
               o.last_error
        FROM outbox_old o WHERE o.event_id IN (SELECT id FROM events_old) ORDER BY o.rowid;
    DROP TABLE outbox_old;
    DROP TABLE events_old;
    """,
]
