#!/usr/bin/env bash
# Installs the Debian 12 packages congvan needs (only those missing), then
# configures and builds. Usage: scripts/setup.sh [BUILD_DIR] [extra cmake args...]
# With CONGVAN_WITH_TOOLS=1 it also installs the tools of samples/render and bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:-build}
shift || true

packages=(
  # build
  build-essential cmake pkg-config
  libicu-dev libtesseract-dev libleptonica-dev libpoppler-cpp-dev libre2-dev
  libsqlite3-dev catch2 libcli11-dev nlohmann-json3-dev libarchive-dev
  libxlsxwriter-dev libfmt-dev libssl-dev
  # run: OCR models (Vietnamese, orientation)
  tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd
  # tests, sample rendering and benchmarks
  python3 poppler-utils fonts-liberation2 sqlite3 unzip
)
# Rendering test scans, regenerating models and the benchmarks need more:
# CONGVAN_WITH_TOOLS=1 scripts/setup.sh
if [ "${CONGVAN_WITH_TOOLS:-0}" = 1 ]; then
  packages+=(weasyprint imagemagick qpdf ocrmypdf hunspell-vi)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
