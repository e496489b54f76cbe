"""Every control says what it does and the formula or TF1 call behind it, in English and in Chinese."""
from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit, QMenu,
                               QScrollBar, QToolBar, QWidget, QWidgetAction)

from bpviz.engine.config import RunConfig
from bpviz.gui.language import apply_language

CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractSlider)


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text)).strip()


def _panel_controls(panel) -> list[QWidget]:
    # (a spin box's or combo box's own line edit is part of it)
    return [w for w in panel.findChildren(QWidget) if isinstance(w, CONTROLS) and not isinstance(w, QScrollBar)
            and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))]


def _menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            found += _menu_actions(action.menu())
        else:
            found.append(action)
    return found


def _window_actions(window) -> list[QAction]:
    """Every action of the menus and tool bars (a tool bar's widget, e.g. the speed slider, apart)."""
    actions = [a for menu_action in window.menuBar().actions() for a in _menu_actions(menu_action.menu())]
    for bar in window.findChildren(QToolBar):
        actions += [a for a in bar.actions() if not a.isSeparator() and not isinstance(a, QWidgetAction)]
    return actions


def _tool_bar_widgets(window) -> list[QWidget]:
    return [bar.widgetForAction(a) for bar in window.findChildren(QToolBar) for a in bar.actions()
            if isinstance(a, QWidgetAction)]


def _missing(window) -> list[str]:
    missing = []
    for widget in _panel_controls(window.panel):
        if not _plain(widget.toolTip()):
            missing.append(f"panel widget {widget.objectName() or widget}")
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                if not _plain(widget.itemData(i, Qt.ToolTipRole) or ""):
                    missing.append(f"{widget.objectName()} item {widget.itemText(i)}")
    for widget in _tool_bar_widgets(window):  # a control, or a group of them sharing one tooltip
        controls = [widget] if isinstance(widget, CONTROLS) else \
            [c for c in widget.findChildren(QWidget) if isinstance(c, CONTROLS)]
        for control in controls:
            if not (_plain(control.toolTip()) or _plain(widget.toolTip())):
                missing.append(f"tool bar control {control.objectName() or control}")
    for action in _window_actions(window):
        if not action.isEnabled():
            continue  # a note in a menu (a damaged file's message), nothing to choose
        text = action.text().replace("&", "")
        if not action.statusTip() or _plain(action.toolTip()).replace("&", "") in ("", text):
            missing.append(f"action {action.objectName() or text}")
    return missing


@pytest.fixture(params=["en", "zh_CN"])
def language(request):
    apply_language(request.param)
    yield request.param
    apply_language("en")


def test_every_panel_control_and_every_action_has_a_tooltip(qtbot, make_window, language):
    window = make_window()
    assert _missing(window) == []
    # with every optional setting shown too: momentum, Adam's β, the decay, cost / profit
    for config in (RunConfig().replace(optimizer="momentum", lr_decay=0.9, loss="cost-profit", dataset="sales"),
                   RunConfig().replace(optimizer="adam"), RunConfig().replace(optimizer="rmsprop")):
        window.panel.set_config(config)
        assert _missing(window) == []


def test_momentum_tooltip_gives_the_rule_and_the_tf1_call(qtbot, make_window):
    window = make_window(RunConfig().replace(optimizer="momentum", momentum=0.8))
    tip = _plain(window.panel.field("momentum").widget.toolTip())
    assert "Momentum coefficient" in tip
    assert "acc′ = m·acc + g" in tip and "w ← w − lr·acc′" in tip
    assert "tf.train.MomentumOptimizer(0.001, momentum=0.8)" in tip
    assert "--momentum" in tip
    # each optimizer in the list explains itself
    combo = window.panel.field("optimizer").combo
    adam = _plain(combo.itemData(combo.findData("adam"), Qt.ToolTipRole))
    assert "tf.train.AdamOptimizer(0.001" in adam
    # the learning rate's tooltip follows the value in use
    lr = window.panel.field("lr")
    lr.edit.setText("0.05")
    lr.edit.editingFinished.emit()
    qtbot.waitUntil(lambda: "MomentumOptimizer(0.05, momentum=0.8)" in _plain(lr.widget.toolTip()))


def test_data_and_network_tooltips_follow_the_run(qtbot, make_window):
    window = make_window()
    panel = window.panel
    assert "1 if x0 + x1 < 1" in _plain(panel.field("dataset").widget.toolTip())
    assert "rng.rand(32, 2)" in _plain(panel.field("dataset").widget.toolTip())
    assert "tf.random_normal([2, 3], stddev=1, seed=1)" in _plain(panel.field("init_seed").widget.toolTip())
    assert "tf.reduce_mean(tf.square(y - y_))" in _plain(panel.field("loss").widget.toolTip())
    assert "start = (i * 8) % 32" in _plain(panel.field("batch_size").widget.toolTip())
    combo = panel.field("activation").combo
    assert "tf.nn.relu" in _plain(combo.itemData(combo.findData("relu"), Qt.ToolTipRole))
    panel.set_config(RunConfig().replace(dataset="circle", hidden=[4, 2]))
    assert "x0² + x1² < 2" in _plain(panel.field("dataset").widget.toolTip())
    assert "tf.random_normal([4, 2]" in _plain(panel.field("hidden").widget.toolTip())


def test_tooltips_in_chinese(qtbot, make_window):
    apply_language("zh_CN")
    try:
        window = make_window(RunConfig().replace(optimizer="momentum"))
        tip = _plain(window.panel.field("momentum").widget.toolTip())
        assert "动量" in tip and "tf.train.MomentumOptimizer(0.001, momentum=0.9)" in tip
        assert "标签" in _plain(window.panel.field("dataset").widget.toolTip())
        assert re.search(r"[\u4e00-\u9fff]", window.act_start.statusTip())
    finally:
        apply_language("en")
