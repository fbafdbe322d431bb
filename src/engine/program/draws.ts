import type { Dist, DistKind, Item, ItemValue } from '../scenario';
import { PyException } from '../asyncio/errors';
import type { PyRandom } from '../pyruntime/random';

/**
 * One place in the program that draws from a distribution (`random.randint(2, 4)` in the producer, ...). A `list`
 * distribution keeps its own counter per place, like the generated program's itertools.cycle.
 */
export class DrawSite {
  private k = 0;
  private d: Dist;
  /**
   * The distribution's kind as a number: the scenario's strings are copies (structuredClone), and comparing one
   * with a literal compares characters, on every draw.
   */
  private kind: number;

  constructor(
    dist: Dist,
    private readonly rng: PyRandom,
  ) {
    this.d = dist;
    this.kind = KINDS.indexOf(dist.dist);
  }

  get dist(): Dist {
    return this.d;
  }

  /** A live change: the next draw uses the new distribution. */
  set dist(d: Dist) {
    this.d = d;
    this.kind = KINDS.indexOf(d.dist);
  }

  draw(item?: Item): number {
    const d = this.d;
    switch (this.kind) {
      case CONST:
        return (d as Extract<Dist, { dist: 'const' }>).value;
      case RANDINT: {
        const r = d as Extract<Dist, { dist: 'randint' }>;
        return this.rng.randint(r.lo, r.hi);
      }
      case UNIFORM: {
        const u = d as Extract<Dist, { dist: 'uniform' }>;
        return this.rng.uniform(u.lo, u.hi);
      }
      case EXPO:
        return this.rng.expovariate(1 / (d as Extract<Dist, { dist: 'expo' }>).mean);
      case CHOICE:
        return this.rng.choice((d as Extract<Dist, { dist: 'choice' }>).values);
      case LIST: {
        const values = (d as Extract<Dist, { dist: 'list' }>).values;
        const v = values[this.k % values.length] as number;
        this.k++;
        return v;
      }
      default:
        if (typeof item !== 'number') {
          throw new PyException('TypeError', `'${item === null ? 'NoneType' : typeof item === 'string' ? 'str' : 'tuple'}' object cannot be interpreted as a number`);
        }
        return item;
    }
  }
}

const KINDS: readonly DistKind[] = ['const', 'randint', 'uniform', 'expo', 'choice', 'list', 'item'];
const [CONST, RANDINT, UNIFORM, EXPO, CHOICE, LIST] = [0, 1, 2, 3, 4, 5] as const;

/** Makes the value of the i-th item of producer number n. */
export class ValueMaker {
  /** The spec's type, compared once (its strings are copies: see DrawSite.kind). */
  private readonly index: boolean;

  constructor(
    private readonly spec: ItemValue,
    /** The draw site of a `dist` or `priority` value (shared by the group's tasks), else null. */
    private readonly site: DrawSite | null,
  ) {
    this.index = spec.type === 'index';
  }

  make(i: number, n: number): Item {
    if (this.index) return i;
    const s = this.spec;
    switch (s.type) {
      case 'index':
        return i;
      case 'format':
        return s.format.replace(/\{(i|n)\}/g, (_m, k: string) => String(k === 'i' ? i : n));
      case 'dist':
        return (this.site as DrawSite).draw();
      case 'priority':
        return [(this.site as DrawSite).draw(), i];
    }
  }
}
