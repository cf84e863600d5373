"""The brand colours of ``site.colors`` as CSS variables, kept readable.

The text on the primary colour is white or near-black, whichever contrasts more; a link colour
is darkened until it reaches 4.5:1 on white (WCAG 2.1 AA), so no configuration can make the
site unreadable.
"""

from __future__ import annotations

from processkit.model.config import SiteColors

DEFAULT_PRIMARY = "#005596"
WHITE = "#ffffff"
DARK = "#000000"
AA = 4.5


def _rgb(color: str) -> tuple[int, int, int]:
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{channel:02x}" for channel in rgb)


def luminance(color: str) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _rgb(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on_white(color: str) -> str:
    """``color``, darkened in small steps until it reads on white with 4.5:1."""
    rgb = _rgb(color)
    while contrast(_hex(rgb), WHITE) < AA:
        rgb = (int(rgb[0] * 0.92), int(rgb[1] * 0.92), int(rgb[2] * 0.92))
    return _hex(rgb)


def _mix(color: str, toward: str, share: float) -> str:
    start, end = _rgb(color), _rgb(toward)
    return _hex(
        (
            round(start[0] + (end[0] - start[0]) * share),
            round(start[1] + (end[1] - start[1]) * share),
            round(start[2] + (end[2] - start[2]) * share),
        )
    )


def theme_css(colors: SiteColors) -> str:
    primary = _hex(_rgb((colors.primary or DEFAULT_PRIMARY).lower()))
    on_primary = WHITE if contrast(primary, WHITE) >= contrast(primary, DARK) else DARK
    # the menu bar: a shade further from the text colour, so its contrast only grows
    nav = _mix(primary, DARK if on_primary == WHITE else WHITE, 0.2)
    link = readable_on_white((colors.link or primary).lower())
    return (
        "/* The brand colours from processkit.yaml (site.colors). */\n"
        ":root {\n"
        f"  --pk-primary: {primary};\n"
        f"  --pk-on-primary: {on_primary};\n"
        f"  --pk-nav: {nav};\n"
        f"  --pk-link: {link};\n"
        "}\n"
    )
