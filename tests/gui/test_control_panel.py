"""The control panel: invalid entries are refused where they are typed, with a reason; all or nothing."""
import pytest
from PySide6.QtCore import Qt

from bpviz.engine.config import RunConfig
from bpviz.engine.trainer import Trainer

from .conftest import wait_shown_step


def type_into(qtbot, field, text, enter=True):
    edit = field.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key_Backspace)
    qtbot.keyClicks(edit, text)
    if enter:
        qtbot.keyClick(edit, Qt.Key_Return)


@pytest.mark.parametrize("text, reason", [("abc", "not a number"), ("-1", "greater than 0"),
                                          ("0", "greater than 0"), ("", "Enter a number")])
def test_invalid_learning_rate_is_refused_with_a_visible_reason(qtbot, window, text, reason):
    before = window.controller.config
    field = window.panel.field("lr")
    type_into(qtbot, field, text)
    assert field.error_label.isVisible()
    assert reason in field.error_label.text()
    assert "border" in field.edit.styleSheet()
    assert window.panel.pending_label.isVisible()
    assert "Learning rate" in window.panel.pending_label.text()
    assert window.controller.config == before == window.panel.config()
    # Start still uses the last valid configuration
    with qtbot.waitSignal(window.controller.target_reached):
        window.act_run_target.trigger()
    reference = Trainer(RunConfig())
    reference.run(3000)
    snap = window.controller.latest_snapshot()
    assert snap.config.optimizer.lr == 0.001
    assert (snap.params == reference.params).all()
    # fixing the entry clears the error and applies it
    type_into(qtbot, field, "1e-5")
    assert not field.error_label.isVisible()
    assert not window.panel.pending_label.isVisible()
    assert window.controller.config.optimizer.lr == 1e-5


def test_nothing_applies_while_any_field_is_invalid(qtbot, window):
    type_into(qtbot, window.panel.field("hidden"), "3, x")
    assert "commas" in window.panel.field("hidden").error_label.text()
    before = window.controller.config
    window.panel.field("activation").set_value("tanh")  # a valid edit elsewhere ...
    assert window.controller.config == before  # ... waits until the whole configuration is valid
    assert window.panel.pending_label.isVisible()
    type_into(qtbot, window.panel.field("hidden"), "5")
    assert window.controller.config.model.hidden == [5]
    assert window.controller.config.model.activation == "tanh"


@pytest.mark.parametrize("name, text, reason", [
    ("hidden", "0", "1 to 256"),
    ("hidden", "1,2,3,4,5,6,7,8,9", "At most 8"),
    ("init_stddev", "0", "greater than 0"),
    ("init_seed", "1.5", "whole number"),
    ("l2", "-0.1", "at least 0"),
    ("data_seed", "-3", "between 0 and"),
])
def test_other_invalid_entries(qtbot, window, name, text, reason):
    before = window.controller.config
    field = window.panel.field(name)
    type_into(qtbot, field, text)
    assert reason in field.error_label.text()
    assert window.controller.config == before


def test_optimizer_shows_only_its_own_settings(qtbot, window):
    panel = window.panel
    def shown(name):  # what the user sees: the field's row in the form
        return panel.field(name).container.isVisibleTo(panel)

    assert not shown("momentum") and not shown("beta1")
    panel.field("optimizer").set_value("momentum")
    assert shown("momentum") and shown("nesterov") and not shown("beta1")
    assert window.controller.config.optimizer.optimizer == "momentum"
    panel.field("optimizer").set_value("adam")
    assert shown("beta1") and shown("beta2") and shown("epsilon") and not shown("momentum")
    assert not shown("lr_decay")
    panel.field("decay_on").set_value(True)
    assert shown("lr_decay") and shown("decay_steps") and shown("staircase")
    assert window.controller.config.optimizer.lr_decay == pytest.approx(0.96)


def test_tutorial_defaults_restore_the_exact_configuration(qtbot, window):
    window.panel.field("optimizer").set_value("adam")
    type_into(qtbot, window.panel.field("hidden"), "8, 8")
    window.panel.field("samples").set_value(100)
    assert window.controller.config != RunConfig()
    window.panel.defaults_button.click()
    assert window.controller.config == RunConfig()
    assert window.panel.field("hidden").edit.text() == "3"
    assert window.panel.field("lr").edit.text() == "0.001"


def test_regenerate_draws_a_new_data_seed_and_resets(qtbot, window):
    with qtbot.waitSignal(window.controller.trainer_replaced):
        window.panel.regenerate_button.click()
    seed = window.controller.config.data.data_seed
    assert seed is not None
    assert window.panel.field("data_seed").edit.text() == str(seed)
    snap = window.controller.latest_snapshot()
    assert snap.dataset.X.shape == (32, 2)


def test_noise_range_follows_the_dataset(qtbot, window):
    panel = window.panel
    panel.field("noise").set_value(3.0)
    assert window.controller.config.data.noise == 3.0
    panel.field("dataset").set_value("xor")  # Playground sets take noise up to 0.5
    assert window.controller.config.data.dataset == "xor"
    assert window.controller.config.data.noise == 0.5
    wait_shown_step(qtbot, window, lambda s: s == 0)


def test_every_field_fits_the_docks_width_at_1366x768(qtbot, window):
    """Nothing is cut at the panel's right edge: the longest data set name once widened every section past the
    dock, and the scroll area (no horizontal bar) clipped the fields."""
    from PySide6.QtWidgets import QDockWidget, QScrollArea
    window.resize(1366, 740)
    scroll = window.findChild(QDockWidget, "controls_dock").findChild(QScrollArea)
    qtbot.waitUntil(lambda: scroll.viewport().width() > 0)
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
