"""The input format: pydantic models with bounded field types, the policy, and the reference checks."""

from .costing import Redundancy
from .policy import Policy
from .references import check_references
from .review import (
                     Costing,
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

__all__ = ["Costing", "Grade", "NewPost", "NewStructure", "OldPost", "OldStructure", "Overlap", "Person", "Policy",
           "Redundancy", "Review", "ReviewFile", "SpinalAmount", "check_references"]
