/** Share links: round trips, the pinned v1 links, and hostile input (every failure a clear message, never a throw). */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findPreset, listPresets } from '../../src/scenarios/registry';
import type { Scenario } from '../../src/scenarios/types';
import { crc32, decodeLink, encodeLink, fromBase64Url, JSON_LIMIT, LINK_LIMIT, toBase64Url, withFragment, type ShareView } from '../../src/share/link';
import { randomScenario, randomShutdownScenario, randomThreadScenario } from '../conformance/arbitrary';
import { V1_FULL_LINK, V1_FULL_SCENARIO, V1_FULL_VIEW, V1_PRESET_LINK, V1_PRESET_VIEW } from './fixtures';

const VIEW: ShareView = { lang: 'en', speed: 1, preset: null, tick: null, t: null };

/** A v1 link around any bytes of "JSON" (made with node's zlib, not the code under test). */
function rawLink(json: string | Uint8Array, opts: { crc?: number } = {}): string {
  const bytes = typeof json === 'string' ? new TextEncoder().encode(json) : json;
  const c = opts.crc ?? crc32(bytes);
  const head = new Uint8Array([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]);
  const body = deflateRawSync(bytes);
  const all = new Uint8Array(head.length + body.length);
  all.set(head);
  all.set(body, 4);
  return `#v1=${toBase64Url(all)}`;
}

async function roundTrip(scenario: Scenario, view: ShareView): Promise<void> {
  const enc = await encodeLink({ scenario, view });
  if (!enc.ok) throw new Error(enc.errors.join('\n'));
  expect(enc.fragment).toMatch(/^#v1=[A-Za-z0-9_-]+$/);
  expect(enc.fragment.length).toBeLessThanOrEqual(LINK_LIMIT);
  const dec = await decodeLink(enc.fragment);
  expect(dec).toEqual({ ok: true, scenario, view, version: 1, warnings: [] });
}

async function errorsOf(link: string): Promise<string[]> {
  const dec = await decodeLink(link);
  if (dec.ok) throw new Error(`decoded, but should not have: ${link.slice(0, 80)}`);
  expect(dec.errors.length).toBeGreaterThan(0);
  for (const e of dec.errors) expect(typeof e).toBe('string');
  return dec.errors;
}

describe('round trips', () => {
  it.each(listPresets().map((p) => [p.id, p] as const))('%s', async (id, p) => {
    await roundTrip(p.scenario, { lang: 'zh', speed: 20, preset: id, tick: 1000, t: 12.5 });
    // the same preset, another seed: still stored as a preset id
    const reseeded = { ...structuredClone(p.scenario), seed: p.scenario.seed + 17 };
    await roundTrip(reseeded, { ...VIEW, preset: id });
    const short = await encodeLink({ scenario: reseeded, view: VIEW });
    expect(short.ok && short.fragment.length).toBeLessThan(200);
  });

  it('a changed preset is stored whole and comes back whole', async () => {
    const s = structuredClone(findPreset('seed-2')!.scenario);
    s.consumers[0]!.count = 5;
    await roundTrip(s, { lang: 'en', speed: 0.1, preset: 'seed-2', tick: 0, t: 0 });
  });

  it('random scenarios (asyncio, Queue.shutdown, threads)', async () => {
    for (let seed = 0; seed < 150; seed++) {
      for (const s of [randomScenario(seed), randomShutdownScenario(seed), randomThreadScenario(seed)]) {
        const view: ShareView = {
          lang: seed % 2 === 0 ? 'en' : 'zh',
          speed: [0.1, 1, 1000][seed % 3]!,
          preset: seed % 5 === 0 ? 'seed-1' : null,
          tick: seed % 3 === 0 ? null : seed * 997,
          t: seed % 4 === 0 ? null : seed / 7,
        };
        await roundTrip(s, view);
      }
    }
  });

  it('markup and script in names come back as the same text, nothing run', async () => {
    const s = structuredClone(findPreset('seed-3')!.scenario);
    s.name = '</script><script>globalThis.pwned = 1</script><img src=x onerror=alert(1)> ${1+1} {{7*7}}';
    await roundTrip(s, VIEW);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('accepts a whole URL, and withFragment replaces the old fragment', async () => {
    const url = withFragment('https://example.org/lab/?x=1#v1=old', V1_PRESET_LINK);
    expect(url).toBe(`https://example.org/lab/?x=1${V1_PRESET_LINK}`);
    expect((await decodeLink(url)).ok).toBe(true);
    expect((await decodeLink(V1_PRESET_LINK.slice(1))).ok).toBe(true);
  });
});

describe('pinned v1 links', () => {
  it('a preset id with a seed', async () => {
    const scenario = { ...structuredClone(findPreset('seed-2')!.scenario), seed: 7 };
    expect(await decodeLink(V1_PRESET_LINK)).toEqual({ ok: true, scenario, view: V1_PRESET_VIEW, version: 1, warnings: [] });
  });

  it('a whole scenario', async () => {
    expect(await decodeLink(V1_FULL_LINK)).toEqual({ ok: true, scenario: V1_FULL_SCENARIO, view: V1_FULL_VIEW, version: 1, warnings: [] });
  });

  it('encoding the pinned content again gives links that decode the same', async () => {
    const again = await encodeLink({ scenario: V1_FULL_SCENARIO, view: V1_FULL_VIEW });
    expect(again.ok && (await decodeLink(again.fragment))).toEqual(await decodeLink(V1_FULL_LINK));
  });
});

describe('hostile and broken links', () => {
  it('not a link, empty, other versions', async () => {
    expect(await errorsOf('')).toEqual(['link: empty (no scenario after the #)']);
    expect(await errorsOf('https://example.org/#')).toEqual(['link: empty (no scenario after the #)']);
    expect((await errorsOf('#scenario=abc'))[0]).toMatch(/not a Queue Lab link/);
    expect((await errorsOf('#v2=AAAA'))[0]).toMatch(/version v2 comes from a newer Queue Lab/);
    expect((await errorsOf('#v0=AAAA'))[0]).toMatch(/unknown version v0/);
    expect(await errorsOf('#v1=')).toEqual(['link: empty (no data after v1=)']);
  });

  it('not base64url', async () => {
    expect((await errorsOf('#v1=abc$def'))[0]).toBe('link: not valid base64url: character "$" at position 4');
    expect((await errorsOf('#v1=abcd=='))[0]).toMatch(/padding is not used/);
    expect((await errorsOf('#v1=<script>alert(1)</script>'))[0]).toMatch(/^link: not valid base64url: character "<"/);
    expect(await errorsOf('#v1=abcde')).toEqual(['link: cut short (not valid base64url: its length is off by one character)']);
    expect((await errorsOf('#v1=产品产品'))[0]).toMatch(/character "产"/);
  });

  it('every cut-short link is refused', async () => {
    for (const link of [V1_PRESET_LINK, V1_FULL_LINK]) {
      for (let n = 4; n < link.length; n += n < 40 ? 1 : 7) {
        const errors = await errorsOf(link.slice(0, n));
        expect(errors[0]).toMatch(/^link: (empty|cut short|damaged|not valid base64url)/);
      }
    }
  });

  /**
   * A changed link is refused, with one exception that changes nothing: the unused bits after the end of the deflate
   * stream, in its last byte (inflate ignores them; the content and its checksum are intact).
   */
  async function refusedOrSame(changed: string, original: string, lastBytePadding: boolean): Promise<void> {
    const dec = await decodeLink(changed);
    if (dec.ok && lastBytePadding) expect(dec).toEqual(await decodeLink(original));
    else if (dec.ok) throw new Error(`decoded, but should not have: ${changed}`);
    else expect(dec.errors[0]).toMatch(/^link: (cut short|damaged|too large inside)/);
  }

  it('every changed character is refused', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const link of [V1_PRESET_LINK, V1_FULL_LINK]) {
      for (let i = 4; i < link.length; i++) {
        for (const step of [1, 17, 32]) {
          const other = alphabet[(alphabet.indexOf(link[i]!) + step) % 64]!;
          await refusedOrSame(link.slice(0, i) + other + link.slice(i + 1), link, i >= link.length - 2);
        }
      }
    }
  });

  it('every flipped bit is refused', async () => {
    for (const link of [V1_PRESET_LINK, V1_FULL_LINK]) {
      const bytes = fromBase64Url(link.slice(4)) as Uint8Array;
      for (let bit = 0; bit < bytes.length * 8; bit++) {
        const copy = bytes.slice();
        copy[bit >> 3]! ^= 1 << (bit & 7);
        await refusedOrSame(`#v1=${toBase64Url(copy)}`, link, bit >> 3 === bytes.length - 1);
      }
    }
  });

  it('a huge link is refused unread', async () => {
    expect(await errorsOf(`#v1=${'A'.repeat(LINK_LIMIT)}`)).toEqual([`link: too long (16,388 characters; at most 16,384)`]);
    const t0 = performance.now();
    expect((await errorsOf(`#v1=${'A'.repeat(50_000_000)}`))[0]).toMatch(/^link: too long \(50,000,004 characters/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('a zip bomb stops at the limit, quickly', async () => {
    // about 15 KB of link that would inflate to 12 MB of spaces
    const bomb = rawLink(new Uint8Array(12_000_000).fill(32));
    expect(bomb.length).toBeLessThan(LINK_LIMIT);
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const errors = await errorsOf(bomb);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(64 * 2 ** 20);
    expect(errors).toEqual([`link: too large inside (it inflates to more than ${JSON_LIMIT.toLocaleString('en')} bytes)`]);
  });

  it('invalid deflate, bad checksum, bad UTF-8, bad JSON', async () => {
    expect((await errorsOf(`#v1=${toBase64Url(new Uint8Array([1, 2, 3, 4, 0xff, 0xff, 0xff, 0x07, 9, 9]))}`))[0]).toMatch(/^link: damaged \(the compressed data is invalid/);
    expect(await errorsOf(rawLink('{"p":"seed-1","v":{"lang":"en","speed":1,"preset":null}}', { crc: 12345 }))).toEqual([
      'link: damaged (its checksum does not match: the link was changed or cut short)',
    ]);
    expect(await errorsOf(rawLink(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toEqual(['link: damaged (not UTF-8 text inside)']);
    expect((await errorsOf(rawLink('{"p": "seed-1", oops')))[0]).toMatch(/^link: damaged \(not valid JSON inside: /);
  });

  it('JSON of the wrong shape', async () => {
    expect(await errorsOf(rawLink('[1,2]'))).toEqual(['link: the content must be an object, got a list']);
    expect(await errorsOf(rawLink('{"v":{"lang":"en","speed":1,"preset":null}}'))).toEqual(['link: must hold either a scenario ("s") or a preset id ("p")']);
    expect(await errorsOf(rawLink('{"p":"seed-1"}'))).toEqual(['view: is missing']);
    expect(await errorsOf(rawLink('{"p":"seed-1","v":{"lang":"en","speed":1,"preset":null},"x":1}'))).toEqual(['link: unknown field "x"']);
    expect(await errorsOf(rawLink('{"p":"nope","v":{"lang":"en","speed":1,"preset":null}}'))).toEqual([
      'link: names the preset "nope", which this version of Queue Lab does not have',
    ]);
    expect(await errorsOf(rawLink('{"p":"seed-1","seed":-3,"v":{"lang":"en","speed":1,"preset":null}}'))).toEqual([
      'seed: must be a whole number from 0 to 9007199254740991, got -3',
    ]);
  });

  it('a scenario that fails validation names its fields', async () => {
    const bad = structuredClone(findPreset('seed-2')!.scenario) as unknown as { producers: { count: unknown }[]; queue: { kind: unknown } };
    bad.producers[0]!.count = -1;
    bad.queue.kind = '<b>Queue</b>';
    const errors = await errorsOf(rawLink(JSON.stringify({ s: bad, v: VIEW })));
    expect(errors).toContain('producers[0].count: must be from 1 to 64, got -1');
    expect(errors.some((e) => e.startsWith('queue.kind: must be one of') && e.endsWith('got "<b>Queue</b>"'))).toBe(true);
  });

  it('a view with bad fields names them', async () => {
    const s = findPreset('seed-3')!.scenario;
    const errors = await errorsOf(rawLink(JSON.stringify({ s, v: { lang: 'fr', speed: -1, preset: 5, tick: 1.5, t: -2, zoom: 3 } })));
    expect(errors).toEqual([
      'view.zoom: unknown field',
      'view.lang: must be "en" or "zh", got "fr"',
      'view.speed: must be a number above 0 and at most 1000000, got -1',
      'view.preset: must be a preset id or null, got 5',
      'view.tick: must be a whole number from 0 (or null), got 1.5',
      'view.t: must be a time from 0 to 10000000 seconds (or null), got -2',
    ]);
    expect(await errorsOf(rawLink(JSON.stringify({ s, v: { speed: 1 } })))).toEqual(['view.lang: is missing', 'view.preset: is missing']);
  });

  it('a selected preset this version lacks is set aside with a warning', async () => {
    const s = findPreset('seed-3')!.scenario;
    const dec = await decodeLink(rawLink(JSON.stringify({ s, v: { ...VIEW, preset: 'gone-preset' } })));
    expect(dec).toEqual({ ok: true, scenario: s, view: VIEW, version: 1, warnings: ['view.preset: this version of Queue Lab has no preset "gone-preset"; none is selected'] });
  });

  it('__proto__ and deep nesting are only data', async () => {
    const s = JSON.stringify(findPreset('seed-3')!.scenario).replace('{"spec"', '{"__proto__":{"polluted":1},"spec"');
    const errors = await errorsOf(rawLink(`{"s":${s},"v":${JSON.stringify(VIEW)}}`));
    expect(errors).toEqual(['__proto__: unknown field']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    // a raise_on item nested 100,000 deep (about 200 KB)
    const deep = JSON.stringify(findPreset('seed-3')!.scenario).replace('"raise_on":null', `"raise_on":{"item":${'['.repeat(100_000)}${']'.repeat(100_000)},"exception":"ValueError","guard":"none"}`);
    const e2 = await errorsOf(rawLink(`{"s":${deep},"v":${JSON.stringify(VIEW)}}`));
    expect(e2[0]).toMatch(/raise_on|scenario: could not be read/);
  });

  it('decoding never throws on junk', async () => {
    const junk: unknown[] = [null, undefined, 42, {}, '#', '#v1', '#v1=A', '#v99999999=AAAA', '\u0000#v1=AAAAAA', '#v1=' + '_'.repeat(4000)];
    for (const j of junk) {
      const dec = await decodeLink(j as string);
      expect(dec.ok).toBe(false);
    }
  });
});

describe('encoding', () => {
  it('refuses an invalid scenario or view, naming the field', async () => {
    const s = structuredClone(findPreset('seed-2')!.scenario);
    s.producers[0]!.count = 0;
    expect(await encodeLink({ scenario: s, view: VIEW })).toEqual({ ok: false, errors: ['producers[0].count: must be from 1 to 64, got 0'] });
    expect(await encodeLink({ scenario: findPreset('seed-2')!.scenario, view: { ...VIEW, speed: 0 } })).toEqual({
      ok: false,
      errors: ['view.speed: must be a number above 0 and at most 1000000, got 0'],
    });
    expect(await encodeLink({ scenario: findPreset('seed-2')!.scenario, view: { ...VIEW, preset: 'nope' } })).toEqual({ ok: false, errors: ['view.preset: no preset "nope"'] });
  });

  it('refuses a scenario too large for a link, pointing to a file', async () => {
    const s = structuredClone(findPreset('seed-2')!.scenario);
    // eight consumer groups, each with a thousand service times that do not compress
    let x = 12345;
    const next = (): number => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 3;
    s.consumers = Array.from({ length: 8 }, (_, g) => ({ ...s.consumers[0]!, name: `c${g}`, service: { dist: 'list' as const, values: Array.from({ length: 1000 }, next) } }));
    const enc = await encodeLink({ scenario: s, view: VIEW });
    expect(enc.ok).toBe(false);
    expect(!enc.ok && enc.errors[0]).toMatch(/^link: the scenario is too large for a link \(.*\); export it as a file instead$/);
  });
});
