/**
 * docs/scenario.schema.json, the JSON Schema of a scenario for editors and CLI users, generated from the valibot
 * schema (src/scenarios/schema.ts). `npm run schema` writes it; tests/scenario-schema.test.ts checks it is current.
 * A JSON Schema says what each field may hold; the messages, and the rules that join fields, are validate.ts's.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { DistSchema, DrawSchema, GroupName, ScenarioFields } from '../src/scenarios/schema';

export const SCHEMA_FILE = fileURLToPath(new URL('../docs/scenario.schema.json', import.meta.url));

/** The JSON Schema as the text of the file. */
export function scenarioJsonSchema(): string {
  const schema = toJsonSchema(ScenarioFields, {
    target: 'draft-07',
    // a pipe's guards come before its last schema, which is the shape a file has
    typeMode: 'output',
    // finite: JSON has no other numbers; raw checks: group names unique, lo against hi (messages only)
    ignoreActions: ['finite', 'raw_check'],
    // named once, used by every group and distribution
    definitions: { groupName: GroupName, draw: DrawSchema, dist: DistSchema },
  });
  // valibot numbers the definitions of a recursive (lazy) schema: here the item's three levels of nesting
  const text = JSON.stringify(schema).replace(/"#\/\$defs\/(\d)"/g, '"#/$defs/item$1"');
  const named = JSON.parse(text) as typeof schema & { $defs: Record<string, unknown> };
  named.$defs = Object.fromEntries(Object.entries(named.$defs).map(([k, d]) => [/^\d$/.test(k) ? `item${k}` : k, d]));
  const doc = {
    $schema: schema.$schema,
    title: 'Queue Lab scenario (queue-lab/1)',
    description: 'One producer/consumer program; docs/scenario.md explains each field and the rules that join them.',
    ...named,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, scenarioJsonSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
