"""bpviz: see and drive backpropagation."""
__version__ = "0.1.0"
