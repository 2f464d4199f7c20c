import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import vnuJar from 'vnu-jar';

// Runs last (see vitest.e2e.config.ts): every page the journeys loaded was kept as the server
// sent it (e2e/browser.ts). Each must pass the Nu HTML checker and have no id twice, so that
// every label points at its own field.

const dir = inject('htmlDir');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .sort();
/** The comment the recorder put first: method, address and status. */
const origin = (file: string) => /<!-- (.*?) -->/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? file;

describe('the HTML of every page the journeys visited', () => {
  test('the journeys kept pages to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test('no page has an id twice', () => {
    const problems: string[] = [];
    for (const file of files) {
      const html = readFileSync(join(dir, file), 'utf8');
      const seen = new Map<string, number>();
      for (const m of html.matchAll(/\sid="([^"]*)"/g)) seen.set(m[1] as string, (seen.get(m[1] as string) ?? 0) + 1);
      const twice = [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
      if (twice.length) problems.push(`${origin(file)}: ${twice.join(', ')}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('the Nu HTML checker finds no error', () => {
    const java = spawnSync('java', ['-version']);
    expect(java.error, 'Java is needed to run the Nu HTML checker: apt-get install default-jre-headless').toBe(
      undefined,
    );
    const run = spawnSync(
      'java',
      [
        '-Xss4m',
        '-jar',
        String(vnuJar),
        '--errors-only',
        '--format',
        'json',
        '--exit-zero-always',
        '--stdout',
        ...files,
      ],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(run.status, run.stderr).toBe(0);
    const { messages } = JSON.parse(run.stdout) as {
      messages: { type: string; url: string; message: string; lastLine?: number; extract?: string }[];
    };
    const errors = messages.filter((m) => m.type === 'error');
    const report = errors
      .slice(0, 60)
      .map((m) => {
        const file = decodeURIComponent(
          m.url
            .replace(/^file:/, '')
            .split('/')
            .pop() ?? '',
        );
        return `${origin(file)} (line ${m.lastLine}): ${m.message}\n    ${(m.extract ?? '').replace(/\s+/g, ' ')}`;
      })
      .join('\n');
    expect(errors.length, `${errors.length} error(s):\n${report}`).toBe(0);
  });
});
