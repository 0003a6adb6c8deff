"""The input format: pydantic models with bounded field types, the policy, and the reference checks."""

from .costing import Costing, Redundancy
from .policy import Policy
from .references import check_references
from .review import (
                     Grade,
                     NewPost,
                     NewStructure,
                     OldPost,
                     OldStructure,
                     Overlap,
                     Person,
                     Review,
                     ReviewFile,
                     SpinalAmount,
)
from .sources import SourceFile, Sources

__all__ = ["Costing", "Grade", "NewPost", "NewStructure", "OldPost", "OldStructure", "Overlap", "Person", "Policy",
           "Redundancy", "Review", "ReviewFile", "SourceFile", "Sources", "SpinalAmount", "check_references"]
