"""Draw the application icon: resources/icons/grassroots.png (the window) and grassroots.ico (the executable).

Run from the repository root when the design changes: `.venv/bin/python packaging/make_icon.py`.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
RED, YELLOW, GREEN, DARK_GREEN = (198, 40, 40), (255, 214, 0), (67, 160, 71), (27, 94, 32)


def star(center: tuple[float, float], outer: float, inner: float) -> list[tuple[float, float]]:
    """Return the ten corners of a five-pointed star pointing up."""
    corners = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = -math.pi / 2 + index * math.pi / 5
        corners.append((center[0] + radius * math.cos(angle), center[1] + radius * math.sin(angle)))
    return corners


def draw() -> Image.Image:
    """Return the icon at 256 pixels: a yellow star over green grass on a red rounded square."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=48, fill=RED)
    pen.polygon(star((SIZE / 2, 100), 70, 28), fill=YELLOW)
    pen.rounded_rectangle((36, 186, SIZE - 36, 216), radius=12, fill=DARK_GREEN)
    for x, height in ((64, 40), (96, 56), (128, 66), (160, 56), (192, 40)):
        pen.polygon([(x - 12, 192), (x + 12, 192), (x, 192 - height)], fill=GREEN)
    return image


def main() -> None:
    """Write the PNG and the multi-size ICO."""
    image = draw()
    image.save(ICONS / "grassroots.png")
    image.save(ICONS / "grassroots.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
