/** The measure section's words in the chosen language (words.ts, words.zh.ts). */
import { useLab, type Lang } from '../../store/labStore';
import type { MeasureWords } from './words';
import { measureEn } from './words';
import { measureZh } from './words.zh';

const WORDS: Record<Lang, MeasureWords> = { en: measureEn, zh: measureZh };

/** For React components (re-renders when the language changes). */
export const useMeasureWords = (): MeasureWords => WORDS[useLab((s) => s.lang)];

/** For code outside React (the charts' canvas). */
export const measureWords = (): MeasureWords => WORDS[useLab.getState().lang];
