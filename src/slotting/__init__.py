"""slotting: slotting and savings calculator for organisational restructures in UK public bodies."""

__version__ = "0.1.0"
