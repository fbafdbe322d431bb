/**
 * What the program's parts are written with: an Emitter of numbered lines that records named code sites, the
 * context the parts share (the scenario, its program shape, the imports and cycles the body turns out to need),
 * and the Python expressions for distributions, item values and task names.
 */
import type { Dist, ItemValue, ProducerGroup, Scenario } from '../../scenarios/types.ts';
import type { ProgramShape } from '../../engine/program/shape.ts';
import type { CodeSite } from '../codeSites.ts';
import { pyFString, pyNumber } from '../literals.ts';

export class Emitter {
  readonly lines: string[] = [];
  readonly sites: Record<string, number> = {};

  line(indent: number, text: string, ...sites: CodeSite[]): void {
    this.lines.push('    '.repeat(indent) + text);
    for (const site of sites) {
      if (!(site in this.sites)) this.sites[site] = this.lines.length;
    }
  }

  /** A `log(q, who, event[, item])` call, recorded as site `<owner>.log.<event>` (or `...sentinel.<event>`). */
  log(indent: number, owner: string, who: string, event: string, item?: string, sentinel = false): void {
    const args = item === undefined ? '' : `, ${item}`;
    this.line(indent, `log(q, ${who}, '${event}'${args})`, `${owner}.log.${sentinel ? 'sentinel.' : ''}${event}`);
  }

  blank(count = 1): void {
    for (let k = 0; k < count; k++) this.lines.push('');
  }
}

export interface Context {
  s: Scenario;
  /** What the program is, as the engine runs it (start order, sentinels, task_done counts, ...). */
  shape: ProgramShape;
  usesRandom: boolean;
  /** Module-level `itertools.cycle` per place a `list` distribution is used. */
  cycles: { name: string; values: number[]; what: string }[];
}

export function distExpr(ctx: Context, d: Dist, cycleName: string, what: string): string {
  switch (d.dist) {
    case 'const':
      return pyNumber(d.value);
    case 'randint':
      ctx.usesRandom = true;
      return `random.randint(${pyNumber(d.lo)}, ${pyNumber(d.hi)})`;
    case 'uniform':
      ctx.usesRandom = true;
      return `random.uniform(${pyNumber(d.lo)}, ${pyNumber(d.hi)})`;
    case 'expo':
      ctx.usesRandom = true;
      return `random.expovariate(1 / ${pyNumber(d.mean)})`;
    case 'choice':
      ctx.usesRandom = true;
      return `random.choice([${d.values.map(pyNumber).join(', ')}])`;
    case 'list':
      ctx.cycles.push({ name: cycleName, values: d.values, what });
      return `next(${cycleName})`;
    case 'item':
      return 'item';
  }
}

export function valueExpr(ctx: Context, g: ProducerGroup, v: ItemValue): string {
  switch (v.type) {
    case 'index':
      return 'i';
    case 'format':
      return pyFString(v.format);
    case 'dist':
      return distExpr(ctx, v.dist, `${g.name}_values`, `${g.name}'s items`);
    case 'priority':
      return `(${distExpr(ctx, v.priority, `${g.name}_priorities`, `${g.name}'s priorities`)}, i)`;
  }
}

export function nameExpr(g: { name: string; count: number }): string {
  return g.count === 1 ? `'${g.name}'` : `f'${g.name}-{n}'`;
}

export const isThreadQueue = (s: Scenario): boolean => s.queue.kind === 'queue.Queue';

/** The sleep call for a delay expression: asyncio.sleep in a coroutine, time.sleep in a thread. */
export function sleepStmt(thread: boolean, expr: string): string {
  return thread ? `time.sleep(${expr})` : `await asyncio.sleep(${expr})`;
}
