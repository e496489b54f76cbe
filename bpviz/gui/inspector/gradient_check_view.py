"""Backprop's gradients against finite differences: one relative error per matrix, pass below 1e-6."""
from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..language import Retranslating
from ._common import FAIL, PASS, mono_font

PASS_THRESHOLD = 1e-6


class GradientCheckView(Retranslating, QWidget):
    """Shows `gradient_check(trainer)`'s result; the button asks the window to run it."""

    check_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._intro = intro = QLabel()
        intro.setWordWrap(True)
        self._button = QPushButton()
        self._button.clicked.connect(self.check_requested)
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._errors: dict[str, float] = {}
        self._table = QTableWidget(0, 3)
        self._table.verticalHeader().hide()
        self._table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self._table.setSelectionMode(QAbstractItemView.NoSelection)
        self._table.setFocusPolicy(Qt.NoFocus)
        self._table.setFont(mono_font())
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self._table.horizontalHeader().setStretchLastSection(True)

        top = QHBoxLayout()
        top.addWidget(self._button)
        top.addWidget(self._summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self._table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self._intro.setText(self.tr(
            "Is backpropagation right? For every weight w the check also measures the slope directly: "
            "(L(w + ε) − L(w − ε)) / 2ε on the next batch, in float64, and compares it with ∂L/∂w from "
            "backprop. A relative error below 1e-6 means they agree."))
        self._button.setText(self.tr("Check gradients"))
        self._button.setToolTip(self.tr("Compare backprop with finite differences on the next batch"))
        self._table.setHorizontalHeaderLabels([self.tr("matrix"), self.tr("relative error"), self.tr("result")])
        self.set_result(self._errors)

    def set_result(self, errors: dict[str, float]) -> None:
        self._errors = dict(errors)
        if not errors:
            self.clear()
            return
        self._table.setRowCount(len(errors))
        for row, (name, err) in enumerate(errors.items()):
            ok = self.passes(err)
            cells = (name, f"{err:.2e}", "✓ " + self.tr("pass") if ok else "✗ " + self.tr("fail"))
            for col, text in enumerate(cells):
                item = self._table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    self._table.setItem(row, col, item)
                item.setText(text)
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter if col == 1 else Qt.AlignCenter)
                if col == 2:
                    item.setForeground(PASS if ok else FAIL)
        failed = [name for name, err in errors.items() if not self.passes(err)]
        if failed:
            self._summary.setText(self.tr("✗ Backprop disagrees with finite differences for {names}.").format(
                names=", ".join(failed)))
            self._summary.setStyleSheet(f"color: {FAIL.name()}; font-weight: bold;")
        else:
            self._summary.setText(self.tr("✓ All {n} gradients agree with finite differences.").format(n=len(errors)))
            self._summary.setStyleSheet(f"color: {PASS.name()}; font-weight: bold;")

    def clear(self) -> None:
        """Forget the result (e.g. after the weights changed: it belonged to another step)."""
        self._errors = {}
        self._table.setRowCount(0)
        self._summary.setText(self.tr("Not checked yet."))
        self._summary.setStyleSheet("")

    @staticmethod
    def passes(error: float) -> bool:
        return math.isfinite(error) and error < PASS_THRESHOLD

    def results(self) -> dict[str, tuple[str, bool]]:
        """name -> (displayed error, passed), as shown."""
        out = {}
        for row in range(self._table.rowCount()):
            name = self._table.item(row, 0).text()
            out[name] = (self._table.item(row, 1).text(), self._table.item(row, 2).text().startswith("✓"))
        return out

    def summary(self) -> str:
        return self._summary.text()

    def button(self) -> QPushButton:
        return self._button
