"""The step inspector's widgets: where each number of one update comes from.

They take engine records and arrays (`UpdateRecord`, `SampleTable`, weight dicts), never a Trainer, and
compute no training values; the main window wires them to the worker.
"""
from .code_panel import CodePanel
from .gradient_check_view import GradientCheckView
from .network_diagram import NetworkDiagram
from .phase_view import StepInspector
from .sample_table import SampleTableView

__all__ = ["CodePanel", "GradientCheckView", "NetworkDiagram", "SampleTableView", "StepInspector"]
