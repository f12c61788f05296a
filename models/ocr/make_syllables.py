#!/usr/bin/env python3
"""Makes models/ocr/vi_syllables.txt, the Vietnamese syllable list used to
check PDF text layers and correct OCR, from Debian hunspell-vi's vi_VN.dic.

Usage: models/ocr/make_syllables.py [/usr/share/hunspell/vi_VN.dic] > models/ocr/vi_syllables.txt
Every syllable is lower-cased, NFC, and given in both tone placements
("hoà" and "hòa", "thuý" and "thúy"), since letters use either.
"""
import sys
import unicodedata

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
VOWELS = set("aăâeêioôơuưy")


def placements(syllable):
    """The syllable with its tone mark on each vowel of its nucleus."""
    nfd = unicodedata.normalize("NFD", syllable)
    tone = [c for c in nfd if c in TONES]
    if len(tone) != 1:
        return {syllable}
    base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
    # Leading "gi"/"qu": the i/u belong to the onset, not the nucleus.
    skip = 2 if base.startswith(("gi", "qu")) and len(base) > 2 else 0
    out = {syllable}
    for i, ch in enumerate(base):
        if i >= skip and unicodedata.normalize("NFD", ch)[0] in VOWELS:
            out.add(unicodedata.normalize("NFC", base[: i + 1] + tone[0] + base[i + 1 :]))
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/vi_VN.dic"
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()[1:]  # the first line is the count
    words = set()
    for line in lines:
        word = line.split("/")[0].strip()
        if not word or not word.islower() or not all(c.isalpha() for c in word):
            continue
        words |= placements(unicodedata.normalize("NFC", word))
    print("# Vietnamese syllables, from hunspell-vi vi_VN.dic by make_syllables.py")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()
