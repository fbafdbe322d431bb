/** `npm run sim -- --schema` prints the JSON Schema of a scenario file, the one in docs/. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../scripts/scenario-schema';
import { parseArgs } from '../../src/cli/args';
import { runCli } from './spawnCli';

describe('sim --schema', () => {
  it('needs no scenario', () => {
    expect(parseArgs(['--schema']).schema).toBe(true);
    expect(() => parseArgs([])).toThrow(/give a scenario file/);
  });

  it('prints docs/scenario.schema.json', async () => {
    const r = await runCli(['--schema']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.toString('utf8')).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
