/**
 * Issue 13 point 11: a run the CLI stops at its iteration limit exits non-zero (3) and its output ends with a
 * record saying why. It used to exit 0 with no end record, so a truncated trace looked like a whole one.
 */
import { describe, expect, it } from 'vitest';
import { lines, runCli } from './spawnCli';

const RUN = ['--preset', 'mm2-blocking', '--max-iterations', '100'];

describe('a run stopped at --max-iterations', () => {
  it('the trace ends with a limit record; exit 3; the summary says it stopped', async () => {
    const r = await runCli(RUN);
    expect(r.code).toBe(3);
    const records = lines(r.stdout.toString('utf8')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const last = records.at(-1) as Record<string, unknown>;
    const before = records.at(-2) as Record<string, unknown>;
    expect(Object.keys(last)).toEqual(['seq', 't', 'actor', 'event', 'status', 'blocked', 'iterations']);
    expect(last).toEqual({ seq: records.length - 1, t: before.t, actor: 'loop', event: 'end', status: 'limit', blocked: [], iterations: 100 });
    expect(records.filter((x) => x.event === 'end')).toHaveLength(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/: STOPPED at t=7\.349 s after 100 loop iterations \(--max-iterations\), without reaching an end or the horizon; \d+ items produced, \d+ consumed, \d+ events\.\n$/);
  });

  it('--log ends with the line that says so', async () => {
    const r = await runCli([...RUN, '--log']);
    expect(r.code).toBe(3);
    expect(lines(r.stdout.toString('utf8')).at(-1)).toBe('limit at t=7.349: stopped after 100 loop iterations, the program was still running');
  });

  it('--stats prints no figures for a run that did not end', async () => {
    const r = await runCli([...RUN, '--stats']);
    expect(r.code).toBe(3);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toContain('STOPPED');
  });

  it('a run that ends within the limit is as before: its own end record, exit 0', async () => {
    const r = await runCli(['--preset', 'seed-2', '--max-iterations', '1000000']);
    expect(r.code).toBe(0);
    expect(JSON.parse(lines(r.stdout.toString('utf8')).at(-1) as string)).toMatchObject({ event: 'end', status: 'completed' });
  });

  it.each(['0', '-1', '1.5', 'x'])('--max-iterations %s is refused', async (v) => {
    const r = await runCli(['--preset', 'seed-2', '--max-iterations', v]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`sim: --max-iterations must be a whole number >= 1, got "${v}"`]);
  });
});
