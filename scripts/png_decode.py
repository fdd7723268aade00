#!/usr/bin/env python3
"""Decode a PNG file with nothing but the standard library, as an independent
check on mlplab's PNG writer (used by Tests/PlotsTests).

Usage: png_decode.py FILE

Checks the signature, the chunk order (IHDR first, IEND last), every chunk's
CRC-32, and that IHDR describes an 8-bit, non-interlaced greyscale (colour
type 0) or RGB (colour type 2) image; undoes all five scanline filters. Prints
one JSON object: {"width", "height", "colour_type", "chunks", "pixels"} with
pixels as a flat list of bytes, row by row. Exits 1 with a message on stderr
if anything is wrong.
"""
import json
import struct
import sys
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def read_chunks(data):
    if data[:8] != SIGNATURE:
        fail("bad signature: %r" % data[:8])
    chunks, offset = [], 8
    while offset < len(data):
        if offset + 8 > len(data):
            fail("truncated chunk header at byte %d" % offset)
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            fail("CRC mismatch in chunk %s" % kind.decode("latin-1"))
        chunks.append((kind.decode("ascii"), body))
        offset += 12 + length
    return chunks


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(raw, width, height, bpp):
    stride = width * bpp
    out, previous, pos = bytearray(), bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            up_left = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                line[i] = (line[i] + paeth(left, up, up_left)) & 0xFF
            elif kind != 0:
                fail("unknown filter type %d" % kind)
        out += line
        previous = line
    if pos != len(raw):
        fail("%d bytes of image data left over" % (len(raw) - pos))
    return out


def main():
    if len(sys.argv) != 2:
        fail("usage: png_decode.py FILE")
    with open(sys.argv[1], "rb") as f:
        chunks = read_chunks(f.read())
    names = [name for name, _ in chunks]
    if not names or names[0] != "IHDR" or names[-1] != "IEND":
        fail("chunks must start with IHDR and end with IEND: %s" % names)
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if depth != 8 or colour not in (0, 2) or (compression, filtering, interlace) != (0, 0, 0):
        fail("unsupported IHDR: depth %d colour %d compression %d filter %d interlace %d"
             % (depth, colour, compression, filtering, interlace))
    raw = zlib.decompress(b"".join(body for name, body in chunks if name == "IDAT"))
    pixels = unfilter(raw, width, height, 1 if colour == 0 else 3)
    print(json.dumps({"width": width, "height": height, "colour_type": colour,
                      "chunks": names, "pixels": list(pixels)}))


if __name__ == "__main__":
    main()
