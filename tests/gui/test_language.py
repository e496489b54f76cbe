"""The window in Chinese: `--lang zh_CN` at start, and View → Language while a run goes on."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel

from bpviz import i18n
from bpviz.gui.language import apply_language

from .conftest import press


@pytest.fixture
def chinese():
    """The interface in Chinese for one test, English again afterwards (translators are application-wide)."""
    apply_language("zh_CN")
    yield
    apply_language("en")


def _row_label(window, name: str) -> str:
    field = window.panel.field(name)
    label = field.form.labelForField(field.container)
    return label.text() if isinstance(label, QLabel) else field.box.text()


def _menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_lang_zh_cn_shows_a_chinese_window(qtbot, make_window, chinese):
    window = make_window()
    assert window.windowTitle() == "bpviz —— 2-3-1 线性网络，梯度下降，学习率 0.001"
    assert _menu_titles(window) == ["文件(&F)", "训练(&T)", "视图(&V)", "课程(&E)", "帮助(&H)"]
    assert window.act_start.text() == "开始" and window.act_step.text() == "单步"
    assert _row_label(window, "lr") == "学习率" and _row_label(window, "batch_size") == "批量 (BATCH_SIZE)"
    assert _row_label(window, "steps") == "训练轮数" and _row_label(window, "loss") == "损失函数"
    titles = {box.title() for box in window.panel.findChildren(QGroupBox)}
    assert {"数据", "网络", "损失函数", "优化器", "训练安排"} <= titles
    assert window.panel.field("optimizer").combo.currentText() == "梯度下降"
    assert window.panel.field("loss").combo.currentText() == "均方误差"
    assert window.panel_dock.windowTitle() == "控制" and window.loss_dock.windowTitle() == "损失函数"
    assert window.status.message().startswith("就绪")
    assert window.language_actions["zh_CN"].isChecked()
    # a bad value is refused in Chinese, as in English
    lr = window.panel.field("lr")
    lr.edit.setText("0")
    assert lr.error_label.text() == "必须大于 0"


def test_switching_language_live_keeps_the_run_and_changes_the_texts(qtbot, make_window):
    window = make_window()
    assert window.act_start.text() == "Start" and _row_label(window, "lr") == "Learning rate"
    for _ in range(3):
        press(qtbot, window, Qt.Key_Right)
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 3, timeout=30_000)
    before = window.controller.latest_snapshot()
    try:
        window.language_actions["zh_CN"].trigger()
        assert i18n.current_language() == "zh_CN"
        # Qt delivers QEvent.LanguageChange to every widget through the event loop
        qtbot.waitUntil(lambda: window.act_start.text() == "开始", timeout=30_000)
        assert window.act_reset.text() == "重置"
        assert _menu_titles(window)[0] == "文件(&F)"
        assert _row_label(window, "lr") == "学习率"
        assert window.panel.field("optimizer").combo.currentText() == "梯度下降"
        assert "学习率 0.001" in window.windowTitle()
        assert window.status.step_label.text() == "第 3 / 3,000 轮"
        # the message left by the last step is worded again too (it stayed in English)
        assert window.status.message().startswith("第 3 轮") and "(highlighted)" not in window.status.message()
        assert window.speed.title.text() == "速度"
        assert window.inspection.inspector_dock.windowTitle() == "单步检查器"
        assert window.files.act_open_session.text() == "打开会话(&S)…"
        after = window.controller.latest_snapshot()
        assert after.step == before.step == 3 and after.generation == before.generation
        for name, w in before.weights.items():
            np.testing.assert_array_equal(after.weights[name], w)
        press(qtbot, window, Qt.Key_Right)  # the run goes on from where it was
        qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 4, timeout=30_000)
    finally:
        window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.act_start.text() == "Start", timeout=30_000)
    assert _row_label(window, "lr") == "Learning rate"
    assert window.language_actions["en"].isChecked()


def test_a_language_switch_does_not_outlive_its_test_1(qtbot):
    apply_language("zh_CN")  # the monkey can do this through View → Language


def test_a_language_switch_does_not_outlive_its_test_2(qtbot):
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def _legend_texts(legend) -> set[str]:
    return {label.text for _sample, label in legend.items}


def test_the_plots_follow_a_live_language_switch(qtbot, make_window):
    """Legends, axis labels, the smoothing slider, the accuracy box and the weights' unit names were left in
    the language the window opened in."""
    window = make_window()
    press(qtbot, window, Qt.Key_Right)
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 1, timeout=30_000)
    window.live.redraw_now()
    try:
        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: window.act_start.text() == "开始", timeout=30_000)
        assert {"标签 1", "标签 0", "当前这批", "决策边界（输出 = 0.5）"} <= _legend_texts(window.boundary._legend)
        assert "真实边界 x0 + x1 = 1" in _legend_texts(window.boundary._legend)
        assert {"本批损失", "全部数据上的损失"} <= _legend_texts(window.loss_plot._legend)
        assert window.loss_plot.plot_item.getAxis("bottom").labelText == "轮数"
        assert window.loss_panel.smoothing_label.text() == "平滑"
        assert window.loss_panel.accuracy_box.text() == "准确率"
        assert window.weights_panel.heatmap("w1")._row_label == "输入"
    finally:
        window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.act_start.text() == "Start", timeout=30_000)
    assert "current batch" in _legend_texts(window.boundary._legend)
    assert window.loss_panel.smoothing_label.text() == "Smoothing"
