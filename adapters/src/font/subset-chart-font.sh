#!/usr/bin/env bash
# Makes the font charts are drawn with (adapters/src/main/resources/lookout/adapters/charts/fonts/):
# WenQuanYi Micro Hei (Apache-2.0; Latin from Droid Sans, CJK from Droid Sans Fallback) from Debian's
# fonts-wqy-microhei, subset with fontTools to what charts show: ASCII, the few symbols and the CJK
# punctuation charts and their numbers use, and every non-ASCII character of the chart templates
# (PlotWords, ChartWords) — everything else on a chart is a Kubernetes name or a number, ASCII by
# their own rules. No hinting, no layout tables: Java2D draws this text without them, and the
# runnable jar has a size limit (about 21 KB, 15 KB compressed). Re-run it after adding a template
# with a character the font lacks (ChartGlyphsTest or ChartFontTest says which).
# --with-gb2312 adds the 3,755 common Chinese characters of GB 2312 level 1 (679 KB, 375 KB
# compressed) for charts that show Chinese from outside the templates.
# Needs Debian's apt-get and python3-fonttools.
# Usage: adapters/src/font/subset-chart-font.sh [--with-gb2312]
set -euo pipefail
cd "$(dirname "$0")/../../.."
version=0.2.0-beta-3.1
ttc_sha256=2420e8078af796b19a3f6ef13de527a1a91c1e7171eea115926c614ced1009b3
out=adapters/src/main/resources/lookout/adapters/charts/fonts/wqy-microhei-charts.ttf
python=/usr/bin/python3
"$python" -c 'import fontTools' 2>/dev/null || { echo "error: needs python3-fonttools (apt-get install python3-fonttools)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download "fonts-wqy-microhei=$version" >/dev/null 2>&1) \
  || { echo "error: apt-get download fonts-wqy-microhei=$version failed (apt-get update first?)" >&2; exit 1; }
dpkg-deb -x "$work"/fonts-wqy-microhei_*.deb "$work/pkg"
ttc="$work/pkg/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
echo "$ttc_sha256  $ttc" | sha256sum -c --quiet

templates=(adapters/src/main/java/lookout/adapters/charts/PlotWords.java
  agent/src/main/java/lookout/agent/capacity/ChartWords.java)
common=$([ "${1:-}" = --with-gb2312 ] && echo yes || echo no)
"$python" - "$work/chars.txt" "$common" "${templates[@]}" <<'PY'
import sys
out, common, sources = sys.argv[1], sys.argv[2] == "yes", sys.argv[3:]
chars = set()
for source in sources:  # every non-ASCII character the templates use
    chars.update(c for c in open(source, encoding="utf-8").read() if ord(c) > 0x7E)
if common:  # GB 2312 level 1: rows 0xB0-0xD7
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
open(out, "w", encoding="utf-8").write("".join(sorted(chars)))
PY

# ASCII; ° µ · ×; – — ‘ ’ “ ” …; → − ≤ ≥; 、。（），：
ranges="U+0020-007E,U+00B0,U+00B5,U+00B7,U+00D7,U+2013-2014,U+2018-2019,U+201C-201D,U+2026,U+2192,\
U+2212,U+2264-2265,U+3001-3002,U+FF08-FF09,U+FF0C,U+FF1A"
"$python" -m fontTools.subset "$ttc" --font-number=0 --unicodes="$ranges" \
  --text-file="$work/chars.txt" --no-hinting --layout-features= \
  --drop-tables+=FFTM,vhea,vmtx,GDEF,GPOS,GSUB --output-file="$out" 2>/dev/null
ls -l "$out"
