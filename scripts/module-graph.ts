/**
 * The modules' dependency graph, from dependency-cruiser's reading of the imports: which module
 * uses which (the kernel, each `src/modules/<name>`, the composition root, the demo data). Fails
 * when two modules depend on each other through any path, or the kernel on a module.
 *
 *   tsx scripts/module-graph.ts            check (npm test runs this)
 *   tsx scripts/module-graph.ts --write    also write docs/modules.dot and, with Graphviz, docs/modules.svg
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

interface Cruised {
  modules: { source: string; dependencies: { resolved: string; dependencyTypes: string[] }[] }[];
}

/** The part of the system a file belongs to. */
function partOf(file: string): string | null {
  const m = /^src\/modules\/([^/]+)\//.exec(file);
  if (m) return m[1] ?? null;
  if (file.startsWith('src/kernel/')) return 'kernel';
  if (file.startsWith('src/seed/')) return 'seed';
  if (file.startsWith('src/testing/')) return null;
  // The configuration's schema stands below everything (it imports only zod); the kernel reads its type.
  if (file === 'src/config.ts') return 'config';
  if (/^src\/[^/]+$/.test(file)) return 'app';
  return null;
}

const cruise = spawnSync('npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (cruise.status !== 0 && !cruise.stdout) {
  console.error(cruise.stderr);
  process.exit(1);
}
const cruised = JSON.parse(cruise.stdout) as Cruised;

const edges = new Map<string, Set<string>>();
for (const m of cruised.modules) {
  const from = partOf(m.source);
  if (!from) continue;
  if (!edges.has(from)) edges.set(from, new Set());
  for (const d of m.dependencies) {
    const to = partOf(d.resolved);
    // A type shared across a face is no dependency at run time, but it is one of design: count it.
    if (to && to !== from) edges.get(from)?.add(to);
  }
}

const problems: string[] = [];
for (const to of edges.get('kernel') ?? []) if (to !== 'config') problems.push(`the kernel depends on ${to}`);

// Cycles: a depth-first search that reports each back edge's loop.
const state = new Map<string, 'open' | 'done'>();
const path: string[] = [];
function visit(node: string) {
  state.set(node, 'open');
  path.push(node);
  for (const next of edges.get(node) ?? []) {
    if (state.get(next) === 'open') problems.push(`cycle: ${[...path.slice(path.indexOf(next)), next].join(' → ')}`);
    else if (!state.has(next)) visit(next);
  }
  path.pop();
  state.set(node, 'done');
}
for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);

if (process.argv.includes('--write')) {
  const modules = [...edges.keys()].filter((n) => !['app', 'seed', 'kernel', 'config'].includes(n)).sort();
  const lines = [
    'digraph modules {',
    '  rankdir=BT; node [shape=box, style="rounded,filled", fillcolor="#eef4fb", fontname="Helvetica"];',
    '  kernel [fillcolor="#dfe8d8"]; app [label="app (composition root)", fillcolor="#f6eddc"]; seed [label="seed (demo data)", fillcolor="#f6eddc"];',
    ...modules.map((m) => `  "${m}";`),
  ];
  // Every module depends on the kernel: one arrow each says nothing, so the graph leaves them out.
  for (const [from, tos] of [...edges.entries()].sort()) {
    for (const to of [...tos].sort()) if (to !== 'kernel' && to !== 'config') lines.push(`  "${from}" -> "${to}";`);
  }
  lines.push('}');
  writeFileSync('docs/modules.dot', `${lines.join('\n')}\n`);
  const svg = spawnSync('dot', ['-Tsvg', 'docs/modules.dot', '-o', 'docs/modules.svg'], { encoding: 'utf8' });
  if (svg.status !== 0) console.error('Graphviz (dot) is not installed: wrote docs/modules.dot only');
}

if (problems.length > 0) {
  console.error(`Module graph: ${problems.length} problem(s)\n${problems.map((p) => `  ✘ ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Module graph: ${edges.size} parts, no cycle, the kernel depends on no module`);
