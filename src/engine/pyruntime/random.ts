/**
 * Bit-exact port of CPython's `random.Random(seed)` for integer seeds.
 *
 * Mirrors Modules/_randommodule.c (MT19937, `init_by_array` seeding,
 * `random()`, `getrandbits()`) and the pure-Python layer in Lib/random.py
 * (`_randbelow_with_getrandbits`, `randrange`, `randint`, `choice`,
 * `uniform`, `expovariate`). The draw sequences are identical in CPython
 * 3.11, 3.12 and 3.13; the unit tests compare against the local python3
 * interpreters bit for bit.
 *
 * Seeding: the seed's absolute value is split into 32-bit words, least
 * significant first (seed 0 -> key [0]), and passed to `init_by_array`,
 * exactly like CPython's `random_seed()`. Seeds may be `number` (any integer
 * with |seed| <= 2**53) or `bigint` (any size).
 *
 * expovariate() and the C library's log: CPython computes
 * `-log(1.0 - random()) / lambd` with `math.log`, i.e. the C library's `log`,
 * and V8's Math.log (an fdlibm port, not correctly rounded) disagrees with
 * glibc's by 1 ulp on about 7.3% of those inputs (73,057 of 1,000,000 on
 * Node 20.20 vs CPython 3.11.7 / glibc 2.36, x86_64). So `expovariate` uses
 * `glibcLog` (./glibcLog.ts), a bit-exact port of glibc's log as x86_64 glibc
 * runs it on CPUs with FMA and AVX2 (`__ieee754_log_fma`), and matches
 * CPython there draw for draw. CPython's own value depends on the platform
 * libm (glibc without FMA differs from glibc with FMA on ~0.01% of inputs;
 * macOS and MSVC differ more), so bit-exactness is specific to that platform.
 * Every other method here is bit-exact everywhere (it uses only integer ops
 * and exact or IEEE-correctly-rounded float ops).
 *
 * Pure TypeScript: no DOM, no Node APIs; the only import is ./glibcLog.
 */

import { glibcLog } from './glibcLog';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** A snapshot of the generator: the 624 MT words and the position in them. */
export interface PyRandomState {
  /** The 624 words of MT19937 state (a private copy). */
  readonly mt: Uint32Array;
  /** Index of the next word to temper, 0..624 (624 = regenerate first). */
  readonly index: number;
}

/** `n.bit_length()` for an integer 0 <= n <= 2**53. */
function bitLength(n: number): number {
  if (n < TWO_POW_32) return 32 - Math.clz32(n);
  return 64 - Math.clz32(Math.floor(n / TWO_POW_32));
}

/** Exact floor division for integers whose magnitudes are <= 2**53. */
function floorDiv(a: number, b: number): number {
  const r = a % b; // exact for doubles
  const q = (a - r) / b; // exact: a - r is a multiple of b
  return r !== 0 && r < 0 !== b < 0 ? q - 1 : q;
}

function requireInteger(x: number, what: string): void {
  if (!Number.isSafeInteger(x)) {
    throw new TypeError(`${what} must be a safe integer, got ${x}`);
  }
}

/** Split |seed| into 32-bit little-endian words (at least one word). */
function seedKey(seed: number | bigint): number[] {
  if (typeof seed === 'bigint') {
    let n = seed < 0n ? -seed : seed;
    const key: number[] = [];
    do {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    } while (n > 0n);
    return key;
  }
  if (!Number.isInteger(seed) || Math.abs(seed) > TWO_POW_53) {
    throw new TypeError(
      `seed must be an integer with |seed| <= 2**53 (use a bigint for larger seeds), got ${seed}`,
    );
  }
  const n = Math.abs(seed);
  const lo = n % TWO_POW_32;
  const hi = (n - lo) / TWO_POW_32;
  return hi === 0 ? [lo] : [lo, hi];
}

/**
 * CPython-compatible random number generator.
 *
 * `new PyRandom(s)` produces exactly the same draws as Python's
 * `random.Random(s)` for every method implemented here, in any interleaving.
 */
export class PyRandom {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;

  constructor(seed: number | bigint) {
    this.seed(seed);
  }

  /** Re-seed, like `Random.seed(seed)` with an int argument. */
  seed(seed: number | bigint): void {
    this.initByArray(seedKey(seed));
  }

  /** Snapshot the generator (copies 624 words; cheap enough to do often). */
  getstate(): PyRandomState {
    return { mt: this.mt.slice(), index: this.index };
  }

  /** Restore a snapshot taken with `getstate()`. The snapshot is not aliased. */
  setstate(state: PyRandomState): void {
    const { mt, index } = state;
    if (mt.length !== N) {
      throw new RangeError(`state vector must have ${N} words, got ${mt.length}`);
    }
    if (!Number.isInteger(index) || index < 0 || index > N) {
      throw new RangeError(`invalid state index ${index}`);
    }
    this.mt.set(mt);
    this.index = index;
  }

  /** Next tempered 32-bit output of MT19937 (`genrand_uint32`). */
  genrandUint32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      let kk = 0;
      let y: number;
      for (; kk < N - M; kk++) {
        y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
        mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
      mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `random()`: float in [0, 1) with 53 random bits. */
  random(): number {
    const a = this.genrandUint32() >>> 5;
    const b = this.genrandUint32() >>> 6;
    return (a * 67108864 + b) / TWO_POW_53;
  }

  /** `getrandbits(k)` for 0 <= k <= 53, returned as a number. */
  getrandbits(k: number): number {
    if (!Number.isInteger(k) || k < 0 || k > 53) {
      throw new RangeError(`getrandbits: k must be an integer in [0, 53], got ${k}`);
    }
    return this.bits(k);
  }

  /**
   * CPython's getrandbits for 0 <= k <= 54. For k = 54 the result may be
   * rounded, but only when it is >= 2**53 (so comparisons against n <= 2**53
   * stay exact); used by `_randbelow(2**53)`.
   */
  private bits(k: number): number {
    if (k === 0) return 0;
    if (k <= 32) return this.genrandUint32() >>> (32 - k);
    // Words are filled from the least significant end.
    const lo = this.genrandUint32();
    const hi = this.genrandUint32() >>> (64 - k);
    return hi * TWO_POW_32 + lo;
  }

  /**
   * `_randbelow(n)` (= `_randbelow_with_getrandbits`): uniform integer in
   * [0, n) for an integer 1 <= n <= 2**53, by rejection sampling.
   */
  _randbelow(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_53) {
      throw new RangeError(`_randbelow: n must be an integer in [1, 2**53], got ${n}`);
    }
    const k = bitLength(n);
    let r = this.bits(k);
    while (r >= n) r = this.bits(k);
    return r;
  }

  /** Alias of `_randbelow`. */
  randbelow(n: number): number {
    return this._randbelow(n);
  }

  /**
   * `randrange(stop)` / `randrange(start, stop[, step])` with Python's
   * semantics and draws. Arguments and `stop - start` must be safe integers.
   */
  randrange(start: number, stop?: number, step = 1): number {
    requireInteger(start, 'randrange start');
    requireInteger(step, 'randrange step');
    if (stop === undefined) {
      if (step !== 1) throw new TypeError('Missing a non-None stop argument');
      if (start > 0) return this._randbelow(start);
      throw new RangeError('empty range for randrange()');
    }
    requireInteger(stop, 'randrange stop');
    const width = stop - start;
    requireInteger(width, 'randrange width (stop - start)');
    if (step === 1) {
      if (width > 0) return start + this._randbelow(width);
      throw new RangeError(`empty range for randrange() (${start}, ${stop}, ${width})`);
    }
    let n: number;
    if (step > 0) n = floorDiv(width + step - 1, step);
    else if (step < 0) n = floorDiv(width + step + 1, step);
    else throw new RangeError('zero step for randrange()');
    if (n <= 0) throw new RangeError('empty range for randrange()');
    return start + step * this._randbelow(n);
  }

  /**
   * `randint(a, b)`: integer in [a, b] inclusive; same draws as Python's
   * `randrange(a, b + 1)`. Requires safe integers with b - a < 2**53.
   */
  randint(a: number, b: number): number {
    requireInteger(a, 'randint a');
    requireInteger(b, 'randint b');
    const span = b - a;
    requireInteger(span, 'randint span (b - a)');
    if (span < 0) throw new RangeError(`empty range for randint(${a}, ${b})`);
    return a + this._randbelow(span + 1);
  }

  /** `choice(seq)`: `seq[_randbelow(len(seq))]`. */
  choice<T>(seq: ArrayLike<T>): T {
    const len = seq.length;
    if (len === 0) throw new RangeError('Cannot choose from an empty sequence');
    return seq[this._randbelow(len)] as T;
  }

  /** `uniform(a, b)`: `a + (b - a) * random()`. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /**
   * `expovariate(lambd)`: `-log(1.0 - random()) / lambd`, with glibc's log
   * (see the note at the top of this file).
   */
  expovariate(lambd = 1.0): number {
    if (lambd === 0) throw new RangeError('float division by zero');
    return -glibcLog(1.0 - this.random()) / lambd;
  }

  /** MT19937 `init_genrand` followed by `init_by_array`, as in CPython. */
  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    mt[0] = 19650218;
    for (let i = 1; i < N; i++) {
      const p = mt[i - 1]!;
      mt[i] = Math.imul(1812433253, p ^ (p >>> 30)) + i;
    }
    const keyLength = key.length;
    let i = 1;
    let j = 0;
    for (let k = N > keyLength ? N : keyLength; k > 0; k--) {
      const p = mt[i - 1]!;
      mt[i] = (mt[i]! ^ Math.imul(p ^ (p >>> 30), 1664525)) + key[j]! + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= keyLength) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const p = mt[i - 1]!;
      mt[i] = (mt[i]! ^ Math.imul(p ^ (p >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.index = N;
  }
}
