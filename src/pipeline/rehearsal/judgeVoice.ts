/**
 * The `voice` check, for a person who says their 4 numbers: from the microphone's loudness over time
 * alone (no speech is recognised), it looks for four separate bursts of speech, loud enough, not
 * clipped, over a quiet background. Its input is a level track, a loudness reading every 20 ms of
 * samples, made by `LevelMeter`: over a whole recording in Node and the tests (`measureLevels`), and on
 * the browser's audio thread while the page records (workers/levelMeter.worklet.ts).
 */
import type { RehearsalCheck } from './types.ts';

/** One reading: the RMS and the peak of a short window of samples (full scale 1), and when it ended. */
export interface LevelReading {
  readonly atMs: number;
  readonly rms: number;
  readonly peak: number;
}

export const VOICE_THRESHOLDS = {
  /** Length of one reading's window, ms: a syllable lasts 100 ms or more, so bursts are never missed. */
  windowMs: 20,
  /** Listened to for less than this, nothing is judged yet. */
  minListenMs: 1500,
  /** Speech level (the 97th percentile reading: 4 numbers can be 7 % of a 20 s take) below this, dBFS: nothing was heard. */
  silentDb: -50,
  /** Speech level below this, dBFS: heard, but too quiet to be sure of in NHS login's video. */
  quietDb: -35,
  /** Background (the 10th percentile reading) above this, dBFS, is noisy. */
  noisyFloorDb: -42,
  /** Speech must stand this far above the background, dB. */
  minSpeechOverNoiseDb: 15,
  /** A sample this close to full scale is clipped; this many clipped readings make the take clipped. */
  clippedPeak: 0.99,
  clippedReadings: 3,
  /** Quieter gaps shorter than this, ms, are within one number ("sev-en"), not between two. */
  minGapMs: 120,
  /** Louder runs shorter than this, ms, are clicks, not speech. */
  minBurstMs: 100,
  /** How many numbers are said. */
  numbers: 4,
  /** More bursts than this is more talking than 4 numbers. */
  maxBursts: 6,
} as const;

/**
 * Turns a stream of samples, fed in blocks of any size, into one reading per window of `windowMs`,
 * timed by the samples themselves (so a busy thread delays readings but never loses or stretches them).
 * The audio worklet (workers/levelMeter.worklet.ts) and `measureLevels` both use it.
 */
export class LevelMeter {
  readonly #windowLength: number;
  readonly #sampleRate: number;
  #samplesSeen = 0;
  #count = 0;
  #squares = 0;
  #peak = 0;

  constructor(sampleRate: number, windowMs: number = VOICE_THRESHOLDS.windowMs) {
    this.#sampleRate = sampleRate;
    this.#windowLength = Math.max(1, Math.round((sampleRate * windowMs) / 1000));
  }

  /** Feeds samples; returns the readings of the windows they completed. */
  push(samples: Float32Array): LevelReading[] {
    const readings: LevelReading[] = [];
    for (const sample of samples) {
      this.#squares += sample * sample;
      this.#peak = Math.max(this.#peak, Math.abs(sample));
      this.#samplesSeen++;
      if (++this.#count < this.#windowLength) continue;
      readings.push({
        atMs: (this.#samplesSeen * 1000) / this.#sampleRate,
        rms: Math.sqrt(this.#squares / this.#count),
        peak: this.#peak,
      });
      this.#count = 0;
      this.#squares = 0;
      this.#peak = 0;
    }
    return readings;
  }
}

/** Readings over consecutive windows of `windowMs`, starting at the first sample. */
export function measureLevels(
  samples: Float32Array,
  sampleRate: number,
  windowMs: number = VOICE_THRESHOLDS.windowMs,
): LevelReading[] {
  return new LevelMeter(sampleRate, windowMs).push(samples);
}

export interface VoiceOptions {
  /** Whether the take has ended: until then, too few bursts is "not yet", not a failure. */
  readonly final: boolean;
}

export function judgeVoice(
  readings: readonly LevelReading[],
  options: VoiceOptions,
): RehearsalCheck<'voice'> {
  const listenedMs = readings.length > 0 ? readings.at(-1)!.atMs - readings[0]!.atMs : 0;
  if (listenedMs < VOICE_THRESHOLDS.minListenMs && !options.final)
    return {
      id: 'voice',
      status: 'unsure',
      message: 'Listening.',
      advice: 'Say your 4 numbers, with a short pause after each one.',
      evidence: { listenedMs: Math.round(listenedMs) },
    };
  const take = measureTake(readings, listenedMs);
  const verdict = judgeLevels(take, options) ?? judgeBurstCount(take.bursts, options);
  return {
    id: 'voice',
    ...verdict,
    evidence: {
      listenedMs: Math.round(take.listenedMs),
      backgroundDb: Math.round(take.backgroundDb),
      speechDb: Math.round(take.speechDb),
      clippedReadings: take.clippedReadings,
      bursts: take.bursts,
    },
  };
}

/** What the level track says about a take: how loud its background and its speech, and its bursts. */
interface TakeMeasures {
  readonly listenedMs: number;
  readonly backgroundDb: number;
  readonly speechDb: number;
  readonly clippedReadings: number;
  readonly bursts: number;
}

type Verdict = Pick<RehearsalCheck<'voice'>, 'status' | 'message' | 'advice'>;

function measureTake(readings: readonly LevelReading[], listenedMs: number): TakeMeasures {
  const decibels = readings.map((reading) => toDb(reading.rms));
  const backgroundDb = percentile(decibels, 0.1);
  const speechDb = percentile(decibels, 0.97);
  return {
    listenedMs,
    backgroundDb,
    speechDb,
    clippedReadings: readings.filter((reading) => reading.peak >= VOICE_THRESHOLDS.clippedPeak).length,
    bursts: findBursts(readings, backgroundDb, speechDb).length,
  };
}

/** Silent, noisy, distorted or too quiet: the take's levels, whatever was said. */
function judgeLevels(take: TakeMeasures, options: VoiceOptions): Verdict | undefined {
  const t = VOICE_THRESHOLDS;
  const { backgroundDb, speechDb } = take;
  const noisy = backgroundDb > t.noisyFloorDb || speechDb - backgroundDb < t.minSpeechOverNoiseDb;
  if (speechDb < t.silentDb)
    return {
      status: options.final ? 'fail' : 'unsure',
      message: 'We did not hear you.',
      advice: 'Check that your microphone is on and not muted, then say your 4 numbers.',
    };
  if (noisy)
    return {
      status: 'fail',
      message: 'There is too much background noise.',
      advice: 'Find a quiet place: turn off music or the television, and close the window.',
    };
  if (take.clippedReadings >= t.clippedReadings)
    return {
      status: 'fail',
      message: 'Your voice is so loud that it is distorted.',
      advice: 'Speak a little more softly, or hold the device a little further away.',
    };
  if (speechDb < t.quietDb)
    return {
      status: 'fail',
      message: 'Your voice is too quiet.',
      advice: 'Speak up, or hold the device a little closer to you.',
    };
  return undefined;
}

/** Heard clearly: whether the bursts of speech are the 4 numbers, too many, or (so far) too few. */
function judgeBurstCount(bursts: number, options: VoiceOptions): Verdict {
  const t = VOICE_THRESHOLDS;
  if (bursts > t.maxBursts)
    return {
      status: 'fail',
      message: 'We heard more talking than 4 numbers.',
      advice: 'Say only your 4 numbers, with nobody else talking near you.',
    };
  if (bursts > t.numbers)
    return {
      status: 'unsure',
      message: `We heard ${bursts} bursts of speech, more than 4 numbers.`,
      advice: 'Say only your 4 numbers, with a short pause after each one.',
    };
  if (bursts === t.numbers)
    return { status: 'pass', message: 'We heard 4 separate numbers, clearly.', advice: '' };
  if (!options.final)
    return {
      status: 'unsure',
      message: `We have heard ${bursts} of your 4 numbers so far.`,
      advice: 'Say each of your 4 numbers, with a short pause after each one.',
    };
  return {
    status: 'fail',
    message:
      bursts === 0
        ? 'We did not hear your numbers.'
        : `We only heard ${bursts} separate ${bursts === 1 ? 'number' : 'numbers'}.`,
    advice: 'Say each of your 4 numbers clearly, with a short pause after each one.',
  };
}

/**
 * Runs of readings louder than halfway (in decibels) between the background and the speech level,
 * joined across gaps too short to be between two numbers, and kept if long enough to be speech.
 */
function findBursts(
  readings: readonly LevelReading[],
  backgroundDb: number,
  speechDb: number,
): { startMs: number; endMs: number }[] {
  const t = VOICE_THRESHOLDS;
  const thresholdDb = (Math.max(backgroundDb, -90) + speechDb) / 2;
  const runs: { startMs: number; endMs: number }[] = [];
  let previousMs = readings[0] ? readings[0].atMs - t.windowMs : 0;
  for (const reading of readings) {
    const startMs = Math.max(previousMs, reading.atMs - t.windowMs);
    previousMs = reading.atMs;
    if (toDb(reading.rms) < thresholdDb) continue;
    const last = runs.at(-1);
    if (last && startMs - last.endMs < t.minGapMs) last.endMs = reading.atMs;
    else runs.push({ startMs, endMs: reading.atMs });
  }
  return runs.filter((run) => run.endMs - run.startMs >= t.minBurstMs);
}

const toDb = (rms: number) => 20 * Math.log10(Math.max(rms, 1e-9));

function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return -180;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}
