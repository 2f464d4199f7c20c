// Bundles our TypeScript (not node_modules) into dist/cli.js: starts faster than compiling on the
// fly. Skipped when the bundle is newer than every source file, so `npm start` stays quick.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// `--outfile PATH` bundles elsewhere (the benchmark keeps its own copy); `--force` always rebuilds.
const at = process.argv.indexOf('--outfile');
const outfile = at > 0 && process.argv[at + 1] ? process.argv[at + 1] : 'dist/cli.js';

function newestSource() {
  let newest = Math.max(statSync('package.json').mtimeMs, statSync('tsconfig.json').mtimeMs);
  for (const entry of readdirSync('src', { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

function bundleTime() {
  try {
    return statSync(outfile).mtimeMs;
  } catch {
    return 0;
  }
}

if (process.argv.includes('--force') || bundleTime() <= newestSource()) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: ['src/cli.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    outfile,
    logLevel: 'warning',
  });
}
