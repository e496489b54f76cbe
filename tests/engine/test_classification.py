"""The class a network's outputs pick and the confusion matrix, against counts made by hand."""
import numpy as np
import pytest

from bpviz.engine.classification import confusion_matrix, predicted_classes
from bpviz.engine.config import RunConfig
from bpviz.engine.losses import accuracy
from bpviz.engine.trainer import Trainer


def test_one_output_picks_class_1_at_and_above_one_half():
    out = np.array([[0.0], [0.49999], [0.5], [0.9], [np.nan], [-3.0], [7.0]], np.float32)
    assert predicted_classes(out).tolist() == [0, 0, 1, 1, 0, 0, 1]


def test_one_output_per_class_picks_the_largest_the_first_on_a_tie():
    out = np.array([[0.2, 0.5, 0.3], [0.7, 0.1, 0.2], [0.1, 0.1, 0.8], [0.4, 0.4, 0.2]])
    assert predicted_classes(out).tolist() == [1, 0, 2, 0]


def test_two_classes_counted_by_hand():
    labels = [0, 0, 0, 1, 1, 1, 1, 0]
    guess = [0, 1, 0, 1, 1, 0, 1, 0]
    # true 0: guessed 0 three times (indices 0, 2, 7), 1 once (1); true 1: 0 once (5), 1 three times (3, 4, 6)
    assert confusion_matrix(labels, guess, 2).tolist() == [[3, 1], [1, 3]]


def test_three_classes_counted_by_hand_rows_are_true_columns_predicted():
    labels = np.array([2, 0, 1, 2, 2, 1, 0, 0, 2])
    guess = np.array([2, 0, 2, 1, 2, 1, 2, 0, 0])
    expected = np.zeros((3, 3), int)
    for t, p in [(2, 2), (0, 0), (1, 2), (2, 1), (2, 2), (1, 1), (0, 2), (0, 0), (2, 0)]:
        expected[t, p] += 1
    counts = confusion_matrix(labels, guess, 3)
    assert counts.tolist() == expected.tolist() == [[2, 0, 1], [0, 1, 1], [1, 1, 2]]
    assert counts.dtype == np.int64
    assert counts.sum() == len(labels)
    assert counts.sum(axis=1).tolist() == np.bincount(labels, minlength=3).tolist()


def test_no_points_counts_nothing_and_bad_classes_are_refused():
    assert confusion_matrix([], [], 3).tolist() == [[0] * 3] * 3
    with pytest.raises(ValueError):
        confusion_matrix([0, 3], [0, 1], 3)
    with pytest.raises(ValueError):
        confusion_matrix([0, 1], [0], 2)


def test_the_diagonal_agrees_with_the_accuracy_of_a_trained_run():
    trainer = Trainer(RunConfig().replace(dataset="sectors", loss="softmax-ce", hidden=[6], activation="tanh",
                                          bias=True, optimizer="adam", lr=0.02, steps=300))
    trainer.run(300)
    prediction = trainer.predict_features(trainer.X)
    labels = trainer.dataset.Y[:trainer.n_samples, 0]
    counts = confusion_matrix(labels, predicted_classes(prediction), 3)
    assert np.trace(counts) / counts.sum() == pytest.approx(trainer.accuracy())
    assert accuracy("softmax-ce", prediction, trainer.dataset.Y[:trainer.n_samples], 3) == trainer.accuracy()
