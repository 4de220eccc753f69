"""Login, lock after idle, unlock, another clerk taking over."""

from __future__ import annotations


def test_good_password_logs_in(counter, login):
    login(counter, "1001", "1234")
    assert counter.working
    assert counter.state.session.staff.no == "1001"
    assert counter.state.session.window.id == "W01"
    assert counter.stack.currentWidget() is counter.workspace
    assert counter.settings_store.get("last_staff_no") == "1001"


def test_bad_password_is_refused(counter, login):
    login(counter, "1001", "wrong")
    assert not counter.working
    assert counter.stack.currentWidget() is counter.login
    assert counter.login.message.text() == "工号或密码不正确"
    login(counter, "9999", "1234")
    assert not counter.working


def test_idle_lock_and_unlock(qtbot, clerk, login):
    clerk.idle.set_timeout_ms(50)
    clerk.idle.start()
    qtbot.waitUntil(lambda: clerk.locked, timeout=2000)
    assert clerk.stack.currentWidget() is clerk.login
    assert clerk.login.staff_no.isReadOnly()
    login(clerk, "1001", "nope")
    assert clerk.locked
    login(clerk, "1001", "1234")
    assert clerk.working and not clerk.locked


def test_other_clerk_may_log_in_instead_and_sees_nothing_of_the_first(clerk, login):
    clerk.workspace.start_reception(clerk.state.catalog.item("0105"))
    clerk.workspace.reception.form.applicant.name.setText("张三")
    clerk.lock()
    clerk.login._on_switch_user()
    login(clerk, "1002", "1234")
    assert clerk.state.session.staff.no == "1002"
    assert clerk.workspace.reception.form.applicant.name.text() == ""
    assert clerk.workspace.reception.item is None


def test_function_keys_do_nothing_while_locked(clerk):
    clerk.lock()
    clerk.on_scanned("1261122900100016")
    assert clerk.locked
