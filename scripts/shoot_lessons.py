"""Screenshots of the start page, the Lessons menu and every lesson as its "What to do" says (run under xvfb-run).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/shoot_lessons.py zh_CN artifacts/lessons-zh_CN

Each lesson is set up from the menu, then driven: the first is stepped four times, the Inspect lessons step once
and go through three phases, the other window lessons run to their target, the Compare lessons run their 40 steps.
Extra arguments pick lessons by number (e.g. `01 10`).
"""
import os
import sys

from PySide6.QtCore import QTimer
from shots import open_window, wait

lang, out, only = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(out, exist_ok=True)
app, w = open_window(lang, sys.argv[0])


def shot(name, widget=None):
    wait(500)
    (widget or w).grab().save(os.path.join(out, name))
    print("saved", name)


w.speed.set_speed(None)
wait(800)
w.lessons.show_start_page_on_first_launch()
shot("00-start-page.png")
QTimer.singleShot(400, lambda: (app.primaryScreen().grabWindow(0).save(os.path.join(out, "00-lessons-menu.png")),
                                w.lessons.menu.close()))
w.lessons.menu.exec(w.mapToGlobal(w.menuBar().geometry().bottomLeft()))
w.lessons.start_page.lessons_button.click()
for k, lesson in enumerate(w.lessons.lessons):
    if only and lesson.name[:2] not in only:
        continue
    w.lessons.open_lesson(k)
    wait(600)
    if lesson.view == "compare":
        compare = w.compare_window
        compare.runner.toggle()
        while compare.runner.multi.step < compare.runner.target:
            wait(200)
        shot(f"{lesson.name}-compare.png", compare)
        shot(f"{lesson.name}.png")
        compare.close()
        continue
    if k == 0:
        for _ in range(4):
            w.step_once()
            wait(300)
    elif lesson.view == "inspect":
        w.step_once()
        wait(600)
        for _ in range(3):
            w.inspection.inspector._next.click()
            wait(200)
    else:
        w.run_to_target()
        wait(600)
        while w.controller.mode != "paused":
            wait(300)
    shot(f"{lesson.name}.png")
w.close()
