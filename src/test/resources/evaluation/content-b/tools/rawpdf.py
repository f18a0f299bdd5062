#!/usr/bin/env python3
"""Writes a small PDF by hand, the way old report generators of case systems do: one Type1 font
(Courier or Helvetica, WinAnsi), absolute positioning, numbers sometimes written as TJ arrays with
kerning gaps instead of spaces. No libraries: the point is a producer unlike LibreOffice or PDFBox.

usage: rawpdf.py spec.json out.pdf
spec: {"title": str, "font": "Courier"|"Helvetica", "size": 10,
       "pages": [[line, ...], ...]}   a line is a string, or {"tj": [str, gap, str, ...]}
"""
import json
import sys


def esc(s):
    out = []
    for ch in s.encode("cp1252", "replace"):
        c = chr(ch)
        if c in "()\\":
            out.append("\\" + c)
        elif ch < 32 or ch > 126:
            out.append("\\%03o" % ch)
        else:
            out.append(c)
    return "".join(out)


def content(lines, font_size):
    ops = ["BT", "/F1 %d Tf" % font_size, "%d TL" % int(font_size * 1.4), "56 790 Td"]
    for line in lines:
        if isinstance(line, dict):
            parts = []
            for p in line["tj"]:
                parts.append("(%s)" % esc(p) if isinstance(p, str) else str(p))
            ops.append("[%s] TJ T*" % " ".join(parts))
        else:
            ops.append("(%s) Tj T*" % esc(line))
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    pages = spec["pages"]
    size = spec.get("size", 10)
    objs = {}
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 info, then page/content pairs
    kids = []
    for i, lines in enumerate(pages):
        page_no = 5 + 2 * i
        kids.append(page_no)
        stream = content(lines, size)
        objs[page_no] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                         "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_no + 1)).encode()
        objs[page_no + 1] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = ("<< /Type /Pages /Count %d /Kids [%s] >>" % (n_pages, " ".join("%d 0 R" % k for k in kids))).encode()
    objs[3] = ("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
               % spec.get("font", "Courier")).encode()
    objs[4] = ("<< /Title (%s) /Producer (rapportage-uitvoer 2.7) /CreationDate (D:20250301090000+01'00') >>"
               % esc(spec.get("title", ""))).encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref = len(out)
    count = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for num in range(1, count):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref)
    open(sys.argv[2], "wb").write(bytes(out))


if __name__ == "__main__":
    main()
