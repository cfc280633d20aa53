# Sourced by .ci/run: makes sure a Chromium is on PATH for the browser test of
# the simulation report (test/cli/report-in-browser.test.ts drives it with
# playwright-core). Installs Debian's chromium only when none is found; without
# root it says so and the test reports itself skipped.

ensure_chromium() {
  local name
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then
      echo "Chromium: $("$name" --version 2>/dev/null || echo "$name")"
      return 0
    fi
  done
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium not found and not root: the browser test will be skipped" >&2
    return 0
  fi
  echo "Chromium not found: installing Debian's chromium"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
}
