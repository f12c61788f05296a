#!/usr/bin/env python3
"""Renders the sample letters into born-digital PDFs and scan-like page images,
for the OCR tests and bench/ocr. Debian packages only: weasyprint,
fonts-liberation2, poppler-utils (pdftoppm), imagemagick, qpdf.

Usage: samples/render/render_letters.py OUT_DIR [LETTER.txt ...]
(default: every samples/letters/*.txt). Each variant gets its own folder and
every file keeps the letter's stem, because the scorer pairs documents by stem:
  OUT/pdf/<stem>.pdf          born-digital, Liberation Serif 13 pt, A4
  OUT/clean300/<stem>.png     gray 300 dpi, page 1 (multi-page: <stem>.tif, all pages)
  OUT/deg300/<stem>.jpg       colour 300 dpi, skewed, noisy, blurred, JPEG,
  OUT/deg200/<stem>.jpg       ... 200 dpi; a red seal over the signature and a
                              blue receipt stamp with a handwritten number over
                              the header (multi-page letters: page 1 only)
  OUT/sigbox/<stem>.pdf       the degraded 200 dpi scan inside a PDF whose only
                              text layer is a digital-signature box
  OUT/tcvn3/<stem>.pdf        the clean page image under an invisible text layer
                              in TCVN3 (ABC) bytes shown through a Latin-1 font,
                              as Poppler reads old .VnTime letters
  OUT/truth/<stem>.txt        the text of the pages rendered in the image variants
                              (pdftotext -layout: header columns side by side)
  OUT/truth_blocks/<stem>.txt the same with each run of two-column lines given
                              as the left column, then the right one (the
                              reading order congvan gives OCR text)
  OUT/scan/clean300/<stem>.tif  EVERY page of the letter, gray 300 dpi, one
                              multi-page TIFF (LZW) per letter
  OUT/scan/deg300/<stem>.tif    every page degraded as deg300 (receipt stamp on
                              page 1, seal and signature on the last page),
                              multi-page JPEG-compressed TIFF
  OUT/scan/deg200/<stem>.pdf    every page degraded as deg200, as an image-only
                              ("scanned") PDF: one JPEG per page, no text layer
The folders above scan/ hold page 1 only (bench/ocr_bench compares single
pages with truth/); scan/ holds whole letters, one document per letter, for
bench/scan_score.sh (the scorer pairs documents by stem).
Options through the environment: PAGES_MAX (default 1) pages per image variant
outside scan/; SCANS=1 adds scan/ (slow: every page of every letter, three
times), SCAN_ONLY=1 makes only pdf/ and scan/ (what bench/scan_score.sh uses).
"""
import html
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERIF = "Liberation Serif"
SANS_BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"
SERIF_ITALIC = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf"

CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { margin: 0; }
pre { font-family: "%s"; font-size: 13pt; line-height: 1.3;
      white-space: pre-wrap; word-wrap: break-word; margin: 0; }
table.row { width: 100%%; table-layout: fixed; border-collapse: collapse;
            font-family: "%s"; font-size: 13pt; line-height: 1.3; }
table.row td { text-align: center; padding: 0; vertical-align: top; }
td.l { width: 42%%; } td.r { width: 58%%; }
""" % (SERIF, SERIF)


def run(*cmd, **kw):
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def letter_html(text):
    """The letter as HTML: a line whose parts are set apart by 4+ spaces (the
    two-column header and signature area of layout text) becomes a row of two
    centred columns, as on the paper letter; a markdown table row ("| a | b |",
    how some letters give their header and signature blocks) becomes such a
    row too, without its '|' and separator rows, which no paper letter shows;
    other lines stay preformatted."""
    rows = []
    for line in text.splitlines():
        parts = [p.strip() for p in re.split(r" {4,}", line.strip()) if p.strip()]
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.strip().startswith("|") else []
        if cells and all(re.fullmatch(r":?-+:?", c) for c in cells):
            continue  # separator row
        if len(cells) == 2:
            style = lambda c: " style='text-align:left'" if c.startswith("Nơi nhận") else ""
            rows.append("<table class='row'><tr><td class='l'%s>%s</td><td class='r'>%s</td></tr></table>"
                        % (style(cells[0]), html.escape(cells[0]), html.escape(cells[1])))
        elif len(parts) == 2 and len(line) - len(line.lstrip()) < 30:
            rows.append("<table class='row'><tr><td class='l'>%s</td><td class='r'>%s</td></tr></table>"
                        % (html.escape(parts[0]), html.escape(parts[1])))
        else:
            rows.append("<pre>%s</pre>" % (html.escape(line) or " "))
    return ("<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><style>%s</style>"
            "</head><body>%s</body></html>") % (CSS, "\n".join(rows))


def page_count(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(l.split()[-1] for l in out.splitlines() if l.startswith("Pages:")))


def page_text(pdf, page):
    """The text of one page of the born-digital PDF: the truth for its images."""
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout.replace("\f", "")


def column_blocks(text):
    """Layout text with runs of two-column lines (parts 4+ spaces apart) given
    as the left column's lines, then the right column's."""
    out, left, right = [], [], []
    for line in text.splitlines() + [""]:
        parts = [p.strip() for p in re.split(r" {4,}", line.strip()) if p.strip()]
        if len(parts) == 2 and len(line) - len(line.lstrip()) < 30:
            left.append(parts[0])
            right.append(parts[1])
            continue
        if left and not line.strip():
            continue  # a blank line inside a run of two-column lines
        if left:
            out += left + right
            left, right = [], []
        out.append(line)
    return "\n".join(out)


def content_box(png):
    """(x, y, w, h) of the inked part of a page image."""
    out = subprocess.run(["convert", str(png), "-trim", "-format", "%@", "info:"],
                         capture_output=True, text=True, check=True).stdout
    wh, x, y = out.split("+")
    w, h = wh.split("x")
    return int(x), int(y), int(w), int(h)


def stamps(png, dpi, rng, first, last):
    """ImageMagick -draw arguments for the red seal (over the signature, on the
    last page) and the blue receipt stamp (over the header, on page 1)."""
    args = []
    s = dpi / 300.0
    x, y, w, h = content_box(png)
    if last:
        # Seal: two red rings, a star and a word, left of the signer's name.
        cx, cy = int(x + w * 0.62), int(y + h - 260 * s)
        r = int(150 * s)
        args += ["-fill", "none", "-stroke", "rgb(215,35,40)", "-strokewidth", str(max(2, int(9 * s))),
                 "-draw", f"circle {cx},{cy} {cx + r},{cy}",
                 "-strokewidth", str(max(1, int(4 * s))),
                 "-draw", f"circle {cx},{cy} {cx + int(r * 0.72)},{cy}",
                 "-fill", "rgb(215,35,40)", "-stroke", "none",
                 "-draw", f"polygon {cx},{cy - int(50 * s)} {cx + int(14 * s)},{cy - int(12 * s)} "
                          f"{cx + int(52 * s)},{cy - int(12 * s)} {cx + int(20 * s)},{cy + int(12 * s)} "
                          f"{cx + int(32 * s)},{cy + int(50 * s)} {cx},{cy + int(26 * s)} "
                          f"{cx - int(32 * s)},{cy + int(50 * s)} {cx - int(20 * s)},{cy + int(12 * s)} "
                          f"{cx - int(52 * s)},{cy - int(12 * s)} {cx - int(14 * s)},{cy - int(12 * s)}",
                 "-font", SANS_BOLD, "-pointsize", str(int(30 * s)),
                 "-draw", f"text {cx - int(95 * s)},{cy + int(95 * s)} 'ỦY BAN NHÂN DÂN'"]
        # The signature: a blue scribble across the signer's block.
        pts = " ".join(f"{int(cx - 120 * s + i * 22 * s)},{int(cy - 30 * s + rng.randint(-40, 40) * s)}"
                       for i in range(12))
        args += ["-fill", "none", "-stroke", "rgb(30,60,200)", "-strokewidth", str(max(2, int(5 * s))),
                 "-draw", f"polyline {pts}"]
    if first:
        # Receipt stamp: a blue box "ĐẾN" with a handwritten number, over the header.
        bx, by = int(x + w * 0.05), int(y + 10 * s)
        bw, bh = int(560 * s), int(190 * s)
        args += ["-fill", "none", "-stroke", "rgb(40,70,190)", "-strokewidth", str(max(2, int(5 * s))),
                 "-draw", f"rectangle {bx},{by} {bx + bw},{by + bh}",
                 "-fill", "rgb(40,70,190)", "-stroke", "none", "-font", SANS_BOLD,
                 "-pointsize", str(int(44 * s)),
                 "-draw", f"text {bx + int(20 * s)},{by + int(60 * s)} 'ĐẾN  Số: ...........'",
                 "-pointsize", str(int(34 * s)),
                 "-draw", f"text {bx + int(20 * s)},{by + int(150 * s)} 'Ngày: ......../......./.......'",
                 "-font", SERIF_ITALIC, "-fill", "rgb(20,50,170)", "-pointsize", str(int(64 * s)),
                 "-draw", f"text {bx + int(260 * s)},{by + int(70 * s)} '{rng.randint(1000, 9999)}'",
                 "-draw", f"text {bx + int(200 * s)},{by + int(165 * s)} '{rng.randint(10, 28)}   {rng.randint(1, 12)}'"]
    return args


def degrade(src_png, dst_jpg, dpi, rng, first, last):
    """A scanned copy of the page: stamps, skew, noise, blur, yellowish paper,
    JPEG. The stamps are drawn on a white layer multiplied into the page, as
    ink on paper: the printed text under a seal stays black (drawn opaquely,
    a seal would erase the words it covers, which no real stamp does)."""
    angle = rng.choice([-1, 1]) * rng.uniform(0.5, 2.0)
    marks = stamps(src_png, dpi, rng, first, last)
    layer = ["(", "+clone", "-fill", "white", "-colorize", "100", *marks, ")",
             "-compose", "Multiply", "-composite", "-compose", "Over"] if marks else []
    run("convert", src_png, "-colorspace", "sRGB", "-type", "TrueColor", *layer,
        "-background", "white", "-rotate", f"{angle:.2f}",
        "-attenuate", "0.35", "+noise", "Gaussian", "-blur", "0x0.7",
        "-fill", "rgb(246,242,232)", "-opaque", "white", "-fuzz", "3%",
        "-units", "PixelsPerInch", "-density", str(dpi), "-quality", "55", dst_jpg)


def write_pdf(objs, dst):
    """A PDF file of the objects `objs` (numbered from 1, the first the
    catalog) with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    Path(dst).write_bytes(bytes(out))


def pdf_string(data):
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


# TCVN3 (ABC) bytes of the lower-case Vietnamese letters; upper-case toned
# letters use the same bytes in the .VnTimeH capitals font.
TCVN3 = dict(zip(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ",
    "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦"))


def tcvn3_bytes(text):
    out = bytearray()
    for ch in text:
        c = TCVN3.get(ch) or TCVN3.get(ch.lower()) or (ch if ord(ch) < 128 else "?")
        out += c.encode("latin-1")
    return bytes(out)


def tcvn3_pdf(page_png, text, dst):
    """A one-page PDF: the page image, and over it an invisible text layer of
    `text` in TCVN3 bytes through Helvetica/WinAnsi (Poppler reads it as the
    Latin-1 mojibake of a .VnTime letter)."""
    info = subprocess.run(["convert", str(page_png), "-format", "%w %h", "info:"],
                          capture_output=True, text=True, check=True).stdout.split()
    w, h = int(info[0]), int(info[1])
    gray = subprocess.run(["convert", str(page_png), "-colorspace", "Gray", "-depth", "8", "gray:-"],
                          capture_output=True, check=True).stdout
    pw, ph = 595.28, 841.89
    lines = [l for l in text.splitlines()]
    body = [b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph), b"BT 3 Tr /F1 11 Tf"]
    for i, line in enumerate(lines):
        y = ph - 57 - i * 16.9
        if y < 40:
            break
        lead = len(line) - len(line.lstrip(" "))
        body.append(b"1 0 0 1 %.2f %.2f Tm %s Tj" % (85 + lead * 3.2, y, pdf_string(tcvn3_bytes(line.strip()))))
    body.append(b"ET")
    content = zlib.compress(b"\n".join(body))
    image = zlib.compress(gray)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> /Font << /F1 6 0 R >> >> >>" % (pw, ph),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(image)) + image + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    write_pdf(objs, dst)


def sigbox_pdf(page_jpg, dst, tmp):
    """The scan as a full-page image with a digital-signature box as the only text."""
    doc = ("<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
           "@page { size: A4; margin: 0 } body { margin: 0 }"
           "img { width: 210mm; height: 297mm; display: block }"
           ".sig { position: absolute; top: 8mm; right: 10mm; width: 62mm; border: 1px solid #c00;"
           " font: 7.5pt 'Liberation Sans'; color: #c00; padding: 1mm; background: white }"
           "</style></head><body><img src='%s'><div class='sig'>Ký bởi: Ủy ban nhân dân tỉnh<br>"
           "Email: vanthu@example.gov.vn<br>Cơ quan: Tỉnh ủy<br>Thời gian ký: 06.11.2024 09:27:05 +07:00"
           "</div></body></html>") % Path(page_jpg).resolve().as_uri()
    html_path = Path(tmp) / "sig.html"
    html_path.write_text(doc, encoding="utf-8")
    run("weasyprint", "-q", html_path, dst)


def image_pdf(jpgs, dpi, dst):
    """An image-only PDF, as a scanner writes it: each JPEG as it is (DCTDecode)
    on its own page, the page sized from the image and `dpi`; no text layer.
    (ImageMagick's policy on Debian forbids writing PDF.)"""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    for n, jpg in enumerate(jpgs):
        info = subprocess.run(["identify", "-format", "%w %h %[channels]", str(jpg)],
                              capture_output=True, text=True, check=True).stdout.split()
        w, h = int(info[0]), int(info[1])
        space = b"/DeviceGray" if info[2].startswith("gray") else b"/DeviceRGB"
        data = Path(jpg).read_bytes()
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        page, content, image = len(objs) + 1, len(objs) + 2, len(objs) + 3
        body = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        kids.append(b"%d 0 R" % page)
        objs += [
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
            b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (pw, ph, content, image),
            b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 "
            b"/Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, space, len(data)) + data + b"\nendstream",
        ]
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    write_pdf(objs, dst)


def scan_variants(pdf, out, stem, tmp):
    """Every page of the letter as the clerk's scanner gives it: a multi-page
    TIFF (clean and degraded 300 dpi) and an image-only PDF (degraded 200 dpi)."""
    for sub in ("clean300", "deg300", "deg200"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    rng = random.Random(stem + "/scan")  # its own sequence: the page-1 images above stay as they were
    run("pdftoppm", "-gray", "-r", "300", "-png", pdf, tmp / "all-g300")
    run("pdftoppm", "-r", "300", "-png", pdf, tmp / "all-c300")
    run("pdftoppm", "-r", "200", "-png", pdf, tmp / "all-c200")
    g300 = sorted(tmp.glob("all-g300*.png"))
    run("convert", *g300, "-units", "PixelsPerInch", "-density", "300", "-compress", "LZW",
        out / "clean300" / f"{stem}.tif")
    for dpi, prefix, sub in ((300, "all-c300", "deg300"), (200, "all-c200", "deg200")):
        pages = sorted(tmp.glob(f"{prefix}*.png"))
        jpgs = []
        for i, png in enumerate(pages):
            jpg = tmp / f"{prefix}-deg-{i:03d}.jpg"
            degrade(png, jpg, dpi, rng, first=i == 0, last=i == len(pages) - 1)
            jpgs.append(jpg)
        if sub == "deg300":
            run("convert", *jpgs, "-units", "PixelsPerInch", "-density", str(dpi), "-compress", "JPEG",
                "-quality", "55", out / sub / f"{stem}.tif")
        else:
            image_pdf(jpgs, dpi, out / sub / f"{stem}.pdf")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    letters = [Path(p) for p in sys.argv[2:]] or sorted((ROOT / "samples/letters").glob("*.txt"))
    pages_max = int(os.environ.get("PAGES_MAX", "1"))
    if os.environ.get("TRUTH_ONLY"):  # remake truth_blocks from existing truth files
        (out / "truth_blocks").mkdir(parents=True, exist_ok=True)
        for t in sorted((out / "truth").glob("*.txt")):
            (out / "truth_blocks" / t.name).write_text(column_blocks(t.read_text(encoding="utf-8")), encoding="utf-8")
        return
    for sub in ("pdf", "clean300", "deg300", "deg200", "sigbox", "tcvn3", "truth", "truth_blocks"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for letter in letters:
        stem = letter.stem
        rng = random.Random(stem)  # the same letter always degrades the same way
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            (tmp / "l.html").write_text(letter_html(letter.read_text(encoding="utf-8")), encoding="utf-8")
            pdf = out / "pdf" / f"{stem}.pdf"
            run("weasyprint", "-q", tmp / "l.html", pdf)
            if os.environ.get("SCAN_ONLY"):
                scan_variants(pdf, out / "scan", stem, tmp)
                print(f"{stem}: {page_count(pdf)} page(s) in scan/", file=sys.stderr)
                continue
            n = min(page_count(pdf), pages_max)
            run("pdftoppm", "-gray", "-r", "300", "-png", "-f", "1", "-l", n, pdf, tmp / "g300")
            run("pdftoppm", "-r", "300", "-png", "-f", "1", "-l", n, pdf, tmp / "c300")
            run("pdftoppm", "-r", "200", "-png", "-f", "1", "-l", n, pdf, tmp / "c200")
            g300 = sorted(tmp.glob("g300*.png"))
            c300 = sorted(tmp.glob("c300*.png"))
            c200 = sorted(tmp.glob("c200*.png"))
            truth = "\n".join(page_text(pdf, p) for p in range(1, n + 1))
            (out / "truth" / f"{stem}.txt").write_text(truth, encoding="utf-8")
            (out / "truth_blocks" / f"{stem}.txt").write_text(column_blocks(truth), encoding="utf-8")
            if n == 1:
                run("convert", g300[0], "-units", "PixelsPerInch", "-density", "300", out / "clean300" / f"{stem}.png")
            else:
                run("convert", *g300, "-units", "PixelsPerInch", "-density", "300", "-compress", "LZW",
                    out / "clean300" / f"{stem}.tif")
            for dpi, pages, sub in ((300, c300, "deg300"), (200, c200, "deg200")):
                jpgs = []
                for i, png in enumerate(pages):
                    jpg = tmp / f"{sub}-{i}.jpg"
                    degrade(png, jpg, dpi, rng, first=i == 0, last=i == len(pages) - 1)
                    jpgs.append(jpg)
                if len(jpgs) == 1:
                    shutil.copy(jpgs[0], out / sub / f"{stem}.jpg")
                else:
                    run("convert", *jpgs, "-compress", "JPEG", "-quality", "55", out / sub / f"{stem}.tif")
            sigbox_pdf(tmp / "deg200-0.jpg", out / "sigbox" / f"{stem}.pdf", tmp)
            tcvn3_pdf(g300[0], page_text(pdf, 1), out / "tcvn3" / f"{stem}.pdf")
            if os.environ.get("SCANS"):
                scan_variants(pdf, out / "scan", stem, tmp)
        print(f"{stem}: {page_count(pdf)} page(s), {n} in the page folders", file=sys.stderr)


if __name__ == "__main__":
    main()
