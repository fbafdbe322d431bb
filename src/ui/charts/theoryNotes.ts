/**
 * The prediction's caveats in the page's language (src/theory/caveats.ts has them as data): what a reader should
 * know before comparing the theory with the measurement. Pure: the figures table and its tests read it.
 */
import type { Lang } from '../../store/labStore';
import type { Caveat, TheoryResult } from '../../theory/types';
import type { MeasureWords } from './words';
import { num } from './format';

export interface TheoryNote {
  kind: Caveat['kind'];
  text: string;
}

function words(c: Caveat, m: MeasureWords, lang: Lang): string {
  const n = m.notes;
  switch (c.kind) {
    case 'stops':
      return n.stops(c.group, num(c.items, lang));
    case 'cyclicService':
      return n.cyclicService;
    case 'cyclicInterval':
      return n.cyclicInterval(c.group);
    case 'polling':
      return n.polling(num(c.interval, lang));
    case 'merged':
      return n.merged(num(c.producers, lang), m.perSecond(num(c.rate, lang)));
    case 'qna':
      return n.qna(num(c.producers, lang), num(c.ca2, lang));
    case 'allenCunneen':
      return n.allenCunneen(num(c.ca2, lang), num(c.cs2, lang));
    case 'saturated':
      return n.saturated;
  }
}

/** The notes for a prediction, in order; none before the first prediction arrives. */
export function theoryNotes(th: TheoryResult | null, m: MeasureWords, lang: Lang): TheoryNote[] {
  // a result from an older worker message may lack the list
  return (th?.caveats ?? []).map((c) => ({ kind: c.kind, text: words(c, m, lang) }));
}
