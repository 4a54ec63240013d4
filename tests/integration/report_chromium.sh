#!/usr/bin/env bash
# rsvp report in a real headless Chromium: a screenshot of the HTML report,
# a PDF of the sign-in sheet (page count and text checked with poppler's
# pdfinfo and pdftotext), and the report's DOM, whose numbers must be the
# database's (rsvp headcount). A reply whose name is <script>alert(1)</script>
# must show as text. Installs chromium and poppler-utils when missing (as
# root, or with sudo without a password); skips when it cannot.
# RSVP_REPORT_SCREENSHOTS=DIR keeps report.png and sign-in.png in DIR.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"

need=()
command -v chromium >/dev/null || need+=(chromium)
{ command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; } || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null || { echo "SKIP: ${need[*]} not installed and no root"; exit 77; }
    sudo=(sudo -n)
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 ||
    { echo "SKIP: could not install ${need[*]}"; exit 77; }
fi

db="$TMP/rsvp.db"
expect_exit 0 "$RSVP_BIN" --db "$db" import "$RSVP_TEST_DATA/corpus/messages" "$RSVP_TEST_DATA/report/script-name.eml"

export SOURCE_DATE_EPOCH=1479200000  # 2016-11-15 08:53 UTC: the same page every time
expect_exit 0 "$RSVP_BIN" --db "$db" report --html "$TMP/report.html"
expect_exit 0 "$RSVP_BIN" --db "$db" report --sign-in "$TMP/sign-in.html"
expect_exit 0 "$RSVP_BIN" --db "$db" report --lang en
cp "$TMP/out" "$TMP/report-en.html"
expect_contains "$TMP/report-en.html" "People attending"
expect_exit 0 "$RSVP_BIN" --db "$db" report --sign-in - --lang en
expect_contains "$TMP/out" "Sign-in sheet"
expect_exit 2 "$RSVP_BIN" --db "$db" report --lang de

for page in report sign-in report-en; do
  ! grep -qi '<script' "$TMP/$page.html" || fail "$page.html has a script element"
  ! grep -Eqi '(src|href)="?https?:|url\(|@import|<link|<img' "$TMP/$page.html" || fail "$page.html loads something"
  expect_contains "$TMP/$page.html" '&lt;script&gt;alert(1)&lt;/script&gt;'
done
expect_contains "$TMP/report.html" "2016-11-15 08:53 UTC"

chrome() {
  timeout 180 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d "$TMP/chrome.XXXXXX")" "$@" 2>>"$TMP/chromium.log"
}

# The report: a screenshot, and its DOM.
chrome --screenshot="$TMP/report.png" --window-size=1280,2000 "file://$TMP/report.html" >/dev/null ||
  { cat "$TMP/chromium.log"; fail "chromium could not take the screenshot"; }
[ -s "$TMP/report.png" ] || fail "no screenshot"
[ "$(head -c 8 "$TMP/report.png" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ] || fail "the screenshot is not a PNG"

chrome --dump-dom "file://$TMP/report.html" >"$TMP/dom.html" || { cat "$TMP/chromium.log"; fail "chromium could not dump the DOM"; }
[ -s "$TMP/dom.html" ] || fail "empty DOM"
! grep -qi '<script' "$TMP/dom.html" || fail "the DOM has a script element"
expect_contains "$TMP/dom.html" '&lt;script&gt;alert(1)&lt;/script&gt;'
expect_exit 0 "$RSVP_BIN" --db "$db" headcount --format json
cp "$TMP/out" "$TMP/headcount.json"
dom_number() { sed -n "s/.*id=\"$1\">\([^<]*\)<.*/\1/p" "$TMP/dom.html" | head -1; }
for field in attending confirmed declined tentative; do
  expect_eq "$(dom_number "$field")" "$(jq -r ".$field" "$TMP/headcount.json")" "$field in the DOM"
done
[ "$(jq -r .attending "$TMP/headcount.json")" -gt 0 ] || fail "nobody attending"

# The sign-in sheet: a PDF, its pages and its text.
chrome --no-pdf-header-footer --print-to-pdf="$TMP/sign-in.pdf" "file://$TMP/sign-in.html" >/dev/null ||
  { cat "$TMP/chromium.log"; fail "chromium could not print the sign-in sheet"; }
[ -s "$TMP/sign-in.pdf" ] || fail "no PDF"
confirmed=$(jq -r .confirmed "$TMP/headcount.json")
rows_per_page=18  # app::k_sign_in_rows_per_page
want_pages=$(( (confirmed + rows_per_page - 1) / rows_per_page ))
[ "$want_pages" -ge 1 ] || want_pages=1
pages=$(pdfinfo "$TMP/sign-in.pdf" | sed -n 's/^Pages: *//p')
expect_eq "$pages" "$want_pages" "pages of the sign-in sheet ($confirmed attendees)"
pdfinfo "$TMP/sign-in.pdf" | grep -Eq '^Page size: .*\(A4\)' || { pdfinfo "$TMP/sign-in.pdf"; fail "not A4"; }
pdftotext -layout "$TMP/sign-in.pdf" "$TMP/sign-in.txt"
expect_contains "$TMP/sign-in.txt" "Feuille d'émargement"
expect_contains "$TMP/sign-in.txt" "Signature"
expect_contains "$TMP/sign-in.txt" "<script>alert(1)"
expect_contains "$TMP/sign-in.txt" "Page 1 / $want_pages"
# A few attendees of the corpus, on the first and the last page.
for name in "Agnès Michel" "BLANCHARD Martine" "MORA Sébastien" "Yves Chabert"; do
  expect_contains "$TMP/sign-in.txt" "$name"
done
! grep -q "BARBIER Jérôme" "$TMP/sign-in.txt" || fail "someone who declined is on the sign-in sheet"

if [ -n "${RSVP_REPORT_SCREENSHOTS:-}" ]; then
  mkdir -p "$RSVP_REPORT_SCREENSHOTS"
  cp "$TMP/report.png" "$RSVP_REPORT_SCREENSHOTS/report.png"
  pdftoppm -png -r 60 -f 1 -l 1 "$TMP/sign-in.pdf" "$TMP/sign-in"
  cp "$TMP"/sign-in-1.png "$RSVP_REPORT_SCREENSHOTS/sign-in.png" 2>/dev/null || cp "$TMP"/sign-in-01.png "$RSVP_REPORT_SCREENSHOTS/sign-in.png"
fi
echo "ok: report $(jq -r .attending "$TMP/headcount.json") attending, sign-in sheet $pages page(s)"
