"""Reading input files: the only code that opens them. One reader per format, one meaning per file."""

from .loader import load, load_jds

__all__ = ["load", "load_jds"]
