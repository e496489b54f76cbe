"""A small dialog asking for the size of an exported picture (width x height in pixels)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from bpviz.export.image import MAX_SIDE

DEFAULT_SIZE = (1200, 800)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImageSizeDialog", text)


class ImageSizeDialog(QDialog):
    def __init__(self, title: str, size: tuple[int, int] = DEFAULT_SIZE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("image_size_dialog")
        self.setWindowTitle(title)
        form = QFormLayout(self)
        note = QLabel(_tr("Size of the picture in pixels:"))
        form.addRow(note)
        self.width_box = self._box(size[0])
        self.height_box = self._box(size[1])
        form.addRow(_tr("&Width:"), self.width_box)
        form.addRow(_tr("&Height:"), self.height_box)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.width_box.setFocus()
        self.width_box.selectAll()

    def _box(self, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, MAX_SIDE)
        box.setSuffix(" px")
        box.setValue(int(value))
        box.setMinimumWidth(120)
        return box

    def size_chosen(self) -> tuple[int, int]:
        return self.width_box.value(), self.height_box.value()

    @staticmethod
    def get_size(parent: QWidget | None, title: str, size: tuple[int, int] = DEFAULT_SIZE) -> tuple[int, int] | None:
        """(width, height), or None if the user cancelled."""
        dialog = ImageSizeDialog(title, size, parent)
        try:
            return dialog.size_chosen() if dialog.exec() == QDialog.Accepted else None
        finally:
            dialog.deleteLater()
