"""normalizer: precision-first OCR/misspelling correction, promo stripping and Unicode/layout
normalization for news text.

    >>> from normalizer import Normalizer
    >>> result = Normalizer().normalize("Talks with Sergey Lavroy in Libva.")
    >>> result.text, [(e.original, e.replacement) for e in result.applied]
"""

from .model import EDIT_JSON_SCHEMA, KINDS, STAGES, Edit, Result, apply_edits
from .pipeline import Normalizer, resolve_overlaps
from .profile import (
    Config,
    ConfigError,
    GazetteerEntry,
    Profile,
    discover_config,
    load_config,
    named_profile,
)

__version__ = "0.1.0"

__all__ = [
    "EDIT_JSON_SCHEMA",
    "KINDS",
    "STAGES",
    "Config",
    "ConfigError",
    "Edit",
    "GazetteerEntry",
    "Normalizer",
    "Profile",
    "Result",
    "__version__",
    "apply_edits",
    "discover_config",
    "load_config",
    "named_profile",
    "resolve_overlaps",
]
