"""Exported loss figures in Chinese: the glyphs are drawn (not boxes), and the SVG keeps the text."""
from __future__ import annotations

import numpy as np
import pytest

from bpviz import i18n
from bpviz.export.loss_figure import LossCurves, export_loss_figure


def _curves(title: str) -> LossCurves:
    return LossCurves(np.linspace(1.0, 0.1, 60), np.array([0, 30]), np.array([1.0, 0.3]), title, 30)


@pytest.fixture
def chinese():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def test_png_draws_chinese_glyphs_not_boxes(tmp_path):
    from PySide6.QtGui import QImage

    paths = {}
    for title in ("训练损失", "反向传播", "损失函数"):
        paths[title] = tmp_path / f"{len(paths)}.png"
        export_loss_figure(_curves(title), paths[title], 600, 400)
    images = [QImage(str(p)) for p in paths.values()]
    assert all(im.width() == 600 and im.height() == 400 for im in images)
    # a missing glyph is drawn as the same empty box for every character: titles of four different
    # characters would then give identical pictures
    assert images[0] != images[1] and images[1] != images[2] and images[0] != images[2]


def test_exported_figures_follow_the_language(tmp_path, chinese):
    from bpviz.engine.config import RunConfig
    from bpviz.engine.trainer import Trainer

    trainer = Trainer(RunConfig().replace(steps=40, log_every=20))
    trainer.run(40)
    svg = tmp_path / "loss.svg"
    export_loss_figure(trainer, svg, 600, 400)
    text = svg.read_text(encoding="utf-8")
    assert "训练损失" in text and "轮数" in text and "本批数据上的损失" in text
