import { openDatabase } from '#kernel/db/client.ts';
import { translator } from '#kernel/i18n/index.ts';
import { indicators, ledgerCharts } from '#modules/reports/indicators.ts';
import { buildReport } from '#modules/reports/index.ts';
const url = process.env.U!;
const mode = process.argv[2] ?? 'whole';
const t0 = performance.now();
const database = await openDatabase({ url, poolSize: 2 });
import { migrate } from '#kernel/db/migrate.ts';
if (process.env.MIG) await migrate(database);
const { db } = database;
const period = { from: '2022-01-01', to: '2022-12-31' };
const t = translator('vi');
console.log('open', Math.round(performance.now() - t0));
if (mode === 'whole') {
  for (let i = 0; i < 3; i++) {
    const a = performance.now();
    await buildReport({ db, actor: { id: 'x', name: 'b', email: 'b@x', role: 'officer' } as never, period: { ...period }, t });
    console.log('whole', Math.round(performance.now() - a));
  }
} else {
  for (const ind of indicators) {
    const a = performance.now();
    await ind.compute(db, { ...period } as never, t);
    console.log(ind.id, Math.round(performance.now() - a));
  }
  const a = performance.now();
  await ledgerCharts(db, { ...period } as never, t);
  console.log('charts', Math.round(performance.now() - a));
}
await database.close?.();
process.exit(0);
