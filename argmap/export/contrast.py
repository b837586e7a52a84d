"""WCAG 2.1 contrast ratios between two sRGB colours. Pure functions, no Qt.

Relative luminance and the ratio (L1 + 0.05) / (L2 + 0.05) as WCAG 2.1 defines them
(success criteria 1.4.3 and 1.4.11): AA asks 4.5:1 for text, 3:1 for large text and for
the lines and outlines a reader needs to understand a graphic.
"""

from __future__ import annotations

TEXT_AA = 4.5
GRAPHIC_AA = 3.0


def luminance(hex_code: str) -> float:
    """Relative luminance of ``#RRGGBB`` (0 black ... 1 white)."""
    channels = [int(hex_code[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
