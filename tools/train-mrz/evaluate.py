#!/usr/bin/env python3
"""Measure MRZ line accuracy of tesseract models on held-out rendered lines.

Usage: evaluate.py [--out models/mrz.evaluation.md] [--per-slice N] [--model NAME:TESSDATA_DIR:LANG:OEM ...]

Lines come from mrz_lines.py with a seed the training never uses, rendered in
OCR-B at 300 dpi and 24 pt (glyph height about 72 px), cropped per line with a
margin of about half a glyph height, then scaled to the slice's glyph height
(ImageMagick's area resampling: grey, anti-aliased edges, as a photo gives) and
degraded. Every model reads every image with the native tesseract CLI,
`--psm 7` and the MRZ whitelist, as the app's worker does.

Needs: python3 with numpy, text2image, tesseract, ImageMagick `convert`, gzip.
"""

import argparse
import concurrent.futures
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
from dataclasses import dataclass
from pathlib import Path

TOOL_DIR = Path(__file__).resolve().parent
REPO_DIR = TOOL_DIR.parent.parent
FONT_FILE = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")
WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
# Training uses seeds 9303 upwards (one per page); this one is far from them.
TEST_SEED = 20240611
RENDER_PTSIZE = 24


@dataclass(frozen=True)
class Slice:
    name: str
    lengths: tuple[int, ...]
    glyph_heights: tuple[int, int]  # uniform range, pixels
    blur_sigma: float = 0.0
    photo_noise: bool = False  # small rotation, grey noise, JPEG q=60


SLICES = [
    Slice("sharp 44 ch, 20-40 px", (44,), (20, 40)),
    Slice("sharp 30/36 ch, 20-40 px", (30, 36), (20, 40)),
    Slice("blur 1 px, 20-40 px", (44,), (20, 40), blur_sigma=1),
    Slice("blur 2 px, 20-40 px", (44,), (20, 40), blur_sigma=2),
    Slice("blur 3 px, 20-40 px", (44,), (20, 40), blur_sigma=3),
    Slice("small 16 px", (44,), (16, 16)),
    Slice("small 14 px", (44,), (14, 14)),
    Slice("small 12 px", (44,), (12, 12)),
    Slice("photo noise, 20-40 px", (44,), (20, 40), photo_noise=True),
]


@dataclass(frozen=True)
class Model:
    name: str
    tessdata_dir: str
    lang: str
    oem: int


def default_models(tmp: Path) -> list[Model]:
    models = [Model("ours: mrz legacy", str(REPO_DIR / "models"), "mrz", 0)]
    if (REPO_DIR / "models" / "mrz_lstm.traineddata").exists():
        models.append(Model("ours: mrz_lstm", str(REPO_DIR / "models"), "mrz_lstm", 1))
    # Debian's eng is tessdata_fast: LSTM only, no legacy part, so --oem 1.
    models.append(Model("Debian eng (LSTM, oem 1)", "/usr/share/tesseract-ocr/5/tessdata", "eng", 1))
    npm_eng = REPO_DIR / "node_modules/@tesseract.js-data/eng/4.0.0/eng.traineddata.gz"
    if npm_eng.exists():
        npm_dir = tmp / "npm-eng"
        npm_dir.mkdir()
        with gzip.open(npm_eng) as src, open(npm_dir / "eng.traineddata", "wb") as dst:
            shutil.copyfileobj(src, dst)
        models.append(Model("npm eng 4.0.0 (legacy, oem 0)", str(npm_dir), "eng", 0))
    return models


def run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(["nice", "-n", "10", *cmd], capture_output=True, text=True, check=True)


def generate_lines(seed: int, count: int, lengths: tuple[int, ...]) -> list[str]:
    out = run([sys.executable, str(TOOL_DIR / "mrz_lines.py"), "--seed", str(seed), "--count", str(count),
               "--lengths", ",".join(map(str, lengths))])
    return out.stdout.split()


def render_lines(lines: list[str], work: Path, tag: str) -> list[tuple[Path, float]]:
    """Render lines and return per line: (PGM crop with margin, glyph height in its pixels)."""
    fonts = work / "fonts"
    if not fonts.exists():
        fonts.mkdir()
        shutil.copy(FONT_FILE, fonts)
    (work / "fontconfig").mkdir(exist_ok=True)
    text = work / f"{tag}.txt"
    text.write_text("\n".join(lines) + "\n")
    base = work / tag
    run(["text2image", "--fonts_dir", str(fonts), "--fontconfig_tmpdir", str(work / "fontconfig"),
         "--font", "OCR B", "--ptsize", str(RENDER_PTSIZE), "--resolution", "300",
         "--xsize", "4000", "--ysize", "6000", "--degrade_image=false", "--rotate_image=false",
         "--leading", "60", "--text", str(text), "--outputbase", str(base)])
    boxes = []
    for row in (base.with_suffix(".box")).read_text().splitlines():
        ch, *numbers = row.rsplit(" ", 5)
        x0, y0, x1, y1, page = map(int, numbers)
        if ch.strip() and ch in WHITELIST:
            boxes.append((ch, x0, y0, x1, y1, page))
    pages = {}
    result = []
    i = 0
    for line in lines:
        chunk = boxes[i:i + len(line)]
        i += len(line)
        assert "".join(b[0] for b in chunk) == line, (line, chunk[:3])
        page = chunk[0][5]
        if page not in pages:
            pages[page] = read_gray(Path(f"{base}.tif"), page, work / f"{tag}.{page}.pgm")
        pixels = pages[page]
        page_h = pixels.shape[0]
        x0 = min(b[1] for b in chunk)
        x1 = max(b[3] for b in chunk)
        top = page_h - max(b[4] for b in chunk)
        bottom = page_h - min(b[2] for b in chunk)
        heights = sorted(b[4] - b[2] for b in chunk if b[0] != "<")
        glyph_h = heights[len(heights) // 2] if heights else float(bottom - top)
        pad = int(glyph_h * 0.5)
        crop = work / f"{tag}.line{len(result):03d}.pgm"
        write_pgm(crop, pixels[max(0, top - pad) : bottom + pad, max(0, x0 - pad) : x1 + pad])
        result.append((crop, glyph_h))
    return result


def read_gray(tif: Path, page: int, pgm: Path) -> np.ndarray:
    # Loading a 4000x6000 page per line is what made this script slow: load it once.
    run(["convert", f"{tif}[{page}]", "-depth", "8", "-colorspace", "Gray", str(pgm)])
    data = pgm.read_bytes()
    parts = data.split(maxsplit=4)  # P5 width height maxval pixels
    width, height = int(parts[1]), int(parts[2])
    return np.frombuffer(parts[4][: width * height], dtype=np.uint8).reshape(height, width)


def write_pgm(path: Path, pixels: np.ndarray) -> None:
    path.write_bytes(b"P5 %d %d 255\n" % (pixels.shape[1], pixels.shape[0]) + pixels.tobytes())


def make_image(src: tuple, target_h: int, sl: Slice, angle: float, out: Path) -> Path:
    crop, glyph_h = src
    scale = 100.0 * target_h / glyph_h
    cmd = ["convert", str(crop), "-filter", "Box", "-resize", f"{scale:.4f}%"]
    if sl.photo_noise:
        cmd += ["-background", "white", "-rotate", f"{angle:.3f}", "-attenuate", "0.6", "+noise", "Gaussian",
                "-quality", "60"]
        out = out.with_suffix(".jpg")
    if sl.blur_sigma:
        cmd += ["-blur", f"0x{sl.blur_sigma}"]
    run([*cmd, str(out)])
    return out


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def read_lines(model: Model, images: list[Path], list_file: Path, extra: list[str]) -> list[str]:
    """One tesseract process per batch (an image list file): the model loads
    once, which matters on a shared 2-core machine. Pages end with a form feed."""
    list_file.write_text("".join(f"{image}\n" for image in images))
    out = run(["tesseract", str(list_file), "stdout", "--tessdata-dir", model.tessdata_dir, "-l", model.lang,
               "--oem", str(model.oem), "--psm", "7", "-c", f"tessedit_char_whitelist={WHITELIST}", *extra])
    pages = out.stdout.split("\f")[: len(images)]
    assert len(pages) == len(images), (model, len(pages), len(images))
    return ["".join(page.split()) for page in pages]


def confusions(truth: str, got: str) -> list[str]:
    """Substitutions, where the read has the right length (most errors do)."""
    if len(truth) != len(got):
        return [f"length {len(truth)}->{len(got)}"]
    return [f"{a}->{b}" for a, b in zip(truth, got) if a != b]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO_DIR / "models" / "mrz.evaluation.md"))
    parser.add_argument("--per-slice", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--model", action="append", default=[], help="NAME:TESSDATA_DIR:LANG:OEM (replaces defaults)")
    parser.add_argument("--slices", default="", help="comma-separated slice indexes to run (default all)")
    parser.add_argument("-c", dest="config", action="append", default=[], help="extra tesseract -c VAR=VALUE")
    args = parser.parse_args()

    started = time.time()
    with tempfile.TemporaryDirectory(prefix="eval-mrz.") as tmp_name:
        tmp = Path(tmp_name)
        models = [Model(n, d, l, int(o)) for n, d, l, o in (m.split(":") for m in args.model)] or default_models(tmp)
        chosen = [SLICES[int(i)] for i in args.slices.split(",")] if args.slices else SLICES

        # One set of lines per distinct length tuple, so the blur slices read
        # exactly the lines the sharp slice reads.
        rendered: dict[tuple[int, ...], tuple[list[str], list]] = {}
        for k, lengths in enumerate(sorted({sl.lengths for sl in chosen})):
            lines = generate_lines(TEST_SEED + k, args.per_slice, lengths)
            rendered[lengths] = (lines, render_lines(lines, tmp, f"lines{k}"))

        jobs = []  # (slice, truth, image)
        for s_index, sl in enumerate(chosen):
            rng = random.Random(TEST_SEED * 31 + s_index)
            heights = random.Random(TEST_SEED)  # same heights across slices of equal range
            lines, sources = rendered[sl.lengths]
            slice_dir = tmp / f"slice{s_index}"
            slice_dir.mkdir()
            for n, (line, src) in enumerate(zip(lines, sources)):
                target_h = heights.randint(*sl.glyph_heights)
                angle = rng.uniform(-0.8, 0.8)
                jobs.append((sl, line, (src, target_h, sl, angle, slice_dir / f"{n:03d}.png")))
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            images = list(pool.map(lambda j: make_image(*j[2]), jobs))
            results = {}
            extra = [arg for c in args.config for arg in ("-c", c)]
            batches = [images[i :: args.jobs] for i in range(args.jobs)]
            for m_index, model in enumerate(models):
                lists = [tmp / f"list{m_index}-{b}.txt" for b in range(len(batches))]
                batch_reads = list(pool.map(lambda b: read_lines(model, b[0], b[1], extra), zip(batches, lists)))
                reads = [""] * len(images)
                for b, batch in enumerate(batch_reads):
                    reads[b :: args.jobs] = batch
                for (sl, truth, _), got in zip(jobs, reads):
                    r = results.setdefault((model.name, sl.name), {"lines": 0, "exact": 0, "chars": 0, "errors": 0, "samples": [], "confusions": {}})
                    r["lines"] += 1
                    r["exact"] += got == truth
                    r["chars"] += len(truth)
                    r["errors"] += min(levenshtein(truth, got), len(truth))
                    for pair in confusions(truth, got):
                        r["confusions"][pair] = r["confusions"].get(pair, 0) + 1
                    if got != truth and len(r["samples"]) < 3:
                        r["samples"].append({"truth": truth, "read": got})

    header = "| slice | " + " | ".join(m.name for m in models) + " |"
    rows = [header, "|" + " --- |" * (len(models) + 1)]
    for sl in chosen:
        cells = []
        for m in models:
            r = results[(m.name, sl.name)]
            cells.append(f"{100 * r['exact'] / r['lines']:.0f}% / {100 * (1 - r['errors'] / r['chars']):.1f}%")
        rows.append(f"| {sl.name} | " + " | ".join(cells) + " |")
    table = "\n".join(rows)
    report = (
        "# MRZ model evaluation\n\n"
        f"Generated by `tools/train-mrz/evaluate.py` (test seed {TEST_SEED}, {args.per_slice} lines per slice, "
        f"{time.time() - started:.0f} s). Cells: exact lines % / characters % (1 - edit distance / length).\n"
        "Native tesseract CLI, `--psm 7`, whitelist `A-Z0-9<`.\n\n"
        f"{table}\n\n"
        "## Most frequent substitutions (truth->read: count) per model and slice\n\n"
        + "".join(f"- {m} | {s}: " + ", ".join(f"{k}: {v}" for k, v in sorted(r["confusions"].items(), key=lambda kv: -kv[1])[:8]) + "\n"
                  for (m, s), r in results.items() if r["confusions"])
        + "\n## Sample errors (first three per model and slice)\n\n```json\n"
        + json.dumps({f"{m} | {s}": r["samples"] for (m, s), r in results.items() if r["samples"]}, indent=1)
        + "\n```\n"
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(report)
    print(table)
    for (m, s), r in results.items():
        if r["confusions"]:
            print(f"{m} | {s}:", dict(sorted(r["confusions"].items(), key=lambda kv: -kv[1])[:6]))
    print(f"wrote {args.out} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
