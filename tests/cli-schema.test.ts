/** `npm run sim -- --schema` prints the JSON Schema of a scenario file, the one in docs/. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../scripts/scenario-schema';
import { parseArgs } from '../src/cli/args';

describe('sim --schema', () => {
  it('needs no scenario', () => {
    expect(parseArgs(['--schema']).schema).toBe(true);
    expect(() => parseArgs([])).toThrow(/give a scenario file/);
  });

  it('prints docs/scenario.schema.json', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--schema'], { encoding: 'utf8' });
    expect(out).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
