"""Tickets fold the same everywhere: a call is a claim, the second claim is a conflict
nobody is told of, and a slip served offline joins the kiosk's ticket later."""

from __future__ import annotations

import pytest

from domain import events as ev
from domain import streams
from domain import tickets as tk
from domain.errors import IllegalTransition, MissingReason
from domain.streams import InvalidEvent

T = "2026-03-02T09:{:02d}:00+08:00"


def e(kind: str, payload: dict | None = None, *, i: int = 1, sid: str = "t1",
      staff: str = "S001", minute: int | None = None) -> ev.Event:
    return ev.Event(id=f"e{i}", case_id=sid, kind=kind, payload=payload or {},
                    expected_state=None, terminal_id="k1", terminal_seq=i, staff_id=staff,
                    recorded_at=T.format(i if minute is None else minute))


def fold(*events: ev.Event) -> tk.Ticket:
    return streams.fold(events, "t1")


TAKE = {"number": "A1001", "zone": "Z1", "channel": "kiosk"}


def test_a_ticket_is_taken_called_started_and_ended_with_its_times():
    t = fold(e(tk.TAKEN, TAKE, i=1), e(tk.CALLED, {"window": "W01"}, i=5),
             e(tk.RECALLED, {"window": "W01"}, i=6), e(tk.STARTED, {"window": "W01"}, i=7),
             e(tk.ENDED, {"window": "W01"}, i=19))
    assert t.state == tk.DONE and t.number == "A1001" and t.zone == "Z1"
    assert (t.taken_at, t.called_at, t.started_at, t.ended_at) == (
        T.format(1), T.format(5), T.format(7), T.format(19))
    assert t.calls == 2 and t.recalls == 1 and t.last_call_at == T.format(6)
    assert streams.type_of(tk.CALLED).name == "ticket"


def test_the_second_call_of_one_ticket_is_a_conflict_that_needs_nobody():
    taken, first = e(tk.TAKEN, TAKE, i=1), e(tk.CALLED, {"window": "W01"}, i=2)
    second = e(tk.CALLED, {"window": "W02"}, i=3, staff="S003")
    t = fold(taken, first)
    assert streams.apply(t, second) is False
    assert t.window_id == "W01" and t.conflicts == ["e3"] and len(t.visits) == 1
    assert streams.get("ticket").on_conflict(t, second) is None


def test_only_the_calling_window_recalls_marks_no_show_or_ends():
    t = fold(e(tk.TAKEN, TAKE, i=1), e(tk.CALLED, {"window": "W01"}, i=2))
    for kind in (tk.RECALLED, tk.NO_SHOW, tk.ENDED, tk.RELEASED):
        with pytest.raises(IllegalTransition):
            streams.check(t, kind, {"window": "W02"})
        assert streams.apply(t, e(kind, {"window": "W02"}, i=9)) is False
    assert t.state == tk.ON_CALL and t.window_id == "W01"


def test_a_transfer_keeps_the_place_and_a_requeue_goes_to_the_end():
    t = fold(e(tk.TAKEN, TAKE, i=1), e(tk.CALLED, {"window": "W01"}, i=2),
             e(tk.TRANSFERRED, {"window": "W01", "to_window": "W05"}, i=3))
    assert t.state == tk.WAITING and t.order_at == T.format(1) and t.target_window == "W05"
    assert t.visits[0].outcome == "transferred"
    t = fold(e(tk.TAKEN, TAKE, i=1), e(tk.CALLED, {"window": "W01"}, i=2),
             e(tk.NO_SHOW, {"window": "W01"}, i=4), e(tk.REQUEUED, {}, i=8))
    assert t.state == tk.WAITING and t.order_at == T.format(8)


def test_a_released_call_leaves_no_visit_behind():
    t = fold(e(tk.TAKEN, TAKE, i=1), e(tk.CALLED, {"window": "W01"}, i=2),
             e(tk.RELEASED, {"window": "W01"}, i=3))
    assert t.state == tk.WAITING and t.visits == [] and t.window_id == ""


def test_a_slip_served_offline_joins_the_kiosk_ticket_that_arrives_later():
    sid = tk.ticket_id_for_slip("22503001001001234")
    assert sid == tk.ticket_id_for_slip("22503001001001234")
    started = e(tk.STARTED, {"window": "W03", "slip_number": "22503001001001234"}, i=3,
                sid=sid)
    taken = e(tk.TAKEN, {**TAKE, "slip_number": "22503001001001234"}, i=1, sid=sid)
    t = streams.fold([started, taken], sid)  # the counter's event reached the server first
    assert t.state == tk.SERVING and t.number == "A1001" and t.taken_at == T.format(1)
    assert t.conflicts == []
    again = e(tk.TAKEN, TAKE, i=7, sid=sid)
    assert streams.apply(t, again) is False  # a ticket is taken once


@pytest.mark.parametrize("kind, payload", [
    (tk.TAKEN, {"zone": "Z1"}),
    (tk.TAKEN, {"number": "A1001"}),
    (tk.TAKEN, {**TAKE, "priority": "vip"}),
    (tk.TAKEN, {**TAKE, "appointment_at": "tomorrow"}),
    (tk.TAKEN, {**TAKE, "number": 12}),
    (tk.CALLED, {}),
    (tk.CALLED, {"window": "W" * 100}),
    (tk.TRANSFERRED, {"window": "W01"}),
    (tk.CANCELLED, {"reason": "x" * 500}),
])
def test_validate_refuses_malformed_ticket_events(kind, payload):
    with pytest.raises(InvalidEvent):
        streams.validate(e(kind, payload))


def test_check_says_why_before_anything_is_stored():
    with pytest.raises(IllegalTransition):
        streams.check(None, tk.CALLED, {"window": "W01"})
    with pytest.raises(MissingReason):
        streams.check(fold(e(tk.TAKEN, TAKE)), tk.TRANSFERRED, {"window": "W01"})
    done = fold(e(tk.TAKEN, TAKE, i=1), e(tk.STARTED, {"window": "W01"}, i=2),
                e(tk.ENDED, {"window": "W01"}, i=3))
    with pytest.raises(IllegalTransition):
        streams.check(done, tk.STARTED, {"window": "W02"})
