#!/usr/bin/env python3
"""Draws Partnerbook's app icon (a white "P" over an open book's spine on a blue
rounded square) and writes the PNG sizes Tauri wants into icons/.

Standard library only: the PNG is written by hand with zlib and struct.
Run from the repository root: python3 scripts/make_icons.py
"""

import math
import os
import struct
import zlib

BLUE = (31, 78, 121)
WHITE = (255, 255, 255)
GOLD = (242, 178, 51)
SAMPLES = 4  # supersampling per axis, for smooth edges

SIZES = {
    "32x32.png": 32,
    "128x128.png": 128,
    "128x128@2x.png": 256,
    "icon.png": 512,
}


def in_rounded_square(x, y, radius):
    """(x, y) in the unit square with corners rounded by `radius`."""
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def in_letter_p(x, y):
    """A bold "P": a stem and a bowl (a ring cut to its right half)."""
    x -= 0.05  # centre the letter: its bowl reaches further right than its stem
    stem = 0.30 <= x <= 0.42 and 0.20 <= y <= 0.80
    bx, by = 0.42, 0.39  # the bowl's centre
    r = math.hypot(x - bx, y - by)
    bowl = x >= bx and 0.075 <= r <= 0.19
    bar_top = 0.36 <= x <= bx and 0.20 <= y <= 0.315
    bar_mid = 0.36 <= x <= bx and 0.465 <= y <= 0.58
    return stem or bowl or bar_top or bar_mid


def in_book_line(x, y):
    """A gold underline: the book's edge."""
    return 0.24 <= x <= 0.76 and 0.84 <= y <= 0.88


def colour_at(x, y):
    """RGBA for one sample of the unit square."""
    if not in_rounded_square(x, y, 0.2):
        return (0, 0, 0, 0)
    if in_letter_p(x, y):
        return WHITE + (255,)
    if in_book_line(x, y):
        return GOLD + (255,)
    return BLUE + (255,)


def render(size):
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) / size
                    y = (py + (sy + 0.5) / SAMPLES) / size
                    r, g, b, a = colour_at(x, y)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SAMPLES * SAMPLES
            alpha = acc[3] / n
            if acc[3]:
                pixel = [round(acc[i] / acc[3]) for i in range(3)]
            else:
                pixel = [0, 0, 0]
            row += bytes(pixel + [round(alpha)])
        rows.append(bytes(row))
    return rows


def png(size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    raw = b"".join(b"\x00" + row for row in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "icons")
    os.makedirs(out, exist_ok=True)
    for name, size in SIZES.items():
        path = os.path.join(out, name)
        with open(path, "wb") as f:
            f.write(png(size, render(size)))
        print(f"wrote icons/{name} ({size}x{size})")


if __name__ == "__main__":
    main()
