# The OpenCV functions id-precheck calls, and nothing else: read by OpenCV's own binding generator
# (modules/js/generator/embindgen.py execs this file and takes `white_list`). Mat, MatVector and the
# value types (Size, Point, Rect, Scalar, ...) come from core_bindings.cpp whatever this list says, and
# so do the enums of the modules built. Checked against src/ with
#   grep -rhoE '\bcv\.[a-zA-Z_0-9]+\(' src scripts tests | sort -u
# A function missing here is `undefined` in JavaScript: tests/engines/opencvWasm.test.ts calls each one.

core = {
    '': [
        'bitwise_not',
        'bitwise_or',
        'invert',
        'meanStdDev',
        'normalize',
        'rotate',
        'split',
    ],
}

imgproc = {
    '': [
        'Canny',
        'GaussianBlur',
        'Laplacian',
        'Sobel',
        'adaptiveThreshold',
        'approxPolyDP',
        'blur',
        'boundingRect',
        'connectedComponents',
        'connectedComponentsWithStats',
        'convexHull',
        'cvtColor',
        'dilate',
        'findContours',
        'getPerspectiveTransform',
        'getStructuringElement',
        'medianBlur',
        'morphologyEx',
        'rectangle',
        'resize',
        'threshold',
        'warpPerspective',
    ],
}

white_list = makeWhiteList([core, imgproc])
