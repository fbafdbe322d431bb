/**
 * Hostile input to the share-link decoder and the scenario file import: at least 10,000 malformed inputs each per
 * run. Every one gets a clear answer (ok:false with short messages, or ok:true with a scenario that validates
 * again), nothing throws, and nothing is ever interpreted: strings come back as data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importScenario } from '../../src/share/files';
import { crc32, decodeLink, encodeLink, toBase64Url } from '../../src/share/link';
import { listPresets } from '../../src/scenarios/registry';
import { validateScenario } from '../../src/scenarios/validate';

const SEED = process.env.QUEUE_LAB_SEED !== undefined ? Number(process.env.QUEUE_LAB_SEED) : Date.now() % 1e9;

function expectClear(r: { ok: true; scenario: unknown } | { ok: false; errors: string[] }): void {
  if (r.ok) {
    expect(validateScenario(r.scenario).ok).toBe(true);
    return;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  for (const m of r.errors) {
    expect(typeof m).toBe('string');
    expect(m.length).toBeGreaterThan(0);
    expect(m.length).toBeLessThanOrEqual(400);
  }
}

/** A v1 link around any JSON text, with a correct checksum: so the fuzz reaches the JSON and scenario checks. */
async function envelope(json: string): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  const deflated = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  const crc = crc32(bytes);
  const out = new Uint8Array(4 + deflated.length);
  new DataView(out.buffer).setUint32(0, crc >>> 0);
  out.set(deflated, 4);
  return `#v1=${toBase64Url(out)}`;
}

const hostileJson = fc.oneof(
  fc.json(),
  fc.constantFrom('{"p":"seed-2","v":{}}', '{"p":"nope","v":{"lang":"en","speed":1,"preset":null,"tick":null,"t":null}}', '{"s":{"__proto__":{"x":1}},"v":null}', '[]', 'null', '1e999', '"<img src=x onerror=alert(1)>"'),
  fc.record({ s: fc.anything(), v: fc.anything() }).map((o) => JSON.stringify(o) ?? 'null'),
  fc.record({ p: fc.string(), seed: fc.oneof(fc.integer(), fc.double(), fc.string()), v: fc.anything() }).map((o) => JSON.stringify(o) ?? 'null'),
);

describe(`hostile share links and files (seed ${SEED})`, () => {
  it('decodeLink: 10,000 malformed links', async () => {
    const valid: string[] = [];
    for (const p of listPresets().slice(0, 6)) {
      const e = await encodeLink({ scenario: p.scenario, view: { lang: 'zh', speed: 10, preset: p.id, tick: 42, t: 1.5 } });
      if (e.ok) valid.push(e.fragment);
    }
    expect(valid.length).toBeGreaterThan(3);
    const rnd = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ maxLength: 200 }).map((x) => `#v1=${x}`),
        fc.string({ maxLength: 20 }).map((x) => `#v${x}=AAAA`),
        fc.constantFrom('#v1=', '#', '', '#v99=AAAA', `#v1=${'A'.repeat(20_000)}`, 'https://example.invalid/#v1=%%%'),
      ),
      { numRuns: 4000, seed: SEED },
    );
    const mutated = fc.sample(
      fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.nat(), fc.constantFrom('flip', 'cut', 'insert', 'swap')).map(([link, a, b, how]) => {
        const i = 4 + (a % Math.max(1, link.length - 4));
        if (how === 'cut') return link.slice(0, i);
        if (how === 'insert') return link.slice(0, i) + String.fromCharCode(33 + (b % 90)) + link.slice(i);
        if (how === 'swap') return link.slice(0, i) + link.slice(i + 1, i + 2) + link.slice(i, i + 1) + link.slice(i + 2);
        const ch = link.charCodeAt(i) ^ (1 << (b % 6));
        return link.slice(0, i) + String.fromCharCode(ch) + link.slice(i + 1);
      }),
      { numRuns: 3000, seed: SEED + 1 },
    );
    // the envelope is right: a well-formed payload inside it opens, so the crafted ones reach the JSON checks
    const good = await decodeLink(await envelope('{"p":"seed-2","v":{"lang":"en","speed":1,"preset":"seed-2","tick":null,"t":null}}'));
    expect(good.ok ? [] : good.errors).toEqual([]);
    const crafted = await Promise.all(fc.sample(hostileJson, { numRuns: 3000, seed: SEED + 2 }).map(envelope));
    const all = [...rnd, ...mutated, ...crafted];
    expect(all.length).toBeGreaterThanOrEqual(10_000);
    let refused = 0;
    for (const link of all) {
      const r = await decodeLink(link);
      expectClear(r);
      if (!r.ok) refused++;
    }
    expect(refused).toBeGreaterThan(9_000);
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('decodeLink: 2,000 harmlessly mangled links open as the link itself', async () => {
    const valid: string[] = [];
    for (const p of listPresets().slice(0, 4)) {
      const e = await encodeLink({ scenario: { ...p.scenario, name: `${p.scenario.name} 名字` }, view: { lang: 'en', speed: 2, preset: null, tick: 7, t: 0.25 } });
      if (e.ok) valid.push(e.fragment);
    }
    expect(valid.length).toBe(4);
    const spaces = [' ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '%20', '%0A', '\u200b'];
    // percent-encodes some characters, puts whitespace between some, and may write the V in capitals
    const mangled = fc.sample(
      fc.tuple(fc.constantFrom(...valid), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('encode', 'space')), { maxLength: 8 }), fc.boolean()).map(([link, edits, upper]) => {
        const chars = [...link.slice(1)];
        for (const [at, pick, how] of edits) {
          const i = at % chars.length;
          if (how === 'encode' && chars[i]!.length === 1) chars[i] = `%${chars[i]!.charCodeAt(0).toString(16).padStart(2, '0')}`;
          else if (how === 'space') chars[i] = spaces[pick % spaces.length]! + chars[i]!;
        }
        const text = `#${chars.join('')}`;
        return { link, form: upper ? text.replace('#v', '#V') : text };
      }),
      { numRuns: 2000, seed: SEED + 5 },
    );
    for (const { link, form } of mangled) expect(await decodeLink(form), form).toEqual(await decodeLink(link));
  });

  it('importScenario: 10,000 malformed files', () => {
    const texts = listPresets().map((p) => JSON.stringify(p.scenario, null, 2));
    const inputs = [
      ...fc.sample(fc.oneof(fc.string({ maxLength: 500 }), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), { numRuns: 5000, seed: SEED + 3 }),
      ...fc.sample(
        fc.tuple(fc.constantFrom(...texts), fc.nat(), fc.string({ maxLength: 12 })).map(([t, at, junk]) => {
          const i = at % t.length;
          return t.slice(0, i) + junk + t.slice(i + 1);
        }),
        { numRuns: 5000, seed: SEED + 4 },
      ),
      '\uFEFF' + (texts[0] ?? ''),
      '{"seq":0,"t":0,"actor":"producer","event":"start","qsize":0}\n',
      'x'.repeat(1_000_001),
    ];
    expect(inputs.length).toBeGreaterThanOrEqual(10_000);
    for (const text of inputs) expectClear(importScenario(text));
  });
});
