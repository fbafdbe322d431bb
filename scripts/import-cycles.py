"""Import cycles among TypeScript source files (type-only imports included).
usage: python3 scripts/import-cycles.py src   prints each cycle (a strongly connected component of two or
more files), then 'N files in import cycles' last; exit 0 when there are none."""
import os, re, sys

IMPORT = re.compile(r'''(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]''', re.S)


def files(root):
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith(('.ts', '.tsx')) and not f.endswith('.d.ts'):
                yield os.path.normpath(os.path.join(d, f))


def resolve(src, spec):
    base = os.path.normpath(os.path.join(os.path.dirname(src), spec))
    for cand in (base, base + '.ts', base + '.tsx', os.path.join(base, 'index.ts'), os.path.join(base, 'index.tsx')):
        if os.path.isfile(cand):
            return cand
    if base.endswith('.js'):
        return resolve(src, spec[:-3] + '.ts')
    return None


def sccs(graph):
    index, low, stack, on, out, n = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))
    for v in list(graph):
        if v not in index:
            visit(v)
    return out


def main():
    root = sys.argv[1]
    graph = {}
    for f in files(root):
        text = open(f, encoding='utf-8').read()
        graph[f] = {t for t in (resolve(f, m) for m in IMPORT.findall(text)) if t and t != f}
    cyc = sccs(graph)
    for c in cyc:
        print('cycle: ' + ', '.join(os.path.relpath(x, root) for x in c))
    total = sum(len(c) for c in cyc)
    print(f'{total} files in import cycles')
    return 0 if total == 0 else 1


sys.exit(main())
