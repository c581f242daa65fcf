#!/usr/bin/env python3
"""Makes Waymark for Workers' icons from the person's app's (src-tauri/icons): the same pin, on a
deep plum square instead of teal, so the two apps are told apart in a dock or a menu (the white
pin keeps over 7:1 contrast against it). Run from the repository: python3 scripts/worker-icons.py
Reads and writes 8-bit RGBA PNGs with the standard library only."""

import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUM = (0x4B, 0x2A, 0x5E)


def read_rgba(path: Path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    width, height, depth, colour, _, _, interlace = header
    assert (depth, colour, interlace) == (8, 6, 0), f"{path}: not 8-bit RGBA, non-interlaced"
    raw, stride, rows, prev = zlib.decompress(idat), width * 4, [], bytearray(width * 4)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - 4] if i >= 4 else 0
            up, up_left = prev[i], (prev[i - 4] if i >= 4 else 0)
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 255
        rows.append(line)
        prev = line
    return width, height, rows


def write_rgba(path: Path, width: int, height: int, rows) -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    path.write_bytes(png)


def recolour(rows) -> None:
    """Every pixel that is not the white pin takes the plum, scaled by how far from white it is,
    so the pin's anti-aliased edge stays smooth."""
    for line in rows:
        for i in range(0, len(line), 4):
            r, g, b = line[i : i + 3]
            white = min(r, g, b) / 255  # 1 on the pin, 0 on the background
            for c in range(3):
                line[i + c] = round(PLUM[c] + (255 - PLUM[c]) * white)


for name in ["32x32", "128x128", "128x128@2x", "icon"]:
    width, height, rows = read_rgba(ROOT / "src-tauri/icons" / f"{name}.png")
    recolour(rows)
    write_rgba(ROOT / "src-worker/icons" / f"{name}.png", width, height, rows)
    print(f"src-worker/icons/{name}.png")
