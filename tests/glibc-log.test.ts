import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fma, glibcLog, glibcLogNoFma } from '../src/engine/pyruntime/glibcLog.ts';

// Compares glibcLog with the C library's log as CPython calls it (math.log;
// ctypes' libm.log for x <= 0, where math.log raises ValueError) bit for bit.
// python3 runs twice on identical inputs: once as is (x86_64 glibc picks
// __ieee754_log_fma on CPUs with FMA and AVX2) and once with GLIBC_TUNABLES
// masking FMA/AVX2 (glibc then picks the non-FMA __ieee754_log_sse2/_avx).

const SEEDS = [0, 1, 42, 2024, 123456789];
const PER_SEED = 200_000; // 1,000,000 expovariate inputs 1.0 - random()
const N_WIDE = 300_000; // random positive doubles, every exponent incl. subnormals
const N_NEAR1 = 200_000; // the special path 1 - 0x1p-4 <= x < 1 + 0x1.09p-4 and its borders
const N_FMA = 60_000;
const NO_FMA_TUNABLES = 'glibc.cpu.hwcaps=-AVX2,-FMA';

const PY_SCRIPT = String.raw`
import sys, json, math, random, struct, base64, ctypes, ctypes.util, platform
from fractions import Fraction
inp = json.loads(sys.stdin.read())
libm = ctypes.CDLL(ctypes.util.find_library('m'))
libm.log.restype = ctypes.c_double
libm.log.argtypes = [ctypes.c_double]

def unpack(b64):
    b = base64.b64decode(b64)
    return list(struct.unpack('<%dd' % (len(b) // 8), b))
def pack(xs):
    return base64.b64encode(struct.pack('<%dd' % len(xs), *xs)).decode()
def log(x):
    # math.log raises for x <= 0; libm's log gives -inf / nan there.
    return math.log(x) if not x <= 0 else libm.log(x)
def case(xs):
    return {'x': pack(xs), 'y': pack([log(x) for x in xs])}

out = {'version': platform.python_version(), 'libc': ' '.join(platform.libc_ver()),
       'machine': platform.machine()}

seeded = []
for s in inp['seeds']:
    r = random.Random(s)
    seeded.extend(1.0 - r.random() for _ in range(inp['perSeed']))
out['seeded'] = case(seeded)

r = random.Random(7)
wide = []
while len(wide) < inp['nWide']:
    x = struct.unpack('<d', struct.pack('<Q', r.getrandbits(63)))[0]
    if 0 < x < math.inf:
        wide.append(x)
out['wide'] = case(wide)

r = random.Random(8)
near1 = [1.0 + k * 2.0**-52 for k in range(-3000, 3000)]
while len(near1) < inp['nNear1']:
    near1.append(r.uniform(1 - float.fromhex('0x1.1p-4'), 1 + float.fromhex('0x1.1p-4')))
out['near1'] = case(near1)

out['edges'] = case(unpack(inp['edges']))

# Exact reference for fma: Fraction -> float is correctly rounded.
t = unpack(inp['fma'])
out['fma'] = pack([float(Fraction(t[i]) * Fraction(t[i + 1]) + Fraction(t[i + 2]))
                   for i in range(0, len(t), 3)])
sys.stdout.write(json.dumps(out))
`;

interface Case {
  x: string;
  y: string;
}
interface PyOutput {
  version: string;
  libc: string;
  machine: string;
  seeded: Case;
  wide: Case;
  near1: Case;
  edges: Case;
  fma: string;
}

function b64(xs: Float64Array): string {
  return Buffer.from(xs.buffer, xs.byteOffset, xs.byteLength).toString('base64');
}

function decodeDoubles(s: string): Float64Array {
  const buf = Buffer.from(s, 'base64');
  const copy = new ArrayBuffer(buf.length);
  new Uint8Array(copy).set(buf);
  return new Float64Array(copy); // struct '<d' is little-endian, like x86/ARM hosts
}

const bitsF = new Float64Array(1);
const bitsI = new BigInt64Array(bitsF.buffer);
function bits(x: number): bigint {
  bitsF[0] = x;
  return bitsI[0]!;
}
function fromBits(b: bigint): number {
  bitsI[0] = b;
  return bitsF[0]!;
}
/** Neighbouring doubles of a positive finite x, k steps away. */
function step(x: number, k: number): number {
  return fromBits(bits(x) + BigInt(k));
}

/** Hand-picked inputs: special values, the near-1 borders, table borders, powers of 2. */
function edgeValues(): Float64Array {
  const xs: number[] = [
    1, 0.5, 2, 0.25, 4, 10, 0.1, 0.7, 1.5, Math.E, 1 / Math.E, Math.PI, 3, 1e-300, 1e300, 1e-10,
    1e10, 1e-100, 1e100, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** -1022, 2 ** -1022 - 2 ** -1074,
    2 ** -1030, 3 * 2 ** -1074, 12345 * 2 ** -1074, 2 ** -1060 * 1.2345, 2 ** -53, 2 ** -52,
    0, -0, -1, -Number.MIN_VALUE, -Number.MAX_VALUE, -Infinity, Infinity, NaN,
  ];
  for (let k = 1; k <= 64; k++) xs.push(step(1, k), step(1, -k));
  // Borders of the near-1 path: LO = 1 - 0x1p-4, HI = 1 + 0x1.09p-4 (excluded).
  for (const b of [1 - 2 ** -4, 1 + 0x109 / 2 ** 12]) {
    for (let k = -8; k <= 8; k++) xs.push(step(b, k));
  }
  // Table subinterval borders OFF + i * 2**45 (and neighbours) at a few scales.
  const OFF = 0x3fe6000000000000n;
  for (let i = 0n; i < 128n; i++) {
    for (const scale of [0n, 1n, -1n, 5n, -40n, 700n, -1000n]) {
      const b = OFF + (i << 45n) + (scale << 52n);
      xs.push(fromBits(b), fromBits(b - 1n), fromBits(b + 1n));
    }
  }
  for (let e = -1074; e <= 1023; e++) xs.push(2 ** e);
  return Float64Array.from(xs);
}

/** fma operands: random, cancelling, and exact ties that need the round-to-odd step. */
function fmaOperands(): Float64Array {
  let s = 12345;
  const rnd = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const rdbl = (emin: number, emax: number): number => {
    const e = Math.floor(rnd() * (emax - emin + 1)) + emin;
    const m = 1 + Math.floor(rnd() * 2 ** 26) * 2 ** -26 + Math.floor(rnd() * 2 ** 26) * 2 ** -52;
    return (rnd() < 0.5 ? -1 : 1) * m * 2 ** e;
  };
  const t = new Float64Array(3 * N_FMA);
  for (let n = 0; n < N_FMA; n++) {
    let a = rdbl(-30, 30);
    let b = rdbl(-30, 30);
    let c = rdbl(-60, 60);
    const kind = n % 4;
    if (kind === 1) c = -(a * b) * (1 + (rnd() - 0.5) * 2 ** -40);
    if (kind === 2) c = -(a * b);
    if (kind === 3) {
      // a*b = 2^e (1 - x^2 2^-104): RN(a*b) = 2^e, and c + 2^e is a tie.
      const ea = Math.floor(rnd() * 11) - 5;
      const eb = Math.floor(rnd() * 11) - 5;
      const x = 1 + Math.floor(rnd() * 2 ** 20);
      a = 2 ** ea * (1 + x * 2 ** -52);
      b = (rnd() < 0.5 ? -1 : 1) * 2 ** eb * (1 - x * 2 ** -52);
      c = (rnd() < 0.5 ? -1 : 1) * (2 ** 52 + Math.floor(rnd() * 2 ** 52)) * 2 ** (ea + eb + 1);
    }
    t.set([a, b, c], 3 * n);
  }
  return t;
}

function runPython(env: NodeJS.ProcessEnv, edges: Float64Array, fmaArgs: Float64Array): PyOutput {
  const input = JSON.stringify({
    seeds: SEEDS,
    perSeed: PER_SEED,
    nWide: N_WIDE,
    nNear1: N_NEAR1,
    edges: b64(edges),
    fma: b64(fmaArgs),
  });
  const stdout = execFileSync('python3', ['-c', PY_SCRIPT], {
    env,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 29,
  });
  return JSON.parse(stdout) as PyOutput;
}

function pythonAvailable(): boolean {
  try {
    execFileSync('python3', ['-c', 'pass'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface Tally {
  n: number;
  bad: number;
  first: string;
}

/** Compares f(x) with the reference bit for bit (Object.is: -0, NaN). */
function compare(c: Case, f: (x: number) => number): Tally {
  const xs = decodeDoubles(c.x);
  const ys = decodeDoubles(c.y);
  expect(ys.length).toBe(xs.length);
  const t: Tally = { n: xs.length, bad: 0, first: '' };
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const got = f(x);
    if (!Object.is(got, ys[i])) {
      if (t.bad++ === 0) t.first = `x=${x} (bits ${bits(x).toString(16)}): got ${got}, libm ${ys[i]}`;
    }
  }
  return t;
}

const SETS = ['seeded', 'wide', 'near1', 'edges'] as const;

// glibc's variant choice is x86_64-specific; elsewhere glibcLog is not expected to match.
const canRun = pythonAvailable() && process.platform === 'linux' && process.arch === 'x64';
const d = canRun ? describe : describe.skip;

d('glibcLog vs glibc log (python3 math.log)', () => {
  const edges = edgeValues();
  const fmaArgs = fmaOperands();
  let dflt: PyOutput;
  let noFma: PyOutput;

  beforeAll(() => {
    dflt = runPython(process.env, edges, fmaArgs);
    noFma = runPython({ ...process.env, GLIBC_TUNABLES: NO_FMA_TUNABLES }, edges, fmaArgs);
    expect(dflt.libc).toMatch(/^glibc /);
  }, 120_000);

  it('fma() is correctly rounded (vs exact rational arithmetic)', () => {
    const ref = decodeDoubles(dflt.fma);
    let bad = 0;
    let first = '';
    for (let n = 0; n < N_FMA; n++) {
      const [a, b, c] = [fmaArgs[3 * n]!, fmaArgs[3 * n + 1]!, fmaArgs[3 * n + 2]!];
      const got = fma(a, b, c);
      if (!Object.is(got, ref[n]) && bad++ === 0) first = `fma(${a}, ${b}, ${c}) = ${got}, exact ${ref[n]}`;
    }
    expect(first).toBe('');
    expect(bad).toBe(0);
  });

  for (const set of SETS) {
    it(`glibcLog === libm log on '${set}' inputs (default glibc = FMA variant)`, () => {
      const t = compare(dflt[set], glibcLog);
      const plain = compare(dflt[set], glibcLogNoFma);
      const m = compare(dflt[set], Math.log);
      console.log(
        `[glibc-log] ${set}: ${t.n} values (python ${dflt.version}, ${dflt.libc}, ${dflt.machine}); ` +
          `glibcLog differs on ${t.bad}, glibcLogNoFma on ${plain.bad}, Math.log on ${m.bad}`,
      );
      expect(t.first).toBe('');
      expect(t.bad).toBe(0);
    });

    it(`glibcLogNoFma === libm log on '${set}' inputs (GLIBC_TUNABLES=${NO_FMA_TUNABLES})`, () => {
      const t = compare(noFma[set], glibcLogNoFma);
      const variants = compare(noFma[set], glibcLog);
      console.log(
        `[glibc-log] ${set} (no FMA): glibcLogNoFma differs on ${t.bad} of ${t.n}; ` +
          `the FMA variant differs from it on ${variants.bad}`,
      );
      expect(t.first).toBe('');
      expect(t.bad).toBe(0);
    });
  }

  it('special values', () => {
    expect(Object.is(glibcLog(1), 0)).toBe(true);
    expect(glibcLog(0)).toBe(-Infinity);
    expect(glibcLog(-0)).toBe(-Infinity);
    expect(glibcLog(Infinity)).toBe(Infinity);
    for (const x of [-1, -Number.MIN_VALUE, -Infinity, NaN]) {
      expect(glibcLog(x)).toBeNaN();
      expect(glibcLogNoFma(x)).toBeNaN();
    }
  });
});
