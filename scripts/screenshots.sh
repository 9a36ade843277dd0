#!/bin/sh
# make screenshots: real runs of the whiteboard in tmux, captured with
# colours (capture-pane -e), turned into HTML by Debian's aha and into
# PNGs by headless chromium.  Writes screenshots/*.png.
#
# aha and chromium are needed only here (chromium is big, so make test
# never installs it): installed with apt-get when run as root, otherwise
# the command to run is printed.
set -eu
cd "$(dirname "$0")/.."

missing=""
command -v aha >/dev/null 2>&1 || missing="$missing aha"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "napkin: screenshots need:$missing" >&2
		echo "napkin: run: sudo apt-get install -y$missing" >&2
		exit 1
	fi
	echo "napkin: installing$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
fi

NAPKIN=${NAPKIN:-$PWD/napkin}
OUT=screenshots
TMP=$(mktemp -d "${TMPDIR:-/tmp}/napkin-shots.XXXXXX")
BASE=napkin-shots-$$
SOCK=$BASE-0
count=0
export LANG=C.UTF-8 LC_ALL=C.UTF-8 NAPKIN_TEMPLATES="$PWD/templates"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null || true; rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
cp scripts/screenshot-board.json "$TMP/photos.json"

keys() {
	tmux -L "$SOCK" send-keys -t shot "$@"
}

# session W H COMMAND: a fresh terminal of W x H running COMMAND.
session() {
	tmux -L "$SOCK" kill-server 2>/dev/null || true
	count=$((count + 1))
	SOCK=$BASE-$count
	tmux -L "$SOCK" -f /dev/null new-session -d -s shot -x "$1" -y "$2" -c "$TMP" "$3"
	tmux -L "$SOCK" set-option -g status off >/dev/null
	tmux -L "$SOCK" resize-window -t shot -x "$1" -y "$2"
	sleep 0.5
}

# faithful: what a terminal shows that aha does not.  aha ignores dim
# (SGR 2), which napkin uses for details, shadows and the boxes a failure
# takes down; this awk filter follows the SGR state and gives dim text an
# explicit darker colour from the 256-colour palette, which aha renders.
faithful() {
	awk 'BEGIN {
		ESC = sprintf("%c", 27); dim = 0; fg = 39
		split("131 65 137 67 96 66 246", shade, " ")	# dim 31..37
	}
	function colour() {
		if (!dim)
			return fg
		return "38;5;" (fg >= 31 && fg <= 37 ? shade[fg - 30] : 244)
	}
	{
		out = ""; line = $0
		while (match(line, ESC "\\[[0-9;]*m")) {
			out = out substr(line, 1, RSTART - 1)
			seq = substr(line, RSTART + 2, RLENGTH - 3)
			line = substr(line, RSTART + RLENGTH)
			n = split(seq == "" ? "0" : seq, p, ";")
			was = dim; keep = ""
			for (i = 1; i <= n; i++) {
				v = p[i] + 0
				if (v == 2) { dim = 1; continue }
				if (v == 0) { dim = 0; fg = 39 }
				else if (v == 22) dim = 0
				else if ((v >= 30 && v <= 37) || v == 39) { fg = v; continue }
				keep = keep (keep == "" ? "" : ";") v
			}
			# Untouched unless dim is or was on (aha mishandles 7;39).
			if (!was && !dim)
				out = out ESC "[" seq "m"
			else
				out = out ESC "[" (keep == "" ? "" : keep ";") colour() "m"
		}
		print out line
	}'
}

# shot NAME: the terminal as it is now -> screenshots/NAME.png
shot() {
	name=$1
	cols=$(tmux -L "$SOCK" display-message -p -t shot '#{window_width}')
	rows=$(tmux -L "$SOCK" display-message -p -t shot '#{window_height}')
	sleep 0.3
	tmux -L "$SOCK" capture-pane -e -p -t shot | faithful >"$TMP/$name.ans"
	aha --black --title "napkin" <"$TMP/$name.ans" >"$TMP/$name.raw.html"
	# A terminal's look: one monospace font, rows that touch, a softer
	# palette than aha's pure primaries.  Reverse video comes out of aha
	# as black on a bright colour: the black is the terminal's background
	# and the colour the text's own, not the bars' dark blue.
	sed -e 's|<pre>|<pre style="font-family: '"'DejaVu Sans Mono'"', monospace; font-size: 15px; line-height: 18px; margin: 0; padding: 14px 16px;">|' \
	    -e 's|<body[^>]*>|<body style="background-color: #1d1f21; color: #d8dee9; margin: 0;">|' \
	    -e 's/color:\(black\|dimgray\);background-color:/color:#1d1f21;background-color:/g' \
	    -e 's|color:#1d1f21;background-color:#3333FF;|color:#1d1f21;background-color:#6fa8ff;|g' \
	    -e 's|background-color:red;|background-color:#ff6b6b;|g' -e 's|background-color:fuchsia;|background-color:#d291ff;|g' \
	    -e 's|background-color:lime;|background-color:#8fd16a;|g' -e 's|background-color:yellow;|background-color:#e5c07b;|g' \
	    -e 's|background-color:white;|background-color:#d8dee9;|g' \
	    -e 's|color:blue;|color:#6fa8ff;|g' -e 's|color:red;|color:#ff6b6b;|g' \
	    -e 's|color:green;|color:#8fd16a;|g' -e 's|color:olive;|color:#e5c07b;|g' \
	    -e 's|color:purple;|color:#d291ff;|g' -e 's|color:teal;|color:#56d4dd;|g' \
	    -e 's|color:gray;|color:#c8ccd4;|g' -e 's|color:white;|color:#eceff4;|g' \
	    -e 's|background-color:olive;|background-color:#e5c07b;|g' -e 's|background-color:teal;|background-color:#56d4dd;|g' \
	    -e 's|background-color:#3333FF;|background-color:#2f4b7c;|g' -e 's|background-color:aqua;|background-color:#56d4dd;|g' \
	    -e 's|background-color:black;|background-color:#1d1f21;|g' \
	    "$TMP/$name.raw.html" >"$TMP/$name.html"
	width=$((cols * 9 + 40))
	height=$((rows * 18 + 30))
	chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
	    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
	    --user-data-dir="$(mktemp -d "$TMP/chrome.XXXXXX")" \
	    --screenshot="$PWD/$OUT/$name.png" --window-size="$width,$height" \
	    "file://$TMP/$name.html" >/dev/null 2>&1
	echo "screenshots/$name.png (${cols}x$rows)"
}

# 1. The board, with the side panel on the selected service.
session 150 36 "$NAPKIN photos.json"
keys / && tmux -L "$SOCK" send-keys -t shot -l "Photo API" && keys Enter p
shot whiteboard

# 2. The critique: ] selects the first finding, highlighted on the board.
keys p ]
shot findings

# 3. F on the service: what stops when it fails is greyed out.
keys Escape / && tmux -L "$SOCK" send-keys -t shot -l "Photo API" && keys Enter F
shot failure
keys Escape

# 4. Connecting: the target is marked, the status line says what to do.
keys / && tmux -L "$SOCK" send-keys -t shot -l "Thumbnailer" && keys Enter c / &&
    tmux -L "$SOCK" send-keys -t shot -l "Photos" && keys Enter
shot connect
keys Escape

# 5. The add palette.
keys / && tmux -L "$SOCK" send-keys -t shot -l "Mobile" && keys Enter j j j j j j j a
shot palette
keys Escape

# 6. Help, generated from the key table.
session 120 40 "$NAPKIN photos.json"
keys '?'
shot help

# 7. Pure ASCII, no colour: LANG=C and NO_COLOR.
session 120 36 "env LANG=C LC_ALL=C NO_COLOR=1 $NAPKIN photos.json"
shot ascii

# 8. The smallest terminal napkin draws in, 80x24, with a finding selected.
session 80 24 "$NAPKIN photos.json"
keys ]
shot small

# 9. The interviewer's view of the candidate's file, following it live.
session 150 36 "$NAPKIN --view photos.json"
shot view

# command TEXT: a `:` command line, as typed.
command() {
	keys :
	tmux -L "$SOCK" send-keys -t shot -l "$1"
	keys Enter
	sleep 0.1
}

# 7. An interview half-way: the phase and countdown on the title bar, the
# prompt in the panel, an API over its capacity (the badge on its box,
# the TRAFFIC section).  The test clock spreads the typing over minutes,
# for the replay below.
rm -f "$TMP/interview-url-shortener.json"
session 150 40 "env NAPKIN_TEST_CLOCK_SCALE=20 $NAPKIN interview url-shortener"
keys q
command "add client Users"
command "rps 20k"
keys L L L L
command "add lb Load balancer"
keys M L L L L L
command "add service Link API"
keys + +
command "tech Go"
command "capacity 5000"
keys L L L L L J J
command "add db Links"
command "tech PostgreSQL"
keys + K K K K
command "add cache Hot links"
command "tech Redis"
keys / && tmux -L "$SOCK" send-keys -t shot -l "Users" && keys Enter
command "connect load-balancer HTTPS"
keys / && tmux -L "$SOCK" send-keys -t shot -l "Load" && keys Enter
command "connect link-api"
keys / && tmux -L "$SOCK" send-keys -t shot -l "Link API" && keys Enter
command "connect links SQL"
command "ratio 0.1"
keys / && tmux -L "$SOCK" send-keys -t shot -l "Link API" && keys Enter
command "connect hot-links GET"
keys / && tmux -L "$SOCK" send-keys -t shot -l "Link API" && keys Enter
keys P P
shot interview

# 8. The scorecard.
keys S
shot scorecard
keys q

# 9. The reference design, for the debrief.
keys R R
sleep 0.2
keys / && tmux -L "$SOCK" send-keys -t shot -l "Hot" && keys Enter
shot reference
keys R : q Enter

# 10. The replay of that interview, stopped part of the way through.
session 150 40 "$NAPKIN replay interview-url-shortener.json"
keys '^' n n n n n n n n n n
shot replay
