"""Reading input files: the only code that opens them. One reader per format, one meaning per file."""

from .loader import load

__all__ = ["load"]
