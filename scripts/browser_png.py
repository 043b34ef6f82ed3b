#!/usr/bin/env python3
"""Decodes a PNG with the standard library only, to prove a screenshot is not blank.

Usage: browser_png.py FILE.png
Exits 0 and prints a one-line summary when the image has real content; exits 1 when it is one
uniform colour (or nearly: fewer than MIN_COLOURS distinct colours, or less than MIN_INK of its
pixels differ from the most common one), or when the file is not a PNG this decoder reads.
"""

import struct
import sys
import zlib
from collections import Counter

MIN_COLOURS = 8
MIN_INK = 0.01  # share of pixels that differ from the background colour

CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # grey, RGB, grey+alpha, RGBA (8-bit depth only)


def decode(data):
    """Returns (width, height, channels, rows) with rows as unfiltered bytearrays."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace != 0:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = CHANNELS[colour]
    stride = width * channels
    raw = zlib.decompress(idat)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(line)
        previous = line
    return width, height, channels, rows


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path = sys.argv[1]
    try:
        width, height, channels, rows = decode(open(path, "rb").read())
    except (OSError, ValueError, zlib.error) as error:
        print(f"{path}: error: {error}", file=sys.stderr)
        return 1
    colours = Counter()
    for row in rows[::4]:  # every fourth row and pixel is plenty to tell a page from a blank
        for x in range(0, width * channels, channels * 4):
            colours[bytes(row[x:x + channels])] += 1
    total = sum(colours.values())
    background, count = colours.most_common(1)[0]
    ink = 1 - count / total
    summary = f"{path}: {width}x{height}, {len(colours)} colours, {ink:.1%} non-background"
    if len(colours) < MIN_COLOURS or ink < MIN_INK:
        print(f"{summary}: error: the screenshot is blank", file=sys.stderr)
        return 1
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
