import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { PyRandom } from '../src/engine/pyruntime/random.ts';

// Compares PyRandom with CPython's random.Random draw for draw. Each Python
// interpreter is spawned once for the whole file; it prints one JSON document.

const SEEDS = [
  '0',
  '1',
  '2',
  '3',
  '42',
  '4294967295', // 2**32 - 1
  '4294967301', // 2**32 + 5
  '123456789012',
  '-42', // CPython uses abs(seed)
  '9007199254740992', // 2**53
  '18446744073709551619', // 2**64 + 3 (bigint seed)
];

const ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const OPS = [
  'random',
  'randint12',
  'randint24',
  'uniform',
  'expo',
  'choice',
  'bits',
  'randintBig',
  'randrange',
  'randbelow53',
] as const;
const BULK_SEED = 42;
const BULK_N = 1_000_000;

const PY_SCRIPT = String.raw`
import sys, json, random, struct, base64
seeds = [int(s) for s in json.loads(sys.argv[1])]
OPS = json.loads(sys.argv[2])
ITEMS = json.loads(sys.argv[3])
BULK_SEED, BULK_N = int(sys.argv[4]), int(sys.argv[5])

def expo(r, lambd):
    st = r.getstate()
    u = r.random()
    r.setstate(st)
    return [r.expovariate(lambd), u]

def op(r, name, i):
    if name == 'random': return r.random()
    if name == 'randint12': return r.randint(1, 2)
    if name == 'randint24': return r.randint(2, 4)
    if name == 'uniform': return r.uniform(-3.5, 17.25)
    if name == 'expo': return expo(r, 0.5)
    if name == 'choice': return r.choice(ITEMS)
    if name == 'bits': return r.getrandbits(1 + i % 53)
    if name == 'randintBig': return r.randint(0, 10**12)
    if name == 'randrange': return r.randrange(-7, 10**9, 3)
    if name == 'randbelow53': return r._randbelow(2**53)
    raise ValueError(name)

out = {'version': '%d.%d.%d' % sys.version_info[:3], 'seeds': {}}
for s in seeds:
    d = {}
    r = random.Random(s)
    d['state0'] = list(r.getstate()[1])
    d['random'] = [r.random() for _ in range(1500)]
    d['getrandbits'] = [r.getrandbits(k) for k in range(0, 54) for _ in range(3)]
    d['randint12'] = [r.randint(1, 2) for _ in range(300)]
    d['randint24'] = [r.randint(2, 4) for _ in range(300)]
    d['randintBig'] = [r.randint(0, 10**12) for _ in range(300)]
    d['randint53'] = [r.randint(0, 2**53 - 1) for _ in range(100)]
    d['randintNeg'] = [r.randint(-10**15, 10**15) for _ in range(100)]
    d['randrange'] = [[r.randrange(10), r.randrange(5, 100, 7), r.randrange(100, 5, -7),
                       r.randrange(-50, 50), r.randrange(0, 10**13, 3)] for _ in range(100)]
    d['randbelow'] = [r._randbelow(n) for n in (1, 2, 3, 5, 2**31, 2**32 - 1, 2**32, 2**32 + 1,
                                                2**52 + 1, 2**53) for _ in range(20)]
    d['choice'] = [r.choice(ITEMS) for _ in range(300)]
    d['uniform'] = [r.uniform(-3.5, 17.25) for _ in range(300)]
    d['expo'] = [expo(r, 0.5) for _ in range(300)]
    d['expo1'] = [expo(r, 1.0) for _ in range(100)]
    st = r.getstate()[1]
    d['stateMid'] = [list(st[:624]), st[624]]
    sched = random.Random(1000 + abs(s) % 997)
    d['interleaved'] = []
    for i in range(3000):
        k = sched.randrange(len(OPS))
        d['interleaved'].append([k, op(r, OPS[k], i)])
    d['tail'] = [r.random() for _ in range(10)]
    out['seeds'][str(s)] = d

r = random.Random(BULK_SEED)
u = [r.random() for _ in range(BULK_N)]
r = random.Random(BULK_SEED)
e = [r.expovariate(0.5) for _ in range(BULK_N)]
out['bulkRandom'] = base64.b64encode(struct.pack('<%dd' % BULK_N, *u)).decode()
out['bulkExpo'] = base64.b64encode(struct.pack('<%dd' % BULK_N, *e)).decode()
sys.stdout.write(json.dumps(out))
`;

type Expo = [value: number, u: number];
interface SeedData {
  state0: number[];
  random: number[];
  getrandbits: number[];
  randint12: number[];
  randint24: number[];
  randintBig: number[];
  randint53: number[];
  randintNeg: number[];
  randrange: number[][];
  randbelow: number[];
  choice: string[];
  uniform: number[];
  expo: Expo[];
  expo1: Expo[];
  stateMid: [number[], number];
  interleaved: [number, unknown][];
  tail: number[];
}
interface PyOutput {
  version: string;
  seeds: Record<string, SeedData>;
  bulkRandom: string;
  bulkExpo: string;
}

interface Interpreter {
  cmd: string;
  env: NodeJS.ProcessEnv;
  version: string;
}

function probe(cmd: string, env: NodeJS.ProcessEnv): Interpreter | null {
  try {
    const version = execFileSync(
      cmd,
      ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'],
      { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
    return { cmd, env, version };
  } catch {
    return null;
  }
}

/** python3.X on PATH, or via a pyenv shim that needs PYENV_VERSION. */
function findPython(minor: string): Interpreter | null {
  const found =
    probe(`python${minor}`, process.env) ??
    probe(`python${minor}`, { ...process.env, PYENV_VERSION: minor });
  return found && found.version.startsWith(`${minor}.`) ? found : null;
}

function runPython(py: Interpreter): PyOutput {
  const stdout = execFileSync(
    py.cmd,
    [
      '-c',
      PY_SCRIPT,
      JSON.stringify(SEEDS),
      JSON.stringify(OPS),
      JSON.stringify(ITEMS),
      String(BULK_SEED),
      String(BULK_N),
    ],
    { env: py.env, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  return JSON.parse(stdout) as PyOutput;
}

function toSeed(s: string): number | bigint {
  const b = BigInt(s);
  const lim = 2n ** 53n;
  return b <= lim && b >= -lim ? Number(b) : b;
}

function decodeDoubles(b64: string): Float64Array {
  const buf = Buffer.from(b64, 'base64');
  const copy = new ArrayBuffer(buf.length);
  new Uint8Array(copy).set(buf);
  return new Float64Array(copy); // struct '<d' is little-endian, like x86/ARM hosts
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
function ulpDistance(a: number, b: number): bigint {
  f64[0] = a;
  const x = i64[0]!;
  f64[0] = b;
  const d = x - i64[0]!;
  return d < 0n ? -d : d;
}

/** Bit-exact sequence comparison (Object.is: distinguishes -0 and +0). */
function expectSame(label: string, actual: readonly unknown[], expected: readonly unknown[]): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  const i = actual.findIndex((a, k) => !Object.is(a, expected[k]));
  const msg =
    i === -1
      ? 'identical'
      : `${label}[${i}]: ts=${String(actual[i])} py=${String(expected[i])}`;
  expect(msg).toBe('identical');
}

function draw<T>(n: number, f: () => T): T[] {
  return Array.from({ length: n }, f);
}

/**
 * Checks one expovariate draw: the uniform consumed and the value must both be
 * bit-identical to CPython's (expovariate uses glibcLog, a port of glibc's log).
 */
function checkExpo(label: string, rng: PyRandom, lambd: number, [pyValue, pyU]: Expo): void {
  const snap = rng.getstate();
  const u = rng.random();
  rng.setstate(snap);
  const v = rng.expovariate(lambd);
  if (!Object.is(u, pyU)) expect(`${label}: u ts=${u} py=${pyU}`).toBe('identical');
  if (!Object.is(v, pyValue)) expect(`${label}: ts=${v} py=${pyValue}`).toBe('identical');
}

function runInterleaved(label: string, rng: PyRandom, ops: [number, unknown][]): void {
  ops.forEach(([k, expected], i) => {
    const name = OPS[k];
    const where = `${label} op#${i} ${name}`;
    let got: unknown;
    switch (name) {
      case 'random': got = rng.random(); break;
      case 'randint12': got = rng.randint(1, 2); break;
      case 'randint24': got = rng.randint(2, 4); break;
      case 'uniform': got = rng.uniform(-3.5, 17.25); break;
      case 'expo':
        checkExpo(where, rng, 0.5, expected as Expo);
        return;
      case 'choice': got = rng.choice(ITEMS); break;
      case 'bits': got = rng.getrandbits(1 + (i % 53)); break;
      case 'randintBig': got = rng.randint(0, 10 ** 12); break;
      case 'randrange': got = rng.randrange(-7, 10 ** 9, 3); break;
      case 'randbelow53': got = rng._randbelow(2 ** 53); break;
      default: throw new Error(`unknown op ${k}`);
    }
    if (!Object.is(got, expected)) {
      expect(`${where}: ts=${String(got)} py=${String(expected)}`).toBe('identical');
    }
  });
}

function defineSuite(name: string, getPy: () => Interpreter | null): void {
  const py = getPy();
  const d = py ? describe : describe.skip;
  d(`PyRandom vs ${name}${py ? ` (${py.version})` : ' (not installed)'}`, () => {
    let out: PyOutput;
    beforeAll(() => {
      out = runPython(py!);
    }, 120_000);

    for (const s of SEEDS) {
      it(`seed ${s}: every method, draw for draw`, () => {
        const data = out.seeds[String(BigInt(s))]!;
        const rng = new PyRandom(toSeed(s));

        const st0 = rng.getstate();
        expectSame('state0', [...st0.mt, st0.index], data.state0);

        expectSame('random', draw(1500, () => rng.random()), data.random);
        const bits: number[] = [];
        for (let k = 0; k <= 53; k++) for (let j = 0; j < 3; j++) bits.push(rng.getrandbits(k));
        expectSame('getrandbits', bits, data.getrandbits);
        expectSame('randint(1,2)', draw(300, () => rng.randint(1, 2)), data.randint12);
        expectSame('randint(2,4)', draw(300, () => rng.randint(2, 4)), data.randint24);
        expectSame('randint(0,10**12)', draw(300, () => rng.randint(0, 10 ** 12)), data.randintBig);
        expectSame('randint(0,2**53-1)', draw(100, () => rng.randint(0, 2 ** 53 - 1)), data.randint53);
        expectSame(
          'randint(-10**15,10**15)',
          draw(100, () => rng.randint(-(10 ** 15), 10 ** 15)),
          data.randintNeg,
        );
        const rr = draw(100, () => [
          rng.randrange(10),
          rng.randrange(5, 100, 7),
          rng.randrange(100, 5, -7),
          rng.randrange(-50, 50),
          rng.randrange(0, 10 ** 13, 3),
        ]);
        expectSame('randrange', rr.flat(), data.randrange.flat());
        const below: number[] = [];
        for (const n of [1, 2, 3, 5, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 52 + 1, 2 ** 53]) {
          for (let j = 0; j < 20; j++) below.push(rng._randbelow(n));
        }
        expectSame('_randbelow', below, data.randbelow);
        expectSame('choice', draw(300, () => rng.choice(ITEMS)), data.choice);
        expectSame('uniform', draw(300, () => rng.uniform(-3.5, 17.25)), data.uniform);
        data.expo.forEach((e, i) => checkExpo(`expovariate(0.5)#${i}`, rng, 0.5, e));
        data.expo1.forEach((e, i) => checkExpo(`expovariate(1.0)#${i}`, rng, 1.0, e));

        const mid = rng.getstate();
        expectSame('stateMid', [...mid.mt, mid.index], [...data.stateMid[0], data.stateMid[1]]);

        // A second generator restored from CPython's own getstate() must
        // continue identically.
        const restored = new PyRandom(12345);
        restored.setstate({ mt: Uint32Array.from(data.stateMid[0]), index: data.stateMid[1] });

        runInterleaved('interleaved', rng, data.interleaved);
        runInterleaved('interleaved(restored)', restored, data.interleaved);
        expectSame('tail', draw(10, () => rng.random()), data.tail);
        expectSame('tail(restored)', draw(10, () => restored.random()), data.tail);
      });
    }

    it(`expovariate === CPython on ${BULK_N} expovariate(0.5) draws, seed ${BULK_SEED}`, () => {
      const u = decodeDoubles(out.bulkRandom);
      const e = decodeDoubles(out.bulkExpo);
      expect(u.length).toBe(BULK_N);
      expect(e.length).toBe(BULK_N);

      const a = new PyRandom(BULK_SEED);
      let randomMismatches = 0;
      for (let i = 0; i < BULK_N; i++) if (!Object.is(a.random(), u[i])) randomMismatches++;
      expect(randomMismatches).toBe(0);

      const b = new PyRandom(BULK_SEED);
      let differ = 0;
      let first = '';
      let mathLogDiffer = 0;
      let maxUlp = 0n;
      for (let i = 0; i < BULK_N; i++) {
        const v = b.expovariate(0.5);
        if (!Object.is(v, e[i]) && differ++ === 0) first = `draw #${i}: ts=${v} py=${e[i]}`;
        // For the record: what the former -Math.log(1 - u) / lambd would give.
        const d = ulpDistance(-Math.log(1.0 - u[i]!) / 0.5, e[i]!);
        if (d !== 0n) mathLogDiffer++;
        if (d > maxUlp) maxUlp = d;
      }
      console.log(
        `[random.test] ${name} ${out.version}: expovariate differs from CPython in ` +
          `${differ} of ${BULK_N} draws (with Math.log instead of glibcLog: ${mathLogDiffer}, ` +
          `max ${maxUlp} ulp)`,
      );
      expect(first).toBe('');
      expect(differ).toBe(0);
    }, 60_000);
  });
}

defineSuite('python3', () => probe('python3', process.env));
defineSuite('python3.12', () => findPython('3.12'));
defineSuite('python3.13', () => findPython('3.13'));

describe('PyRandom (standalone)', () => {
  it('checkpoint/restore replays the exact same draws, across MT regenerations', () => {
    const rng = new PyRandom(2024);
    for (let i = 0; i < 1000; i++) rng.random();
    const snap = rng.getstate();
    const run = (): number[] => {
      const xs: number[] = [];
      for (let i = 0; i < 2000; i++) {
        xs.push(rng.random(), rng.randint(1, 6), rng.getrandbits(1 + (i % 53)), rng.expovariate(0.5));
        xs.push(rng.choice([10, 20, 30]), rng.uniform(0, 1), rng.randrange(0, 100, 5));
      }
      return xs;
    };
    const first = run();
    rng.setstate(snap);
    expectSame('after restore', run(), first);
    rng.setstate(snap); // the snapshot must not have been mutated by drawing
    expectSame('after second restore', run(), first);
  });

  it('getstate returns a copy, setstate does not alias its argument', () => {
    const rng = new PyRandom(7);
    const snap = rng.getstate();
    const next = new PyRandom(7).random();
    snap.mt.fill(0);
    expect(rng.random()).toBe(next);

    const a = new PyRandom(99);
    const s = a.getstate();
    const b = new PyRandom(1);
    b.setstate(s);
    s.mt.fill(1);
    expect(b.random()).toBe(new PyRandom(99).random());
  });

  it('seeds: negative == abs, number == bigint, reseeding resets', () => {
    const xs = (r: PyRandom): number[] => draw(20, () => r.random());
    expectSame('-5 vs 5', xs(new PyRandom(-5)), xs(new PyRandom(5)));
    expectSame('2**40+3', xs(new PyRandom(2 ** 40 + 3)), xs(new PyRandom(2n ** 40n + 3n)));
    expectSame('0 vs 0n', xs(new PyRandom(0)), xs(new PyRandom(0n)));
    expectSame('-(2**64+3)', xs(new PyRandom(-(2n ** 64n + 3n))), xs(new PyRandom(2n ** 64n + 3n)));
    expectSame('-(2**53)', xs(new PyRandom(-(2 ** 53))), xs(new PyRandom(2n ** 53n)));
    const r = new PyRandom(11);
    const first = xs(r);
    r.seed(11);
    expectSame('reseed', xs(r), first);
  });

  it('rejects invalid arguments like CPython does', () => {
    const r = new PyRandom(1);
    expect(() => new PyRandom(1.5)).toThrow(TypeError);
    expect(() => new PyRandom(2 ** 54)).toThrow(TypeError);
    expect(() => r.getrandbits(54)).toThrow(RangeError);
    expect(() => r.getrandbits(-1)).toThrow(RangeError);
    expect(() => r._randbelow(0)).toThrow(RangeError);
    expect(() => r.randint(3, 2)).toThrow(RangeError);
    expect(() => r.randrange(0)).toThrow(RangeError);
    expect(() => r.randrange(5, 5)).toThrow(RangeError);
    expect(() => r.randrange(0, 10, 0)).toThrow(RangeError);
    expect(() => r.randrange(10, 0, 2)).toThrow(RangeError);
    expect(() => r.randrange(10, undefined, 2)).toThrow(TypeError);
    expect(() => r.choice([])).toThrow(RangeError);
    expect(() => r.setstate({ mt: new Uint32Array(3), index: 0 })).toThrow(RangeError);
    expect(() => r.setstate({ mt: new Uint32Array(624), index: 625 })).toThrow(RangeError);
  });
});
