"""Insights under the plots' banner: short notes computed from the run (bpviz.engine.insights), each with its
numbers, an optional one-click fix, and a ✕.

A note is shown once per run and key: dismissed, it stays away until what it is about changes (another
loss, another rate, another period); a new run (reset, new configuration) starts the list afresh, dismissed
notes excepted.  The engine decides which insights hold; this module words them (translated) and offers
their fixes to the window.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QToolButton, QVBoxLayout,
                               QWidget)

from bpviz.engine import insights as engine
from bpviz.engine.insights import Insight, RunState

from .language import Retranslating
from .worker_protocol import PAUSED

POLL_MS = 1000  # insights change slowly: once a second (a poll with its relayout costs ~2.5 ms)


def _line(coefficients: dict, threshold: float) -> str:
    """"0.876·x0 − 0.034·x1 = 0.5": a formula, the same in every language."""
    terms = []
    for name, value in coefficients.items():
        sign = "−" if value < 0 else "+"
        terms.append((sign, f"{abs(value):.3f}·{name}"))
    text = ("−" if terms[0][0] == "−" else "") + terms[0][1]
    text += "".join(f" {sign} {term}" for sign, term in terms[1:])
    return f"{text} = {threshold:g}"


class _WrappedLabel(QLabel):
    """Wrapped text that asks for the height it needs at the width it gets (the central column gives a
    wrapped label the height of its width hint otherwise, and cuts the last line)."""

    height_changed = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
            self.height_changed.emit()


class _Row(QFrame):
    dismissed = Signal()
    acted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        self.label = _WrappedLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.RichText)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.button = QPushButton()
        self.button.setFocusPolicy(Qt.NoFocus)  # Space and → keep driving the run
        self.button.clicked.connect(self.acted)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.NoFocus)
        self.close_button.clicked.connect(self.dismissed)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignTop)

    def set_text(self, text: str) -> None:
        if self.label.text() != text:
            self.label.setText(text)
            self.label.fit()


class InsightBar(Retranslating, QFrame):
    """The notes; `action_requested(insight)` when a note's fix is clicked."""

    action_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("insight_bar")
        self.setStyleSheet("#insight_bar { background: #eef4fb; border: 1px solid #c9daf0; border-radius: 3px; }"
                           "#insight_bar QLabel { color: #1d3557; }")
        # the notes scroll when they would take more than a third of the plots' column (a narrow column in
        # the Inspect workspace wraps them into many lines)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._scroll.setStyleSheet("QScrollArea, #insight_rows { background: transparent; }")
        inner = QWidget()
        inner.setObjectName("insight_rows")
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._scroll.setWidget(inner)
        self._scroll.viewport().setAutoFillBackground(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)
        outer.addWidget(self._scroll)
        self._rows: dict[str, tuple[_Row, Insight]] = {}  # kind -> its row and the insight it shows
        self._dismissed: set[tuple[str, tuple]] = set()
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit)
        self.hide()

    def _fit(self) -> None:
        """As tall as the notes, at most a third of the column."""
        column = self.parentWidget()
        cap = max(60, column.height() // 3) if column is not None else 200
        needed = self._layout.minimumSize().height()
        self._scroll.setFixedHeight(max(1, min(needed, cap)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_timer.start(0)

    # -- public ------------------------------------------------------------------------------------
    def show_insights(self, found: list[Insight]) -> None:
        """Show these insights of the current run: new ones added, shown ones updated with the new numbers.
        A shown note stays for the run even when its condition fades for a while, except a suggested fix
        that no longer applies (a stalled loss that moves again)."""
        kinds = {i.kind for i in found}
        for kind in [k for k in self._rows if k == engine.SLOW and k not in kinds]:
            self._remove(kind)
        for insight in found:
            if (insight.kind, insight.key) in self._dismissed:
                if insight.kind in self._rows:
                    self._remove(insight.kind)
                continue
            row = self._rows.get(insight.kind, (None, None))[0]
            if row is None:
                row = _Row()
                row.setObjectName(f"insight_{insight.kind}")
                row.label.height_changed.connect(lambda: self._fit_timer.start(0))
                row.dismissed.connect(lambda kind=insight.kind: self.dismiss(kind))
                row.acted.connect(lambda kind=insight.kind: self._act(kind))
                self._layout.addWidget(row)
            self._rows[insight.kind] = (row, insight)
            self._render(row, insight)
        self.setVisible(bool(self._rows))
        self._fit_timer.start(0)

    def new_run(self) -> None:
        """Another run: its insights are found afresh (what was dismissed stays dismissed)."""
        for kind in list(self._rows):
            self._remove(kind)
        self.hide()

    def dismiss(self, kind: str) -> None:
        if kind in self._rows:
            self._dismissed.add((kind, self._rows[kind][1].key))
            self._remove(kind)
        self.setVisible(bool(self._rows))

    def kinds(self) -> list[str]:
        return list(self._rows)

    def text(self, kind: str) -> str:
        """The note as it reads (plain text)."""
        return QTextDocumentFragment.fromHtml(self._rows[kind][0].label.text()).toPlainText() \
            if kind in self._rows else ""

    def row(self, kind: str) -> _Row | None:
        return self._rows.get(kind, (None, None))[0]

    def retranslate(self) -> None:
        for row, insight in self._rows.values():
            self._render(row, insight)

    # -- internals -----------------------------------------------------------------------------------
    def _remove(self, kind: str) -> None:
        row, _insight = self._rows.pop(kind)
        self._layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._fit_timer.start(0)

    def _act(self, kind: str) -> None:
        if kind in self._rows:
            insight = self._rows[kind][1]
            self._remove(kind)
            self.setVisible(bool(self._rows))
            self.action_requested.emit(insight)

    def _render(self, row: _Row, insight: Insight) -> None:
        text, action = self._texts(insight)
        row.set_text(text)
        row.button.setVisible(action is not None)
        row.button.setText(action or "")
        if insight.action == engine.ADD_BIAS:
            row.button.setToolTip(self.tr("Switch on “Biases” (b1 = tf.Variable(tf.zeros(…)) in every layer) "
                                          "and start the run again"))
        elif insight.action == engine.ADD_ACTIVATION:
            row.button.setToolTip(self.tr("Set the activation to tanh (tf.nn.tanh) and switch on biases, with a "
                                          "hidden layer of 8 if there is none, and start the run again"))
        elif insight.action == engine.RAISE_LR:
            row.button.setToolTip(self.tr("Set the learning rate to {lr} from the next step on, without a "
                                          "reset").format(lr=f"{insight.values['bigger']:g}"))
        row.close_button.setToolTip(self.tr("Dismiss: not shown again for this run"))

    def _texts(self, insight: Insight) -> tuple[str, str | None]:
        v = insight.values
        if insight.kind == engine.LINEAR_ORIGIN:
            line = _line(v["coefficients"], v["threshold"])
            output = _line(v["coefficients"], 0).rsplit(" = ", 1)[0]
            if v["loss"] == "mse":
                text = self.tr(
                    "<b>This boundary can never match {truth}:</b> without activation and biases the network "
                    "computes y = {output}, which is 0 at the origin, so its 0.5-boundary <b>{line}</b> always "
                    "leaves the origin on the 0 side, but the data labels it 1 ({rule}).")
            else:
                text = self.tr(
                    "<b>This boundary can never match {truth}:</b> without activation and biases the network "
                    "computes the logit y = {output}, so its boundary (y = 0, probability 0.5) <b>{line}</b> "
                    "always passes through the origin, and {truth} does not.")
            text = text.format(truth=html.escape(v["truth"]), output=output, line=line,
                               rule=html.escape(QCoreApplication.translate("datasets", v["rule"])))
            return text, self.tr("Add biases")
        if insight.kind == engine.LINEAR_CURVE:
            return self.tr(
                "<b>A straight line cannot match {truth}:</b> without an activation the network's output is linear "
                "in x0 and x1, so its boundary is a straight line, biases or not; the data's boundary is a curve "
                "({rule}). A hidden layer with an activation such as tanh can bend it.").format(
                truth=html.escape(v["truth"]), rule=html.escape(QCoreApplication.translate("datasets", v["rule"]))), \
                self.tr("Use tanh and biases")
        if insight.kind == engine.PERIODIC:
            return self.tr(
                "<b>The batch loss repeats every {period} steps:</b> the {n} training points make the same "
                "{period} batches of {size}, in the same order every time; samples #{wf}–#{wl} cost {high}, "
                "samples #{bf}–#{bl} only {low}. The loss on all data (a dot every {log} steps) shows the trend."
            ).format(
                period=v["period"], n=v["n"], size=v["batch_size"], wf=v["worst_rows"][0], wl=v["worst_rows"][1],
                bf=v["best_rows"][0], bl=v["best_rows"][1], high=f"{v['high']:.4g}", low=f"{v['low']:.4g}",
                log=v["log_every"]), None
        if insight.kind == engine.SLOW:
            text = self.tr(
                "<b>The loss has nearly stopped falling:</b> {before} at step {a}, {after} at step {b}: "
                "{percent}% less, under 0.1% per 500 steps at learning rate {lr}. A larger learning rate or Adam "
                "may go further, unless this is as low as this network can go.") if v["optimizer"] != "adam" else \
                self.tr(
                "<b>The loss has nearly stopped falling:</b> {before} at step {a}, {after} at step {b}: "
                "{percent}% less, under 0.1% per 500 steps at learning rate {lr}. A larger learning rate may go "
                "further, unless this is as low as this network can go.")
            return text.format(before=f"{v['from_loss']:.6g}", after=f"{v['to_loss']:.6g}", a=f"{v['from_step']:,}",
                     b=f"{v['to_step']:,}", percent=f"{v['percent']:.3g}", lr=f"{v['lr']:g}"), \
                self.tr("Use learning rate {lr}").format(lr=f"{v['bigger']:g}")
        raise ValueError(f"unknown insight {insight.kind!r}")


class InsightWatcher(QObject):
    """Finds the run's insights twice a second from the latest snapshot and shows them in the bar."""

    def __init__(self, window, bar: InsightBar):
        super().__init__(window)
        self.window = window
        self.bar = bar
        self.controller = window.controller
        self._seen: tuple[int, int] | None = None  # (generation, step) last looked at
        self.diverged = False
        self.controller.trainer_replaced.connect(self._on_new_run)
        self.controller.diverged.connect(self._on_diverged)
        self.controller.mode_changed.connect(self._on_mode_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    @Slot()
    def poll(self) -> None:
        snap = self.controller.latest_snapshot()
        if snap is None or (snap.generation, snap.step) == self._seen:
            return
        if self._seen is not None and snap.generation != self._seen[0]:
            self._on_new_run()
        self._seen = (snap.generation, snap.step)
        if self.diverged:
            return  # the banner says what matters now
        run = RunState(snap.config, snap.dataset, snap.weights, snap.batch_losses[: snap.step], snap.logged_steps,
                       snap.logged_losses, snap.lr)
        self.bar.show_insights(engine.detect(run))

    def _on_new_run(self, *_args) -> None:
        self.diverged = False
        self.bar.new_run()

    def _on_mode_changed(self, mode: str) -> None:
        if mode != PAUSED:  # going on after a divergence, with a smaller rate
            self.diverged = False

    def _on_diverged(self, *_args) -> None:
        self.diverged = True
        self.bar.new_run()


def install(window) -> InsightBar:
    """The bar under the window's banner, its watcher, and its fixes applied as the panel would."""
    bar = InsightBar()
    layout = window.centralWidget().layout()
    layout.insertWidget(layout.indexOf(window.banner) + 1, bar)
    window.insight_watcher = InsightWatcher(window, bar)

    def act(insight: Insight) -> None:
        config = window.controller.config
        if insight.action == engine.ADD_BIAS:
            config = config.replace(bias=True)
        elif insight.action == engine.ADD_ACTIVATION:
            config = config.replace(activation="tanh", bias=True, hidden=config.model.hidden or [8])
        elif insight.action == engine.RAISE_LR:
            config = config.replace(lr=insight.values["bigger"])
        else:
            return
        if window.apply_config(config) is not None:
            window.panel.set_config(config)

    bar.action_requested.connect(act)
    return bar
