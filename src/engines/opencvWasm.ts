/**
 * The @techstark/opencv-js package for the web build's face detector, which needs its dnn module until
 * it runs without OpenCV (issue 13f); the pipeline runs our own build (tools/opencv-build), which
 * Emscripten makes in this shape from the start. Made at build time (tools/opencv-build/vitePlugins.ts)
 * from the package's one script.
 * Pure string surgery on the pinned file (4.12.0-release.1, built with Emscripten 2.0.10); any other
 * version is refused, never half-patched, and tests/engines/opencvWasm.test.ts checks that the result
 * computes what the package computes in Node.
 *
 * 1. The WebAssembly comes out. The package ships its 8 MB as 10.6 MB of base64 inside the script,
 *    which costs a browser, on every visit, parsing the string, decoding it in JavaScript and only then
 *    compiling (measured in our worker: 4.3 s from the script's arrival to OpenCV starting, on a shared
 *    2-core machine). As a file of its own it compiles while it downloads
 *    (`WebAssembly.compileStreaming`), and Chromium can cache the compiled code.
 * 2. The remaining 225 KB of JavaScript becomes an ES module that exports Emscripten's factory instead
 *    of calling it with no options, so the worker can pass its own `instantiateWasm`.
 * 3. Embind's code generators (`new Function` for every bound function and class: thousands, and one
 *    for each JavaScript method C++ calls) are replaced with closures that do the same, as Emscripten's own embind does when built with
 *    DYNAMIC_EXECUTION=0. Starting the runtime then takes about a quarter of the time (in Node: 350-560
 *    ms before, 100-210 ms after), and the worker that runs OpenCV no longer needs 'unsafe-eval'.
 */

import type createPackagedOpenCv from 'virtual:opencv-package-runtime';
import type { OpenCv } from './types.ts';

export interface SplitOpenCvScript {
  /** An ES module: `export default` Emscripten's module factory, `(moduleArg) => Module`. */
  readonly runtimeModule: string;
  /** The WebAssembly module, base64 (the build decodes it: this file stays free of Node's Buffer). */
  readonly wasmBase64: string;
}

/** Emscripten's embedded binary: a data: URI in one `var`, which becomes the unused empty string. */
const EMBEDDED_WASM = /var wasmBinaryFile="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/u;

/**
 * The end of the UMD wrapper, which calls the factory with an empty module argument at once. We
 * return the factory instead, so that the caller's `instantiateWasm` reaches it.
 */
const FACTORY_CALL = "  if (typeof Module === 'undefined')\n    var Module = {};\n  return cv(Module);\n}));";
const FACTORY_RETURN = '  return cv;\n}));';

interface GeneratorReplacement {
  /** The function's first characters in the pinned file, through its opening brace. */
  readonly from: string;
  /** Its last characters: the function is everything from `from` through the first `to` after it. */
  readonly to: string;
  readonly closure: string;
}

/**
 * Each generated function, written once as a closure. The generated code and these closures do the
 * same steps in the same order: check the argument count, turn each argument (and `this` for a
 * method) into its wire type, call the C++ invoker, run the destructors, turn the result back.
 */
const GENERATORS: readonly GeneratorReplacement[] = [
  {
    // A function with a readable name, that calls `body`: used for classes and their constructors.
    from: 'function createNamedFunction(name,body){',
    to: '(body)}',
    closure:
      'function createNamedFunction(name,body){var named=function(){return body.apply(this,arguments)};' +
      'Object.defineProperty(named,"name",{value:makeLegalFunctionName(name)});return named}',
  },
  {
    // Calls a C++ function pointer through its signature's dynCall export.
    from: 'function makeDynCaller(dynCall){',
    to: '(dynCall,rawFunction)}',
    closure:
      'function makeDynCaller(dynCall){return function(){var args=[rawFunction];' +
      'for(var i=0;i<arguments.length;++i){args.push(arguments[i])}return dynCall.apply(null,args)}}',
  },
  {
    // Every bound function and method: the JavaScript side of the call into C++.
    from: 'function craftInvokerFunction(humanName,argTypes,classType,cppInvokerFunc,cppTargetFunc){',
    to: 'return invokerFunction}',
    closure: [
      'function craftInvokerFunction(humanName,argTypes,classType,cppInvokerFunc,cppTargetFunc){',
      'var argCount=argTypes.length;',
      'if(argCount<2){throwBindingError("argTypes array size mismatch! Must at least get return value and \'this\' types!")}',
      'var isClassMethodFunc=argTypes[1]!==null&&classType!==null;',
      'var needsDestructorStack=false;',
      'for(var i=1;i<argTypes.length;++i){if(argTypes[i]!==null&&argTypes[i].destructorFunction===undefined){needsDestructorStack=true;break}}',
      'var returns=argTypes[0].name!=="void";',
      'var expected=argCount-2;',
      // Where argument i sits among the invoker's arguments: after the function, and `this` if a method.
      'var firstArg=isClassMethodFunc?2:1;',
      // Without a destructor stack, the parameters whose types have a destructor, by argTypes index.
      'var destroyed=[];',
      'if(!needsDestructorStack){for(var i=isClassMethodFunc?1:2;i<argTypes.length;++i){if(argTypes[i].destructorFunction!==null){destroyed.push(i)}}}',
      'var invoker=function(){',
      'if(arguments.length!==expected){throwBindingError("function "+humanName+" called with "+arguments.length+" arguments, expected "+expected+" args!")}',
      'var destructors=needsDestructorStack?[]:null;',
      'var wired=[cppTargetFunc];',
      'if(isClassMethodFunc){wired.push(argTypes[1].toWireType(destructors,this))}',
      'for(var i=0;i<expected;++i){wired.push(argTypes[i+2].toWireType(destructors,arguments[i]))}',
      'var rv=cppInvokerFunc.apply(null,wired);',
      'if(needsDestructorStack){runDestructors(destructors)}',
      'else{for(var j=0;j<destroyed.length;++j){var k=destroyed[j];argTypes[k].destructorFunction(k===1?wired[1]:wired[k-2+firstArg])}}',
      'if(returns){return argTypes[0].fromWireType(rv)}};',
      'Object.defineProperty(invoker,"name",{value:makeLegalFunctionName(humanName)});',
      'return invoker}',
    ].join(''),
  },
  {
    // C++ calling a method of a JavaScript object (emval): reads each argument from the C++ stack.
    from: 'function __emval_get_method_caller(argCount,argTypes){',
    to: 'return __emval_addMethodCaller(invokerFunction)}',
    closure: [
      'function __emval_get_method_caller(argCount,argTypes){',
      'var types=__emval_lookupTypes(argCount,argTypes);',
      'var retType=types[0];',
      'var caller=function(handle,name,destructors,args){',
      'var values=[];var offset=0;',
      'for(var i=1;i<argCount;++i){values.push(types[i].readValueFromPointer(args+offset));offset+=types[i]["argPackAdvance"]}',
      'var rv=handle[name].apply(handle,values);',
      'for(var i=1;i<argCount;++i){if(types[i]["deleteObject"]){types[i].deleteObject(values[i-1])}}',
      'if(!retType.isVoid){return retType.toWireType(destructors,rv)}};',
      'return __emval_addMethodCaller(caller)}',
    ].join(''),
  },
];

export function splitOpenCvScript(script: string): SplitOpenCvScript {
  const embedded = EMBEDDED_WASM.exec(script);
  if (!embedded?.[1]) throw new Error('opencv.js: no embedded WebAssembly where 4.12.0-release.1 has it');
  if (script.split(FACTORY_CALL).length !== 2)
    throw new Error('opencv.js: the UMD wrapper does not end as 4.12.0-release.1 does');
  let runtime = script.replace(embedded[0], 'var wasmBinaryFile=""').replace(FACTORY_CALL, FACTORY_RETURN);
  for (const generator of GENERATORS) runtime = replaceFunction(runtime, generator);
  if (/new Function|new_\(Function/u.test(runtime))
    throw new Error('opencv.js: code is still generated at run time, where 4.12.0-release.1 has none left');
  // The UMD wrapper exports through `module.exports` when it sees one: give it one, and nothing else
  // (no `define`, no `exports` alone), so it takes that branch whatever the global scope holds. With
  // no `process` either, Emscripten never takes itself for Node, so the module behaves the same in a
  // worker and in a Node test; and with no `require`, the bundler does not stub out the Node modules
  // (fs, path, crypto) that only Node's branches ask for.
  const runtimeModule = [
    'const umd = { exports: {} };',
    '(function (module, exports, define, process, require) {',
    runtime,
    '}).call(globalThis, umd, umd.exports, undefined, undefined, undefined);',
    'export default umd.exports;',
  ].join('\n');
  return { runtimeModule, wasmBase64: embedded[1] };
}

function replaceFunction(script: string, { from, to, closure }: GeneratorReplacement): string {
  const start = script.indexOf(from);
  if (start < 0 || script.indexOf(from, start + 1) >= 0)
    throw new Error(`opencv.js: not one \`${from}\`, as 4.12.0-release.1 has`);
  const end = script.indexOf(to, start);
  if (end < 0) throw new Error(`opencv.js: \`${from}\` does not end as 4.12.0-release.1's does`);
  return script.slice(0, start) + closure + script.slice(end + to.length);
}

/**
 * Starts the split package (the runtime module's factory, given the WebAssembly compiled by the
 * caller); resolves with OpenCV once its runtime is initialised.
 */
export async function startPackagedOpenCv(
  create: typeof createPackagedOpenCv,
  compiled: Promise<WebAssembly.Module>,
): Promise<OpenCv> {
  let runtime: ReturnType<typeof createPackagedOpenCv> | undefined;
  await new Promise<void>((resolve, reject) => {
    runtime = create({
      instantiateWasm(imports, receiveInstance) {
        compiled
          .then(async (module) => receiveInstance(await WebAssembly.instantiate(module, imports), module))
          .catch(reject);
        return {}; // asynchronous: Emscripten waits for receiveInstance
      },
      // Not resolved with the module itself: it is a thenable whose `then` never settles.
      onRuntimeInitialized: () => resolve(),
      onAbort: (what) => reject(new Error(`OpenCV could not start: ${String(what)}`)),
    });
  });
  if (!runtime) throw new Error('OpenCV could not start: no module');
  delete runtime.then;
  return runtime;
}
