/**
 * Caveats of a prediction, as data: what the model leaves out or approximates for these settings (a finite run,
 * merged or approximated arrivals, polling, times that cycle through a list). The figures table words them in the
 * page's language; `caveatText` is the English the CLI's `--stats` report prints as `notes`.
 */
import type { Caveat } from './types';

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(3));

export function caveatText(c: Caveat): string {
  switch (c.kind) {
    case 'stops':
      return `${c.group} stops after ${c.items} items: the prediction is the steady state, the run also holds its start and its end`;
    case 'cyclicService':
      return 'the service times cycle through a list; the model treats them as independent draws';
    case 'cyclicInterval':
      return `${c.group}'s intervals cycle through a list; the model treats them as independent draws`;
    case 'polling':
      return `consumers poll every ${fmt(c.interval)} s: an idle consumer sees a new item only at its next poll, which the model ignores (waits are longer)`;
    case 'merged':
      return `${c.producers} producers each putting at a Poisson rate merge into one Poisson stream of rate ${fmt(c.rate)}/s`;
    case 'qna':
      return `${c.producers} producers: the variability of their merged arrivals is Whitt's QNA approximation (ca^2 = ${fmt(c.ca2)})`;
    case 'allenCunneen':
      return `G/G/c with ca^2 = ${fmt(c.ca2)} and cs^2 = ${fmt(c.cs2)}: Wq = Wq(M/M/c) * (ca^2 + cs^2) / 2`;
    case 'saturated':
      return 'the producers never sleep: the buffer stays full and every producer waits in put (the limit of the chain)';
  }
}

/** A list of caveats that keeps the English notes beside them, in step. */
export class Caveats {
  readonly list: Caveat[] = [];
  readonly notes: string[] = [];

  add(c: Caveat): void {
    this.list.push(c);
    this.notes.push(caveatText(c));
  }
}
