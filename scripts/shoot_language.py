"""Screenshots of the window and its dialogs in one language (run under xvfb-run at 1366x768).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/shoot_language.py zh_CN artifacts/zh_CN
"""
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from shots import open_window, wait

lang, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
app, w = open_window(lang, sys.argv[0])
print("minimum size", w.minimumSizeHint().toTuple(), "window", w.size().toTuple())


def shot(name, widget=None):
    wait(400)
    (widget or w).grab().save(os.path.join(out, name))
    print("saved", name)


def screen(name):
    wait(400)
    app.primaryScreen().grabWindow(0).save(os.path.join(out, name))
    print("saved", name)


wait(800)
shot("01-live-start.png")
w.speed.set_speed(None)
w.start_training()
wait(1500)
w.pause_training()
shot("02-live-trained.png")
ins = w.inspection
for dock in (ins.inspector_dock, ins.network_dock, ins.code_dock, ins.samples_dock):
    dock.raise_()
wait(300)
for _ in range(2):
    w.step_once()
    wait(300)
for k, phase in enumerate(ins.inspector.phases()):
    ins.inspector.set_phase(phase)
    shot(f"03-inspect-{k}.png")
ins.gradients_dock.raise_()
ins.gradcheck_dock.raise_()
ins.check_gradients()
shot("04-gradients-gradcheck.png")
w.panel_dock.raise_()
w.weights_dock.raise_()
w.loss_dock.raise_()
for menu in (w.file_menu, w.training_menu, w.view_menu):
    QTimer.singleShot(300, lambda menu=menu: (screen(f"05-menu-{menu.objectName() or id(menu)}.png"), menu.close()))
    menu.exec(w.mapToGlobal(w.menuBar().geometry().bottomLeft()))
for name, show in (("06-about.png", w.show_about), ("07-shortcuts.png", w.show_shortcuts)):
    QTimer.singleShot(500, lambda name=name: (screen(name), QApplication.activeModalWidget().close()))
    show()
QTimer.singleShot(500, lambda: (screen("08-export-size.png"), QApplication.activeModalWidget().reject()))
w.files.export_dialog("loss", "png")
w.close()
