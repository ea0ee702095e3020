"""The names of the frames a comparison holds (apart, so saving needs no comparison)."""

__all__ = ["FRAME_NAMES"]

#: the frames a Comparison holds, in the order they are computed and saved
FRAME_NAMES = (
    "documents",
    "chrome",
    "sections",
    "alignment",
    "sentences",
    "changes",
    "terms",
    "facts",
    "fact_changes",
    "corroboration",
)
