"""Every sample with its prediction, loss, and share of the batch's gradient; the batch's rows highlighted."""
from __future__ import annotations

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QEvent, QItemSelectionModel, QModelIndex,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from bpviz.engine.step_record import SampleTable

from ._common import BATCH_ROW, mono_font

SORT_ROLE = Qt.UserRole
COLUMNS = ("#", "x0", "x1", "label", "prediction", "loss", "in batch", "share")


def _headers() -> list[str]:
    # QCoreApplication.translate with literal strings at each call: what pyside6-lupdate recognises
    return [
        QCoreApplication.translate("SampleTableModel", "#"),
        QCoreApplication.translate("SampleTableModel", "x0"),
        QCoreApplication.translate("SampleTableModel", "x1"),
        QCoreApplication.translate("SampleTableModel", "label"),
        QCoreApplication.translate("SampleTableModel", "prediction"),
        QCoreApplication.translate("SampleTableModel", "loss"),
        QCoreApplication.translate("SampleTableModel", "in batch"),
        QCoreApplication.translate("SampleTableModel", "share of batch gradient"),
    ]


def _label_tip(rule: str | None, regression: bool) -> str:
    """The label column's tooltip: the run's own rule (datasets.label_rule), translated."""
    if rule is None:
        return QCoreApplication.translate("SampleTableModel", "The answer y_ the network should give.")
    rule = QCoreApplication.translate("datasets", rule)
    if regression:
        return QCoreApplication.translate("SampleTableModel", "The target y_: {rule}.").format(rule=rule)
    return QCoreApplication.translate("SampleTableModel", "The answer y_: {rule}.").format(rule=rule)


def _header_tips(rule: str | None = None, regression: bool = False) -> list[str]:
    return [
        QCoreApplication.translate("SampleTableModel", "The sample's row in X (the tutorial's X = rng.rand(32,2))."),
        QCoreApplication.translate("SampleTableModel", "First input feature."),
        QCoreApplication.translate("SampleTableModel", "Second input feature."),
        _label_tip(rule, regression),
        QCoreApplication.translate("SampleTableModel",
                                   "The network's output y for this sample, with the current weights."),
        QCoreApplication.translate("SampleTableModel", "This sample's loss term, e.g. (y − y_)² for MSE."),
        QCoreApplication.translate("SampleTableModel",
                                   "✓ if the sample is in the mini-batch of the update being shown."),
        QCoreApplication.translate("SampleTableModel",
                                   "How much of the batch's gradient comes from this sample: gᵢ·G/‖G‖², where gᵢ "
                                   "is its own gradient term and G the batch gradient. The shares add up to "
                                   "100 %; a negative share pulls against the batch."),
    ]


class SampleTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._t: SampleTable | None = None
        self._n = 0
        self._rule: tuple[str | None, bool] = (None, False)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, t: SampleTable) -> None:
        n = int(len(t.label))
        if n != self._n:
            self.beginResetModel()
            self._t, self._n = t, n
            self.endResetModel()
        else:
            self._t = t
            if n:
                self.dataChanged.emit(self.index(0, 0), self.index(n - 1, len(COLUMNS) - 1))

    def table(self) -> SampleTable | None:
        return self._t

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._n

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal:
            return None
        if role == Qt.DisplayRole:  # (translated when asked: the language can change while the table is shown)
            return _headers()[section]
        if role == Qt.ToolTipRole:
            return _header_tips(*self._rule)[section]
        return None

    def set_label_rule(self, rule: str | None, regression: bool = False) -> None:
        """The run's label rule (datasets.label_rule, English) for the label column's tooltip, and whether
        the labels are numbers (a regression's targets) rather than classes."""
        if (rule, regression) != self._rule:
            self._rule = (rule, regression)
            if self._n:
                self.dataChanged.emit(self.index(0, 3), self.index(self._n - 1, 3))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Horizontal, 0, len(COLUMNS) - 1)

    def _raw(self, row: int, col: int):
        t = self._t
        return (row, float(t.x[row, 0]), float(t.x[row, 1]), float(t.label[row]), float(t.prediction[row]),
                float(t.loss[row]), bool(t.in_batch[row]), float(t.share[row]))[col]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or self._t is None:
            return None
        row, col = index.row(), index.column()
        in_batch = bool(self._t.in_batch[row])
        if role == Qt.DisplayRole:
            v = self._raw(row, col)
            name = COLUMNS[col]
            if name == "#":
                return str(v)
            if name == "label":  # a class, or a number to fit
                return f"{v:.4f}" if self._rule[1] else str(int(v))
            if name == "in batch":
                return "✓" if v else ""
            if name == "share":
                return f"{100 * v:.1f} %" if in_batch else ""
            if name == "loss":
                return f"{v:.4g}"
            return f"{v:.4f}"
        if role == SORT_ROLE:
            v = self._raw(row, col)
            return float(v)
        if role == Qt.BackgroundRole:
            return QBrush(BATCH_ROW) if in_batch else None
        if role == Qt.FontRole:
            return self._bold if in_batch and COLUMNS[col] in ("#", "in batch") else None
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter if COLUMNS[col] in ("in batch", "label") else Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and COLUMNS[col] in ("prediction", "loss", "x0", "x1"):
            return repr(self._raw(row, col))
        return None


class SampleTableView(QTableView):
    """All samples; the rows of the current mini-batch have a coloured background and a ✓.

    `sample_selected(i)` is emitted when the user selects a row (i = the sample's index in X, whatever the
    sort order); `select_sample(i)` selects a row from code without emitting, so that the decision-boundary
    plot and this table can follow each other both ways without a loop."""

    sample_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._model = SampleTableModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setSortRole(SORT_ROLE)
        self.setModel(self._proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setAlternatingRowColors(False)
        self.setFont(mono_font())
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        self.setStyleSheet("QTableView::item:selected { background: #3d7bd9; color: white; }")
        self._silent = False
        self.selectionModel().selectionChanged.connect(self._on_selection)

    def set_table(self, t: SampleTable) -> None:
        """Show a `sample_table(trainer)` result; the selection (by sample) is kept."""
        keep = self.selected_sample()
        self._silent = True
        try:
            self._model.set_table(t)
            if keep is not None and keep < self._model.rowCount():
                self._select(keep)
        finally:
            self._silent = False

    def select_sample(self, i: int) -> None:
        """Select sample i (or clear the selection for i < 0) without emitting sample_selected."""
        self._silent = True
        try:
            if i < 0:
                self.clearSelection()
            else:
                self._select(i)
        finally:
            self._silent = False

    def selected_sample(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self._proxy.mapToSource(rows[0]).row() if rows else None

    def source_model(self) -> SampleTableModel:
        return self._model

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self._model.retranslate()
        super().changeEvent(event)

    def row_of_sample(self, i: int) -> int:
        """The visual row of sample i under the current sort."""
        return self._proxy.mapFromSource(self._model.index(i, 0)).row()

    def _select(self, i: int) -> None:
        index = self._proxy.mapFromSource(self._model.index(i, 0))
        if not index.isValid():
            return
        self.selectionModel().select(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.NoUpdate)
        self.scrollTo(index)

    def _on_selection(self, *_):
        if self._silent:
            return
        i = self.selected_sample()
        if i is not None:
            self.sample_selected.emit(i)
