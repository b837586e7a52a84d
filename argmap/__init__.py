"""argmap: scenario and argument mapping from source articles."""

__version__ = "0.1.0"
