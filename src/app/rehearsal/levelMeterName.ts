/** The name the microphone's level meter registers under (workers/levelMeter.worklet.ts). */
export const LEVEL_METER_PROCESSOR = 'id-precheck-level-meter';
