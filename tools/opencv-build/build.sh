#!/usr/bin/env bash
# Builds the slim OpenCV.js that id-precheck ships in vendor/opencv/ (README.md beside this file says
# why, and what each flag is for). Needs Debian's emscripten, cmake and python3:
#   apt-get install -y emscripten cmake python3
# Usage: bash tools/opencv-build/build.sh [simd|plain|both]   (default both)
# Works in $OPENCV_BUILD_DIR (default /work/build-opencv), outside the repository; copies only the
# results into vendor/opencv/.
set -euo pipefail

VERSION=4.10.0
TARBALL="opencv_${VERSION}+dfsg.orig.tar.xz"
SOURCE_URL="http://deb.debian.org/debian/pool/main/o/opencv/${TARBALL}"
SOURCE_SHA256=4ca619efbad524c550771ab110332fc81293fb720bd03980fe58bc15f9ca3be8

# Debian's OpenCV source leaves out 3rdparty/ (its zlib among it), and core needs zlib: Debian's zlib
# source, compiled here with emcc.
ZLIB_VERSION=1.2.13
ZLIB_TARBALL="zlib_${ZLIB_VERSION}.dfsg.orig.tar.bz2"
ZLIB_URL="http://deb.debian.org/debian/pool/main/z/zlib/${ZLIB_TARBALL}"
ZLIB_SHA256=71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${OPENCV_BUILD_DIR:-/work/build-opencv}"
vendor="$repo/vendor/opencv"
variants="${1:-both}"
[ "$variants" = both ] && variants="simd plain"
jobs="${JOBS:-$(nproc)}"

command -v emcc >/dev/null || { echo "emcc not found: apt-get install -y emscripten" >&2; exit 1; }
export EMSCRIPTEN="${EMSCRIPTEN:-/usr/share/emscripten}"
# Debian's emscripten runs its JavaScript optimiser with `node`, which needs Debian's acorn (node-acorn,
# installed with emscripten under /usr/share/nodejs): a node that is not Debian's own does not look there.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
mkdir -p "$work" "$vendor"
cd "$work"

if [ ! -f "$TARBALL" ]; then curl -fsSL -o "$TARBALL" "$SOURCE_URL"; fi
echo "$SOURCE_SHA256  $TARBALL" | sha256sum -c -
if [ ! -f "$ZLIB_TARBALL" ]; then curl -fsSL -o "$ZLIB_TARBALL" "$ZLIB_URL"; fi
echo "$ZLIB_SHA256  $ZLIB_TARBALL" | sha256sum -c -

zlib="$work/zlib-$ZLIB_VERSION.dfsg"
if [ ! -f "$zlib/libz.a" ]; then
  rm -rf "$zlib"
  tar xjf "$ZLIB_TARBALL"
  (
    cd "$zlib"
    for file in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate \
      inftrees trees uncompr zutil; do
      emcc -O3 -DZ_HAVE_UNISTD_H -c "$file.c" -o "$file.o" # unistd.h: what ./configure finds
    done
    emar rcs libz.a ./*.o
  )
fi

src="$work/opencv-$VERSION"
if [ ! -f "$src/.id-precheck-extracted" ]; then
  rm -rf "$src"
  tar xf "$TARBALL"
  touch "$src/.id-precheck-extracted"
fi
# OpenCV's link flags, replaced by ours (README.md, "What is in it"): an ES module that exports
# Emscripten's factory, with its WebAssembly as a file of its own, no code generated at run time, no
# file system, and no Node branch (Node is given the compiled module, as the worker is). No
# import.meta either: the runtime never looks for its WebAssembly (it is given it), and Vite would
# warn of the `new URL("opencv_js.wasm", import.meta.url)` it cannot find. Applied on every run, and
# written only when it changes, so that changing a flag relinks without recompiling.
python3 - "$src/modules/js/CMakeLists.txt" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
ours = ('set(EMSCRIPTEN_LINK_FLAGS "${EMSCRIPTEN_LINK_FLAGS}'
        ' -s INITIAL_MEMORY=128MB -s MAXIMUM_MEMORY=1GB -s ALLOW_MEMORY_GROWTH=1'
        ' -s MODULARIZE=1 -s EXPORT_ES6=1 -s EXPORT_NAME=createOpenCv -s ENVIRONMENT=web,worker'
        ' -s USE_ES6_IMPORT_META=0 -s DYNAMIC_EXECUTION=0 -s FILESYSTEM=0'
        ' --bind --post-js ${JS_HELPER} ${COMPILE_FLAGS}")\n')
block = re.compile(r'(set\(EMSCRIPTEN_LINK_FLAGS "\$\{EMSCRIPTEN_LINK_FLAGS\}[^\n]*\n)+')
patched, count = block.subn(ours, text, count=1)
if count != 1:
    sys.exit('modules/js/CMakeLists.txt: no EMSCRIPTEN_LINK_FLAGS block where OpenCV 4.10.0 has one')
if patched != text:
    open(path, 'w').write(patched)
PY

for variant in $variants; do
  build="$work/build-$variant"
  simd=()
  [ "$variant" = simd ] && simd=(--simd)
  started=$(date +%s)
  python3 "$src/platforms/js/build_js.py" "$build" --build_wasm --disable_single_file "${simd[@]}" \
    --config "$here/opencv_js.config.py" --config_only \
    --cmake_option=-DBUILD_LIST=core,imgproc,js \
    --cmake_option=-DBUILD_ZLIB=OFF --cmake_option=-DZLIB_INCLUDE_DIR="$zlib" \
    --cmake_option=-DZLIB_LIBRARY="$zlib/libz.a" \
    --cmake_option=-DWITH_OPENJPEG=OFF --cmake_option=-DWITH_PROTOBUF=OFF \
    --cmake_option=-DWITH_FLATBUFFERS=OFF --cmake_option=-DWITH_AVIF=OFF \
    --cmake_option=-DBUILD_EXAMPLES=OFF --cmake_option=-DBUILD_TESTS=OFF --cmake_option=-DBUILD_PERF_TESTS=OFF \
    --cmake_option=-DBUILD_opencv_dnn=OFF --cmake_option=-DBUILD_opencv_calib3d=OFF \
    --cmake_option=-DBUILD_opencv_features2d=OFF --cmake_option=-DBUILD_opencv_flann=OFF \
    --cmake_option=-DBUILD_opencv_photo=OFF --cmake_option=-DBUILD_opencv_objdetect=OFF \
    --cmake_option=-DBUILD_opencv_video=OFF
  make -C "$build" -j"$jobs" opencv_js
  echo "opencv.js ($variant): built in $(($(date +%s) - started)) s"
  suffix=""
  [ "$variant" = simd ] && suffix="-simd"
  cp "$build/bin/opencv_js.wasm" "$vendor/opencv$suffix.wasm"
  cp "$build/bin/opencv_js.js" "$vendor/opencv$suffix.js"
done

cp "$src/LICENSE" "$vendor/LICENSE"
# Both builds bind the same functions: their JavaScript should be one file. Kept apart if not.
if [ -f "$vendor/opencv-simd.js" ] && [ -f "$vendor/opencv.js" ] && cmp -s "$vendor/opencv-simd.js" "$vendor/opencv.js"; then
  rm "$vendor/opencv-simd.js"
fi
ls -l "$vendor"
