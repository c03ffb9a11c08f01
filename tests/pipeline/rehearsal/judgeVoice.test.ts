import { describe, expect, it } from 'vitest';
import {
  concat,
  encodeWav,
  hasEspeak,
  mix,
  noise,
  readWav,
  scale,
  silence,
  speakDigits,
  type Audio,
} from '../../../scripts/rehearsal/audio.ts';
import { LevelMeter, judgeVoice, measureLevels } from '../../../src/pipeline/rehearsal/judgeVoice.ts';

const RATE = 22050;

/** A vowel-like burst: a 180 Hz tone with harmonics, faded in and out, at this RMS level. */
function burst(seconds: number, rmsDb: number): Audio {
  const samples = new Float32Array(Math.round(seconds * RATE));
  const amplitude = 10 ** (rmsDb / 20) * Math.SQRT2;
  for (let i = 0; i < samples.length; i++) {
    const t = i / RATE;
    const fade = Math.min(1, i / 400, (samples.length - i) / 400);
    samples[i] =
      fade * amplitude * (0.8 * Math.sin(2 * Math.PI * 180 * t) + 0.2 * Math.sin(2 * Math.PI * 540 * t));
  }
  return { sampleRate: RATE, samples };
}

/** `count` bursts of 0.3 s with 0.4 s between them, after 1 s and before 1 s of quiet room (-65 dBFS). */
function numbersSaid(count: number, rmsDb = -18, roomDb = -65): Audio {
  const parts: Audio[] = [silence(1, RATE)];
  for (let i = 0; i < count; i++) parts.push(burst(0.3, rmsDb), silence(0.4, RATE));
  parts.push(silence(1, RATE));
  const said = concat(...parts);
  return mix(said, noise(said.samples.length / RATE, roomDb, RATE));
}

const judge = (audio: Audio, final = true) =>
  judgeVoice(measureLevels(audio.samples, audio.sampleRate), { final });

describe('measureLevels', () => {
  it('reads RMS and peak over consecutive 20 ms windows', () => {
    const audio = concat(silence(0.02, 1000), { sampleRate: 1000, samples: new Float32Array(20).fill(0.5) });
    expect(measureLevels(audio.samples, 1000)).toStrictEqual([
      { atMs: 20, rms: 0, peak: 0 },
      { atMs: 40, rms: 0.5, peak: 0.5 },
    ]);
  });
});

describe('LevelMeter', () => {
  it('gives the same readings fed in the audio thread’s 128-sample blocks as over the whole take', () => {
    const audio = numbersSaid(4);
    const meter = new LevelMeter(RATE);
    const blocks = [];
    for (let at = 0; at < audio.samples.length; at += 128)
      blocks.push(...meter.push(audio.samples.subarray(at, at + 128)));
    expect(blocks).toStrictEqual(measureLevels(audio.samples, RATE));
  });
});

describe('judgeVoice', () => {
  it('passes four separate bursts of speech, loud enough, over a quiet room', () => {
    const result = judge(numbersSaid(4));
    expect({
      status: result.status,
      message: result.message,
      bursts: result.evidence['bursts'],
    }).toStrictEqual({
      status: 'pass',
      message: 'We heard 4 separate numbers, clearly.',
      bursts: 4,
    });
  });

  it('fails three; while the take goes on, three is "so far"', () => {
    expect(judge(numbersSaid(3)).message).toBe('We only heard 3 separate numbers.');
    const live = judge(numbersSaid(3), false);
    expect([live.status, live.message]).toStrictEqual([
      'unsure',
      'We have heard 3 of your 4 numbers so far.',
    ]);
  });

  it('is unsure of five bursts and fails a conversation', () => {
    expect(judge(numbersSaid(5)).status).toBe('unsure');
    expect(judge(numbersSaid(9)).message).toBe('We heard more talking than 4 numbers.');
  });

  it('fails silence, noise, a voice too quiet and a voice clipped', () => {
    const cases = {
      silence: silence(5, RATE),
      noise: noise(5, -25, RATE),
      'numbers over noise': mix(numbersSaid(4), noise(5, -32, RATE)),
      quiet: numbersSaid(4, -40),
      clipped: scale(numbersSaid(4, -6), 4),
    };
    expect(
      Object.fromEntries(Object.entries(cases).map(([name, audio]) => [name, judge(audio).message])),
    ).toStrictEqual({
      silence: 'We did not hear you.',
      noise: 'There is too much background noise.',
      'numbers over noise': 'There is too much background noise.',
      quiet: 'Your voice is too quiet.',
      clipped: 'Your voice is so loud that it is distorted.',
    });
  });

  it('does not judge under 1.5 s of a take that goes on', () => {
    expect(judge(silence(1, RATE), false).message).toBe('Listening.');
  });

  it.skipIf(!hasEspeak())(
    'passes four digits spoken by espeak-ng, through a WAV file, and fails three',
    () => {
      const room = (audio: Audio) =>
        mix(audio, noise(audio.samples.length / audio.sampleRate, -65, audio.sampleRate));
      const spoken = (digits: string) =>
        readWav(encodeWav(room(concat(silence(1, RATE), speakDigits(digits), silence(1, RATE)))));
      for (const digits of ['4729', '7070', '1111'])
        expect([digits, judge(spoken(digits)).status]).toStrictEqual([digits, 'pass']);
      expect(judge(spoken('472')).status).toBe('fail');
    },
  );
});
