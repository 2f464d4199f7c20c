import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this file; migrations are applied from code (src/kernel/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/kernel/**/*.sql.ts', './src/modules/**/*.sql.ts'],
  out: './drizzle',
  casing: 'snake_case',
});
