"""Writes the docs' images of the committee report (docs/how-to/report.md): its first page and the new structure chart.

    SOURCE_DATE_EPOCH=1323734400 slotting report examples/finance/leicester_2011_finance.yaml -o /tmp/report.pdf
    python docs/_make_images.py /tmp/report.pdf

Pages are rasterised with pypdfium2 (a test dependency) and written as PNG with the standard library.
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

import pypdfium2

HERE = Path(__file__).parent


def write_png(pixels, path: Path) -> None:
    """Writes an RGB array (height x width x 3, uint8) as a PNG file."""
    height, width = pixels.shape[:2]
    raw = b"".join(b"\x00" + pixels[y].tobytes() for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
                     + chunk(b"IEND", b""))


def main() -> None:
    document = pypdfium2.PdfDocument(sys.argv[1])
    # the structure's page moves with the sections before it (the committee's purpose and recommendations)
    structure = next(i for i in range(len(document)) if "The new structure" in document[i].get_textpage().get_text_range())
    for index, name in ((0, "report-summary.png"), (structure, "report-structure.png")):
        bgr = document[index].render(scale=1.25).to_numpy()
        write_png(bgr[:, :, [2, 1, 0]].copy(), HERE / name)


if __name__ == "__main__":
    main()
