#!/bin/sh
# hb-widths.sh FONT GOLDEN rewrites the golden file GOLDEN: for each text in
# its first column, the width HarfBuzz gives it in FONT, in font units.
#
#	sh testdata/hb-widths.sh ../../static/fonts/NotoSans-Bold.ttf testdata/hb-widths.txt
#	sh testdata/hb-widths.sh ../../static/fonts/NotoSans-Regular.ttf testdata/hb-widths-regular.txt
#
# The width is the sum of the glyph advances ("ax") that hb-shape (Debian
# libharfbuzz-bin) prints with the font's default features except
# ligatures, as Chromium sets the print pages: script latn, language vi.
# To add a text, append a line "text<TAB>0" and run the script again. The
# tests read the golden files and never run hb-shape.
set -eu
font=$1
golden=$2
tmp=$golden.tmp
{
	echo "# Widths in font units of $(basename "$font") by hb-shape $(hb-shape --version | head -n 1 | awk '{print $3}'):"
	echo "# hb-shape --features=-liga --script=latn --language=vi --direction=ltr FONT TEXT,"
	echo "# sum of ax. Made by testdata/hb-widths.sh; text TAB width."
	grep -v '^#' "$golden" | cut -f 1 | while IFS= read -r text; do
		w=$(hb-shape --features=-liga --script=latn --language=vi --direction=ltr \
			--no-glyph-names --no-clusters "$font" "$text" |
			tr -d '[]' | tr '|' '\n' | sed 's/.*+//' | awk '{s += $1} END {print s}')
		printf '%s\t%s\n' "$text" "$w"
	done
} >"$tmp"
mv "$tmp" "$golden"
