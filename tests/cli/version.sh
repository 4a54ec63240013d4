# --version prints the version CMake was given.
. "$(dirname "$0")/../lib/common.sh"
version=$(sed -n 's/^project(rsvp VERSION \([0-9.]*\).*/\1/p' "$RSVP_SOURCE_DIR/CMakeLists.txt")
expect_exit 0 "$RSVP_BIN" --version
expect_eq "$(cat "$TMP/out")" "rsvp $version" "--version"
