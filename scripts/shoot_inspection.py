"""Screenshots of the step inspection docks (run under xvfb-run); PNGs go to artifacts/."""
import os
import sys
import tempfile

os.environ.setdefault("BPVIZ_SETTINGS", os.path.join(tempfile.mkdtemp(), "s.ini"))
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

app = QApplication(sys.argv)
from bpviz.gui.main_window import MainWindow  # noqa: E402

out = sys.argv[1] if len(sys.argv) > 1 else "artifacts"
w = MainWindow()
w.resize(1400, 880)
w.show()
ins = w.inspection


def wait(ms):
    t = QTimer()
    t.setSingleShot(True)
    t.start(ms)
    while t.isActive():
        app.processEvents()


def shot(name):
    wait(400)
    w.redraw_now()
    wait(100)
    w.grab().save(os.path.join(out, name))
    print("saved", name)


wait(500)
ins.inspector_dock.raise_()
ins.network_dock.raise_()
ins.code_dock.raise_()
ins.samples_dock.raise_()
wait(300)
for _ in range(3):
    w.step_once()
    wait(300)
for phase in ins.inspector.phases():
    ins.inspector.set_phase(phase)
    shot(f"phase-{phase.replace(': ', '-').replace(' ', '')}.png")
ins.gradients_dock.raise_()
ins.samples.select_sample(int(ins.inspector.record().rows[0]))
ins._on_sample_selected(int(ins.inspector.record().rows[0]))
shot("gradients.png")
ins.gradcheck_dock.raise_()
ins.check_gradients()
shot("gradcheck.png")
for _ in range(40):
    w.step_once()
wait(800)
ins.seek(10)
wait(800)
shot("rewound.png")
ins.edit_weight("w1", (0, 0), 0.5)
wait(300)
for _ in range(10):
    w.step_once()
wait(500)
w.loss_dock.raise_()
shot("branched.png")
w.close()
