import type { Dist, Item, ItemValue } from './scenario';
import { PyException } from './errors';
import type { PyRandom } from './random';

/**
 * One place in the program that draws from a distribution (`random.randint(2, 4)` in the producer, ...). A `list`
 * distribution keeps its own counter per place, like the generated program's itertools.cycle.
 */
export class DrawSite {
  private k = 0;
  constructor(
    public dist: Dist,
    private readonly rng: PyRandom,
  ) {}

  draw(item?: Item): number {
    const d = this.dist;
    switch (d.dist) {
      case 'const':
        return d.value;
      case 'randint':
        return this.rng.randint(d.lo, d.hi);
      case 'uniform':
        return this.rng.uniform(d.lo, d.hi);
      case 'expo':
        return this.rng.expovariate(1 / d.mean);
      case 'choice':
        return this.rng.choice(d.values);
      case 'list': {
        const v = d.values[this.k % d.values.length] as number;
        this.k++;
        return v;
      }
      case 'item':
        if (typeof item !== 'number') {
          throw new PyException('TypeError', `'${item === null ? 'NoneType' : typeof item === 'string' ? 'str' : 'tuple'}' object cannot be interpreted as a number`);
        }
        return item;
    }
  }
}

/** Makes the value of the i-th item of producer number n. */
export class ValueMaker {
  constructor(
    private readonly spec: ItemValue,
    /** The draw site of a `dist` or `priority` value (shared by the group's tasks), else null. */
    private readonly site: DrawSite | null,
  ) {}

  make(i: number, n: number): Item {
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
