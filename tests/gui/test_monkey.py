"""A monkey test of the window: many random user actions interleaved with training, then the run must
still answer and agree with itself.

The actions are found generically (every QAction of the window, every visible button, every panel field,
every plot's right-click menu, pyqtgraph's export window), so new ones are covered without editing this
file.  Modal dialogs are answered by patched static functions; anything else that goes modal is closed
by a timer, so nothing blocks.  pytest-qt's exception capture stays on: an exception in any slot or
virtual method fails the test.

BPVIZ_MONKEY_SEED picks the seed (printed, and named in every failure), BPVIZ_MONKEY_ACTIONS the number
of actions (`make monkey` runs several seeds with many more).
"""
from __future__ import annotations

import os
import random
import zipfile

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDockWidget, QFileDialog, QInputDialog,
                               QMenu, QMessageBox, QWidget)

from bpviz.engine.config import RunConfig
from bpviz.engine.config_file import write_config
from bpviz.engine.session import save_session
from bpviz.engine.trainer import Trainer
from bpviz.gui.export_dialog import ImageSizeDialog
from bpviz.gui.fields import BoolField, ChoiceField, FeaturesField, FloatSpinField, IntField, TextField
from bpviz.gui.worker_protocol import PAUSED

SEED = int(os.environ.get("BPVIZ_MONKEY_SEED", "14"))
ACTIONS = int(os.environ.get("BPVIZ_MONKEY_ACTIONS", "1000"))
HANG_GUARD_MS = 30_000
PACE = 400  # steps per second: training goes on all along, and leaves the GUI thread time to act

# text a user might type into any field: valid for some, invalid for others
TEXTS = ["0.01", "1e-3", "0.5", "3", "8", "0", "-1", "1e400", "nan", "inf", "-inf", "abc", "", " ", "2, 2",
         "4,4,4", "100000", "999999999999999999999", "0x10", "1_000", "½", "1e-30", "0.001", "32", "5000"]
SKIPPED_ACTIONS = {"act_quit"}  # closing the window ends the test, not the run


def _hostile_files(folder) -> dict[str, str]:
    """Good and bad files to open: configurations, sessions, and things that are neither."""
    folder.mkdir()
    good_config = folder / "good.json"
    write_config(RunConfig().replace(lr=0.05, steps=400), good_config)
    other_config = folder / "spiral.json"
    write_config(RunConfig().replace(dataset="spiral", hidden=[6, 6], activation="tanh", optimizer="adam",
                                     lr=0.01), other_config)
    trainer = Trainer(RunConfig().replace(lr=0.02))
    trainer.run(37)
    good_session = folder / "good.npz"
    save_session(trainer, good_session)
    data = good_session.read_bytes()
    (folder / "truncated.npz").write_bytes(data[: len(data) // 2])
    (folder / "truncated.json").write_text(good_config.read_text()[:40])
    (folder / "garbage.npz").write_bytes(bytes(random.Random(1).randrange(256) for _ in range(3000)))
    (folder / "garbage.json").write_text("{" * 5000)
    (folder / "empty.json").write_text("")
    (folder / "wrong_types.json").write_text('{"optimizer": {"lr": "fast"}, "schedule": {"steps": 1e400}}')
    (folder / "huge_int.json").write_text('{"schedule": {"steps": ' + "9" * 5000 + "}}")
    with zipfile.ZipFile(folder / "foreign.npz", "w") as z:
        z.writestr("hello.txt", "not a session")
    (folder / "a_folder.json").mkdir()
    paths = {p.name: str(p) for p in folder.iterdir()}
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
        os.mkfifo(folder / "pipe.npz")
        paths["pipe.json"] = str(folder / "pipe.json")
        paths["pipe.npz"] = str(folder / "pipe.npz")
    return paths


class Monkey:
    def __init__(self, window, qtbot, rng: random.Random, files: dict[str, str], out_dir):
        self.window = window
        self.qtbot = qtbot
        self.rng = rng
        self.files = files
        self.out_dir = out_dir
        self.log: list[str] = []
        self.failures: list[str] = []
        window.controller.failed.connect(self.failures.append)

    # -- answers for dialogs --------------------------------------------------------------------------
    def open_answer(self) -> str:
        return self.rng.choice(list(self.files.values()) + [""])

    def save_answer(self) -> str:
        r = self.rng.random()
        name = f"out{self.rng.randrange(5)}" + self.rng.choice([".json", ".npz", ".csv", ".png", ".svg", ".py", ""])
        if r < 0.6:
            return str(self.out_dir / name)
        if r < 0.75:
            return str(self.out_dir / "missing" / "folder" / name)
        if r < 0.85:
            return str(self.out_dir)  # a folder
        if r < 0.9 and "pipe.json" in self.files:
            return self.files["pipe.json"]
        return ""

    # -- the actions ------------------------------------------------------------------------------------
    def actions(self):
        return [(8, self.trigger_action), (6, self.press_shortcut), (6, self.click_button), (14, self.edit_field),
                (6, self.toggle_training), (5, self.change_rate_while_training), (5, self.rewind), (4, self.branch),
                (5, self.open_file), (2, self.resize), (3, self.toggle_dock), (4, self.plot_context_menu),
                (2, self.pyqtgraph_export), (10, self.let_it_train)]

    def act(self, k: int) -> None:
        weights, fns = zip(*self.actions())
        fn = self.rng.choices(fns, weights)[0]
        self.log.append(f"{k}: {fn.__name__}")
        fn()
        self.settle()

    def settle(self) -> None:
        QApplication.processEvents()
        popup = QApplication.activePopupWidget()
        while popup is not None:  # a menu left open would grab every later click
            popup.close()
            QApplication.processEvents()
            if QApplication.activePopupWidget() is popup:
                break
            popup = QApplication.activePopupWidget()

    def _window_actions(self) -> list[QAction]:
        return [a for a in self.window.findChildren(QAction)
                if a.objectName() not in SKIPPED_ACTIONS and a.text() and not a.isSeparator() and a.menu() is None
                and "Quit" not in a.text()]

    def trigger_action(self) -> None:
        action = self.rng.choice(self._window_actions())
        self.log[-1] += f" {action.objectName() or action.text()!r}"
        action.trigger()

    def press_shortcut(self) -> None:
        keyed = [a for a in self._window_actions() if not a.shortcut().isEmpty()]
        action = self.rng.choice(keyed)
        combo = action.shortcut()[0]
        self.log[-1] += f" {action.shortcut().toString()}"
        target = QApplication.focusWidget() or self.window
        if isinstance(target, QWidget) and target.window() is not self.window:
            target = self.window
        self.qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())

    def click_button(self) -> None:
        buttons = [b for b in self.window.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]
        if not buttons:  # e.g. while a run is being replaced, every button may be disabled at once
            self.log[-1] += " (no button to click)"
            return
        button = self.rng.choice(buttons)
        self.log[-1] += f" {button.objectName() or button.text()!r}"
        self.qtbot.mouseClick(button, Qt.LeftButton)

    def edit_field(self) -> None:
        panel = self.window.panel
        name = self.rng.choice(list(panel._fields))
        field = panel.field(name)
        self.log[-1] += f" {name}"
        if isinstance(field, ChoiceField):
            field.combo.setCurrentIndex(self.rng.randrange(field.combo.count()))
        elif isinstance(field, BoolField):
            field.box.click()
        elif isinstance(field, FeaturesField):
            field.boxes[self.rng.choice(list(field.boxes))].click()
        elif isinstance(field, (TextField, IntField, FloatSpinField)):
            edit = field.edit if isinstance(field, TextField) else field.spin.lineEdit()
            text = self.rng.choice(TEXTS) if self.rng.random() < 0.7 else f"{self.rng.uniform(-1, 20):.3g}"
            self.log[-1] += f" {text!r}"
            edit.setFocus()
            edit.selectAll()
            if text:
                self.qtbot.keyClicks(edit, text)
            else:
                self.qtbot.keyClick(edit, Qt.Key_Delete)
            self.qtbot.keyClick(edit, self.rng.choice([Qt.Key_Return, Qt.Key_Tab, Qt.Key_Escape]))

    def toggle_training(self) -> None:
        self.rng.choice([self.window.controller.start, self.window.controller.pause, self.window.toggle_training,
                         self.window.step_once, self.window.run_to_target])()

    def change_rate_while_training(self) -> None:
        self.window.controller.start()
        field = self.window.panel.field("lr")
        edit = field.edit if isinstance(field, TextField) else field.spin.lineEdit()
        rate = f"{10 ** self.rng.uniform(-4, 0.5):.3g}"
        self.log[-1] += f" {rate}"
        edit.setFocus()
        edit.selectAll()
        self.qtbot.keyClicks(edit, rate)
        self.qtbot.keyClick(edit, Qt.Key_Return)

    def rewind(self) -> None:
        timeline = self.window.inspection.timeline
        reach = timeline.spin.maximum()
        step = self.rng.randint(0, reach) if reach else 0
        self.log[-1] += f" to {step} of {reach}"
        if self.rng.random() < 0.5:
            timeline.spin.setValue(step)
        else:
            timeline.slider.setValue(step)

    def branch(self) -> None:
        """Go back, then edit a weight: the run branches there."""
        self.rewind()
        snap = self.window.controller.latest_snapshot()
        name = self.rng.choice(sorted(snap.weights))
        shape = snap.weights[name].shape
        index = tuple(self.rng.randrange(n) for n in shape)
        value = self.rng.choice([0.0, 1.5, -3.0, 1e6, float("nan"), float("inf")])
        self.log[-1] += f" {name}{index}={value}"
        self.window.inspection.edit_weight(name, index, value)

    def open_file(self) -> None:
        path = self.rng.choice(list(self.files.values()))
        self.log[-1] += f" {os.path.basename(path)}"
        how = self.rng.randrange(3)
        if how == 0:
            self.window.files.open_path(path)
        elif how == 1:
            self.window.files.open_config(path)
        else:
            self.window.files.open_session(path)

    def resize(self) -> None:
        w, h = self.rng.randint(200, 1100), self.rng.randint(150, 800)
        self.log[-1] += f" {w}x{h}"
        self.window.resize(w, h)

    def toggle_dock(self) -> None:
        dock = self.rng.choice(self.window.findChildren(QDockWidget))
        r = self.rng.random()
        self.log[-1] += f" {dock.objectName()}"
        if r < 0.5:
            dock.toggleViewAction().trigger()
        elif r < 0.8:
            dock.setFloating(not dock.isFloating())
        else:
            dock.raise_()

    def plot_context_menu(self) -> None:
        """Right-click a plot and choose anything its menu (or a sub-menu) offers."""
        views = [v for v in self.window.findChildren(pg.GraphicsView) if v.isVisible() and v.width() > 4]
        if not views:
            return
        view = self.rng.choice(views)
        pos = QPoint(self.rng.randrange(view.width()), self.rng.randrange(view.height()))
        self.log[-1] += f" {view.objectName() or type(view).__name__} at {pos.x()},{pos.y()}"
        self.qtbot.mouseClick(view.viewport(), Qt.RightButton, pos=pos)
        for _ in range(3):  # a choice may open another menu ("Export…" offers bpviz's exports)
            menu = QApplication.activePopupWidget()
            if not isinstance(menu, QMenu):
                return
            chosen = self._menu_leaf(menu)
            menu.close()
            if chosen is None:
                return
            self.log[-1] += f" -> {chosen.text()!r}"
            chosen.trigger()
            QApplication.processEvents()

    def _menu_leaf(self, menu: QMenu) -> QAction | None:
        for _ in range(4):
            items = [a for a in menu.actions() if a.isEnabled() and not a.isSeparator() and a.isVisible()]
            if not items:
                return None
            action = self.rng.choice(items)
            if action.menu() is None:
                return action
            menu = action.menu()
        return None

    def pyqtgraph_export(self) -> None:
        """pyqtgraph's export window, if a context menu opened it: pick an item and a format, export or copy."""
        from pyqtgraph.GraphicsScene.exportDialog import ExportDialog

        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog) and w.isVisible()]
        if not dialogs:
            return
        dialog = dialogs[0]
        ui = dialog.ui
        if ui.itemTree.topLevelItemCount():
            tree_item = ui.itemTree.topLevelItem(0)
            ui.itemTree.setCurrentItem(tree_item if self.rng.random() < 0.5 else
                                       (tree_item.child(0) if tree_item.childCount() else tree_item))
        if ui.formatList.count():
            ui.formatList.setCurrentRow(self.rng.randrange(ui.formatList.count()))
        button = self.rng.choice([ui.exportBtn, ui.copyBtn, ui.closeBtn])
        self.log[-1] += f" {ui.formatList.currentItem().text() if ui.formatList.currentItem() else ''} " \
                        f"{button.text()}"
        if button.isEnabled() and button.isVisible():
            button.click()
        for file_dialog in [w for w in QApplication.topLevelWidgets()
                            if isinstance(w, QFileDialog) and w.isVisible()]:
            path = self.save_answer()
            if path:
                file_dialog.fileSelected.emit(path)
            file_dialog.close()

    def let_it_train(self) -> None:
        # a few passes of the event loop, not a span of time: the worker trains meanwhile in its own thread
        for _ in range(self.rng.randint(1, 25)):
            QApplication.processEvents()


@pytest.fixture
def answered_dialogs(monkeypatch):
    """Every static dialog answers at once; the monkey chooses the answers."""
    box = {"monkey": None, "shown": []}

    def message(kind):
        def show(parent, title, text="", *args, **kwargs):
            box["shown"].append((kind, str(title), str(text)))
            if kind == "question":
                return box["monkey"].rng.choice([QMessageBox.Yes, QMessageBox.No, QMessageBox.Cancel])
            return QMessageBox.Ok
        return staticmethod(show)

    for kind in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, message(kind))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (box["monkey"].open_answer(), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (box["monkey"].save_answer(), "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(ImageSizeDialog, "get_size", staticmethod(
        lambda *a, **k: box["monkey"].rng.choice([None, (64, 48), (800, 600), (1, 1)])))
    return box


def _close_stray_modals() -> None:
    popup = QApplication.activePopupWidget()  # a menu run with exec() blocks like a dialog
    if popup is not None:
        popup.close()
    widget = QApplication.activeModalWidget()
    if isinstance(widget, QDialog):
        widget.reject()
    elif widget is not None:
        widget.close()


def test_monkey(make_window, qtbot, tmp_path, answered_dialogs, capsys):
    rng = random.Random(SEED)
    with capsys.disabled():
        print(f"\nmonkey: BPVIZ_MONKEY_SEED={SEED} BPVIZ_MONKEY_ACTIONS={ACTIONS}")
    window = make_window(speed=PACE)
    window.resize(900, 650)  # smaller than the default: every repaint is cheaper, so more actions fit
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkey = Monkey(window, qtbot, rng, _hostile_files(tmp_path / "files"), out_dir)
    answered_dialogs["monkey"] = monkey
    guard = QTimer()
    guard.setInterval(50)
    guard.timeout.connect(_close_stray_modals)
    guard.start()
    where = f"(seed {SEED}; replay with BPVIZ_MONKEY_SEED={SEED} BPVIZ_MONKEY_ACTIONS={ACTIONS})"
    try:
        for k in range(ACTIONS):
            try:
                monkey.act(k)
            except Exception as exc:  # noqa: BLE001 - name the seed and the last actions, then fail
                pytest.fail(f"action {monkey.log[-1]} raised {exc!r} {where}; last actions:\n"
                            + "\n".join(monkey.log[-15:]))
    finally:
        guard.stop()
    monkey.settle()

    # the window still answers: pause, then a command round-trips through the worker
    controller = window.controller
    where += f" with {controller.config.to_json()}; last actions:\n" + "\n".join(monkey.log[-15:])
    controller.pause()
    answers = []
    controller.call(lambda t: (t.step, len(t.history.batch_losses())), answers.append)
    try:
        qtbot.waitUntil(lambda: controller.mode == PAUSED and bool(answers), timeout=HANG_GUARD_MS)
    except qtbot.TimeoutError:
        pytest.fail(f"the worker does not answer {where}")
    step, losses = answers[0]
    assert losses == step, f"the history has {losses} losses at step {step} {where}"

    # the state is consistent: the snapshot, the panel and the status bar show the worker's run
    snap = controller.latest_snapshot()
    assert snap.step == step and len(snap.batch_losses) == snap.step, where
    window.live.redraw_now()
    assert window.panel.config() == snap.config, f"the panel does not show the run's configuration {where}"
    assert controller.config == snap.config, where
    qtbot.waitUntil(lambda: window.status.step_label.text().split()[1].replace(",", "") == str(snap.step),
                    timeout=HANG_GUARD_MS)
    assert monkey.failures == [], f"worker errors {where}: {monkey.failures}"
