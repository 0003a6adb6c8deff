"""The loader's messages: model.messages, where with_changes and the models' own constructors find them too."""

from ..model.messages import data_path, explain, kind_of, nearest, unsupported_table

__all__ = ["data_path", "explain", "kind_of", "nearest", "unsupported_table"]
