#!/usr/bin/env bash
# Import speed and memory for a folder of generated PDFs:
#   bench/knowledge/import_bench.sh path/to/nyttig [FILES] [PAGES_PER_FILE]
# Writes FILES text PDFs of PAGES_PER_FILE pages each (made here, Swedish
# filler text), imports them into a throw-away data folder with
# `nyttig import documents`, and prints files, pages, seconds, pages per
# second and the peak resident memory (GNU time's "Maximum resident set size").
set -euo pipefail
nyttig=${1:?path to nyttig}
files=${2:-50}
pages=${3:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/pdfs" "$files" "$pages" <<'PY'
import os, sys
out, files, pages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out)
words = ("kommunen prövar nya arbetssätt i hemtjänsten och följer upp resultatet med mått före "
         "och efter försöket samt sprider det som fungerar till andra förvaltningar").split()
def pdf(file_idx):
    objs = ["", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for page in range(pages):
        lines = []
        for line in range(45):
            n = (file_idx * 7919 + page * 104729 + line * 31) % len(words)
            lines.append(" ".join(words[(n + k) % len(words)] for k in range(12)))
        text = " ".join("(%s) Tj T*" % l for l in lines)
        stream = "BT /F1 10 Tf 12 TL 50 800 Td %s ET" % text
        data = stream.encode("latin-1")
        objs.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(data), stream))
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objs))
        kids.append("%d 0 R" % len(objs))
    objs[0] = "<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), pages)
    body = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(body))
        body += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode("latin-1")
    xref = len(body)
    body += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for off in offsets:
        body += ("%010d 00000 n \n" % off).encode()
    body += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)).encode()
    return body
for f in range(files):
    with open(os.path.join(out, "rapport-%04d.pdf" % f), "wb") as fh:
        fh.write(pdf(f))
PY
start=$(date +%s.%N)
/usr/bin/time -v "$nyttig" --data "$work/data" import documents "$work/pdfs" \
  >"$work/out.json" 2>"$work/time.txt"
end=$(date +%s.%N)
rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
python3 -c "
import json,sys
files,pages,secs,rss=$files,$pages,$end-$start,$rss
print(json.dumps({'files':files,'pages':files*pages,'seconds':round(secs,2),'pages_per_second':round(files*pages/secs,1),'peak_rss_mib':round(rss/1024,1),'result':json.load(open('$work/out.json'))}))"
