/**
 * bench/ui.ts's analyses (--profile, --trace): a CPU profile's costliest functions and source modules, and what the
 * main thread's long tasks held in a Chromium trace.
 */
const ms = (x: number): string => `${x.toFixed(1)} ms`;

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
export interface Profile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where each module of an unminified bundle starts (esbuild/rolldown mark them `// src/...`). */
async function moduleStarts(url: string): Promise<{ line: number; name: string }[]> {
  const text = await (await fetch(url)).text();
  const out: { line: number; name: string }[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\/\/ ((?:src|node_modules)\/\S+)/.exec(l);
    if (m !== null) out.push({ line: i, name: m[1]!.replace(/^node_modules\//, '') });
  });
  return out;
}

/**
 * Self time by source module (a native call such as fillText counts for the module that called it); shares of the
 * busy time. Needs an unminified build (--no-minify) for module names.
 */
export async function byModule(p: Profile): Promise<string[]> {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const starts = new Map<string, { line: number; name: string }[]>();
  for (const n of p.nodes) {
    const u = n.callFrame.url;
    if (u.endsWith('.js') && u.startsWith('http') && !starts.has(u)) starts.set(u, await moduleStarts(u));
  }
  const moduleOf = (id: number): string => {
    for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) {
      const f = byId.get(k)!.callFrame;
      const list = starts.get(f.url);
      if (list === undefined) continue;
      let name = f.url.split('/').pop() ?? '?';
      for (const s of list) if (s.line <= f.lineNumber) name = s.name;
      return name;
    }
    return byId.get(id)!.callFrame.functionName || '(native)';
  };
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') return;
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const key = moduleOf(id);
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 16)
    .map(([k, v]) => `${ms(v).padStart(9)} ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}

/** The functions with the most self time in a CPU profile. */
export function topFunctions(p: Profile, n: number): string[] {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    if (f.functionName !== '(idle)' && f.functionName !== '(program)') total += dt;
  });
  // shares of the busy time (idle and '(program)', the browser's own work, left out)
  return [...self.entries()]
    .filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${ms(v).padStart(9)} ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number; type?: string } };
}

/** Each main-thread task over 50 ms, with the events inside it that took most of its time (by name). */
export function longTaskContents(buf: Buffer): string[] {
  const json = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const evs = Array.isArray(json) ? json : json.traceEvents;
  const main = evs.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (main === undefined) return ['(no renderer main thread in the trace)'];
  const mine = evs.filter((e) => e.tid === main.tid && e.pid === main.pid && e.ph === 'X' && e.dur !== undefined);
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur! > 50_000);
  const out: string[] = [];
  for (const t of tasks.slice(0, 12)) {
    const inside = new Map<string, number>();
    for (const e of mine) {
      if (e === t || e.ts < t.ts || e.ts + e.dur! > t.ts + t.dur! || e.name === 'RunTask') continue;
      const d = e.args?.data;
      const label = e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'TimerFire' ? `${e.name}(${d?.functionName ?? d?.type ?? ''} ${(d?.url ?? '').split('/').pop() ?? ''}:${d?.lineNumber ?? ''})` : e.name;
      inside.set(label, (inside.get(label) ?? 0) + e.dur! / 1000);
    }
    const top = [...inside.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    out.push(`${ms(t.dur! / 1000)}: ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  }
  if (tasks.length > 12) out.push(`... and ${tasks.length - 12} more`);
  return out.length > 0 ? out : ['none'];
}

