// placeholder: being written by the lead engineer
import type { Engines } from '../engines/types.ts';
import type { CheckOptions, CheckReport, RgbaImage } from './types.ts';
export declare function checkDocument(image: RgbaImage, engines: Engines, options: CheckOptions): Promise<CheckReport>;
