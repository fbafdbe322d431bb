/** The code panel's Python tokenizer, its live-change list and its file names. */
import { describe, expect, it } from 'vitest';
import { generateProgram } from '../../src/python/generate';
import { allVariants } from '../../src/scenarios/catalogue';
import { PRESETS } from '../../src/scenarios/presets';
import { settingsOf, type Settings } from '../../src/scenarios/settings';
import { fileNameFor } from '../../src/ui/code/exportCode';
import { highlightPython, type Token } from '../../src/ui/code/highlight';
import { addChange } from '../../src/ui/code/liveChanges';

const kinds = (tokens: Token[]): string =>
  tokens
    .filter((t) => t.kind !== 'plain')
    .map((t) => `${t.kind}:${t.text}`)
    .join(' ');

const one = (line: string): Token[] => highlightPython(line)[0]!;

describe('highlightPython', () => {
  it('gives every line of every exported program back exactly', () => {
    const programs = [...PRESETS.map((p) => p.scenario), ...allVariants().map((v) => v.variant.scenario)].map((s) => generateProgram(s).code);
    for (const code of programs) {
      const lines = code.split('\n');
      const tokens = highlightPython(code);
      expect(tokens.length).toBe(lines.length);
      tokens.forEach((t, i) => expect(t.map((x) => x.text).join('')).toBe(lines[i]));
    }
  });

  it('colours keywords, the names def introduces, builtins, strings, numbers and comments', () => {
    expect(kinds(one('async def consumer(n, q):'))).toBe('kw:async kw:def fn:consumer');
    expect(kinds(one("    log(q, name, 'put', item)  # one event"))).toBe("str:'put' com:# one event");
    expect(kinds(one('        for i in range(10):'))).toBe('kw:for kw:in bi:range num:10');
    expect(kinds(one("    name = f'consumer-{n}'"))).toBe("str:f'consumer-{n}'");
    expect(kinds(one('    q = asyncio.Queue(maxsize=2)'))).toBe('num:2');
    expect(kinds(one('x = 1.5e-3 + 0x1F'))).toBe('num:1.5e-3 num:0x1F');
    expect(kinds(one('        raise ValueError(f"bad item {item!r}")'))).toBe('kw:raise bi:ValueError str:f"bad item {item!r}"');
  });

  it('leaves attributes and names with digits alone', () => {
    // q.put is an attribute, not a keyword or builtin; x1 is one name
    expect(kinds(one('    await q.put(item); x1 = q.print'))).toBe('kw:await');
  });

  it('carries triple-quoted strings across lines, and escapes inside strings', () => {
    const t = highlightPython('"""one\ntwo \\""" still\nend""" + 1\ns = \'it\\\'s\' # c');
    expect(kinds(t[0]!)).toBe('str:"""one');
    expect(kinds(t[1]!)).toBe('str:two \\""" still');
    expect(kinds(t[2]!)).toBe('str:end""" num:1');
    expect(kinds(t[3]!)).toBe("str:'it\\'s' com:# c");
  });

  it('marks a decorator', () => {
    expect(kinds(one('@staticmethod'))).toBe('deco:@staticmethod');
  });
});

describe('live changes beside the code', () => {
  const base: Settings = settingsOf(PRESETS.find((p) => p.id === 'seed-1')!.scenario);
  const withC = (s: Settings, consumers: number): Settings => ({ ...s, consumers });

  it('a slider dragged one way is one change; turning back is another', () => {
    let list = addChange([], base, withC(base, 4));
    const s4 = list[0]!.to;
    list = addChange(list, s4, withC(s4, 8));
    expect(list.map((c) => [c.what, c.from.consumers, c.to.consumers])).toEqual([['consumers', 3, 8]]);
    const s8 = list[0]!.to;
    list = addChange(list, s8, withC(s8, 5));
    expect(list.map((c) => [c.what, c.from.consumers, c.to.consumers])).toEqual([
      ['consumers', 3, 8],
      ['consumers', 8, 5],
    ]);
  });

  it('a rate and its distribution are one change, and a rate moved back is none', () => {
    const faster = { ...base, service: 2, serviceDist: 'expo' as const };
    let list = addChange([], base, faster);
    expect(list.map((c) => c.what)).toEqual(['service']);
    list = addChange(list, faster, { ...faster, service: base.service, serviceDist: base.serviceDist });
    expect(list).toEqual([]);
  });

  it('settings a running program cannot change are not listed', () => {
    expect(addChange([], base, { ...base, seed: 99, bufferSize: 7 })).toEqual([]);
  });
});

describe('fileNameFor', () => {
  it('names the file after the scenario', () => {
    expect(fileNameFor('The consumer that never stops: a hang')).toBe('the_consumer_that_never_stops_a_hang.py');
    expect(fileNameFor('Café ×2')).toBe('cafe_2.py');
    expect(fileNameFor('生产者', 'seed_3')).toBe('seed_3.py');
  });
});
