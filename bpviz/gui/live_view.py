"""The live views of the main window: the decision boundary, the loss curve and the weight heatmaps,
redrawn from the training worker's snapshots.

The snapshot is taken at display rate (`DISPLAY_INTERVAL_MS`, stretched by `FrameGovernor` while
training runs flat out), and a view is redrawn only when its data changed.  On every tick the
panel and the title are also brought to the run's effective configuration, and the status bar
to the run's progress (`StatusReporter`).
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Slot

from bpviz.engine.config import RunConfig
from bpviz.engine.datasets import train_count
from bpviz.engine.features import SYMBOLS as FEATURE_SYMBOLS
from bpviz.engine.features import is_identity

from .display import DISPLAY_INTERVAL_MS, FrameGovernor, ThrottledUpdate, cache_axes
from .truth import true_boundary_field
from .worker_protocol import PAUSED, Snapshot

BOUNDARY_RESOLUTION = 100
# s: the loss curve is drawn every frame; the plane and the numbers change slowly once training is under way,
# and redrawing them at every frame cost more than the curve itself (per-view CPU while training flat out: the
# plane ~6 ms to update and paint, the heatmaps ~3, the fit ~2): at 10, 7 and 5 Hz they still look live, and
# take ~3 ms of a 30 Hz frame between them.  A step taken by hand is shown at once (the interval has passed).
BOUNDARY_INTERVAL = 0.1
WEIGHTS_INTERVAL = 0.15
FIT_INTERVAL = 0.2
# shares of the time their own updates may take: a big network's heatmaps (64 numbers rewritten, six plots
# repainted, ~20 ms in all for --hidden 8,8) then come ~5 times a second and its plane (~6 ms to predict 10,000
# points and contour them) ~7 times; the tutorial's, which cost ~1-2 ms, keep the intervals above
WEIGHTS_BUDGET = 0.05
BOUNDARY_BUDGET = 0.04


class LiveView(QObject):
    """Draws the latest snapshot into the window's views (see the module docstring)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.boundary = window.boundary
        self.loss_plot = window.loss_plot
        self.weights_panel = window.weights_panel
        self.snapshot: Snapshot | None = None
        self.frames = 0  # display updates completed: every view that wanted it redrawn (for the benchmark)
        self._generation = -1
        self._dataset = None
        self._grid: np.ndarray | None = None
        self._shown_params: np.ndarray | None = None
        self._fit_params: np.ndarray | None = None  # the weights the fit dock shows the outputs of
        self._rendered_config: RunConfig | None = None
        self.updates = {
            "loss": ThrottledUpdate(self._draw_loss, shown=lambda: _can_be_seen(self.loss_plot)),
            "weights": ThrottledUpdate(self._draw_weights, min_interval=WEIGHTS_INTERVAL, budget=WEIGHTS_BUDGET,
                                       shown=lambda: _can_be_seen(self.weights_panel)),
            "boundary": ThrottledUpdate(self._draw_boundary, min_interval=BOUNDARY_INTERVAL, budget=BOUNDARY_BUDGET,
                                        shown=lambda: _can_be_seen(self.boundary)),
            "fit": ThrottledUpdate(self._draw_fit, min_interval=FIT_INTERVAL,
                                   shown=lambda: self.window.fit_dock.isVisible()),
        }
        self._governor = FrameGovernor()
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.setInterval(DISPLAY_INTERVAL_MS)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._timer.start()
        self.tick()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()

    @Slot()
    def tick(self) -> None:
        snap = self.controller.take_snapshot()
        now = time.perf_counter()
        status = self.window.status_reporter
        if snap is not None:
            if snap.generation != self._generation:
                self._new_trainer(snap)
            self.snapshot = snap
            status.snapshot_arrived(snap)
            self.updates["loss"].mark()
            self.updates["fit"].mark()  # its caption names the step (new weights or not: see _draw_fit)
            if self._shown_params is None or not np.array_equal(snap.params, self._shown_params):
                self.updates["weights"].mark()
                self.updates["boundary"].mark()
            elif snap.last_batch is not None and not np.array_equal(snap.last_batch, self.boundary.batch_indices()):
                self.updates["boundary"].mark()
        self._render_config()
        snap = self.snapshot
        if snap is None:
            return
        status.show_progress_if_due(snap, now)
        self._draw_next_view(now)
        interval = self._governor.interval(self.frames, snap.mode != PAUSED and self.window.speed.speed() is None)
        if interval != self._timer.interval():
            self._timer.setInterval(interval)

    def _draw_next_view(self, now: float) -> None:
        """Update (and so repaint) one due view, the one waiting longest, and come back for the next in a
        later pass of the event loop: keys and clicks are handled between two views, and no pass of the
        loop holds it for a whole frame."""
        due = [u for u in self.updates.values() if u.due(now)]
        if not due or self.snapshot is None or self._stopped:
            return
        update = min(due, key=lambda u: u.last_run)
        update.run(self.snapshot)
        update.last_run = now
        if len(due) > 1:
            QTimer.singleShot(0, self, lambda: self._draw_next_view(now))
        else:
            self.frames += 1  # every view that wanted it shows the latest snapshot

    def retranslate(self) -> None:
        """The plots' own texts in the current language (View → Language switches live)."""
        if self._stopped:  # a closed window still hears a language change; its plots' items are gone
            return
        dataset = self._dataset
        true_label = self.tr("true boundary {equation}").format(equation=dataset.true_boundary) \
            if dataset is not None and dataset.true_boundary else None
        self.boundary.retranslate(true_label)
        self.window.loss_panel.retranslate()
        self.weights_panel.retranslate()

    def redraw_now(self) -> None:
        """Bring every view up to the latest snapshot now (tests, exports)."""
        self.tick()
        if self.snapshot is not None:
            for update in self.updates.values():
                if update.pending:
                    update.run(self.snapshot)

    def _render_config(self) -> None:
        """Panel and title show the run's effective configuration (a live rate change, an opened session,
        a rewind across a rate change), and nothing else."""
        config = self.controller.config
        if config is self._rendered_config:
            return
        self._rendered_config = config
        panel = self.window.panel
        if config != panel.config():
            panel.set_config(config)
        self.window.update_title()

    def _new_trainer(self, snap: Snapshot) -> None:
        self._generation = snap.generation
        self.window.status_reporter.new_run()
        self._shown_params = self._fit_params = None
        dataset = snap.dataset
        test_from = train_count(len(dataset.X), snap.config.data.test_ratio)
        if not _same_data(dataset, self._dataset):  # a reset keeps the data (and the user's zoom)
            self._dataset = dataset
            self.boundary.set_domain(dataset.domain, resolution=BOUNDARY_RESOLUTION)
            self._grid = np.ascontiguousarray(self.boundary.grid_points(), dtype=np.float32)
            targets = dataset.Y64 if dataset.is_regression else dataset.Y
            self.boundary.set_kind(dataset.n_classes, (float(targets.min()), float(targets.max())))
            self.boundary.set_data(dataset.X64, targets[:, 0], test_from=test_from)
            truth = true_boundary_field(dataset, self._grid)
            label = self.tr("true boundary {equation}").format(equation=dataset.true_boundary) \
                if dataset.true_boundary else ""
            self.boundary.set_true_boundary(truth, label=label)
            self.window.fit_panel.set_data(dataset.n_classes, targets[:, 0], test_from)
        elif test_from != self.boundary.test_from():  # the same points, another test split
            targets = dataset.Y64 if dataset.is_regression else dataset.Y
            self.boundary.set_data(dataset.X64, targets[:, 0], test_from=test_from)
            self.window.fit_panel.set_data(dataset.n_classes, targets[:, 0], test_from)
        self.loss_plot.clear_history()
        features = snap.config.model.features
        # the weight rows name the inputs when they are more than the point's coordinates
        self.weights_panel.set_input_names(None if is_identity(features) or len(snap.sizes) < 2
                                           or snap.sizes[0] != len(features)
                                           else [FEATURE_SYMBOLS.get(f, f) for f in features])

    def _draw_loss(self, snap: Snapshot) -> None:
        self.loss_plot.set_history(snap.batch_losses[: snap.step], snap.logged_steps, snap.logged_losses,
                                   snap.logged_test_losses)
        self.loss_plot.set_accuracy(snap.logged_steps, snap.logged_accuracy, snap.logged_test_accuracy)

    def _draw_weights(self, snap: Snapshot) -> None:
        names = self.weights_panel.names()
        self.weights_panel.set_weights(snap.weights)
        if self.weights_panel.names() != names:
            cache_axes(self.weights_panel)

    def _draw_boundary(self, snap: Snapshot) -> None:
        with np.errstate(all="ignore"):  # huge weights just before a divergence: inf/NaN are drawn as holes
            out = snap.predict(self._grid)
        out = np.asarray(out, dtype=np.float32)
        self.boundary.set_output(out if out.ndim == 2 and out.shape[1] > 1 else out.reshape(-1))
        self.boundary.set_batch(snap.last_batch if snap.last_batch is not None else np.empty(0, np.int64))
        self._shown_params = snap.params

    def _draw_fit(self, snap: Snapshot) -> None:
        if not self.window.fit_dock.isVisible():  # a forward pass over every point for nobody: it waits
            self.updates["fit"].mark()
            return
        panel = self.window.fit_panel
        if self._fit_params is not None and np.array_equal(snap.params, self._fit_params):
            panel.set_step(snap.step)  # the same weights: the same fit, as of a later step
            return
        with np.errstate(all="ignore"):
            out = np.asarray(snap.predict(snap.dataset.X))
        panel.set_outputs(out, snap.step)
        self._fit_params = snap.params

    @Slot(int)
    def show_sample(self, index: int) -> None:
        """Clicking a point shows what the network makes of it."""
        snap = self.snapshot
        if snap is None:
            return
        self.boundary.highlight_sample(index)
        dataset = snap.dataset
        x = dataset.X[index]
        with np.errstate(all="ignore"):
            out = np.asarray(snap.predict(x[None, :])).ravel()
        target = f"{dataset.Y64[index, 0]:.4f}" if dataset.is_regression else str(int(dataset.Y[index, 0]))
        self.window.status.set_message(
            self.tr("Sample {i}: x0 = {x0}, x1 = {x1}, label {label}, output {out} (step {step})").format(
                i=index, x0=f"{x[0]:.4f}", x1=f"{x[1]:.4f}", label=target, out=", ".join(f"{v:.4f}" for v in out),
                step=f"{snap.step:,}"))


def _can_be_seen(view) -> bool:
    """False for a view in a closed or tabbed-away dock of a shown window (a window never shown, e.g. in a
    test, draws everything)."""
    return view.isVisible() or not view.window().isVisible()


def _same_data(a, b) -> bool:
    return (a is not None and b is not None and a.name == b.name and a.domain == b.domain
            and np.array_equal(a.X64, b.X64) and np.array_equal(a.Y, b.Y))
