#!/usr/bin/env bash
# Makes the attachment fixtures of the extraction tests with real programs, deterministically:
#   LibreOffice (headless) converts an HTML document and a CSV sheet to PDF, Word, OpenDocument, RTF,
#   PowerPoint and spreadsheet formats; qpdf and zip make encrypted files (an encrypted Office file is made by
#   the test itself with Apache POI); tar/7z make other archives; a tiny TNEF writer makes winmail.dat.
# Debian packages: libreoffice-writer libreoffice-calc libreoffice-impress qpdf zip p7zip-full
# Usage: src/test/fixtures-gen/attachments.sh [SEED]   (writes src/test/resources/attachments/)
# The outputs are committed; the tests never run this script. BSNs are synthetic, made with the 11-proef.
set -euo pipefail
SEED="${1:-3}"
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/../resources/attachments"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC

# Synthetic BSNs: 9 digits passing the 11-proef, drawn from a seeded generator.
bsns() {
  awk -v seed="$SEED" -v n="$1" 'BEGIN { srand(seed); c = 0;
    while (c < n) { s = 0; num = "";
      for (i = 9; i >= 2; i--) { d = int(rand() * 10); if (i == 9 && d == 0) d = 1; s += d * i; num = num d }
      last = s % 11; if (last == 10) continue; if ((s - last) % 11 != 0) continue;
      num = num last; print num; c++ } }'
}
mapfile -t B < <(bsns 6)

cat > "$WORK/document.html" <<HTML
<html><head><meta charset="utf-8"><title>Beschikking</title></head><body>
<h1>Beschikking Wmo</h1>
<p>Geachte heer Jansen, uw aanvraag is toegekend. Kenmerk LEKWACHT-EXTRACT-PROEF.</p>
<p>Burgerservicenummer: ${B[0]}</p>
<table><tr><td>Voorziening</td><td>Ingangsdatum</td></tr><tr><td>Huishoudelijke hulp</td><td>1 maart</td></tr></table>
<p>Met vriendelijke groet, de gemeente.</p>
</body></html>
HTML
{
  echo "Naam;BSN;Plaats"
  echo "Jan Jansen;${B[1]};Utrecht"
  echo "Piet Pietersen;;Zwolle"
  echo "Klaas Klaassen;${B[2]};"
  echo ";${B[3]};Delft"
} > "$WORK/sheet.csv"

soffice_convert() { # input filter outdir
  soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --convert-to "$2" --outdir "$3" "$1" >/dev/null 2>&1
}
soffice_convert "$WORK/document.html" "pdf:writer_pdf_Export" "$WORK"
soffice_convert "$WORK/document.html" "docx:MS Word 2007 XML" "$WORK"
soffice_convert "$WORK/document.html" "doc:MS Word 97" "$WORK"
soffice_convert "$WORK/document.html" "odt:writer8" "$WORK"
soffice_convert "$WORK/document.html" "rtf:Rich Text Format" "$WORK"
mkdir -p "$WORK/sheets"
for f in "xlsx:Calc Office Open XML" "xls:MS Excel 97" "ods:calc8"; do
  soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --infilter="CSV:59,34,76,1" \
    --convert-to "$f" --outdir "$WORK/sheets" "$WORK/sheet.csv" >/dev/null 2>&1
done
mkdir -p "$WORK/slides"
for f in "pptx:Impress Office Open XML"; do  # PowerPoint 97 from a PDF import is over 500 KB: left out
  soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --infilter="impress_pdf_import" \
    --convert-to "$f" --outdir "$WORK/slides" "$WORK/document.pdf" >/dev/null 2>&1
done

cp "$WORK/document.pdf" "$WORK/document.docx" "$WORK/document.doc" "$WORK/document.odt" "$WORK/document.rtf" \
   "$WORK/document.html" "$OUT/"
cp "$WORK/sheets/sheet.xlsx" "$WORK/sheets/sheet.xls" "$WORK/sheets/sheet.ods" "$WORK/sheet.csv" "$OUT/"
cp "$WORK/slides/document.pptx" "$OUT/slides.pptx"

# Archives: a ZIP holding a PDF and a ZIP holding a spreadsheet; a tar.gz; a 7z.
(cd "$WORK" && mkdir -p inner && cp sheets/sheet.xlsx inner/ \
  && (cd inner && zip -q -X -D "$WORK/inner.zip" sheet.xlsx) \
  && zip -q -X -D "$WORK/nested.zip" document.pdf inner.zip)
cp "$WORK/nested.zip" "$OUT/nested.zip"
(cd "$WORK" && tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 -cf - document.odt sheet.csv \
  | gzip -n > "$OUT/archive.tar.gz")
rm -f "$OUT/archive.7z" && (cd "$WORK" && 7z a -bd -y "$OUT/archive.7z" document.docx >/dev/null)

# Nested seven levels deep: deeper than the default limit of 5.
cp "$WORK/document.html" "$WORK/level0.html"
prev="level0.html"
for i in 1 2 3 4 5 6 7; do
  (cd "$WORK" && zip -q -X -D "level$i.zip" "$prev")
  prev="level$i.zip"
done
cp "$WORK/level7.zip" "$OUT/deep.zip"

# Encrypted and broken files.
qpdf --encrypt geheim eigenaar 256 -- "$WORK/document.pdf" "$OUT/encrypted.pdf"
rm -f "$OUT/encrypted.zip" && (cd "$WORK" && zip -q -X -D -P geheim "$OUT/encrypted.zip" document.pdf)
size=$(stat -c %s "$WORK/document.pdf")
head -c $((size / 3)) "$WORK/document.pdf" > "$OUT/truncated.pdf"
size=$(stat -c %s "$WORK/document.docx")
head -c $((size / 2)) "$WORK/document.docx" > "$OUT/truncated.docx"

# A forwarded message (message/rfc822) with a Word attachment.
{
  printf 'From: Medewerker <medewerker@gemeente.example>\r\nTo: Collega <collega@gemeente.example>\r\n'
  printf 'Subject: Doorgestuurd dossier\r\nDate: Tue, 14 Nov 2023 22:13:20 +0000\r\nMessage-ID: <fwd-1@gemeente.example>\r\n'
  printf 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n'
  printf -- '--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZie bijlage, kenmerk LEKWACHT-DOORGESTUURD.\r\n'
  printf -- '--b1\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="bijlage.docx"\r\n'
  printf 'Content-Disposition: attachment; filename="bijlage.docx"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
  base64 -w 76 "$WORK/document.docx" | sed 's/$/\r/'
  printf -- '--b1--\r\n'
} > "$OUT/forwarded.eml"

# winmail.dat (TNEF) with a subject and one attached text file.
python3 - "$OUT/winmail.dat" <<'PY'
import struct, sys
def attr(level, ident, kind, data):
    checksum = sum(data) & 0xFFFF
    return struct.pack('<BIl', level, (kind << 16) | ident, len(data)) + data + struct.pack('<H', checksum)
STRING, WORD, BYTE, DWORD = 0x0001, 0x0006, 0x0006, 0x0008
body = struct.pack('<IH', 0x223E9F78, 0x0001)
body += attr(1, 0x9006, 0x0008, struct.pack('<I', 0x00010000))           # attTnefVersion
body += attr(1, 0x9007, 0x0006, struct.pack('<II', 1252, 0))              # attOemCodepage
body += attr(1, 0x8004, 0x0001, b'Verslag huisbezoek\x00')                # attSubject
body += attr(2, 0x9002, 0x0006, struct.pack('<HIIIH', 1, 0xFFFFFFFF, 0, 0, 0))  # attAttachRendData
body += attr(2, 0x8010, 0x0001, b'verslag.txt\x00')                       # attAttachTitle
body += attr(2, 0x800F, 0x0006, 'Verslag: kenmerk LEKWACHT-TNEF-BIJLAGE.\r\n'.encode('cp1252'))  # attAttachData
open(sys.argv[1], 'wb').write(body)
PY

ls -l "$OUT"
