"""The tutorial's code, with the line(s) of the current phase highlighted.

The code is the tutorial's own listing, comments in Chinese as the students read them.  Four header lines
mark the tutorial's recipe 神经网络八股 (准备, 前传, 反传, 迭代); they are comments, so the listing is
still the program the tutorial runs.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from bpviz.engine.config import OptimizerConfig
from bpviz.engine.activations import ACTIVATIONS
from bpviz.engine.losses import LOSSES
from bpviz.engine.optimizers import OPTIMIZERS

from ..language import Retranslating
from ._common import mono_font

# The "学习率" listing of the tutorial, verbatim (tabs included); docs/tutorial.md holds it with its output.
TUTORIAL_CODE = """\
# 导入模块，生成模拟数据集
import tensorflow as tf
import numpy as np
BATCH_SIZE = 8
seed = 23455

# 基于 seed 产生随机数
rng = np.random.RandomState(seed)
# 随机数返回 32 行 2 列 的矩阵 表示 32 组 体积和重量 作为输入数据集
X = rng.rand(32,2)

# 从 X 这个 32 行 2 列 的矩阵中 取出一行 判断如果和小于 1 给 Y 赋值 1 如果 和不小于 1 给 Y 赋值 0
# 作为输入数据集的标签
Y = [[int(X0 + X1 < 1)] for (X0,X1) in X]
\t\t# 在 python 中 true 为 1，false 为 0

#1 定义神经网络的输入，参数和输入，定义前向传播过程
x = tf.placeholder(tf.float32,shape=(None,2))
y_ = tf.placeholder(tf.float32,shape=(None,1))

w1 = tf.Variable(tf.random_normal([2,3],stddev=1,seed=1))
w2 = tf.Variable(tf.random_normal([3,1],stddev=1,seed=1))

a = tf.matmul(x,w1)
y = tf.matmul(a,w2)

#2 定义损失函数及反向传播方法
loss = tf.reduce_mean(tf.square(y - y_))
train_step = tf.train.GradientDescentOptimizer(0.001).minimize(loss)

#3 生成会话，训练 steps 轮
with tf.Session() as sess:
\tinit_op = tf.global_variables_initializer()
\tsess.run(init_op)
\t# 输出目前（未经训练）的参数取值
\tprint(sess.run(w1))
\tprint(sess.run(w2))

\t# 训练模型
\tSTEPS = 3000
\tfor i in range(STEPS):
\t\t# 这是分多次喂入神经网络
\t\tstart = (i * BATCH_SIZE) % 32
\t\tend = start + BATCH_SIZE
\t\tsess.run(train_step,feed_dict={x:X[start:end],y_:Y[start:end]})
\t\tif i % 500 == 0:
\t\t\ttotal_loss = sess.run(loss,feed_dict={x:X,y_:Y})
\t\t\tprint("After %d training step(s),loss on all data is %g" % (i,total_loss))

\t\t# 输出训练后的参数取值
\tprint(sess.run(w1))
\tprint(sess.run(w2))

\t
\t# [[-0.8113182   1.4845988   0.06532937]
\t# [-2.4427042   0.0992484   0.5912243 ]]
\t# [[-0.8113182 ]
\t# [ 1.4845988 ]
\t# [ 0.06532937]]
\t# After 0 training step(s),loss on all data is 5.13118
\t# After 500 training step(s),loss on all data is 0.429111
\t# After 1000 training step(s),loss on all data is 0.409789
\t# After 1500 training step(s),loss on all data is 0.399923
\t# After 2000 training step(s),loss on all data is 0.394146
\t# After 2500 training step(s),loss on all data is 0.390597
\t# [[-0.7000663   0.9136318   0.08953571]
\t# [-2.3402493  -0.14641267  0.58823055]]
\t# [[-0.06024267]
\t# [ 0.91956186]
\t# [-0.0682071 ]]
"""

# The recipe's four parts: (id, Chinese name as in the tutorial, the first line of the part)
RECIPE = (
    ("prepare", "准备", "# 导入模块，生成模拟数据集"),
    ("forward", "前传", "#1 定义神经网络的输入"),
    ("backward", "反传", "#2 定义损失函数及反向传播方法"),
    ("iterate", "迭代", "#3 生成会话，训练 steps 轮"),
)
# Which recipe part each inspector phase belongs to (the tutorial defines the loss under 反传)
PART_OF_PHASE = {"prepare": "prepare", "forward": "forward", "loss": "backward", "backward": "backward",
                 "update": "iterate", "iterate": "iterate"}
# The lines of each phase, by how they start (after indentation)
PHASE_LINES = {
    "prepare": ("BATCH_SIZE = ", "seed = ", "rng = ", "X = rng.rand", "Y = [[int("),
    "forward": ("a = tf.", "y = tf.matmul(a,w2)"),
    "loss": ("loss = tf.",),
    "backward": ("train_step = ",),
    "update": ("sess.run(train_step",),
}
TRAIN_STEP_LINE = "train_step = tf.train.GradientDescentOptimizer(0.001).minimize(loss)"
TUTORIAL_FORWARD = ("a = tf.matmul(x,w1)", "y = tf.matmul(a,w2)")
TUTORIAL_LOSS = "loss = tf.reduce_mean(tf.square(y - y_))"
LINE_COLOR = QColor(255, 236, 150)
HEADER_BG = QColor(226, 236, 248)
HEADER_ON = QColor(255, 214, 102)



def _with_chinese(chinese: str, explained: str, sep: str = " ") -> str:
    """The tutorial's term followed by its explanation, once: in Chinese the explanation already starts with it."""
    return explained if explained.startswith(chinese) else f"{chinese}{sep}{explained}"

class CodePanel(Retranslating, QWidget):
    """Read-only listing with the recipe as headers; `highlight_phase` marks the lines of a phase."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._phase = ""
        self._highlighted: list[int] = []  # block numbers
        self._editor = QPlainTextEdit()
        self._editor.setReadOnly(True)
        self._editor.setLineWrapMode(QPlainTextEdit.NoWrap)
        self._editor.setFont(mono_font())
        self._editor.setTabStopDistance(self._editor.fontMetrics().horizontalAdvance(" ") * 4)
        self._editor.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self._editor.setCursorWidth(0)  # a listing, not an editor: no blinking caret

        self._strip = QHBoxLayout()
        self._strip.setSpacing(4)
        self._chips: dict[str, QLabel] = {}
        self._title = QLabel()
        self._strip.addWidget(self._title)
        for part, _chinese, _ in RECIPE:
            chip = QLabel()
            chip.setAlignment(Qt.AlignCenter)
            chip.setContentsMargins(6, 2, 6, 2)
            self._chips[part] = chip
            self._strip.addWidget(chip)
        self._strip.addStretch(1)
        self._note = QLabel()
        self._note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._strip)
        layout.addWidget(self._editor, 1)
        layout.addWidget(self._note)
        self._headers: dict[str, int] = {}
        self._optimizer: tuple | None = None  # the last set_optimizer's arguments
        self._model: tuple | None = None  # the last set_model's arguments
        self._load(TUTORIAL_CODE)
        self.retranslate()

    def retranslate(self) -> None:
        """The recipe's strip, the listing's header comments and the notes in the current language."""
        english = {"prepare": self.tr("prepare"), "forward": self.tr("forward"),
                   "backward": self.tr("backward"), "iterate": self.tr("iterate")}
        self._title.setText(self.tr("神经网络八股 — the tutorial's recipe:"))
        for part, chinese, _ in RECIPE:
            self._chips[part].setText(_with_chinese(chinese, english[part]))
        for part, n in self._headers.items():
            self._replace_line(n, self._header_line(part), bold=True)
        if self._optimizer is not None:
            optimizer, lr, settings = self._optimizer
            self._optimizer = None
            self.set_optimizer(optimizer, lr, **settings)
        if self._model is not None:
            model, self._model = self._model, None
            self.set_model(*model)
        self._refresh()

    # -- public ------------------------------------------------------------------------------------
    def highlight_phase(self, phase: str, layer: int = 0) -> None:
        """Highlight the lines of `phase` ("prepare", "forward", "loss", "backward", "update"; "" for none).
        For "forward", layer 1 or 2 picks that layer's line of the tutorial's 2-layer network; 0 shows both."""
        lines = self._lines_of(phase)
        if phase == "forward" and layer in (1, 2) and len(lines) == 2:
            lines = [lines[layer - 1]]
        self._phase = phase
        self._highlighted = lines
        self._refresh()
        if lines:
            cursor = QTextCursor(self._editor.document().findBlockByNumber(lines[len(lines) // 2]))
            self._editor.setTextCursor(cursor)
            self._editor.centerCursor()

    def highlighted_lines(self) -> list[str]:
        """The highlighted lines' text, indentation stripped (e.g. ["a = tf.matmul(x,w1)", ...])."""
        return [self._block_text(n).strip() for n in self._highlighted]

    def current_part(self) -> str:
        return PART_OF_PHASE.get(self._phase, "")

    def set_optimizer(self, optimizer: str, lr: float, **settings) -> None:
        """Show the run's optimizer in the train_step line, in the tutorial's own spelling (only the
        arguments that differ from TF's defaults; `settings` are the run's optimizer settings, e.g.
        momentum=0.9).  The tutorial's setting (gd, 0.001) shows the line verbatim."""
        if optimizer not in OPTIMIZERS:
            raise ValueError(f"unknown optimizer {optimizer!r}")
        if self._optimizer == (optimizer, lr, settings):
            return
        self._optimizer = (optimizer, lr, dict(settings))
        config = OptimizerConfig(optimizer=optimizer, lr=lr, **settings)
        line = f"train_step = {OPTIMIZERS[optimizer].tf1_call(config, f'{lr:g}', short=True)}.minimize(loss)"
        if line != TRAIN_STEP_LINE:
            line += "  # " + self.tr("bpviz: your run's optimizer")
        n = self._lines_of("backward")[0]
        if self._block_text(n) != line:
            cursor = QTextCursor(self._editor.document().findBlockByNumber(n))
            cursor.select(QTextCursor.LineUnderCursor)
            cursor.insertText(line)
            self._refresh()

    def set_model(self, hidden: list[int], activation: str, bias: bool, loss: str) -> None:
        """Show the run's forward lines (activation, biases; a network of one hidden layer, as the listing's)
        and its loss line, each marked as the run's where it differs from the tutorial's."""
        if self._model == (list(hidden), activation, bias, loss):
            return
        self._model = (list(hidden), activation, bias, loss)
        forward = list(TUTORIAL_FORWARD)
        if len(hidden) == 1 and (activation != "linear" or bias):
            tf1 = ACTIVATIONS[activation].tf1
            z = "tf.matmul(x,w1)" + (" + b1" if bias else "")
            forward = [f"a = {tf1}({z})" if tf1 else f"a = {z}",
                       "y = tf.matmul(a,w2)" + (" + b2" if bias else "")]
            note = self.tr("bpviz: your run's network")
            if bias:
                note += self.tr(" (b1, b2 = tf.Variable(tf.zeros(…)))")
            forward[0] += f"  # {note}"
        line = LOSSES[loss].code
        if line != TUTORIAL_LOSS:
            line += "  # " + self.tr("bpviz: your run's loss")
        for n, text in zip(self._lines_of("forward"), forward):
            if self._block_text(n) != text:
                self._replace_line(n, text)
        n = self._lines_of("loss")[0]
        if self._block_text(n) != line:
            self._replace_line(n, line)
        self._refresh()

    def text(self) -> str:
        return self._editor.toPlainText()

    def editor(self) -> QPlainTextEdit:
        return self._editor

    # -- internals ---------------------------------------------------------------------------------
    def _header_line(self, part: str) -> str:
        english = {"prepare": self.tr("prepare: the data set"),
                   "forward": self.tr("forward: inputs, parameters, output"),
                   "backward": self.tr("backward: loss and the training method"),
                   "iterate": self.tr("iterate: run the session for STEPS rounds")}
        chinese = next(c for p, c, _first in RECIPE if p == part)
        return f"# ━━ {_with_chinese(chinese, english[part], ' · ')} ━━"

    def _load(self, code: str) -> None:
        starts = {first: part for part, _chinese, first in RECIPE}
        out = []
        for line in code.splitlines():
            for first, part in starts.items():
                if line.startswith(first):
                    self._headers[part] = len(out)
                    out.append(self._header_line(part))
            out.append(line)
        self._editor.setPlainText("\n".join(out))
        for n in self._headers.values():
            self._replace_line(n, self._block_text(n), bold=True)

    def _replace_line(self, n: int, text: str, bold: bool = False) -> None:
        cursor = QTextCursor(self._editor.document().findBlockByNumber(n))
        cursor.select(QTextCursor.LineUnderCursor)
        fmt = QTextCharFormat()
        if bold:
            fmt.setFontWeight(QFont.Bold)
        cursor.insertText(text, fmt)

    def _block_text(self, n: int) -> str:
        return self._editor.document().findBlockByNumber(n).text()

    def _lines_of(self, phase: str) -> list[int]:
        starts = PHASE_LINES.get(phase, ())
        doc = self._editor.document()
        return [n for n in range(doc.blockCount())
                if any(doc.findBlockByNumber(n).text().lstrip().startswith(s) for s in starts)]

    def _refresh(self) -> None:
        part_on = PART_OF_PHASE.get(self._phase, "")
        selections = []
        for part, n in self._headers.items():
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(HEADER_ON if part == part_on else HEADER_BG))
            fmt.setProperty(QTextFormat.FullWidthSelection, True)
            selections.append(self._selection(n, fmt))
        for n in self._highlighted:
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(LINE_COLOR))
            fmt.setProperty(QTextFormat.FullWidthSelection, True)
            selections.append(self._selection(n, fmt))
        self._editor.setExtraSelections(selections)
        for part, chip in self._chips.items():
            on = part == part_on
            chip.setStyleSheet(
                "QLabel { background: %s; border: 1px solid %s; border-radius: 3px; font-weight: %s; }"
                % ((HEADER_ON.name(), "#c99a1e", "bold") if on else (HEADER_BG.name(), "#b8c8dc", "normal")))
        notes = {
            "prepare": self.tr("准备 prepare: the 32 samples and their labels (x0 + x1 < 1)."),
            "forward": self.tr("前传 forward: a = x·w1, then y = a·w2 for the batch fed in feed_dict."),
            "loss": self.tr("反传 backward, first half: the loss that the gradients are taken of."),
            "backward": self.tr("反传 backward: minimize(loss) makes TensorFlow compute ∂loss/∂w1 and ∂loss/∂w2 "
                                "by backpropagation, layer by layer."),
            "update": self.tr("迭代 iterate: each sess.run(train_step, …) runs forward, backward and the update "
                              "once, on rows start … end of X."),
        }
        self._note.setText(notes.get(self._phase, ""))

    def _selection(self, n: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = QTextCursor(self._editor.document().findBlockByNumber(n))
        sel.cursor.clearSelection()
        sel.format = fmt
        return sel
