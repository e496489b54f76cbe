"""The step inspector: one recorded update, phase by phase, with the engine's own numbers.

forward → loss → backward: layer L → … → backward: layer 1 → update.  Every number shown comes from
the `UpdateRecord` (the trainer's buffers); the only arithmetic done here is what a student would do with
a calculator to follow a formula (sums for a mean, y − y_, an activation's derivative, Adam's step), and
the result it leads to is always the recorded one.
"""
from __future__ import annotations

import html
from types import SimpleNamespace

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSizePolicy, QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from bpviz.engine.activations import ACTIVATIONS
from bpviz.engine.losses import LOSSES
from bpviz.engine.step_record import UpdateRecord
from bpviz.engine.optimizers import OPTIMIZERS, Example, Formatter

from ..language import Retranslating
from ._common import (MatrixBlock, MatrixTable, cell, exact, hline, index_text, layer_symbol, lead,
                      mono_font, node_names, operator_label, signed)

FORWARD, LOSS, BACKWARD, UPDATE = "forward", "loss", "backward", "update"


def _tr(text: str) -> str:
    """A text of an optimizer module, translated (context "optimizers")."""
    return QCoreApplication.translate("optimizers", text)


def _dataset_text(text: str) -> str:
    """A dataset's label rule, translated (context "datasets")."""
    return QCoreApplication.translate("datasets", text)


def _activation_text(text: str) -> str:
    """An activation's name, translated (context "settings")."""
    return QCoreApplication.translate("settings", text)


def backward_phase(layer: int) -> str:
    return f"{BACKWARD}: layer {layer}"


def split_phase(name: str) -> tuple[str, int]:
    """'backward: layer 2' -> ('backward', 2); other phases -> (name, 0)."""
    if name.startswith(BACKWARD):
        return BACKWARD, int(name.rsplit(" ", 1)[1])
    return name, 0


def phase_names(n_layers: int) -> list[str]:
    return [FORWARD, LOSS, *(backward_phase(k) for k in range(n_layers, 0, -1)), UPDATE]


class _Context:
    """What a page needs besides the record: names of things, the run's loss settings and its data's rule."""

    def __init__(self, rec: UpdateRecord, loss: str, l1: float, l2: float, cost: float = 1.0, profit: float = 9.0,
                 labels: str | None = None, regression: bool = False):
        self.rec = rec
        self.loss = loss
        self.l1, self.l2 = l1, l2
        self.cost, self.profit = cost, profit
        self.labels = labels  # the data's label rule in English (datasets.LABEL_RULES), None if unknown
        self.regression = regression
        self.summed = LOSSES[loss].summed  # cost-profit: reduce_sum over the batch, not reduce_mean
        self.n_layers = len(rec.layers)
        first = rec.layers[0]
        self.sizes = [first.inputs.shape[1]] + [layer.z.shape[1] for layer in rec.layers]
        self.nodes = node_names(self.sizes)
        self.rows = [f"#{int(i)}" for i in rec.rows]
        self.n = len(rec.rows)
        self.dtype = first.z.dtype
        self.has_bias = first.grad_b is not None

    def sym(self, k: int) -> str:
        return layer_symbol(k, self.n_layers)

    def grad(self, name: str) -> np.ndarray:
        layer = self.rec.layers[int(name[1:]) - 1]
        return layer.grad_w if name[0] == "w" else layer.grad_b

    def x(self, value) -> str:
        return exact(value, self.dtype)


def _structure(rec: UpdateRecord, loss: str, l1: float, l2: float) -> tuple:
    return (tuple(layer.grad_w.shape for layer in rec.layers), tuple(layer.activation for layer in rec.layers),
            rec.layers[0].grad_b is not None, rec.optimizer, tuple(rec.slots_after), bool(rec.hyper.get("nesterov")),
            loss, bool(l1 or l2))


class _Prose(QLabel):
    """Wrapped rich text whose width is capped (see _Page.resizeEvent); the layout must be told the height
    at the capped width, or it squeezes the widgets below."""

    def heightForWidth(self, width: int) -> int:
        return super().heightForWidth(min(width, self.maximumWidth()))


class _Page(QScrollArea):
    """A scrollable column of sections; subclasses fill `self.body` once and update in `show_record`."""

    def __init__(self):
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(8, 8, 8, 8)
        self.body.setSpacing(6)
        self.setWidget(inner)
        self.tables: dict[str, MatrixTable] = {}
        self.blocks: dict[str, MatrixBlock] = {}
        self.texts: dict[str, QLabel] = {}
        self._wrapped: list[QLabel] = []

    def heading(self, text: str) -> QLabel:
        label = _Prose(text)
        label.setTextFormat(Qt.RichText)
        label.setWordWrap(True)
        self._wrapped.append(label)
        self.body.addWidget(label)
        return label

    def resizeEvent(self, event) -> None:
        # wide tables make the page scroll sideways; keep the prose wrapped to what is visible
        width = max(200, self.viewport().width() - 16)
        for label in self._wrapped:
            label.setMaximumWidth(width)
        super().resizeEvent(event)

    def formula(self, key: str) -> QLabel:
        label = QLabel()
        label.setFont(mono_font())
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        label.setStyleSheet("QLabel { background: #f6f6f2; border: 1px solid #ddd; }")
        label.setContentsMargins(6, 6, 6, 6)  # (a stylesheet padding is left out of the size hint)
        label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.texts[key] = label  # not wrapped: a formula broken mid-way is harder to read than a scroll
        self.body.addWidget(label)
        return label

    def row(self, *parts) -> list[QLabel]:
        """A row of MatrixBlocks (given as (key, caption)) and operator strings; returns the operators."""
        box = QHBoxLayout()
        box.setSpacing(4)
        operators = []
        for part in parts:
            if isinstance(part, str):
                operators.append(operator_label(part))
                box.addWidget(operators[-1], 0, Qt.AlignVCenter)
            else:
                key, caption = part
                block = MatrixBlock(caption)
                self.tables[key] = block.table
                self.blocks[key] = block
                box.addWidget(block, 0, Qt.AlignTop)
        box.addStretch(1)
        self.body.addLayout(box)
        return operators

    def put(self, key: str, array, rows=None, cols=None) -> None:
        self.tables[key].set_matrix(array, rows, cols)

    def caption(self, key: str, text: str) -> None:
        self.blocks[key].set_caption(text)

    def finish(self) -> None:
        self.body.addStretch(1)

    def show_record(self, ctx: _Context) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class _ForwardPage(_Page):
    def __init__(self, ctx: _Context):
        super().__init__()
        self.headings = []
        for k, layer in enumerate(ctx.rec.layers, 1):
            if k > 1:
                self.body.addWidget(hline())
            self.headings.append(self.heading(""))
            parts = [(f"input{k}", ""), "·", (f"w{k}", "")]
            if ctx.has_bias:
                parts += ["+", (f"b{k}", "")]
            parts += ["=", (f"z{k}", "")]
            if layer.activation != "linear":
                parts += ["→", (f"a{k}", "")]
            self.row(*parts)
        self.finish()

    def show_record(self, ctx: _Context) -> None:
        rec, L = ctx.rec, ctx.n_layers
        for k, layer in enumerate(rec.layers, 1):
            inp, out = ctx.sym(k - 1), ctx.sym(k)
            role = self.tr("output layer") if k == L else self.tr("hidden layer")
            bias = f" + b{k}" if ctx.has_bias else ""
            if layer.activation == "linear":
                rule = f"{out} = {inp} · w{k}{bias}"
                act_note = self.tr("linear: no activation, so {out} = z{k}").format(out=out, k=k)
            else:
                rule = f"{out} = {layer.activation}({inp} · w{k}{bias})"
                act_note = self.tr("activation {act} applied to each entry").format(act=layer.activation)
            self.headings[k - 1].setText(
                self.tr("<b>Layer {k} of {n}</b> ({role}): <b>{rule}</b> &nbsp;—&nbsp; {note}. "
                        "One row per sample of the batch, one column per neuron.").format(
                    k=k, n=L, role=role, rule=rule, note=act_note))
            self.caption(f"input{k}", self.tr("{sym} (input)").format(sym=inp) if k == 1 else
                         self.tr("{sym} (from layer {k})").format(sym=inp, k=k - 1))
            self.put(f"input{k}", layer.inputs, ctx.rows, ctx.nodes[k - 1])
            self.caption(f"w{k}", self.tr("w{k} (weights)").format(k=k))
            self.put(f"w{k}", rec.before[f"w{k}"], ctx.nodes[k - 1], ctx.nodes[k])
            if ctx.has_bias:
                self.caption(f"b{k}", self.tr("b{k} (bias)").format(k=k))
                self.put(f"b{k}", rec.before[f"b{k}"], [""], ctx.nodes[k])
            if layer.activation == "linear":
                self.caption(f"z{k}", f"{out} = z{k} = {inp} · w{k}{bias}")
            else:
                self.caption(f"z{k}", f"z{k} = {inp} · w{k}{bias}")
                self.caption(f"a{k}", f"{out} = {layer.activation}(z{k})")
                self.put(f"a{k}", layer.a, ctx.rows, ctx.nodes[k])
            self.put(f"z{k}", layer.z, ctx.rows, ctx.nodes[k])


class _LossPage(_Page):
    def __init__(self, ctx: _Context):
        super().__init__()
        self.intro = self.heading("")
        self.row(("loss", ""))
        self.formula("mean")
        self.finish()

    def show_record(self, ctx: _Context) -> None:
        rec = ctx.rec
        y = rec.layers[-1].a
        t = rec.y_true
        per = rec.sample_losses.reshape(-1)
        target = self.tr("y_ (target)") if ctx.regression else self.tr("y_ (label)")
        term = self.tr("loss term")
        if ctx.loss == "mse":
            self.intro.setText(self.tr(
                "<b>Mean squared error</b>, as in the tutorial: <tt>loss = tf.reduce_mean(tf.square(y - y_))</tt>. "
                "Each sample's error y − y_ is squared, then the {n} squares are averaged."
            ).format(n=ctx.n))
            columns = [self.tr("y (prediction)"), target, "y − y_", "(y − y_)²"]
            table = np.column_stack([y[:, 0], t[:, 0], y[:, 0] - t[:, 0], per])
            term = "(y − y_)²"
        elif ctx.loss == "cost-profit":
            self.intro.setText(self.tr(
                "<b>Cost / profit</b>, the course's sales loss: <tt>loss = tf.reduce_sum(tf.where(tf.greater(y, y_), "
                "COST*(y - y_), PROFIT*(y_ - y)))</tt> with COST = {cost}, PROFIT = {profit}. Predicting too much "
                "costs COST per unit, too little loses PROFIT per unit; the {n} terms are summed, not averaged."
            ).format(cost=f"{ctx.cost:g}", profit=f"{ctx.profit:g}", n=ctx.n))
            columns = [self.tr("y (prediction)"), target, "y − y_", term]
            table = np.column_stack([y[:, 0], t[:, 0], y[:, 0] - t[:, 0], per])
        elif ctx.loss == "softmax-ce":
            k = y.shape[1]
            self.intro.setText(self.tr(
                "<b>Softmax cross-entropy</b> over {k} classes: each sample's {k} outputs y are logits, softmax "
                "turns them into probabilities, and the sample's loss is −log of the probability of its own class "
                "(<tt>tf.nn.softmax_cross_entropy_with_logits_v2</tt>). The {n} losses are averaged."
            ).format(k=k, n=ctx.n))
            columns = [f"y{j}" for j in range(k)] + [self.tr("class"), term]
            table = np.column_stack([y, np.argmax(t, axis=1), per])
        else:
            self.intro.setText(self.tr(
                "<b>Sigmoid cross-entropy</b> on the output y (a logit): each sample's loss is "
                "max(y, 0) − y·y_ + log(1 + e<sup>−|y|</sup>), then the {n} losses are averaged."
            ).format(n=ctx.n))
            columns = [self.tr("y (logit)"), target, term]
            table = np.column_stack([y[:, 0], t[:, 0], per])
        self.caption("loss", self.tr("one row per sample of the batch"))
        self.put("loss", table.astype(ctx.dtype), ctx.rows, columns)
        total = float(np.sum(per, dtype=np.float64))
        data_loss = total if ctx.summed else total / ctx.n
        shown = [cell(v) for v in per]
        if len(shown) > 10:
            shown = shown[:4] + ["…"] + shown[-2:]
        if ctx.summed:
            lines = [self.tr("loss = sum of {term} over the {n} samples").format(term=term, n=ctx.n),
                     f"     = {' + '.join(shown)}",
                     f"     = {lead(ctx.x(data_loss))}"]
        else:
            lines = [self.tr("loss = mean of {term} over the {n} samples").format(term=term, n=ctx.n),
                     f"     = ({' + '.join(shown)}) / {ctx.n}",
                     f"     = {cell(total, 7)} / {ctx.n}",
                     f"     = {lead(ctx.x(data_loss))}"]
        reg = rec.loss - data_loss
        if ctx.l1 or ctx.l2:
            lines += [self.tr("+ regularisation (L1/L2 of the weights, before this update) = {reg}").format(
                reg=lead(cell(reg, 7))),
                self.tr("batch loss = {loss}").format(loss=lead(ctx.x(rec.loss)))]
        else:
            lines.append(self.tr("(the trainer recorded {loss} for this update)").format(loss=lead(ctx.x(rec.loss))))
        self.texts["mean"].setText("\n".join(lines))


class _BackwardPage(_Page):
    def __init__(self, ctx: _Context, k: int):
        super().__init__()
        self.k = k
        L = ctx.n_layers
        layer = ctx.rec.layers[k - 1]
        if k == L:
            self.h_dy = self.heading("")
            if ctx.loss == "mse":
                self.scale_op = self.row(("y-y_", ""), "×", ("dL/dy", ""))[0]
            else:
                self.row(("dL/dy", ""))
            self.body.addWidget(hline())
        else:
            self.h_da = self.heading("")
            self.row((f"dL/dz{k + 1}", ""), "·", (f"w{k + 1}T", ""), "=", (f"dL/da{k}", ""))
            self.body.addWidget(hline())
        self.h_dz = self.heading("")
        self.linear = layer.activation == "linear"
        if not self.linear:  # (the output layer is always linear, so ∂L/∂a_k is the table above)
            self.row((f"dL/da{k}.", ""), "⊙", (f"act'{k}", ""), "=", (f"dL/dz{k}", ""))
            self.body.addWidget(hline())
        self.h_dw = self.heading("")
        dz = f"dL/dz{k}" if self.linear else f"dL/dz{k}."
        self.row((f"input{k}T", ""), "·", (dz, ""), "=", (f"dL/dw{k}", ""))
        if ctx.has_bias:
            self.h_db = self.heading("")
            self.row((f"dL/db{k}", ""))
        self.body.addWidget(hline())
        self.outro = self.heading("")
        self.finish()

    def show_record(self, ctx: _Context) -> None:
        rec, k, L = ctx.rec, self.k, ctx.n_layers
        layer = rec.layers[k - 1]
        a_in, a_out = ctx.sym(k - 1), ctx.sym(k)
        neurons, inputs = ctx.nodes[k], ctx.nodes[k - 1]
        if k == L:
            if ctx.loss == "mse":
                self.h_dy.setText(self.tr(
                    "<b>∂L/∂y</b>: for L = mean((y − y_)²) over {n} samples, ∂L/∂y = 2·(y − y_)/{n} per sample. "
                    "This error signal is where backpropagation starts.").format(n=ctx.n))
                y = rec.layers[-1].a
                self.caption("y-y_", "y − y_")
                self.put("y-y_", (y - rec.y_true).astype(ctx.dtype), ctx.rows, ["y − y_"])
                self.caption("dL/dy", f"∂L/∂y = 2·(y − y_)/{ctx.n}")
                self.scale_op.setText(f"× 2/{ctx.n} =")
            elif ctx.loss == "cost-profit":
                self.h_dy.setText(self.tr(
                    "<b>∂L/∂y</b>: for the summed cost / profit loss, ∂L/∂y = COST = {cost} for a sample predicted "
                    "too high (y > y_) and −PROFIT = −{profit} otherwise; no division, the loss is a sum. This "
                    "error signal is where backpropagation starts.").format(cost=f"{ctx.cost:g}",
                                                                            profit=f"{ctx.profit:g}"))
                self.caption("dL/dy", "∂L/∂y = COST | −PROFIT")
            elif ctx.loss == "softmax-ce":
                self.h_dy.setText(self.tr(
                    "<b>∂L/∂y</b>: for the mean softmax cross-entropy over {n} samples, ∂L/∂y = (softmax(y) − y_)/{n}, "
                    "one column per class (y_ is 1 for the sample's class, 0 elsewhere). This error signal is where "
                    "backpropagation starts.").format(n=ctx.n))
                self.caption("dL/dy", f"∂L/∂y = (softmax(y) − y_)/{ctx.n}")
            else:
                self.h_dy.setText(self.tr(
                    "<b>∂L/∂y</b>: for the mean sigmoid cross-entropy over {n} samples, "
                    "∂L/∂y = (sigmoid(y) − y_)/{n} per sample. This error signal is where backpropagation starts."
                ).format(n=ctx.n))
                self.caption("dL/dy", f"∂L/∂y = (sigmoid(y) − y_)/{ctx.n}")
            outputs = rec.grad_y.shape[1]
            self.put("dL/dy", rec.grad_y, ctx.rows,
                     ["∂L/∂y"] if outputs == 1 else [f"∂L/∂y{j}" for j in range(outputs)])
        else:
            upper = rec.layers[k]
            self.h_da.setText(self.tr(
                "<b>∂L/∂{a}</b> comes down from layer {up}: each neuron of this layer fed every neuron above "
                "through w{up}, so its gradient is ∂L/∂z{up} · w{up}ᵀ.").format(a=a_out, up=k + 1))
            self.caption(f"dL/dz{k + 1}", self.tr("∂L/∂z{up} (from layer {up})").format(up=k + 1))
            self.put(f"dL/dz{k + 1}", upper.grad_z, ctx.rows, ctx.nodes[k + 1])
            self.caption(f"w{k + 1}T", f"w{k + 1}ᵀ")
            self.put(f"w{k + 1}T", rec.before[f"w{k + 1}"].T, ctx.nodes[k + 1], neurons)
            self.caption(f"dL/da{k}", f"∂L/∂{a_out}")
            self.put(f"dL/da{k}", layer.grad_a, ctx.rows, neurons)
        bias = f" + b{k}" if ctx.has_bias else ""
        if layer.activation == "linear":
            self.h_dz.setText(self.tr(
                "<b>∂L/∂z{k}</b>: this layer is linear ({a} = z{k} = {inp}·w{k}{bias}), so ∂L/∂z{k} = ∂L/∂{a}."
            ).format(k=k, a=a_out, inp=a_in, bias=bias))
        else:
            activation = ACTIVATIONS[layer.activation]
            deriv = activation.derivative_text(a_out)
            self.h_dz.setText(self.tr(
                "<b>∂L/∂z{k}</b>: {a} = {act}(z{k}), so ∂L/∂z{k} = ∂L/∂{a} ⊙ {act}′(z{k}), entry by entry, "
                "with {act}′ = {d}.").format(k=k, a=a_out, act=layer.activation, d=deriv))
            self.caption(f"dL/da{k}.", f"∂L/∂{a_out}")
            self.put(f"dL/da{k}.", layer.grad_a, ctx.rows, neurons)
            z, a = layer.z.astype(np.float64), layer.a.astype(np.float64)
            d = activation.derivative(z, a)
            self.caption(f"act'{k}", f"{layer.activation}′(z{k}) = {deriv}")
            self.put(f"act'{k}", d.astype(ctx.dtype), ctx.rows, neurons)
            self.caption(f"dL/dz{k}", f"∂L/∂z{k}")
            self.put(f"dL/dz{k}", layer.grad_z, ctx.rows, neurons)
        reg = ""
        if ctx.l2 or ctx.l1:
            reg = self.tr(" The run is regularised, so the trainer also adds {terms} to ∂L/∂w{k}.").format(
                terms=" + ".join(t for t, on in ((f"{ctx.l2:g}·w{k}", ctx.l2),
                                                 (f"{ctx.l1:g}·sign(w{k})", ctx.l1)) if on), k=k)
        self.h_dw.setText(self.tr(
            "<b>∂L/∂w{k} = {inp}ᵀ · ∂L/∂z{k}</b>: entry [i, j] multiplies input {inp}[i] by the gradient of "
            "neuron j, summed over the batch's {n} samples — every sample adds its share.{reg}"
        ).format(k=k, inp=a_in, n=ctx.n, reg=reg))
        self.caption(f"input{k}T", f"{a_in}ᵀ")
        self.put(f"input{k}T", layer.inputs.T, inputs, ctx.rows)
        dz = f"dL/dz{k}" if self.linear else f"dL/dz{k}."
        self.caption(dz, f"∂L/∂z{k}" if not self.linear else f"∂L/∂z{k} = ∂L/∂{a_out}")
        self.put(dz, layer.grad_z, ctx.rows, neurons)
        self.caption(f"dL/dw{k}", f"∂L/∂w{k}")
        self.put(f"dL/dw{k}", layer.grad_w, inputs, neurons)
        if ctx.has_bias:
            self.h_db.setText(self.tr(
                "<b>∂L/∂b{k}</b> = ∂L/∂z{k} summed over the samples (each bias is added to every sample)."
            ).format(k=k))
            self.caption(f"dL/db{k}", f"∂L/∂b{k}")
            self.put(f"dL/db{k}", layer.grad_b, [""], neurons)
        if k > 1:
            self.outro.setText(self.tr(
                "<i>Next:</i> ∂L/∂{prev} = ∂L/∂z{k} · w{k}ᵀ is passed down to layer {down}.").format(
                prev=a_in, k=k, down=k - 1))
        else:
            self.outro.setText(self.tr(
                "<i>Done:</i> layer 1 is the first layer. Its input x is data, not a parameter, so the "
                "gradient stops here. TensorFlow's <tt>minimize(loss)</tt> did all of this for you."))


class _UpdatePage(_Page):
    weight_clicked = Signal(str, tuple)

    def __init__(self, ctx: _Context):
        super().__init__()
        self.intro = self.heading("")
        self.formula("example")
        self.names = list(ctx.rec.before)
        self.slots = OPTIMIZERS[ctx.rec.optimizer].slots_for(SimpleNamespace(**ctx.rec.hyper))
        self.slot_columns = [slot.name for slot in self.slots]
        for name in self.names:
            self.body.addWidget(hline())
            parts = [(f"{name}.before", ""), (f"{name}.grad", ""), (f"{name}.after", ""), (f"{name}.delta", "")]
            parts += [(f"{name}.{slot}", "") for slot in self.slot_columns]  # the optimizer's state last
            self.row(*parts)
            for key, _ in parts:
                self.tables[key].cellClicked.connect(
                    lambda r, c, name=name: self._clicked(name, r, c))
        self.finish()

    def _clicked(self, name: str, r: int, c: int) -> None:
        index = (c,) if name.startswith("b") else (r, c)
        self.weight_clicked.emit(name, index)

    def show_record(self, ctx: _Context) -> None:
        rec = ctx.rec
        slot_caption = {slot.name: self.tr("{slot}′ (after)").format(slot=_tr(slot.label)) for slot in self.slots}
        for name in self.names:
            k = int(name[1:])
            rows = ctx.nodes[k - 1] if name[0] == "w" else [""]
            cols = ctx.nodes[k]
            self.caption(f"{name}.before", self.tr("{name} before").format(name=name))
            self.put(f"{name}.before", rec.before[name], rows, cols)
            self.caption(f"{name}.grad", f"∂L/∂{name}")
            self.put(f"{name}.grad", ctx.grad(name), rows, cols)
            for slot in self.slot_columns:
                self.caption(f"{name}.{slot}", slot_caption[slot])
                self.put(f"{name}.{slot}", rec.slots_after[slot][name], rows, cols)
            self.caption(f"{name}.after", self.tr("{name} after").format(name=name))
            self.put(f"{name}.after", rec.after[name], rows, cols)
            self.caption(f"{name}.delta", self.tr("Δ{name} = after − before").format(name=name))
            self.put(f"{name}.delta", rec.delta[name], rows, cols)
        rule = OPTIMIZERS[rec.optimizer].rule({**rec.hyper, "lr": rec.lr}, ctx.x, _tr)
        self.intro.setText(rule + " " + self.tr(
            "This is one <tt>sess.run(train_step, …)</tt> of the tutorial. <i>Click any cell to follow "
            "that weight's arithmetic.</i>"))

    def show_example(self, ctx: _Context, name: str, index: tuple) -> None:
        rec = ctx.rec
        x = ctx.x
        old, new = rec.before[name][index], rec.after[name][index]
        g = ctx.grad(name)[index]
        w = index_text(name, index)
        slots = {slot: values[name][index] for slot, values in rec.slots_before.items()}
        example = Example(w=w, old=old, new=new, g=g, lr=rec.lr, lr_t=rec.lr_t, step=rec.step, hyper=rec.hyper,
                          before=slots, after={slot: values[name][index] for slot, values in rec.slots_after.items()})
        lines = OPTIMIZERS[rec.optimizer].example(example, Formatter(x=x, lead=lead, signed=signed, cell=cell), _tr)
        lines.append(f"Δ{w} = {w}′ − {w} = {lead(x(rec.delta[name][index]))}")
        self.texts["example"].setText("\n".join(lines))
        cell_rc = (0, index[0]) if len(index) == 1 else tuple(index)
        for key, table in self.tables.items():
            table.set_highlight(cell_rc if key.split(".")[0] == name else None)


class StepInspector(Retranslating, QWidget):
    """One recorded update, walked phase by phase.

    Phases (ids, untranslated): "forward", "loss", "backward: layer L", …, "backward: layer 1", "update".
    `phase_changed(phase, layer)` carries the engine's phase name ("forward", "loss", "backward", "update")
    and the layer being computed (1-based; 0 when the phase is not about one layer).
    """

    phase_changed = Signal(str, int)
    weight_highlighted = Signal(str, tuple)  # the weight the update phase explains, e.g. ("w1", (0, 0))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ctx: _Context | None = None
        self._structure = None
        self._phases = phase_names(2)
        self._phase = FORWARD
        self._emitted: tuple[str, int] | None = None
        self._pages: dict[str, _Page] = {}
        self._stale: set[str] = set()
        self._weight: tuple[str, tuple] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.setSpacing(6)
        self._title = QLabel()
        self._title.setTextFormat(Qt.RichText)
        self._title.setWordWrap(True)
        outer.addWidget(self._title)

        nav = QHBoxLayout()
        self._prev = QPushButton()
        self._next = QPushButton()
        self._prev.clicked.connect(self.previous_phase)
        self._next.clicked.connect(self.next_phase)
        self._crumbs = QHBoxLayout()
        self._crumbs.setSpacing(2)
        self._crumb_group = QButtonGroup(self)
        self._crumb_group.setExclusive(True)
        self._crumb_group.idClicked.connect(lambda i: self.set_phase(self._phases[i]))
        nav.addWidget(self._prev)
        nav.addStretch(1)
        nav.addLayout(self._crumbs)
        nav.addStretch(1)
        nav.addWidget(self._next)
        outer.addLayout(nav)

        self._explain = QLabel()
        self._explain.setWordWrap(True)
        self._explain.setTextFormat(Qt.RichText)
        self._explain.setStyleSheet(
            "QLabel { background: #eef4fb; border: 1px solid #c9daf0; border-radius: 3px; }")
        self._explain.setContentsMargins(6, 6, 6, 6)  # (a stylesheet padding is left out of heightForWidth)
        self._explain.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        outer.addWidget(self._explain)

        self._stack = QStackedWidget()
        self._empty = QLabel()
        self._empty.setAlignment(Qt.AlignCenter)
        self._empty.setWordWrap(True)
        self._stack.addWidget(self._empty)
        outer.addWidget(self._stack, 1)
        self._build_crumbs()
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language: the fixed ones, and the pages of the record shown (again)."""
        self._prev.setText(self.tr("◀ Previous phase"))
        self._next.setText(self.tr("Next phase ▶"))
        self._empty.setText(self.tr("Run one update (Step) to see where each of its numbers comes from."))
        for button in self._crumb_group.buttons():
            button.setText(self._phase_label(self._phases[self._crumb_group.id(button)]))
            button.setToolTip(self.tr("Go to this phase"))
        if self._ctx is None:
            self._title.setText(self.tr("No update recorded yet."))
            self._explain.setText(self._explanation(self._phase))
            self._refresh_nav()
            return
        self._show_title()
        self._stale = set(self._pages)
        self._show_phase()

    # -- public ------------------------------------------------------------------------------------
    def set_record(self, rec: UpdateRecord, loss: str = "mse", l1: float = 0.0, l2: float = 0.0,
                   cost: float = 1.0, profit: float = 9.0, labels: str | None = None,
                   regression: bool = False) -> None:
        """Show `rec` (from `record_step`).  `loss`, `l1`, `l2`, `cost`, `profit` are the run's LossConfig
        values, `labels` its data's label rule (datasets.label_rule) and `regression` whether the targets are
        numbers (the record carries none of them).  The current phase and highlighted weight are kept when
        still valid."""
        ctx = _Context(rec, loss, l1, l2, cost, profit, labels, regression)
        structure = _structure(rec, loss, l1, l2)
        if structure != self._structure:
            self._rebuild(ctx)
            self._structure = structure
        self._ctx = ctx
        self._stale = set(self._pages)  # pages are filled when shown (or read): big networks have many cells
        if self._weight is None or not self._valid_weight(*self._weight):
            first = next(iter(rec.before))
            self._weight = (first, (0,) if first.startswith("b") else (0, 0))
        self._show_title()
        if self._phase not in self._phases:
            self._phase = FORWARD
        self._show_phase()

    def _show_title(self) -> None:
        ctx = self._ctx
        rec = ctx.rec
        last = rec.rows[-1] if len(rec.rows) else rec.rows
        self._title.setText(self.tr(
            "<b>Update i = {step}</b> (the tutorial's loop variable) &nbsp;·&nbsp; batch: samples #{first}–#{last} "
            "({n} samples) &nbsp;·&nbsp; {opt}, lr = {lr} &nbsp;·&nbsp; batch loss {loss}").format(
            step=rec.step, first=int(rec.rows[0]), last=int(last), n=len(rec.rows),
            opt=_tr(OPTIMIZERS[rec.optimizer].title), lr=ctx.x(rec.lr), loss=lead(ctx.x(rec.loss))))

    def clear(self) -> None:
        """Show no record (e.g. after a reset); the structure's widgets are kept for the next record."""
        self._ctx = None
        self._stale = set()
        self._emitted = None
        self._title.setText(self.tr("No update recorded yet."))
        self._stack.setCurrentWidget(self._empty)
        self._refresh_nav()

    def record(self) -> UpdateRecord | None:
        return self._rec

    def phases(self) -> list[str]:
        return list(self._phases)

    def phase(self) -> str:
        return self._phase

    def set_phase(self, name: str) -> None:
        """Go to a phase by id; plain "backward" means the first backward sub-phase (the top layer)."""
        if name == BACKWARD:
            name = next(p for p in self._phases if p.startswith(BACKWARD))
        if name not in self._phases:
            raise ValueError(f"unknown phase {name!r}; phases are {self._phases}")
        self._phase = name
        self._show_phase()

    def next_phase(self) -> None:
        i = self._phases.index(self._phase)
        if i + 1 < len(self._phases):
            self.set_phase(self._phases[i + 1])

    def previous_phase(self) -> None:
        i = self._phases.index(self._phase)
        if i > 0:
            self.set_phase(self._phases[i - 1])

    def highlighted_weight(self) -> tuple[str, tuple] | None:
        return self._weight

    def set_highlighted_weight(self, name: str, index: tuple) -> None:
        """Choose the weight whose arithmetic the update phase spells out (e.g. from a diagram click)."""
        index = tuple(int(i) for i in index)
        if self._ctx is not None and not self._valid_weight(name, index):
            raise ValueError(f"no weight {index_text(name, index)} in this network")
        changed = self._weight != (name, index)
        self._weight = (name, index)
        if self._ctx is not None and UPDATE not in self._stale:
            self._pages[UPDATE].show_example(self._ctx, name, index)
        if changed:
            self.weight_highlighted.emit(name, index)

    # for tests and for the lead: the current numbers as shown
    def tables(self, phase: str | None = None) -> dict[str, MatrixTable]:
        page = self._filled(phase or self._phase)
        return {} if page is None else {k.rstrip("."): v for k, v in page.tables.items()}

    def texts(self, phase: str | None = None) -> dict[str, str]:
        page = self._filled(phase or self._phase)
        out = {} if page is None else {k: v.text() for k, v in page.texts.items()}
        out["explanation"] = self._explain.text()
        out["title"] = self._title.text()
        return out

    def page(self, phase: str | None = None) -> QWidget | None:
        return self._filled(phase or self._phase)

    def _filled(self, phase: str) -> _Page | None:
        """The page of `phase`, showing the current record."""
        page = self._pages.get(phase)
        if page is not None and phase in self._stale:
            self._stale.discard(phase)
            page.show_record(self._ctx)
            if phase == UPDATE:
                page.show_example(self._ctx, *self._weight)
        return page

    # -- internals ---------------------------------------------------------------------------------
    @property
    def _rec(self) -> UpdateRecord | None:
        return None if self._ctx is None else self._ctx.rec

    def _valid_weight(self, name: str, index: tuple) -> bool:
        rec = self._rec
        if rec is None or name not in rec.before:
            return False
        shape = rec.before[name].shape
        return len(index) == len(shape) and all(0 <= i < s for i, s in zip(index, shape))

    def _rebuild(self, ctx: _Context) -> None:
        for page in self._pages.values():
            self._stack.removeWidget(page)
            page.hide()
            page.deleteLater()
        self._pages = {FORWARD: _ForwardPage(ctx), LOSS: _LossPage(ctx)}
        for k in range(ctx.n_layers, 0, -1):
            self._pages[backward_phase(k)] = _BackwardPage(ctx, k)
        self._pages[UPDATE] = _UpdatePage(ctx)
        self._pages[UPDATE].weight_clicked.connect(self.set_highlighted_weight)
        for page in self._pages.values():
            self._stack.addWidget(page)
        self._phases = phase_names(ctx.n_layers)
        self._build_crumbs()

    def _build_crumbs(self) -> None:
        for button in self._crumb_group.buttons():
            self._crumb_group.removeButton(button)
            self._crumbs.removeWidget(button)
            button.hide()
            button.deleteLater()
        for i, name in enumerate(self._phases):
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setText(self._phase_label(name))
            button.setToolTip(self.tr("Go to this phase"))
            button.setFocusPolicy(Qt.NoFocus)
            button.setStyleSheet("QToolButton:checked { font-weight: bold; background: #d6e6fa; "
                                 "border: 1px solid #7aa7e0; border-radius: 3px; }")
            self._crumb_group.addButton(button, i)
            self._crumbs.addWidget(button)
            button.show()  # (a layout shows new children only after the next event-loop turn)

    def _phase_label(self, name: str) -> str:
        base, layer = split_phase(name)
        if base == BACKWARD:
            return self.tr("backward: layer {k}").format(k=layer)
        return {FORWARD: self.tr("forward"), LOSS: self.tr("loss"), UPDATE: self.tr("update")}[base]

    def _explanation(self, name: str) -> str:
        base, layer = split_phase(name)
        ctx = self._ctx
        n = ctx.n if ctx else 8
        if base == FORWARD:
            text = self.tr(
                "<b>1. Forward pass.</b> The batch's {n} samples go through the network together, layer by layer. "
                "Each layer multiplies its input by its weight matrix — one row per sample, one column per "
                "neuron — then applies its activation.").format(n=n)
            return text if ctx is None else f"{text} {self._forward_in_this_run(ctx)}"
        if base == LOSS:
            if ctx is None or ctx.labels is None:
                return self.tr(
                    "<b>2. Loss.</b> One number says how wrong the predictions y are compared with the labels y_. "
                    "Training tries to make this number small.")
            rule = html.escape(_dataset_text(ctx.labels))
            if ctx.regression:
                return self.tr(
                    "<b>2. Loss.</b> One number says how far the predictions y are from the targets y_ ({rule}). "
                    "Training tries to make this number small.").format(rule=rule)
            return self.tr(
                "<b>2. Loss.</b> One number says how wrong the predictions y are compared with the labels y_ "
                "({rule}). Training tries to make this number small.").format(rule=rule)
        if base == BACKWARD:
            return self.tr(
                "<b>3. Backward pass, layer {k}.</b> Going from the loss back through the network, the chain rule "
                "gives ∂L/∂w for every weight: how much the loss would change if that weight grew a little. "
                "Each ∂L/∂… table has the shape of the thing it belongs to. "
                "Step through the layers from the output (layer {top}) down to layer 1.").format(
                k=layer, top=ctx.n_layers if ctx else 2)
        return self.tr(
            "<b>4. Update.</b> The optimizer changes every weight using its gradient. The new weights are what "
            "the next update's forward pass starts from.")

    def _forward_in_this_run(self, ctx: _Context) -> str:
        """The run's own layers as TF1 writes them, and what they are (linear, an activation, biases)."""
        lines = []
        for k, layer in enumerate(ctx.rec.layers, 1):
            z = f"tf.matmul({ctx.sym(k - 1)}, w{k})" + (f" + b{k}" if ctx.has_bias else "")
            tf1 = ACTIVATIONS[layer.activation].tf1
            lines.append(f"<tt>{ctx.sym(k)} = {tf1}({z})</tt>" if tf1 else f"<tt>{ctx.sym(k)} = {z}</tt>")
        code = ", ".join(lines)
        hidden = {layer.activation for layer in ctx.rec.layers[:-1]}
        if not hidden or hidden == {"linear"}:
            if ctx.has_bias:
                return self.tr("In this run every layer is linear and adds a bias: {code}.").format(code=code)
            if ctx.n_layers == 2:
                return self.tr("In this run, as in the tutorial, both layers are linear: {code}.").format(code=code)
            return self.tr("In this run every layer is linear: {code}.").format(code=code)
        activation = _activation_text(ACTIVATIONS[next(iter(hidden))].title)
        if ctx.has_bias:
            return self.tr("In this run the hidden layers add a bias and apply {act}; the output layer is "
                           "linear: {code}.").format(act=activation, code=code)
        return self.tr("In this run the hidden layers apply {act} and the output layer is linear: {code}.").format(
            act=activation, code=code)

    def _show_phase(self) -> None:
        name = self._phase
        page = self._filled(name) if self._rec is not None else None
        self._stack.setCurrentWidget(page if page is not None else self._empty)
        self._explain.setText(self._explanation(name))
        self._refresh_nav()
        base, layer = split_phase(name)
        if self._rec is not None and self._emitted != (base, layer):
            self._emitted = (base, layer)
            self.phase_changed.emit(base, layer)

    def _refresh_nav(self) -> None:
        i = self._phases.index(self._phase) if self._phase in self._phases else 0
        self._prev.setEnabled(self._rec is not None and i > 0)
        self._next.setEnabled(self._rec is not None and i + 1 < len(self._phases))
        button = self._crumb_group.button(i)
        if button is not None:
            button.setChecked(True)
        for b in self._crumb_group.buttons():
            b.setEnabled(self._rec is not None)
