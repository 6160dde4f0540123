#!/usr/bin/python3
"""make-fonts.py makes the site's fonts: subsets of Noto Sans and Noto Serif
from Debian's fonts-noto-core, as TTF for print and WOFF2 for the web.

    /usr/bin/python3 tools/make-fonts.py          # from the repository
    apt-get install fonts-noto-core python3-fonttools woff2   # what it needs

For each face it runs pyftsubset on the Debian file with the character set
below, adds the arrows and math signs that Noto Sans and Noto Serif lack
(from Noto Sans Math, fitted to the face), writes NAME.ttf, and makes
NAME.woff2 from that very file with woff2_compress, so that print (and the
Go code that measures print text) and the web use the same glyphs. The
output depends only on the input files: running it twice gives the same
bytes.

The character set is full Vietnamese, ASCII, Latin-1, the punctuation,
arrows and signs listed in CHARSET, and every other character that the
site's content/, layouts/, static/css/ and config.toml use. A character
that no source font has stops the script with its file.

See README.md beside this script for the files and the licence.
"""

import argparse
import hashlib
import math
import os
import subprocess
import sys
import tempfile
import unicodedata
from array import array

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphCoordinates

NOTO = "/usr/share/fonts/truetype/noto"

# Output name, Debian file. There is no Bold Italic: nothing sets it.
FACES = [
    ("NotoSans-Regular", "NotoSans-Regular.ttf"),
    ("NotoSans-Bold", "NotoSans-Bold.ttf"),
    ("NotoSans-Italic", "NotoSans-Italic.ttf"),
    ("NotoSerif-Regular", "NotoSerif-Regular.ttf"),
    ("NotoSerif-Bold", "NotoSerif-Bold.ttf"),
    ("NotoSerif-Italic", "NotoSerif-Italic.ttf"),
]

# SIGNS provides the characters that a face lacks (Noto Sans 2.004 has no
# arrows, no ≤ ≥ ≈ ≠ and no minus sign). Its + = < > are those of Noto Sans
# Regular, so its signs are drawn to go with Noto Sans text.
SIGNS = "NotoSansMath-Regular.ttf"
SIGNS_COPYRIGHT = "Arrows and math signs from Noto Sans Math: Copyright 2018 Google LLC. All Rights Reserved."

# The 12 Vietnamese vowels with their 6 tones, and the two forms of d.
VOWELS = [
    "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
    "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ", "dđ",
]


def span(lo, hi):
    """span returns the code points lo to hi, both included."""
    return set(range(lo, hi + 1))


# CHARSET is what every face covers, before the scan of the site adds to it.
CHARSET = (
    span(0x20, 0x7E)  # ASCII
    | span(0xA0, 0xFF)  # Latin-1: NBSP, « » ° ± × ÷ ² ³ ½ ¼ ¾ © · and the letters of foreign names
    | {ord(c) for v in VOWELS for c in v + v.upper()}  # every Vietnamese letter, both cases
    | {0x131, 0x237}  # ı ȷ: the dotless i and j, which 'ccmp' puts under marks above anyway
    | span(0x300, 0x323)  # combining marks, for text typed in NFD
    | span(0x2002, 0x200A)  # spaces: en, em, figure, punctuation, thin, hair
    | span(0x200B, 0x200F)  # zero-width space, joiners, direction marks (invisible)
    | {0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015}  # hyphens, non-breaking hyphen, dashes
    | span(0x2018, 0x201F)  # quotation marks ‘ ’ ‚ ‛ “ ” „ ‟
    | {0x2020, 0x2021, 0x2022, 0x2026, 0x2030}  # † ‡ • … ‰
    | {0x2032, 0x2033, 0x2039, 0x203A, 0x2044}  # ′ ″ ‹ › ⁄
    | {0x202F, 0x2060, 0xFEFF}  # narrow no-break space, word joiner, BOM (invisible)
    | {0x20AB, 0x20AC, 0x2116, 0x2122}  # ₫ € № ™
    | span(0x2190, 0x2194)  # ← ↑ → ↓ ↔
    | {0x2212, 0x2248, 0x2260, 0x2264, 0x2265}  # − ≈ ≠ ≤ ≥
)

# The site's text: every character found here is added to CHARSET.
SCAN = ["content", "layouts", "static/css", "config.toml"]

# OpenType features kept: those HarfBuzz (and so Chromium) applies to Latin
# text by default. 'ccmp' and 'locl' hold the dotless i for marks above and
# the language forms (Noto 2.004 has no Vietnamese 'locl'), 'mark' and 'mkmk'
# place combining marks, 'kern' is the pair kerning that Go measures,
# 'frac'/'numr'/'dnom' are what HarfBuzz applies around a fraction slash.
# Small caps, old-style and tabular figures, stylistic sets are dropped.
FEATURES = "ccmp,locl,mark,mkmk,kern,liga,clig,calt,rlig,rclt,frac,numr,dnom"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(here)
    ap.add_argument("--root", default=root, help="the site to scan")
    ap.add_argument("--noto", default=NOTO, help="folder of the Debian Noto files")
    ap.add_argument("--out", default=os.path.join(root, "static", "fonts"), help="folder for the fonts")
    args = ap.parse_args()

    for pkg in ("fonts-noto-core", "python3-fonttools", "woff2"):
        v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
        print("%s %s" % (pkg, v.stdout or "(not from a Debian package)"))

    charset = set(CHARSET)
    for cp, where in sorted(scan(args.root).items()):
        if cp not in charset:
            print("adding U+%04X %s (%s), used in %s" % (cp, chr(cp), unicodedata.name(chr(cp), "?"), where))
            charset.add(cp)

    signs = TTFont(os.path.join(args.noto, SIGNS))
    for out, src in FACES:
        ttf = os.path.join(args.out, out + ".ttf")
        make_face(os.path.join(args.noto, src), signs, charset, ttf)
        subprocess.run(["woff2_compress", ttf], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    report(args.out, charset)


def scan(root):
    """scan returns each character used in the site's text, with the first file that uses it."""
    found = {}
    for top in SCAN:
        path = os.path.join(root, top)
        files = [path] if os.path.isfile(path) else sorted(
            os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs)
        for f in files:
            try:
                with open(f, encoding="utf-8") as fh:
                    text = unicodedata.normalize("NFC", fh.read())
            except UnicodeDecodeError:
                continue  # not text
            for ch in text:
                if ord(ch) >= 0x20 and ch != "\x7f":
                    found.setdefault(ord(ch), os.path.relpath(f, root))
    return found


def make_face(src, signs, charset, ttf):
    """make_face writes the subset of the font file src to ttf."""
    face = TTFont(src, lazy=False)
    have = set(face.getBestCmap())
    signs_cmap = signs.getBestCmap()
    borrowed = sorted(charset - have)
    missing = [cp for cp in borrowed if cp not in signs_cmap]
    if missing:
        sys.exit("%s: no font has %s" % (os.path.basename(src), ", ".join(
            "U+%04X %s" % (cp, chr(cp)) for cp in missing)))

    with tempfile.TemporaryDirectory() as tmp:
        unicodes = os.path.join(tmp, "unicodes.txt")
        with open(unicodes, "w") as fh:
            fh.write("\n".join("U+%04X" % cp for cp in sorted(charset & have)))
        sub = os.path.join(tmp, "subset.ttf")
        subprocess.run([
            "pyftsubset", src, "--output-file=" + sub, "--unicodes-file=" + unicodes,
            "--layout-features=" + FEATURES, "--no-hinting", "--notdef-outline",
            "--name-IDs=*", "--no-recalc-timestamp",
        ], check=True)
        font = TTFont(sub, recalcTimestamp=False)

    fitting = Fitting(signs, face)
    for cp in borrowed:
        add_glyph(font, signs, signs_cmap[cp], cp, fitting)
    if borrowed:
        add_copyright(font, SIGNS_COPYRIGHT)
    # Without hinting, ask for smooth, symmetric rendering at every size.
    font["gasp"].gaspRange = {0xFFFF: 0x000A}
    font["OS/2"].recalcUnicodeRanges(font)
    font.save(ttf)


class Fitting:
    """Fitting maps a glyph of SIGNS onto a face: it scales and emboldens it
    so that the plus sign of SIGNS would become the face's own plus sign:
    same box, same stroke, same advance. Stroke is changed by moving each
    edge of the outline along its normal, as FreeType's FT_Outline_Embolden
    does; the arrows and signs it is used for are drawn with strokes of one
    width, like the plus."""

    def __init__(self, signs, face):
        m, f = plus(signs), plus(face)
        # Height and arm thickness both grow by twice the offset d.
        self.sy = (f.height - f.thick) / (m.height - m.thick)
        self.d = (f.thick - m.thick * self.sy) / 2
        self.sx = (f.width - 2 * self.d) / m.width
        self.m, self.f = m, f
        # Check: the plus of SIGNS, fitted, is the face's plus to 2 units.
        got = sorted(self.glyph(signs, m.name)[0])
        want = sorted(face["glyf"][f.name].getCoordinates(face["glyf"])[0])
        off = max(max(abs(a[0] - b[0]), abs(a[1] - b[1])) for a, b in zip(got, want))
        if len(got) != len(want) or off > 2:
            sys.exit("fitting the signs of %s misses the plus sign by %d units" % (SIGNS, off))

    def glyph(self, font, name):
        """glyph returns the points and contour ends of glyph name of font, fitted."""
        glyf = font["glyf"]
        pts, ends, flags = glyf[name].getCoordinates(glyf)
        pts = embolden([self.point(x, y) for x, y in pts], list(ends), self.d)
        return [(round(x), round(y)) for x, y in pts], list(ends), [fl & 1 for fl in flags]

    def point(self, x, y):
        """point maps a point before emboldening."""
        return (self.f.cx + (x - self.m.cx) * self.sx, self.f.cy + (y - self.m.cy) * self.sy)

    def advance(self, adv):
        """advance maps an advance width: a sign as wide as the plus gets the face's plus's advance."""
        return round(adv * self.sx + self.f.advance - self.m.advance * self.sx)


class plus:
    """plus measures the plus sign of a font: a cross of two bars."""

    def __init__(self, font):
        glyf = font["glyf"]
        name = font.getBestCmap()[ord("+")]
        pts, _, _ = glyf[name].getCoordinates(glyf)
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        bar = sorted({y for x, y in pts if x == x0})  # the horizontal bar's edges
        if len(bar) != 2:
            sys.exit("the plus sign is not a cross of two bars")
        self.width, self.height, self.thick = x1 - x0, y1 - y0, bar[1] - bar[0]
        self.cx, self.cy = (x0 + x1) / 2, (bar[0] + bar[1]) / 2
        self.advance = font["hmtx"][name][0]
        self.name = name


def add_glyph(font, signs, name, cp, fitting):
    """add_glyph adds glyph name of signs, fitted to font, for the code point cp."""
    pts, ends, flags = fitting.glyph(signs, name)
    g = Glyph()
    g.numberOfContours = len(ends)
    g.endPtsOfContours = ends
    g.coordinates = GlyphCoordinates(pts)
    g.flags = array("B", flags)
    g.program = ttProgram.Program()
    g.program.fromBytecode(b"")
    glyf = font["glyf"]
    new = "uni%04X" % cp
    font.setGlyphOrder(font.getGlyphOrder() + [new])
    glyf.glyphOrder = font.getGlyphOrder()
    glyf[new] = g
    g.recalcBounds(glyf)
    font["hmtx"][new] = (fitting.advance(signs["hmtx"][name][0]), g.xMin)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[cp] = new
    gdef = font["GDEF"].table
    if gdef.GlyphClassDef:
        gdef.GlyphClassDef.classDefs[new] = 1  # base glyph


def embolden(pts, ends, d):
    """embolden moves the edges of each contour outwards by d font units
    (inwards when d < 0), joining them with mitres: for a corner whose
    incoming and outgoing unit normals are n1 and n2, the point moves by
    d (n1 + n2) / (1 + n1·n2). Holes shrink as the outside grows, since
    their contours run the other way. The mitre is limited to 4 d."""
    if abs(d) < 0.01:
        return pts
    area = 0.0
    start = 0
    for end in ends:
        c = pts[start:end + 1]
        area += sum(c[i - 1][0] * c[i][1] - c[i][0] * c[i - 1][1] for i in range(len(c)))
        start = end + 1
    turn = -1 if area < 0 else 1  # clockwise (TrueType): outwards is to the left of travel
    out = []
    start = 0
    for end in ends:
        c = pts[start:end + 1]
        n = len(c)
        for i in range(n):
            p = c[i]
            prev = next(c[(i - k) % n] for k in range(1, n + 1) if c[(i - k) % n] != p or k == n)
            nxt = next(c[(i + k) % n] for k in range(1, n + 1) if c[(i + k) % n] != p or k == n)
            n1, n2 = normal(prev, p, turn), normal(p, nxt, turn)
            k = 1 + n1[0] * n2[0] + n1[1] * n2[1]
            sx, sy = (n1[0] + n2[0]) / max(k, 1e-9), (n1[1] + n2[1]) / max(k, 1e-9)
            length = math.hypot(sx, sy)
            if length > 4:
                sx, sy = sx * 4 / length, sy * 4 / length
            out.append((p[0] + d * sx, p[1] + d * sy))
        start = end + 1
    return out


def normal(a, b, turn):
    """normal returns the outward unit normal of the edge from a to b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1
    return (-dy / length * -turn, dx / length * -turn)


def add_copyright(font, text):
    """add_copyright appends text to the font's copyright notice (name 0)."""
    for rec in font["name"].names:
        if rec.nameID == 0 and text not in rec.toUnicode():
            rec.string = rec.toUnicode() + " " + text


def report(out, charset):
    """report checks that each file covers charset and prints its size."""
    print("%-24s %8s %8s %8s  %s" % ("file", "bytes", "gzip -9", "glyphs", "sha256"))
    for name, _ in FACES:
        for ext in ("ttf", "woff2"):
            path = os.path.join(out, name + "." + ext)
            data = open(path, "rb").read()
            font = TTFont(path)
            lacking = charset - set(font.getBestCmap())
            if lacking:
                sys.exit("%s lacks %s" % (path, " ".join("U+%04X" % cp for cp in sorted(lacking))))
            gz = subprocess.run(["gzip", "-9cn"], input=data, capture_output=True, check=True).stdout
            print("%-24s %8d %8d %8d  %s" % (os.path.basename(path), len(data), len(gz),
                                            font["maxp"].numGlyphs, hashlib.sha256(data).hexdigest()[:16]))
    print("%d characters in every face" % len(charset))


if __name__ == "__main__":
    main()
