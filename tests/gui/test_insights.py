"""The insight notes under the plots: found from the live run, each with its fix, dismissible, in both languages."""
from __future__ import annotations

from PySide6.QtCore import Qt

from bpviz.engine.config import RunConfig
from bpviz.engine.insights import LINEAR_CURVE, LINEAR_ORIGIN, PERIODIC, SLOW
from bpviz.gui.language import apply_language

from .conftest import press


def _run_to_target(qtbot, window) -> None:
    with qtbot.waitSignal(window.controller.target_reached):
        window.run_to_target()


def test_the_tutorial_run_explains_its_boundary_and_its_period_and_adds_biases(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=300))
    bar = window.insight_bar
    assert not bar.isVisible() and bar.kinds() == []  # nothing before the run has shown anything
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: {LINEAR_ORIGIN, PERIODIC} <= set(bar.kinds()))
    assert bar.isVisible()
    linear = bar.text(LINEAR_ORIGIN)
    assert "x0 + x1 = 1" in linear and "·x0" in linear and "= 0.5" in linear
    period = bar.text(PERIODIC)
    assert "every 4 steps" in period and "32 training points" in period and "batches of 8" in period
    # one click: biases, a new run, and the panel shows it
    button = bar.row(LINEAR_ORIGIN).button
    assert button.isVisible() and "biases" in button.text()
    button.click()
    qtbot.waitUntil(lambda: window.controller.config.model.bias and window.controller.latest_snapshot().step == 0)
    assert window.panel.field("bias").value() is True
    assert LINEAR_ORIGIN not in bar.kinds()
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: PERIODIC in bar.kinds())
    assert LINEAR_ORIGIN not in bar.kinds()  # with biases the line can match


def test_a_dismissed_note_stays_away_for_the_run_and_after_a_reset(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=200))
    bar = window.insight_bar
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: PERIODIC in bar.kinds())
    bar.row(PERIODIC).close_button.click()
    assert PERIODIC not in bar.kinds()
    window.controller.apply_config(window.controller.config.replace(steps=400))
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: window.insight_watcher._seen == (window.controller.latest_snapshot().generation, 400))
    assert PERIODIC not in bar.kinds() and LINEAR_ORIGIN in bar.kinds()
    press(qtbot, window, Qt.Key_R, Qt.ControlModifier)  # a new run of the same configuration
    qtbot.waitUntil(lambda: bar.kinds() == [])
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: LINEAR_ORIGIN in bar.kinds())
    assert PERIODIC not in bar.kinds()
    # another period is another note
    window.apply_config(window.controller.config.replace(batch_size=16))
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: PERIODIC in bar.kinds())
    assert "every 2 steps" in bar.text(PERIODIC)


def test_a_stalled_loss_offers_a_larger_rate_without_a_reset(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=20_000))
    bar = window.insight_bar
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: SLOW in bar.kinds())
    assert "0.1% per 500 steps" in bar.text(SLOW) and "learning rate 0.001" in bar.text(SLOW)
    button = bar.row(SLOW).button
    assert button.text() == "Use learning rate 0.01"
    button.click()
    qtbot.waitUntil(lambda: window.controller.config.optimizer.lr == 0.01)
    assert window.controller.latest_snapshot().step == 20_000  # a live change: the run goes on from here
    assert window.panel.field("lr").value() == 0.01


def test_notes_follow_the_language_live(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=200))
    bar = window.insight_bar
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: {LINEAR_ORIGIN, PERIODIC} <= set(bar.kinds()))
    try:
        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: "偏置" in bar.text(LINEAR_ORIGIN))
        assert "x0 + x1 < 1" in bar.text(LINEAR_ORIGIN) and "x0 + x1 = 1" in bar.text(LINEAR_ORIGIN)
        assert "4" in bar.text(PERIODIC) and "批" in bar.text(PERIODIC)
        assert "偏置" in bar.row(LINEAR_ORIGIN).button.text()
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: "biases" in bar.text(LINEAR_ORIGIN))


def test_the_rule_is_shown_whole(qtbot, make_window):
    """"x0 + x1 < 1" inside rich text: the "<" must not start a tag and swallow the rest."""
    window = make_window(RunConfig().replace(steps=200))
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: LINEAR_ORIGIN in window.insight_bar.kinds())
    assert "(1 if x0 + x1 < 1, else 0)" in window.insight_bar.text(LINEAR_ORIGIN)


def test_a_curved_boundary_offers_an_activation(qtbot, make_window):
    window = make_window(RunConfig().replace(dataset="circle", steps=200))
    bar = window.insight_bar
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: LINEAR_CURVE in bar.kinds())
    assert LINEAR_ORIGIN not in bar.kinds()  # biases alone would not help a circle
    assert "x0² + x1² = 2" in bar.text(LINEAR_CURVE)
    bar.row(LINEAR_CURVE).button.click()
    qtbot.waitUntil(lambda: window.controller.config.model.activation == "tanh")
    assert window.controller.config.model.bias and window.panel.field("activation").value() == "tanh"
    _run_to_target(qtbot, window)
    qtbot.waitUntil(lambda: window.insight_watcher._seen == (window.controller.latest_snapshot().generation, 200))
    assert LINEAR_CURVE not in bar.kinds()
