// Bundles our TypeScript (not node_modules) into dist/cli.js: starts faster than compiling on the fly.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  outfile: 'dist/cli.js',
  logLevel: 'warning',
});
