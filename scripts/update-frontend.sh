#!/usr/bin/env bash
# Vendors the front-end assets Lotse needs into src/Lotse/wwwroot/lib/ so that
# building and running the app never requires npm.
#
#   scripts/update-frontend.sh
#
# To upgrade: change the pinned versions below, run the script, review the diff
# (git diff --stat src/Lotse/wwwroot/lib) and commit the result.
# Requires: node + npm (only for running this script, never for the app).
set -euo pipefail

# --- pinned versions --------------------------------------------------------
KERN_PKG="@kern-ux/native"
KERN_VERSION="2.7.2"     # KERN UX (EUPL-1.2)   - npm view @kern-ux/native versions
HTMX_PKG="htmx.org"
HTMX_VERSION="2.0.11"    # htmx 2.x (0BSD)      - npm view htmx.org versions
CHART_PKG="chart.js"
CHART_VERSION="4.5.1"    # Chart.js 4.x (MIT)   - npm view chart.js versions
# ----------------------------------------------------------------------------

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB_DIR="$REPO_ROOT/src/Lotse/wwwroot/lib"
KERN_OUT="$LIB_DIR/kern"
HTMX_OUT="$LIB_DIR/htmx"
CHART_OUT="$LIB_DIR/chartjs"
MANIFEST="$LIB_DIR/VENDORED.md"

command -v npm >/dev/null || { echo "error: npm not found" >&2; exit 1; }
command -v node >/dev/null || { echo "error: node not found" >&2; exit 1; }

TMP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/lotse-frontend.XXXXXX")"
trap 'rm -rf "$TMP_DIR"' EXIT

echo ">> installing $KERN_PKG@$KERN_VERSION, $HTMX_PKG@$HTMX_VERSION and $CHART_PKG@$CHART_VERSION into $TMP_DIR"
npm install --prefix "$TMP_DIR" --no-save --no-package-lock --ignore-scripts \
  --no-audit --no-fund --loglevel=error \
  "$KERN_PKG@$KERN_VERSION" "$HTMX_PKG@$HTMX_VERSION" "$CHART_PKG@$CHART_VERSION" >/dev/null

KERN_SRC="$TMP_DIR/node_modules/$KERN_PKG"
HTMX_SRC="$TMP_DIR/node_modules/$HTMX_PKG"
CHART_SRC="$TMP_DIR/node_modules/$CHART_PKG"

pkg_field() { # pkg_field <package dir> <field>
  node -e 'const p=require(process.argv[1]+"/package.json");process.stdout.write(String(p[process.argv[2]]??""))' "$1" "$2"
}

for check in "$KERN_SRC:$KERN_VERSION" "$HTMX_SRC:$HTMX_VERSION" "$CHART_SRC:$CHART_VERSION"; do
  dir="${check%:*}"; want="${check##*:}"
  got="$(pkg_field "$dir" version)"
  [[ "$got" == "$want" ]] || { echo "error: $dir has version $got, expected $want" >&2; exit 1; }
done

# Prints the local files referenced by url()/@import in a CSS file (one per line,
# relative to the CSS file). data: URIs are skipped; any remote reference
# (http:, https:, protocol-relative //) aborts the script, because the app must
# not load anything from the network.
css_refs() {
  node - "$1" <<'EOF'
const fs = require("fs");
const file = process.argv[2];
const css = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
const refs = new Set();
const bad = [];
const add = (u) => {
  u = u.trim();
  if (!u || u.startsWith("data:") || u.startsWith("#")) return;
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(u)) { bad.push(u); return; }
  refs.add(u.replace(/[?#].*$/, ""));
};
for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g)) add(m[1] ?? m[2] ?? m[3]);
for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) add(m[1] ?? m[2]);
if (bad.length) { console.error(`error: ${file} references remote resources:\n  ` + bad.join("\n  ")); process.exit(2); }
for (const r of refs) console.log(r);
EOF
}

# copy <src root> <relative path in package> <dest root> <relative dest path>
copy() {
  mkdir -p "$(dirname "$3/$4")"
  cp "$1/$2" "$3/$4"
}

# Copies a CSS file plus every local asset it references, keeping the relative
# layout so that url(...) paths keep working.
copy_css_with_assets() { # <src root> <css rel path> <dest root> <dest rel path>
  local src_root="$1" css="$2" dest_root="$3" dest_css="$4"
  copy "$src_root" "$css" "$dest_root" "$dest_css"
  local css_dir dest_dir ref refs
  css_dir="$(dirname "$css")"
  dest_dir="$(dirname "$dest_css")"
  refs="$(css_refs "$src_root/$css")"   # separate assignment so a failure aborts the script
  while IFS= read -r ref; do
    [[ -z "$ref" ]] && continue
    if [[ ! -f "$src_root/$css_dir/$ref" ]]; then
      echo "error: $css references $ref which is not in the package" >&2
      exit 1
    fi
    copy "$src_root" "$css_dir/$ref" "$dest_root" "$dest_dir/$ref"
  done <<< "$refs"
}

echo ">> wiping $KERN_OUT, $HTMX_OUT and $CHART_OUT"
rm -rf "$KERN_OUT" "$HTMX_OUT" "$CHART_OUT" "$MANIFEST"
mkdir -p "$KERN_OUT" "$HTMX_OUT" "$CHART_OUT"

# KERN: the compiled CSS (kern.min.css already contains grid + utilities), the
# Fira Sans @font-face sheet + the woff2 files it references, the optional
# <kern-kopfzeile> web component, and the licence.
copy_css_with_assets "$KERN_SRC" dist/kern.min.css        "$KERN_OUT" kern.min.css
copy_css_with_assets "$KERN_SRC" dist/fonts/fira-sans.css "$KERN_OUT" fonts/fira-sans.css
copy "$KERN_SRC" dist/js/kern-kopfzeile.js "$KERN_OUT" js/kern-kopfzeile.js
copy "$KERN_SRC" LICENSE.md                "$KERN_OUT" LICENSE.md

# htmx
copy "$HTMX_SRC" dist/htmx.min.js "$HTMX_OUT" htmx.min.js
copy "$HTMX_SRC" LICENSE          "$HTMX_OUT" LICENSE

# Chart.js: the self-contained UMD build (no eval, so it runs under script-src 'self').
copy "$CHART_SRC" dist/chart.umd.min.js "$CHART_OUT" chart.umd.min.js
copy "$CHART_SRC" LICENSE.md            "$CHART_OUT" LICENSE.md

# Final safety net: nothing we ship may point to the network.
while IFS= read -r f; do css_refs "$f" >/dev/null; done < <(find "$KERN_OUT" -name '*.css')

file_list() { # <dir> -> markdown list of files with sizes and sha256
  (cd "$1" && find . -type f | LC_ALL=C sort | while IFS= read -r f; do
    printf -- '- `%s` (%s bytes, sha256 `%s`)\n' "${f#./}" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -c1-16)"
  done)
}

{
  echo "# Vendored front-end dependencies"
  echo
  echo "Generated by \`scripts/update-frontend.sh\` on $(date -u +%Y-%m-%d). Do not edit files below by hand;"
  echo "change the pinned versions in the script and re-run it instead. No npm is needed to build or run the app."
  echo
  echo "| Package | Version | Licence | Folder |"
  echo "|---|---|---|---|"
  echo "| [$KERN_PKG](https://www.npmjs.com/package/$KERN_PKG) | $KERN_VERSION | $(pkg_field "$KERN_SRC" license) | \`lib/kern/\` |"
  echo "| [$HTMX_PKG](https://www.npmjs.com/package/$HTMX_PKG) | $HTMX_VERSION | $(pkg_field "$HTMX_SRC" license) | \`lib/htmx/\` |"
  echo "| [$CHART_PKG](https://www.npmjs.com/package/$CHART_PKG) | $CHART_VERSION | $(pkg_field "$CHART_SRC" license) | \`lib/chartjs/\` |"
  echo
  echo "## $KERN_PKG $KERN_VERSION (\`lib/kern/\`)"
  echo
  file_list "$KERN_OUT"
  echo
  echo "Notes: \`kern.min.css\` includes the grid and utility classes (kern-grid/kern-utilities are subsets)."
  echo "All icons are inline SVG data: URIs. Fira Sans font files are shipped by the KERN package;"
  echo "Fira Sans itself is licensed under the SIL Open Font License 1.1 (no separate licence file in the package)."
  echo "Noto Sans (optional fallback) is not vendored."
  echo
  echo "## $HTMX_PKG $HTMX_VERSION (\`lib/htmx/\`)"
  echo
  file_list "$HTMX_OUT"
  echo
  echo "## $CHART_PKG $CHART_VERSION (\`lib/chartjs/\`)"
  echo
  file_list "$CHART_OUT"
} > "$MANIFEST"

echo ">> done:"
(cd "$LIB_DIR" && find . -type f | LC_ALL=C sort | xargs du -b | awk '{printf "   %8d  %s\n", $1, $2}')
