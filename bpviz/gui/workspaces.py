"""Workspaces: one arrangement of the window's docks per task, each readable on a 1366×768 screen.

*Train* shows the controls, the boundary, the loss, the fit (predicted vs true, or the confusion matrix)
and the weights; *Inspect* the step inspector, the
network, the gradients, the samples, the code and the gradient check.  Compare is a window of its own
(compare_window.py): the workspace tool bar offers its action beside the two layouts.

Switching only moves docks: the run is not touched.  What the user rearranges is remembered per workspace
(QMainWindow.saveState) in memory while the window is open and in the settings file across launches.
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QTabBar, QToolBar

STATE_VERSION = 2  # bump when a layout change makes the saved states meaningless


def _train(w) -> None:
    ins = w.inspection
    for dock in ins.docks:
        dock.hide()
    w.addDockWidget(Qt.LeftDockWidgetArea, w.panel_dock)
    w.addDockWidget(Qt.RightDockWidgetArea, w.weights_dock)
    w.addDockWidget(Qt.BottomDockWidgetArea, w.loss_dock)
    w.splitDockWidget(w.loss_dock, w.fit_dock, Qt.Horizontal)
    for dock in (w.panel_dock, w.weights_dock, w.loss_dock, w.fit_dock):
        dock.show()
    w.resizeDocks([w.panel_dock, w.weights_dock], [290, max(330, int(w.width() * 0.28))], Qt.Horizontal)
    height = max(200, int(w.height() * 0.3))
    w.resizeDocks([w.loss_dock], [height], Qt.Vertical)
    # the fit is a square plot or matrix: as wide as the dock is high, the loss curve takes the rest
    w.resizeDocks([w.loss_dock, w.fit_dock], [w.width() - height - 300, height + 40], Qt.Horizontal)


def _inspect(w) -> None:
    ins = w.inspection
    for dock in (w.panel_dock, w.weights_dock, w.loss_dock, w.fit_dock):
        dock.hide()
    # left: what the update trained on; right: the network it changed; bottom: the update, phase by phase,
    # beside the code of that phase
    w.addDockWidget(Qt.LeftDockWidgetArea, ins.samples_dock)
    w.tabifyDockWidget(ins.samples_dock, ins.gradcheck_dock)
    w.addDockWidget(Qt.RightDockWidgetArea, ins.network_dock)
    w.splitDockWidget(ins.network_dock, ins.gradients_dock, Qt.Horizontal)
    w.addDockWidget(Qt.BottomDockWidgetArea, ins.inspector_dock)
    w.splitDockWidget(ins.inspector_dock, ins.code_dock, Qt.Horizontal)
    for dock in ins.docks:
        dock.show()
    ins.samples_dock.raise_()
    width, height = w.width(), w.height()
    # the diagram needs ~470 px to show input, hidden and output layers without scrolling; the boundary,
    # which Inspect only uses to locate samples, gives way first
    w.resizeDocks([ins.samples_dock, ins.network_dock, ins.gradients_dock],
                  [int(width * 0.17), max(470, int(width * 0.36)), int(width * 0.23)], Qt.Horizontal)
    w.resizeDocks([ins.inspector_dock, ins.code_dock], [int(width * 0.55), int(width * 0.45)], Qt.Horizontal)
    w.resizeDocks([ins.inspector_dock], [int(height * 0.45)], Qt.Vertical)


@dataclass(frozen=True)
class Workspace:
    name: str  # the key in the settings file
    title: str  # untranslated; translated in the "Workspaces" context
    shortcut: str
    tip: str
    arrange: Callable  # (window) -> None: the default layout


WORKSPACES = (
    Workspace("train", QT_TRANSLATE_NOOP("Workspaces", "&Train"), "Ctrl+1",
              QT_TRANSLATE_NOOP("Workspaces", "Controls, boundary, loss, fit and weights (Ctrl+1)"), _train),
    Workspace("inspect", QT_TRANSLATE_NOOP("Workspaces", "&Inspect"), "Ctrl+2",
              QT_TRANSLATE_NOOP("Workspaces", "Step inspector, network, gradients, samples, code, gradient check "
                                              "(Ctrl+2)"), _inspect),
)
BY_NAME = {ws.name: ws for ws in WORKSPACES}
DEFAULT = WORKSPACES[0].name


class Workspaces(QObject):
    """The workspaces of one MainWindow: View ▸ Workspace, a tool bar and Ctrl+1/2/…"""

    switched = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.current = DEFAULT
        self._states: dict[str, object] = {}  # name -> QByteArray of the user's layout
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.actions = {}
        for ws in WORKSPACES:
            action = window.add_action(f"act_workspace_{ws.name}", "",
                                       lambda _=False, name=ws.name: self.switch(name), ws.shortcut)
            action.setCheckable(True)
            self._group.addAction(action)
            self.actions[ws.name] = action
        self.act_reset = window.add_action("act_workspace_reset", "", self.reset_layout)
        menu = window.view_menu
        menu.addSeparator()
        sub = menu.addMenu("")
        sub.addActions(list(self.actions.values()))
        sub.addSeparator()
        sub.addAction(self.act_reset)
        self.menu = sub
        bar = QToolBar()
        bar.setObjectName("workspaces_toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        bar.addActions(list(self.actions.values()))
        compare = window.findChild(QAction, "act_compare")
        if compare is not None:
            bar.addAction(compare)
        for action in bar.actions():
            button = bar.widgetForAction(action)
            if button is not None:
                button.setFocusPolicy(Qt.NoFocus)  # Space and → keep driving the run after a click
        window.addToolBar(Qt.TopToolBarArea, bar)
        self.toolbar = bar
        menu.addAction(bar.toggleViewAction())
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language (the window calls it on LanguageChange)."""
        for ws in WORKSPACES:
            action, tip = self.actions[ws.name], self.tr(ws.tip)
            action.setText(self.tr(ws.title))
            action.setToolTip(tip)
            action.setStatusTip(tip)
        tip = self.tr("This workspace's docks as they first were")
        self.act_reset.setText(self.tr("Reset &layout"))
        self.act_reset.setToolTip(tip)
        self.act_reset.setStatusTip(tip)
        self.menu.setTitle(self.tr("&Workspace"))
        self.toolbar.setWindowTitle(self.tr("Workspaces"))

    # -- switching -------------------------------------------------------------------------------------
    def switch(self, name: str) -> None:
        """Show workspace `name`: the user's last layout of it, or its default."""
        if name not in BY_NAME:
            return
        if name == self.current:
            self.actions[name].setChecked(True)
            return
        self._states[self.current] = self.window.saveState(STATE_VERSION)
        self._show(name)

    def reset_layout(self) -> None:
        self._states.pop(self.current, None)
        BY_NAME[self.current].arrange(self.window)

    def _show(self, name: str) -> None:
        self.current = name
        self.actions[name].setChecked(True)
        state = self._states.get(name)
        if state is None or not self.window.restoreState(state, STATE_VERSION):
            BY_NAME[name].arrange(self.window)
        self._hide_stale_tab_bars()
        self.switched.emit(name)

    def _hide_stale_tab_bars(self) -> None:
        # restoreState leaves the tab bar of a tab group whose docks it hid on screen (Qt 6.11): Train showed
        # Inspect's "Samples | Gradient check" tabs under the controls.  A bar none of whose docks is visible
        # is such a leftover.
        visible = {dock.windowTitle().replace("&", "&&") for dock in self.window.findChildren(QDockWidget)
                   if dock.isVisible()}
        for bar in self.window.findChildren(QTabBar, options=Qt.FindDirectChildrenOnly):
            if bar.count() and not any(bar.tabText(i) in visible for i in range(bar.count())):
                bar.hide()

    # -- settings --------------------------------------------------------------------------------------
    def restore(self, settings) -> None:
        """The workspace and layouts of the last session (anything unreadable: the defaults)."""
        for ws in WORKSPACES:
            state = settings.workspace_state(ws.name)
            if state is not None:
                self._states[ws.name] = state
        name = settings.workspace()
        self.current = None
        self._show(name if name in BY_NAME else DEFAULT)

    def save(self, settings) -> None:
        self._states[self.current] = self.window.saveState(STATE_VERSION)
        for name, state in self._states.items():
            settings.save_workspace_state(name, state)
        settings.set_workspace(self.current)
