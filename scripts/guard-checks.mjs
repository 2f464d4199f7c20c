#!/usr/bin/env node
/**
 * `npm run db:generate` runs this after drizzle-kit: before each CHECK constraint a migration adds,
 * it puts a check of the rows already there. Without it, an installation whose data breaks a new
 * rule stops at start with PostgreSQL's terse "violated by some row"; with it, the message names
 * the table, the rule, how many rows and the query that lists them. Running it twice changes nothing.
 *
 *   node scripts/guard-checks.mjs [drizzle/0009_x.sql …]   (default: the newest migration)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'drizzle';
const files = process.argv.slice(2);
if (files.length === 0) {
  const newest = readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .at(-1);
  if (newest) files.push(join(dir, newest));
}

const breakpoint = '--> statement-breakpoint';
const addCheck = /^ALTER TABLE "([^"]+)" ADD CONSTRAINT "([^"]+)" CHECK \(([\s\S]*)\);$/;
const quote = (s) => `'${s.replace(/'/g, "''")}'`;

for (const file of files) {
  const statements = readFileSync(file, 'utf8').split(breakpoint);
  const out = [];
  for (const statement of statements) {
    const match = addCheck.exec(statement.trim());
    const marker = match ? `-- rows checked before: ${match[2]}` : '';
    if (match && !out.some((s) => s.includes(marker))) {
      const [, table, name, expression] = match;
      out.push(
        `\n${marker}\nDO $guard$\nDECLARE broken bigint;\nBEGIN\n` +
          `  SELECT count(*) INTO broken FROM "${table}" WHERE (${expression}) IS FALSE;\n` +
          `  IF broken > 0 THEN\n` +
          `    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', ` +
          `${quote(name)}, ${quote(table)}, broken, ${quote(table)}, ${quote(expression)};\n` +
          `  END IF;\nEND $guard$;\n`,
      );
    }
    out.push(statement);
  }
  writeFileSync(file, out.join(breakpoint));
}
