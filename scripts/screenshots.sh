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

# shot NAME: the terminal as it is now -> screenshots/NAME.png
shot() {
	name=$1
	cols=$(tmux -L "$SOCK" display-message -p -t shot '#{window_width}')
	rows=$(tmux -L "$SOCK" display-message -p -t shot '#{window_height}')
	sleep 0.3
	tmux -L "$SOCK" capture-pane -e -p -t shot >"$TMP/$name.ans"
	aha --black --title "napkin" <"$TMP/$name.ans" >"$TMP/$name.raw.html"
	# A terminal's look: one monospace font, rows that touch, a softer
	# palette than aha's pure primaries.
	sed -e 's|<pre>|<pre style="font-family: '"'DejaVu Sans Mono'"', monospace; font-size: 15px; line-height: 18px; margin: 0; padding: 14px 16px;">|' \
	    -e 's|<body[^>]*>|<body style="background-color: #1d1f21; color: #d8dee9; margin: 0;">|' \
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

# 2. Connecting: the target is marked, the status line says what to do.
keys p / && tmux -L "$SOCK" send-keys -t shot -l "Thumbnailer" && keys Enter c / &&
    tmux -L "$SOCK" send-keys -t shot -l "Photos" && keys Enter
shot connect
keys Escape

# 3. The add palette.
keys / && tmux -L "$SOCK" send-keys -t shot -l "Mobile" && keys Enter j j j j j j j a
shot palette
keys Escape

# 4. Help, generated from the key table.
session 120 40 "$NAPKIN photos.json"
keys '?'
shot help

# 5. Pure ASCII, no colour: LANG=C and NO_COLOR.
session 120 36 "env LANG=C LC_ALL=C NO_COLOR=1 $NAPKIN photos.json"
shot ascii

# 6. The interviewer's view of the candidate's file, following it live.
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
