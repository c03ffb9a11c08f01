#!/usr/bin/env bash
# Trains the legacy-engine (--oem 0) OCR-B model for MRZ lines and writes
# models/mrz.traineddata and models/mrz.training.json. Run from anywhere:
#   npm run train:mrz            (= bash tools/train-mrz/train.sh)
# Why legacy and why these steps: ../../../shared/notes/mrz-model-training.md
# and tools/train-mrz/README.md (measured results).
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOL_DIR="$REPO_DIR/tools/train-mrz"
OUT_DIR="${MRZ_OUT_DIR:-$REPO_DIR/models}"
LANG_CODE=mrz
FONT_DIR=/usr/share/fonts/opentype/ocr-b

# Training set; every value is fixed so a rerun gives the same model. The
# MRZ_* overrides exist only for experiments (see README.md); the defaults are
# what was measured best.
SEED="${MRZ_SEED:-9303}"
LINES_PER_PAGE="${MRZ_LINES_PER_PAGE:-60}"
# "OCR B" regular and "OCR B Sharp": same design, different outline corners.
# The inverted, outline and oblique faces of fonts-ocr-b are not MRZ print.
read -r -a VARIANTS <<<"${MRZ_VARIANTS:-OCRB OCRBS}"
# 300 dpi: 8 pt is about 24 px glyph height, 14 pt about 42 px.
read -r -a PTSIZES <<<"${MRZ_PTSIZES:-8 10 12 14}"
# text2image's photocopier model: -1 thinner strokes, +1 bolder.
read -r -a EXPOSURES <<<"${MRZ_EXPOSURES:--1 0 1}"
# Extra text2image options for every page (speckle noise, erosion/dilation
# and a small random rotation are text2image's defaults: --degrade_image).
read -r -a RENDER_OPTS <<<"${MRZ_RENDER_OPTS:-}"

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/train-mrz.XXXXXX")"
trap 'rm -rf "$WORK_DIR"' EXIT
COMMANDS_LOG="$WORK_DIR/commands.log"
: >"$COMMANDS_LOG"

# Runs a command and records it, shell-quoted, for mrz.training.json. Paths
# inside the temporary work dir are written as $WORK so the log is stable.
run() {
  local quoted
  quoted="$(printf '%q ' "$@")"
  printf '%s\n' "${quoted% }" | sed "s|$WORK_DIR|\$WORK|g" >>"$COMMANDS_LOG"
  "$@"
}

need() {
  command -v "$1" >/dev/null || {
    echo "train-mrz: '$1' not found; install it: apt-get install -y tesseract-ocr libtesseract-dev" >&2
    exit 1
  }
}
for tool in text2image tesseract unicharset_extractor mftraining cntraining combine_tessdata python3 sha256sum; do
  need "$tool"
done

started=$SECONDS
cd "$WORK_DIR"
echo "train-mrz: working in $WORK_DIR"

# 1. Render pages: one page set per font variant x point size x exposure.
# Each variant gets its own font folder and fontconfig cache, because all
# fonts-ocr-b faces share the family name "OCR B" and Pango would otherwise
# pick the regular face for all of them.
declare -a PAGES=()
page_index=0
for variant in "${VARIANTS[@]}"; do
  mkdir -p "fonts/$variant" "fontconfig/$variant"
  cp "$FONT_DIR/$variant.otf" "fonts/$variant/"
  for ptsize in "${PTSIZES[@]}"; do
    for exposure in "${EXPOSURES[@]}"; do
      base="$LANG_CODE.$variant.exp$page_index"
      run python3 "$TOOL_DIR/mrz_lines.py" --seed $((SEED + page_index)) --count "$LINES_PER_PAGE" >"$base.txt"
      run text2image --fonts_dir "$WORK_DIR/fonts/$variant" --fontconfig_tmpdir "$WORK_DIR/fontconfig/$variant" \
        --font 'OCR B' --ptsize "$ptsize" --exposure "$exposure" --resolution 300 \
        --xsize 3600 --ysize 4800 --max_pages 1 ${RENDER_OPTS[@]+"${RENDER_OPTS[@]}"} \
        --text "$base.txt" --outputbase "$base" >"$base.render.log" 2>&1
      PAGES+=("$base")
      page_index=$((page_index + 1))
    done
  done
done
echo "train-mrz: rendered ${#PAGES[@]} pages"

# 2. Features per page. Pages are independent, so use both cores (nice'd:
# the machine is shared).
printf '%s\n' "${PAGES[@]}" >pages.txt
echo "xargs -P 2 -I{} nice -n 10 tesseract {}.tif {} box.train  # for each page" >>"$COMMANDS_LOG"
xargs -P 2 -I{} sh -c 'nice -n 10 tesseract "$1.tif" "$1" box.train >"$1.train.log" 2>&1' _ {} <pages.txt
for base in "${PAGES[@]}"; do
  [[ -s "$base.tr" ]] || { echo "train-mrz: box.train failed for $base:" >&2; cat "$base.train.log" >&2; exit 1; }
  if grep -q "Couldn't find a matching blob\|FAILURE" "$base.train.log"; then
    echo "train-mrz: warning: some boxes of $base did not match a blob" >&2
  fi
done

# 3. Character set and font properties. Fields: italic bold fixed serif fraktur.
run unicharset_extractor --output_unicharset unicharset "${PAGES[@]/%/.box}"
for variant in "${VARIANTS[@]}"; do
  echo "$variant 0 0 1 0 0"
done >font_properties

# 4. Clustering. No shapeclustering: it merged D and O (notes, 39 D->O errors).
run nice -n 10 mftraining -F font_properties -U unicharset -O "$LANG_CODE.unicharset" "${PAGES[@]/%/.tr}" >mftraining.log 2>&1
run nice -n 10 cntraining "${PAGES[@]/%/.tr}" >cntraining.log 2>&1
for part in inttemp pffmtable normproto shapetable; do
  run mv "$part" "$LANG_CODE.$part"
done
run combine_tessdata "$LANG_CODE." >combine.log 2>&1

# 5. Install the model and record how it was made.
mkdir -p "$OUT_DIR"
cp "$LANG_CODE.traineddata" "$OUT_DIR/$LANG_CODE.traineddata"
export MRZ_SEED_USED="$SEED" MRZ_LINES_PER_PAGE_USED="$LINES_PER_PAGE" MRZ_SECONDS=$((SECONDS - started))
export MRZ_VARIANTS_USED="${VARIANTS[*]}" MRZ_PTSIZES_USED="${PTSIZES[*]}" MRZ_EXPOSURES_USED="${EXPOSURES[*]}"
export MRZ_RENDER_OPTS_USED="${RENDER_OPTS[*]-}" MRZ_COMMANDS_LOG="$COMMANDS_LOG" MRZ_FONT_DIR="$FONT_DIR"
export MRZ_MODEL="$OUT_DIR/$LANG_CODE.traineddata"
python3 - >"$OUT_DIR/$LANG_CODE.training.json" <<'PY'
import hashlib, json, os, subprocess

def first_line(*cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    return (out.stdout + out.stderr).strip().splitlines()

def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()

env = os.environ
variants = env["MRZ_VARIANTS_USED"].split()
model = env["MRZ_MODEL"]
record = {
    "model": os.path.basename(model),
    "engine": "legacy (tesseract --oem 0)",
    "sha256": sha256(model),
    "bytes": os.path.getsize(model),
    "seconds": int(env["MRZ_SECONDS"]),
    "settings": {
        "seed": int(env["MRZ_SEED_USED"]),
        "lines_per_page": int(env["MRZ_LINES_PER_PAGE_USED"]),
        "font_variants": variants,
        "ptsizes": [int(p) for p in env["MRZ_PTSIZES_USED"].split()],
        "exposures": [int(e) for e in env["MRZ_EXPOSURES_USED"].split()],
        "extra_render_options": env["MRZ_RENDER_OPTS_USED"].split(),
    },
    "tools": {
        "tesseract": first_line("tesseract", "--version")[:2],
        "text2image": first_line("text2image", "--version")[-1],
        "python3": first_line("python3", "--version")[0],
        "debian_packages": first_line("dpkg-query", "-W", "-f=${Package} ${Version}\n",
                                      "tesseract-ocr", "libtesseract5", "fonts-ocr-b"),
        "fonts": {v: {"file": f"{env['MRZ_FONT_DIR']}/{v}.otf",
                      "sha256": sha256(f"{env['MRZ_FONT_DIR']}/{v}.otf")} for v in variants},
    },
    "commands": open(env["MRZ_COMMANDS_LOG"]).read().splitlines(),
}
print(json.dumps(record, indent=2))
PY
echo "train-mrz: wrote $OUT_DIR/$LANG_CODE.traineddata ($(stat -c %s "$OUT_DIR/$LANG_CODE.traineddata") bytes) in $((SECONDS - started)) s"
