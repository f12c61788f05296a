#!/usr/bin/env python3
"""Renders the pages under tests/data/ocr/ that test the OCR engine's
orientation fallback. Same tools as render_letters.py (weasyprint,
fonts-liberation2, poppler-utils, imagemagick).

Usage: samples/render/render_orientation_pages.py OUT_DIR (tests/data/ocr)

  003_p2-upside-down.png  page 2 of samples/letters/003_a5e607804649b42a.txt
                          rendered as render_letters.py renders it (gray,
                          300 dpi, A4) and turned 180 degrees. Leptonica's
                          ascender count takes this page for likely upright
                          (up 2.8, left -2.0; upright it says unsure, up 1.8):
                          it is read upside down first, at a mean word
                          confidence about 40, and OSD then turns it.
  003_p2-band-upside-down.png
                          rows 1400-2499 of that page upright (a band of
                          body text, full width), turned 180 degrees, 1-bit.
                          The ascender count calls this band clearly upright
                          (up 7.4, left -2.6; in gray 7.7, -2.3): it is read
                          upside down first, at a mean word confidence about
                          40, and OSD then turns it.
"""
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render_letters as render  # noqa: E402

LETTER = render.ROOT / "samples/letters/003_a5e607804649b42a.txt"
# (file, degrees turned, crop of the upright page as WxH+X+Y or None, 1-bit)
PAGES = [("003_p2-upside-down.png", 180, None, False),
         ("003_p2-band-upside-down.png", 180, "2481x1100+0+1400", True)]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "l.html").write_text(render.letter_html(LETTER.read_text(encoding="utf-8")), encoding="utf-8")
        render.run("weasyprint", "-q", tmp / "l.html", tmp / "l.pdf")
        render.run("pdftoppm", "-gray", "-r", "300", "-png", "-f", "2", "-l", "2", "-singlefile",
                   tmp / "l.pdf", tmp / "p2")
        for name, degrees, crop, bilevel in PAGES:
            cut = ["-crop", crop, "+repage"] if crop else []
            depth = ["-threshold", "50%", "-type", "Bilevel"] if bilevel else ["-colorspace", "Gray"]
            render.run("convert", tmp / "p2.png", *cut, "-rotate", str(degrees), *depth,
                       "-units", "PixelsPerInch", "-density", "300",
                       "-define", "png:exclude-chunks=date,time", out / name)
            print(name, file=sys.stderr)


if __name__ == "__main__":
    main()
