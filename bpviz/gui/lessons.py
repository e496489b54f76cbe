"""The Lessons menu, the lesson pane (a dock) and the start page shown on first launch.

The lessons themselves are data (`bpviz.lessons`, resources/lessons/*.json).  "Set up" makes a lesson's
configuration the run the way an opened configuration file does (`FileActions.use_config`: the running run
stops, a new one starts at step 0 and the panel shows it), then shows the lesson's workspace, or the Compare
window filled in as the lesson says.  The pane renders the lesson in the current language, again on a switch.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QTextBrowser,
                               QVBoxLayout, QWidget)

from bpviz import i18n
from bpviz.lessons import Lesson, load_lessons

from .compare_window import show_compare
from .language import Retranslating
from .status_bar import SUCCESS, WARNING

START_PAGE_KEY = "start/dismissed"
CURRENT_KEY = "lessons/current"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Lessons", text)


def lesson_html(lesson: Lesson, lang: str) -> str:
    """The lesson's text, what to do and what to look for, as the pane shows them."""
    def para(text: str) -> str:
        return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))

    return (para(lesson.text("text", lang))
            + f"<h4>{html.escape(_tr('What to do'))}</h4>" + para(lesson.text("do", lang))
            + f"<h4>{html.escape(_tr('What to look for'))}</h4>" + para(lesson.text("look", lang)))


class LessonPane(Retranslating, QWidget):
    """One lesson at a time: its title and texts, Previous / Set up / Next."""

    previous_requested = Signal()
    next_requested = Signal()
    set_up_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lesson_pane")
        self.lesson: Lesson | None = None
        self.index, self.count = 0, 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.counter = QLabel()
        self.counter.setObjectName("lesson_counter")
        self.counter.setStyleSheet("color: #666")
        self.title = QLabel()
        self.title.setObjectName("lesson_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.body = QTextBrowser()
        self.body.setObjectName("lesson_text")
        self.body.setOpenLinks(False)
        self.body.setFocusPolicy(Qt.ClickFocus)  # Space and → keep driving the run
        buttons = QHBoxLayout()
        self.previous_button = QPushButton()
        self.previous_button.setObjectName("lesson_previous")
        self.set_up_button = QPushButton()
        self.set_up_button.setObjectName("lesson_set_up")
        self.next_button = QPushButton()
        self.next_button.setObjectName("lesson_next")
        for button, signal in ((self.previous_button, self.previous_requested),
                               (self.set_up_button, self.set_up_requested), (self.next_button, self.next_requested)):
            button.setFocusPolicy(Qt.NoFocus)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        self.set_up_button.setDefault(True)
        heading = QHBoxLayout()  # one row: the pane is short on a laptop screen
        heading.addWidget(self.title, 1)
        heading.addWidget(self.counter, 0, Qt.AlignTop | Qt.AlignRight)
        layout.addLayout(heading)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def show_lesson(self, lesson: Lesson, index: int, count: int) -> None:
        self.lesson, self.index, self.count = lesson, index, count
        self.retranslate()

    def retranslate(self) -> None:
        self.previous_button.setText(_tr("◀ Previous"))
        self.next_button.setText(_tr("Next ▶"))
        self.set_up_button.setText(_tr("Set up"))
        self.set_up_button.setToolTip(_tr("Stop the run and start this lesson's configuration at step 0"))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index + 1 < self.count)
        self.set_up_button.setEnabled(self.lesson is not None)
        if self.lesson is None:
            self.counter.clear()
            self.title.setText(_tr("No lessons"))
            self.body.clear()
            return
        lang = i18n.current_language()
        self.counter.setText(_tr("Lesson {n} of {count}").format(n=self.index + 1, count=self.count))
        self.title.setText(self.lesson.text("title", lang))
        self.body.setHtml(lesson_html(self.lesson, lang))


class StartPage(Retranslating, QFrame):
    """What a first launch shows in place of the plot: start the lessons, or explore the tutorial's run."""

    start_lessons = Signal()
    explore = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("start_page")
        self.setFrameShape(QFrame.StyledPanel)
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addStretch(1)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.RichText)
        self.text.setMaximumWidth(640)
        row = QHBoxLayout()
        self.lessons_button = QPushButton()
        self.lessons_button.setObjectName("start_lessons")
        self.explore_button = QPushButton()
        self.explore_button.setObjectName("start_explore")
        for button, signal in ((self.lessons_button, self.start_lessons), (self.explore_button, self.explore)):
            button.setFocusPolicy(Qt.NoFocus)  # Space still starts the run behind the page
            button.setMinimumHeight(36)
            button.clicked.connect(signal)
            row.addWidget(button)
        row.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666")
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.note)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_tr("Welcome to bpviz"))
        self.text.setText(_tr(
            "<p>bpviz runs the TensorFlow 1 backpropagation tutorial exactly — the same 32 points, the same 2-3-1 "
            "network, the same losses printed — and lets you watch every step of its training.</p>"
            "<p>The lessons walk through the tutorial in order: the loss function (mean squared error), the "
            "three ways of training (gradient descent, momentum, Adam), the learning rate, the code and the "
            "recipe of every network (prepare, forward, backward, iterate), then the course's cost/profit loss "
            "and learning-rate examples. Each lesson sets up its run with one click.</p>"))
        self.lessons_button.setText(_tr("Start the lessons"))
        self.explore_button.setText(_tr("Just explore the tutorial run"))
        self.note.setText(_tr("This page comes back from Lessons → Start page."))


class Lessons(QObject):
    """The lessons of one MainWindow: the Lessons menu, the lesson dock and the start page."""

    lesson_shown = Signal(int)
    set_up_done = Signal(int)

    def __init__(self, window, folder=None):
        super().__init__(window)
        self.window = window
        self.lessons, self.errors = load_lessons(folder)
        self.current = 0
        self.pane = LessonPane()
        self.pane.previous_requested.connect(lambda: self.show_lesson(self.current - 1))
        self.pane.next_requested.connect(lambda: self.show_lesson(self.current + 1))
        self.pane.set_up_requested.connect(lambda: self.set_up(self.current))
        self.dock = window.add_dock("lesson_dock", "", self.pane, Qt.RightDockWidgetArea)
        self.dock.setMinimumWidth(260)
        self.dock.hide()

        self.start_page = StartPage()
        self.start_page.hide()
        self.start_page.start_lessons.connect(self._start_lessons)
        self.start_page.explore.connect(self.dismiss_start_page)
        window.centralWidget().layout().addWidget(self.start_page, 1)
        # Space or Start behind the start page is a choice too: to explore the run, which needs the plot
        window.controller.mode_changed.connect(
            lambda mode: self.dismiss_start_page() if mode != "paused" and self.start_page.isVisible() else None)

        self.menu = QMenu(window)
        self.menu.setObjectName("lessons_menu")
        self.act_start_page = window.add_action("act_start_page", "", self.show_start_page)
        self.menu.addAction(self.act_start_page)
        self.menu.addAction(self.dock.toggleViewAction())
        self.menu.addSeparator()
        group = QActionGroup(self)
        self.lesson_actions: list[QAction] = []
        for k, _lesson in enumerate(self.lessons):
            action = QAction(self.menu)
            action.setObjectName(f"act_lesson_{k + 1}")
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, k=k: self.open_lesson(k))
            group.addAction(action)
            self.menu.addAction(action)
            self.lesson_actions.append(action)
        self.error_actions = []
        for error in self.errors:  # a damaged lesson file: said where the lesson would be, the rest still work
            action = self.menu.addAction("")
            action.setEnabled(False)
            action.setData(error)
            self.error_actions.append(action)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        window.help_menu.addSeparator()
        window.help_menu.addAction(self.act_start_page)
        if self.lessons:
            self.show_lesson(self._remembered())
        self.retranslate()

    def retranslate(self) -> None:
        """The menu's texts in the current language; the pane and the start page retranslate themselves."""
        lang = i18n.current_language()
        self.menu.setTitle(_tr("L&essons"))
        self.act_start_page.setText(_tr("&Start page"))
        tip = _tr("The page of the first launch: start the lessons, or just explore the tutorial run")
        self.act_start_page.setToolTip(tip)
        self.act_start_page.setStatusTip(tip)
        self.dock.setWindowTitle(_tr("Lesson"))
        for k, (action, lesson) in enumerate(zip(self.lesson_actions, self.lessons), 1):
            action.setText(f"{'&' if k < 10 else ''}{k}  {lesson.text('title', lang)}")
            tip = _tr("Lesson {k}: show its text and set up its run at step 0").format(k=k)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        for action in self.error_actions:
            action.setText(_tr("Could not read a lesson: {error}").format(error=action.data()))

    def _remembered(self) -> int:
        name = self.window.settings.q.value(CURRENT_KEY)
        return next((k for k, lesson in enumerate(self.lessons) if lesson.name == name), 0)

    # -- lessons --------------------------------------------------------------------------------------
    def show_lesson(self, k: int) -> None:
        """Lesson `k` in the pane (nothing is set up)."""
        if not 0 <= k < len(self.lessons):
            return
        self.current = k
        self.window.settings.q.setValue(CURRENT_KEY, self.lessons[k].name)  # the next launch opens it again
        self.pane.show_lesson(self.lessons[k], k, len(self.lessons))
        self.lesson_actions[k].setChecked(True)
        self.lesson_shown.emit(k)

    def open_lesson(self, k: int) -> None:
        """From the menu: the lesson in the pane, and its run set up."""
        self.show_lesson(k)
        self.show_pane()
        self.set_up(k)

    def show_pane(self) -> None:
        """The lesson dock, shown where the current workspace has room for it: above the weights (Train), in
        a tab beside the network (Inspect, whose step inspector and code the lessons there are about)."""
        window, dock = self.window, self.dock
        if not dock.isFloating():
            if window.workspaces.current == "inspect":
                window.tabifyDockWidget(window.inspection.network_dock, dock)
            elif window.weights_dock.isVisible():
                window.splitDockWidget(dock, window.weights_dock, Qt.Vertical)
                height = window.weights_dock.height() + dock.height()
                window.resizeDocks([dock, window.weights_dock], [int(height * 0.65), int(height * 0.35)],
                                   Qt.Vertical)
        dock.show()
        dock.raise_()

    def set_up(self, k: int) -> bool:
        """Lesson `k`'s configuration as the run (or in Compare), its workspace shown."""
        if not 0 <= k < len(self.lessons):
            return False
        lesson, window = self.lessons[k], self.window
        title = lesson.text("title", i18n.current_language())
        if lesson.view == "compare":
            compare = show_compare(window, lesson.config)
            ok = compare.set_up(lesson.config, lesson.compare)
            if ok:
                window.status.set_message(_tr("Lesson “{title}” is set up in the Compare window").format(
                    title=title), SUCCESS)
        else:
            window.workspaces.switch(lesson.view)
            self.show_pane()  # a workspace's saved layout may have had the lesson closed
            ok = window.files.use_config(lesson.config)
            if ok:
                window.status.set_message(_tr("Lesson “{title}” is set up — step 0, paused").format(title=title),
                                          SUCCESS)
        if not ok:
            window.status.set_message(_tr("Lesson “{title}” could not be set up").format(title=title), WARNING)
        else:
            self.set_up_done.emit(k)
        return ok

    # -- start page -----------------------------------------------------------------------------------
    def start_page_dismissed(self) -> bool:
        value = self.window.settings.q.value(START_PAGE_KEY, False)
        return value in (True, "true", "1", 1)

    def show_start_page_on_first_launch(self) -> bool:
        """The start page, unless it was dismissed before (at an earlier launch); whether it is shown."""
        if self.start_page_dismissed():
            return False
        self.show_start_page()
        return True

    def show_start_page(self) -> None:
        self.window.boundary.hide()
        self.start_page.show()

    def dismiss_start_page(self) -> None:
        """Back to the plot; the start page is not shown at launch again."""
        self.start_page.hide()
        self.window.boundary.show()
        self.window.settings.q.setValue(START_PAGE_KEY, True)
        self.window.boundary.setFocus(Qt.OtherFocusReason)

    def _start_lessons(self) -> None:
        self.dismiss_start_page()
        if self.lessons:
            self.open_lesson(0)
