"""Reading input files: the only code that opens them. One reader per format, one meaning per file."""

from .files import files_read, inputs_digest
from .loader import load, load_jds

__all__ = ["files_read", "inputs_digest", "load", "load_jds"]
