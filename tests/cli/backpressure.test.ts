/**
 * Issue 13 point 5: the CLI writes with backpressure, so its memory does not grow with the trace. It used to run
 * the whole simulation before the first byte left, holding the trace in the stream's queue: 8.3 GB resident for
 * ten million items. Here a trace of about 110 MB: the CLI's peak resident memory stays within 40 MB of what a
 * run of 60 items takes, whether it writes to a file or into a pipe.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/scenarios/registry';
import { runCli, tempDir } from './spawnCli';

const dir = tempDir();
const big = join(dir, 'big.json');
const s = structuredClone(findPreset('seed-2')!.scenario);
s.producers[0]!.items.count = 250_000; // about 1.1 M events
writeFileSync(big, JSON.stringify(s));
const SLACK_KB = 40_000;

describe('memory does not grow with the trace', async () => {
  const small = await runCli(['--preset', 'seed-2'], { peakRss: true, keep: 0 });
  const base = small.peakRssKb as number;

  it('--out file', async () => {
    const out = join(dir, 'trace.jsonl');
    const r = await runCli([big, '--out', out], { peakRss: true });
    expect(r.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(100e6);
    expect(r.peakRssKb as number).toBeLessThan(base + SLACK_KB);
  });

  it('stdout into a pipe', async () => {
    const r = await runCli([big], { peakRss: true, keep: 0 });
    expect(r.code).toBe(0);
    expect(r.stdoutBytes).toBeGreaterThan(100e6);
    expect(r.peakRssKb as number).toBeLessThan(base + SLACK_KB);
  });
});
