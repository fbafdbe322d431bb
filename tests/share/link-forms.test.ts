/**
 * Links mangled on their way (issue 13, point 13): the harmless forms open as the link itself (a percent-encoded
 * '=', a capital V, spaces and line breaks around or inside it); the others are refused with a message naming what
 * is wrong and a problem kind the page words in each language.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, decodeLink, JSON_LIMIT, toBase64Url } from '../../src/share/link';
import { V1_FULL_LINK, V1_PRESET_LINK } from './fixtures';

const payload = (link: string): string => link.slice('#v1='.length);

describe('harmless forms of a link open as the link itself', () => {
  for (const link of [V1_PRESET_LINK, V1_FULL_LINK]) {
    const p = payload(link);
    const forms = [
      `#v1%3D${p}`,
      `#v1%3d${p}`,
      `#V1=${p}`,
      `#V1%3D${p}`,
      `#%20v1=${p}`,
      `#%20%20v1=${p}%20`,
      `  #v1=${p}  `,
      `#\tv1=${p}\n`,
      `#v1=${p.slice(0, 20)}\n${p.slice(20, 40)} ${p.slice(40)}`,
      `#v1=${p.slice(0, 30)}%0A${p.slice(30)}`,
      `https://example.org/lab/#v1%3D${p}`,
      `https://example.org/lab/# V1=${p}`,
      `v1%3D${p}`,
      `\u00a0#v1=${p}\u2028`,
    ];
    it.each(forms.map((f) => [f.slice(0, 40), f] as const))('%s...', async (_, form) => {
      const want = await decodeLink(link);
      expect(want.ok).toBe(true);
      expect(await decodeLink(form)).toEqual(want);
    });
  }
});

describe('the other forms are refused, naming what is wrong', () => {
  const p = payload(V1_PRESET_LINK);
  const cases: [string, string, RegExp][] = [
    [`#scenario=${p}`, 'notLink', /^link: not a Queue Lab link \(it should start with #v1=; it starts with "scenario=4Dj\.\.\."\)$/],
    [`#v1:${p}`, 'notLink', /it starts with "v1:/],
    [`#vl=${p}`, 'notLink', /it starts with "vl=/],
    ['#top', 'notLink', /it starts with "top"/],
    [`#v2=${p}`, 'newer', /version v2 comes from a newer Queue Lab/],
    [`#v0=${p}`, 'version', /unknown version v0/],
    ['#v1=', 'empty', /empty \(no data after v1=\)/],
    ['#%20', 'empty', /empty/],
    [`#v1=${p.slice(0, 30)}`, 'damaged', /cut short|damaged/],
    [`#v1=${p.slice(0, 30)}%zz${p.slice(30)}`, 'damaged', /not valid base64url: character "%"/],
    [`#v1=${p.slice(0, 30)}*${p.slice(30)}`, 'damaged', /not valid base64url: character "\*" at position 31/],
    [`#v1=${p}==`, 'damaged', /padding is not used/],
  ];
  it.each(cases)('%s', async (link, problem, message) => {
    const r = await decodeLink(link);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe(problem);
    expect(r.errors[0]).toMatch(message);
  });

  it('a link whose scenario breaks a rule is "invalid", with the field named', async () => {
    const json = '{"p":"seed-2","seed":-1,"v":{"lang":"en","speed":1,"preset":null}}';
    const bytes = new TextEncoder().encode(json);
    const c = crc32(bytes);
    const body = deflateRawSync(bytes);
    const all = new Uint8Array([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255, ...body]);
    const r = await decodeLink(`#V1%3D${toBase64Url(all)}`);
    expect(r).toEqual({ ok: false, problem: 'invalid', errors: [`seed: must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got -1`] });
  });

  it('a zip bomb is "tooLong"', async () => {
    const bytes = new Uint8Array(JSON_LIMIT + 10).fill(32);
    const c = crc32(bytes);
    const all = new Uint8Array([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255, ...deflateRawSync(bytes)]);
    const r = await decodeLink(`#v1=${toBase64Url(all)}`);
    expect(r.ok === false && r.problem).toBe('tooLong');
  });
});
