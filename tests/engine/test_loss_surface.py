"""The loss surface: every grid value is the engine's own full-data loss for those weights."""
from __future__ import annotations

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.loss_surface import Plane, loss_curve, loss_surface
from bpviz.engine.trainer import Trainer


def loss_at(trainer: Trainer, params: np.ndarray) -> np.float32:
    trainer.params[...] = params
    return trainer.full_loss()


@pytest.mark.parametrize("changes", [dict(), dict(hidden=[4, 3], activation="tanh", bias=True, l2=0.01,
                                                  loss="sigmoid-ce")])
def test_surface_values_are_the_trainers_full_loss(changes):
    trainer = Trainer(RunConfig().replace(**changes))
    origin = trainer.params.copy()
    for plane in (Plane.random(origin, seed=3), Plane.of_weights(trainer.net, origin, 1, 4)):
        np.testing.assert_allclose(plane.axes @ plane.axes.T, np.eye(2), atol=1e-12)
        a, b, losses = loss_surface(trainer.net, trainer.dataset, trainer.config.loss, plane, 2.0, 9)
        assert losses.shape == (9, 9) and a[0] == -2 and b[-1] == 2
        for i, j in ((0, 0), (4, 4), (8, 3), (2, 7)):
            expected = loss_at(trainer, plane.points([a[j]], [b[i]])[0])
            assert losses[i, j] == expected
        assert losses[4, 4] == loss_at(trainer, origin.astype(np.float32))


def test_projection_of_weights_onto_the_plane():
    trainer = Trainer(RunConfig())
    origin = trainer.params.astype(np.float64)
    plane = Plane.of_weights(trainer.net, origin, 2, 7)
    assert plane.labels == ("w1[0,2]", "w2[1,0]")
    moved = origin.copy()
    moved[2] += 0.5
    moved[7] -= 2.0
    np.testing.assert_allclose(plane.coordinates(moved), [0.5, -2.0])
    random = Plane.random(origin, seed=1)
    np.testing.assert_allclose(random.coordinates(random.points([1.5], [-0.25], np.float64)), [[1.5, -0.25]])
    with pytest.raises(ValueError):
        Plane.of_weights(trainer.net, origin, 3, 3)


def test_the_parabola_is_a_curve():
    trainer = Trainer(RunConfig().replace(dataset="parabola", hidden=[]))
    w, losses = loss_curve(trainer.net, trainer.dataset, trainer.config.loss, -8, 6, 15)
    np.testing.assert_array_equal(losses, (w + np.float32(1)) * (w + np.float32(1)))
    with pytest.raises(ValueError):
        Plane.random(trainer.params)
