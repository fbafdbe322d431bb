/** The measure section's words in the chosen language (words.ts, words.zh.ts). */
import type { Lang } from '../../store/labStore';
import { useLabStore } from '../../store/context';
import { pageLang } from '../i18n/pageLang';
import type { MeasureWords } from './words';
import { measureEn } from './words';
import { measureZh } from './words.zh';

const WORDS: Record<Lang, MeasureWords> = { en: measureEn, zh: measureZh };

/** For React components (re-renders when the language changes). */
export const useMeasureWords = (): MeasureWords => WORDS[useLabStore((s) => s.lang)];

/** For code outside React (the charts' canvas). */
export const measureWords = (): MeasureWords => WORDS[pageLang()];
