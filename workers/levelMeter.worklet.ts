/**
 * The rehearsal's microphone loudness, measured on the browser's audio thread (an AudioWorklet): every
 * sample goes through LevelMeter, and each 20 ms reading is posted to the page, timed by the samples.
 * A timer on the page's thread reading an analyser would miss or stretch readings whenever the thread
 * was busy, and split one spoken number into two. Loaded with `?worker&url`, so Vite bundles it.
 */
import { LEVEL_METER_PROCESSOR } from '../src/app/rehearsal/levelMeterName.ts';
import { LevelMeter } from '../src/pipeline/rehearsal/judgeVoice.ts';

/** The AudioWorkletGlobalScope names used here, which TypeScript's libraries do not declare. */
declare const sampleRate: number;
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessorLike): void;
declare class AudioWorkletProcessorLike {
  readonly port: MessagePort;
}
declare const AudioWorkletProcessor: typeof AudioWorkletProcessorLike;

class LevelMeterProcessor extends AudioWorkletProcessor {
  readonly #meter = new LevelMeter(sampleRate);

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (channel) for (const reading of this.#meter.push(channel)) this.port.postMessage(reading);
    return true;
  }
}

registerProcessor(LEVEL_METER_PROCESSOR, LevelMeterProcessor);
