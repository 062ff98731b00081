#!/usr/bin/env python3
"""Builds the certificate fonts in this folder from Debian's fonts-noto-cjk (Noto Sans CJK SC).

Run once by hand when the character set changes; the app never reads system fonts at run time.
  apt-get install -y fonts-noto-cjk python3-fonttools
  /usr/bin/python3 lib/fonts/build-subset.py

What it does, and why:
- keeps GB2312 (every character of the national standard set: 6,763 hanzi plus its symbols),
  printable ASCII, Latin-1, common CJK/Western punctuation, and a short list of characters
  common in given names that GB2312 lacks (EXTRA_NAME_CHARS);
- converts the CFF (PostScript) outlines to TrueType: pdf-lib's font subsetter (fontkit) writes
  broken CID-keyed CFF subsets, while its TrueType subsetter is reliable;
- pads glyph records to 4 bytes, because fontkit copies them verbatim into short-offset loca
  tables, where an odd offset would corrupt every following glyph.
"""
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import newTable

SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
OUT_DIR = Path(__file__).resolve().parent
SC_INDEX = 2  # Noto Sans CJK SC inside the .ttc collection (JP, KR, SC, TC, HK …)

EXTRA_NAME_CHARS = (
    "喆堃玥珺祎昇赟犇翀琍镕鋆瑄晞璟彧浛垚羴龑旻暐曌燚珅玙玓瑀瑢瑨瑱璠璘湉濛弢橦洢琤瑧禛秾翚翛芃虓谞谿贇闿頔鹓"
)
EXTRA_PUNCTUATION = "·—–‘’“”•…\u00a0\u3000《》、。（），：；！？□©®"


def character_set() -> str:
    chars = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(bytes([b1, b2]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    chars.update(EXTRA_NAME_CHARS)
    chars.update(EXTRA_PUNCTUATION)
    return "".join(sorted(chars))


def cff_to_truetype(font) -> None:
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    glyf.padding = 4
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and nothing reads them
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\0\1\0\0"
    font.recalcBBoxes = True


def build(weight: str, text: str) -> Path:
    options = subset.Options()
    options.font_number = SC_INDEX
    options.layout_features = []  # pdf-lib draws glyph by glyph; no shaping needed
    options.hinting = False
    options.name_IDs = ["*"]  # keep the copyright and licence records (OFL condition 2)
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(SOURCE_DIR / f"NotoSansCJK-{weight}.ttc"), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    cff_to_truetype(font)
    out = OUT_DIR / f"NotoSansSC-{weight}-subset.ttf"
    font.save(str(out))
    return out


if __name__ == "__main__":
    text = character_set()
    for weight in ("Regular", "Bold"):
        path = build(weight, text)
        print(f"{path.name}: {len(text)} characters, {path.stat().st_size} bytes")
