/**
 * Audio for the rehearsal's `voice` check, made at test time: four digits spoken by Debian's espeak-ng,
 * silence, and noise, as 16-bit mono WAV (what Chromium's fake microphone plays, with
 * `--use-file-for-fake-audio-capture=<file>`, looping) or as samples for the unit tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Audio {
  readonly sampleRate: number;
  /** Mono, full scale ±1. */
  readonly samples: Float32Array;
}

const ESPEAK = '/usr/bin/espeak-ng';

export function hasEspeak(): boolean {
  return existsSync(ESPEAK);
}

/** The digits said one by one, as a person reads them out ("4, 7, 2, 9"), at espeak-ng's default voice. */
export function speakDigits(digits: string): Audio {
  const wav = execFileSync(ESPEAK, ['--stdout', '-s', '150', [...digits].join(', ')], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return readWav(new Uint8Array(wav.buffer, wav.byteOffset, wav.length));
}

export function silence(seconds: number, sampleRate = 22050): Audio {
  return { sampleRate, samples: new Float32Array(Math.round(seconds * sampleRate)) };
}

/** White noise at this RMS level (dBFS), from a seeded generator: the same bytes every run. */
export function noise(seconds: number, rmsDb: number, sampleRate = 22050, seed = 1): Audio {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  // Uniform noise in ±a has RMS a/√3.
  const amplitude = 10 ** (rmsDb / 20) * Math.sqrt(3);
  let state = seed >>> 0;
  for (let i = 0; i < samples.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    samples[i] = (state / 2 ** 32 - 0.5) * 2 * amplitude;
  }
  return { sampleRate, samples };
}

/** Audio after audio, at the first one's rate (all must share it). */
export function concat(...parts: readonly Audio[]): Audio {
  const sampleRate = parts[0]?.sampleRate ?? 22050;
  if (parts.some((part) => part.sampleRate !== sampleRate)) throw new Error('Sample rates differ');
  const samples = new Float32Array(parts.reduce((sum, part) => sum + part.samples.length, 0));
  let at = 0;
  for (const part of parts) {
    samples.set(part.samples, at);
    at += part.samples.length;
  }
  return { sampleRate, samples };
}

/** Two sounds played together (samples added), the second from the first's start. */
export function mix(a: Audio, b: Audio): Audio {
  const samples = Float32Array.from(a.samples, (sample, i) => sample + (b.samples[i] ?? 0));
  return { sampleRate: a.sampleRate, samples };
}

export function scale(audio: Audio, gain: number): Audio {
  return { ...audio, samples: audio.samples.map((sample) => Math.max(-1, Math.min(1, sample * gain))) };
}

/** A 16-bit PCM WAV file's samples; anything else is refused. */
export function readWav(bytes: Uint8Array): Audio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (text(0) !== 'RIFF' || text(8) !== 'WAVE') throw new Error('Not a WAV file');
  let sampleRate = 0;
  let channels = 1;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = text(at);
    // espeak-ng writes 0xffffffff as the data size when it writes to a pipe.
    const size = Math.min(view.getUint32(at + 4, true), bytes.length - at - 8);
    if (id === 'fmt ') {
      if (view.getUint16(at + 8, true) !== 1 || view.getUint16(at + 22, true) !== 16)
        throw new Error('Only 16-bit PCM WAV is read');
      channels = view.getUint16(at + 10, true);
      sampleRate = view.getUint32(at + 12, true);
    } else if (id === 'data') {
      const frames = Math.floor(size / 2 / channels);
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = view.getInt16(at + 8 + i * 2 * channels, true) / 32768;
      return { sampleRate, samples };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV file has no data');
}

export function encodeWav(audio: Audio): Uint8Array {
  const bytes = new Uint8Array(44 + audio.samples.length * 2);
  const view = new DataView(bytes.buffer);
  const put = (at: number, text: string) =>
    [...text].forEach((char, i) => (bytes[at + i] = char.charCodeAt(0)));
  put(0, 'RIFF');
  view.setUint32(4, 36 + audio.samples.length * 2, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  put(36, 'data');
  view.setUint32(40, audio.samples.length * 2, true);
  audio.samples.forEach((sample, i) =>
    view.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, sample)) * 32767), true),
  );
  return bytes;
}
