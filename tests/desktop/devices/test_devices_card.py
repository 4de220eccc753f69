"""The ID-card reader at the counter: a simulated reader on a pty, the real counter window."""

from __future__ import annotations

from desktop.devices.state import DeviceState
from devices.idcard.samples import sample_card
from domain.application import Person, registration_payload


def _start_reader(qtbot, hub, sim) -> None:
    with qtbot.waitSignal(hub.card_reader.sig_status_changed,
                          check_params_cb=lambda s, _t: s == DeviceState.OK, timeout=5000):
        hub.apply(hub.settings.replace(idcard_url=sim.port))


def test_card_read_fills_the_applicant_form(qtbot, counter, hub, idcard_sim, instant_item):
    _start_reader(qtbot, hub, idcard_sim)
    counter.workspace.start_reception(instant_item)
    with qtbot.waitSignal(hub.card_reader.sig_card_read, timeout=5000) as read:
        idcard_sim.present("wangfang")
    assert read.args[0]["id_number"] == "64010419850615002X"  # whole: the form needs it
    values = counter.workspace.reception.form.applicant.values()
    assert values["name"] == "王芳"
    assert values["id_number"] == "64010419850615002X"
    assert values["address"].startswith("宁夏回族自治区银川市")


def test_card_on_the_search_screen_finds_the_citizens_cases(
    qtbot, counter, hub, idcard_sim, instant_item
):
    card = sample_card("wangfang")
    payload = registration_payload(instant_item, Person(card.name, card.id_number))
    actor = counter.state.session.actor
    for _ in range(2):
        counter.runner.write(lambda store, p=payload: store.open_case(p, actor))
    _start_reader(qtbot, hub, idcard_sim)
    idcard_sim.present("wangfang")
    qtbot.waitUntil(lambda: counter.workspace.results.model.rowCount() == 2, timeout=5000)
    title = counter.workspace.results.title.text()
    assert "6401**********002X" in title and "64010419850615002X" not in title


def test_read_error_says_lift_and_replace(qtbot, counter, hub, idcard_sim):
    _start_reader(qtbot, hub, idcard_sim)
    idcard_sim.fail_next_read()
    with qtbot.waitSignal(hub.card_reader.sig_card_error, timeout=5000) as failed:
        idcard_sim.present("zhangsan")
    assert failed.args[0] == "idcard.read_failed"
    assert "请拿起身份证后重新放置" in counter.message.text()


def test_unplugged_reader_turns_red_and_recovers(qtbot, counter, hub, idcard_sim):
    _start_reader(qtbot, hub, idcard_sim)
    light = counter.devices.lights.lights["idcard"]
    assert light.state == DeviceState.OK
    idcard_sim.unplug()
    qtbot.waitUntil(lambda: light.state == DeviceState.FAULT, timeout=5000)
    assert "断开" in light.toolTip() or "无法打开" in light.toolTip()
    idcard_sim.replug()
    qtbot.waitUntil(lambda: light.state == DeviceState.OK, timeout=8000)
    with qtbot.waitSignal(hub.card_reader.sig_card_read, timeout=5000):
        idcard_sim.present("zhangsan")


def test_no_reader_configured_is_grey_and_blocks_nothing(counter, instant_item):
    light = counter.devices.lights.lights["idcard"]
    assert light.state == DeviceState.OFF
    counter.workspace.start_reception(instant_item)
    assert counter.workspace.reception.form.applicant.name.isEnabled()
