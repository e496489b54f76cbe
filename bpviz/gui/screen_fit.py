"""The window on the screen people have: never larger than the screen's available area, never off its edge.

Pure geometry on (width, height) and QRect, so that the rules can be tested for any screen size; `fit_window`
applies them to a window.  There may be no window manager (Xvfb, some kiosks) to pull a window back on
screen, so the window does it itself.
"""
from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

LARGE_SIZE = (1680, 1020)  # more than this only spreads the plots thin
SHARE = (0.95, 0.92)  # of the available area, so that the window reads as a window and not a second desktop
FALLBACK_ROOM = (1280, 800)  # no screen at all (should not happen with a display): a classroom projector's


def first_size(room: tuple[int, int]) -> tuple[int, int]:
    """The window's size before any saved geometry, for a screen whose available area is `room`."""
    return (min(LARGE_SIZE[0], int(room[0] * SHARE[0])), min(LARGE_SIZE[1], int(room[1] * SHARE[1])))


def fitted(frame: QRect, room: QRect) -> QRect:
    """`frame` (the window with its title bar and borders) shrunk to `room` and moved inside it."""
    width = min(frame.width(), room.width())
    height = min(frame.height(), room.height())
    x = min(max(frame.x(), room.x()), room.x() + room.width() - width)
    y = min(max(frame.y(), room.y()), room.y() + room.height() - height)
    return QRect(x, y, width, height)


def available(widget: QWidget | None = None) -> QRect:
    """The available geometry of the screen the widget is on (the primary screen before it is shown)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, *FALLBACK_ROOM)
    return screen.availableGeometry()


def fit_window(window: QWidget) -> None:
    """Shrink and move `window` so that all of it, frame included, is inside its screen's available area."""
    room = available(window)
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    target = fitted(frame, room)
    if target != frame:
        window.resize(target.width() - extra_w, target.height() - extra_h)
        window.move(target.x(), target.y())
