/**
 * Property tests: seeded random scenarios (the conformance generators, plus check.ts's wider one), each run tick by
 * tick with every invariant of check.ts checked after each tick, and run twice more (step(), runToEnd()) for the
 * same trace.
 *
 *   npx vitest run tests/invariants            a fresh base seed each run (in the test's name), 4,000 scenarios
 *   QUEUE_LAB_SEED=123 ...                     replays from base seed 123
 *   QUEUE_LAB_SEED=<seed> QUEUE_LAB_INVARIANT_COUNT=1 ...   replays exactly one scenario (the generator follows the seed)
 *   npm run test:invariants:long               100,000 scenarios (a few minutes: about 2 ms each)
 *
 * A failure names its generator and seed: add it to regressions.test.ts with why it failed.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenarios/validate';
import { checkScenario, InvariantViolation, kindOf, scenarioFor } from './check';

const COUNT = Number(process.env.QUEUE_LAB_INVARIANT_COUNT ?? 4000);
const BASE_SEED = process.env.QUEUE_LAB_SEED !== undefined ? Number(process.env.QUEUE_LAB_SEED) : Math.floor(Math.random() * 1e9);
/** Scenarios per test: a long run reports as it goes, and each test stays within its timeout. */
const CHUNK = 2000;

/** Paths that any 2,000 scenarios take many times over: if one goes missing, the generators lost their reach. */
const COMMON = [
  'completed',
  'hang',
  'horizon',
  'error',
  'lost: immediate shutdown',
  'lost: consumer crashed holding it',
  'lost: consumer cancelled holding it',
  'uncounted put (heappush TypeError)',
  'task_done too many',
];

describe(`invariants over ${COUNT} random scenarios (QUEUE_LAB_SEED=${BASE_SEED})`, () => {
  const seen = new Map<string, number>();
  for (let from = 0; from < COUNT; from += CHUNK) {
    const n = Math.min(CHUNK, COUNT - from);
    it(`scenarios ${from} to ${from + n - 1}: seeds ${BASE_SEED + from} to ${BASE_SEED + from + n - 1}`, { timeout: 60_000 + n * 60 }, () => {
      const failures: string[] = [];
      for (let i = from; i < from + n; i++) {
        const seed = BASE_SEED + i;
        const kind = kindOf(seed);
        const replay = `${kind} #${seed} (replay: QUEUE_LAB_SEED=${seed} QUEUE_LAB_INVARIANT_COUNT=1)`;
        try {
          const s = scenarioFor(kind, seed);
          const v = validateScenario(s);
          if (!v.ok) {
            failures.push(`${replay}: the generator made an invalid scenario: ${v.errors.join('; ')}`);
            continue;
          }
          for (const f of checkScenario(s).features.keys()) seen.set(f, (seen.get(f) ?? 0) + 1);
        } catch (e) {
          failures.push(`${replay}: ${e instanceof InvariantViolation ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
        if (failures.length >= 5) break;
      }
      expect(failures.join('\n\n'), `${failures.length} scenario(s) broke an invariant`).toBe('');
    });
  }

  it.runIf(COUNT >= 2000)('the scenarios took every common path', () => {
    const missing = COMMON.filter((f) => (seen.get(f) ?? 0) === 0);
    expect(missing, `seen: ${JSON.stringify(Object.fromEntries(seen))}`).toEqual([]);
  });
});
