#!/bin/sh
# Print the path of the SARIF 2.1.0 JSON schema, fetching it once into
# $1 (default build/sarif) from the npm package that ships it.  The schema
# is not in Debian and is not vendored here; tests that validate against it
# skip, saying so, when this prints nothing and fails (no npm, no network).
set -u
dir=${1:-build/sarif}
package=@microsoft/jest-sarif@1.0.0-beta.0
schema=$dir/sarif-2.1.0-rtm.5.json
if [ ! -s "$schema" ]; then
	command -v npm >/dev/null 2>&1 || exit 1
	mkdir -p "$dir" || exit 1
	tarball=$(cd "$dir" && timeout 120 npm pack --silent "$package" 2>/dev/null | tail -1) || exit 1
	[ -n "$tarball" ] && [ -f "$dir/$tarball" ] || exit 1
	tar -xzf "$dir/$tarball" -C "$dir" package/lib/schemas/sarif-2.1.0-rtm.5.json 2>/dev/null || exit 1
	mv "$dir/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema" && rm -rf "$dir/package" "$dir/$tarball"
fi
echo "$schema"
