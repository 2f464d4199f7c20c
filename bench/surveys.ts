/**
 * The survey results budget: the results of a survey with 10,000 submitted responses, read in
 * ≤ 300 ms on PostgreSQL (every figure the results page shows: the questions, the counts and
 * averages by group, and the project names).
 *
 *   npx tsx bench/surveys.ts                                  # PGlite in memory
 *   BENCH_DATABASE_URL=postgres://…/kn_bench_surveys npx tsx bench/surveys.ts   # an empty PostgreSQL database
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '#kernel/auth/roles.ts';
import { type Database, openDatabase } from '#kernel/db/client.ts';
import { migrate } from '#kernel/db/migrate.ts';
import { bundledCommuneFile, loadCommunes, readCommuneFile } from '#modules/places/index.ts';
import { createNeedsSurvey, surveyForm, surveyResults } from '#modules/surveys/index.ts';

export const surveyResultsBudget = { responses: 10_000, ms: 300 };

/** The kind-appropriate answer of response `r` (a row of survey_response) to a question, in SQL. */
function answerSql(kind: string, choices: string[]) {
  const h = (salt: string) => sql.raw(`abs(hashtext(r.id::text || '${salt}'))`);
  const pick = (list: string[], salt: string) =>
    sql`(${sql.raw(`array[${list.map((c) => `'${c.replace(/'/g, "''")}'`).join(',')}]`)})[1 + ${h(salt)} % ${list.length}]`;
  switch (kind) {
    case 'group':
      return { value: sql`r.respondent_group`, choices: sql`null`, number: sql`null` };
    case 'commune':
      return { value: sql`r.commune`, choices: sql`null`, number: sql`null` };
    case 'single':
      return { value: pick(choices, 's'), choices: sql`null`, number: sql`null` };
    case 'multi':
      return { value: sql`null`, choices: sql`array[${pick(choices, 'm')}]`, number: sql`null` };
    case 'needs':
      return {
        value: sql`null`,
        choices: sql`array[${pick(['training', 'space', 'funding'], 'n1')}, ${pick(['consulting_ip', 'market_connection'], 'n2')}]`,
        number: sql`null`,
      };
    case 'scale':
      return { value: sql`(1 + ${h('c')} % 5)::text`, choices: sql`null`, number: sql`1 + ${h('c')} % 5` };
    case 'number':
      return { value: sql`null`, choices: sql`null`, number: sql`1 + ${h('x')} % 40` };
    case 'date':
      return { value: sql`'2026-05-10'`, choices: sql`null`, number: sql`null` };
    default:
      return {
        value: pick(['Thiếu vốn', 'Chưa có nhãn hiệu', 'Khó tìm đầu ra', 'Cần chuyên gia'], 't'),
        choices: sql`null`,
        number: sql`null`,
      };
  }
}

export async function benchSurveyResults({ responses, url }: { responses: number; url?: string }) {
  const database: Database = await openDatabase(url ? { url } : {});
  const { db } = database;
  try {
    if (url) await db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public`);
    await migrate(database);
    await loadCommunes(db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')));
    const officer: Actor = {
      id: 'bench-survey-officer',
      name: 'Cán bộ',
      email: 'khaosat@ket-noi.test',
      role: 'officer',
    };
    await db.execute(
      sql`INSERT INTO "user" (id, name, email, email_verified, role, created_at, updated_at)
          VALUES (${officer.id}, ${officer.name}, ${officer.email}, true, 'officer', now(), now())`,
    );
    const s = await createNeedsSurvey({ db, actor: officer, year: 2026 });
    await db.execute(sql`INSERT INTO survey_response (survey_id, status, page, respondent_group, commune, submitted_at)
      SELECT ${s.id}, 'submitted', 3, CASE WHEN i % 5 < 3 THEN 'project_owners' ELSE 'support_workers' END,
        (array['luong-van-tri','that-khe','binh-gia','bac-son','dong-kinh','huu-lien','cao-loc','dinh-lap'])[1 + i % 8],
        now() - (i || ' minutes')::interval
      FROM generate_series(1, ${responses}) AS i`);
    const form = await surveyForm(db, s.id);
    for (const q of form.questions) {
      if (q.kind === 'project') continue;
      const a = answerSql(q.kind, q.options.choices);
      await db.execute(sql`INSERT INTO survey_answer (response_id, question_id, value, choices, number)
        SELECT r.id, ${q.id}, ${a.value}, ${a.choices}, ${a.number} FROM survey_response r WHERE r.survey_id = ${s.id}`);
    }
    await db.execute(sql`ANALYZE`);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await Promise.all([surveyForm(db, s.id), surveyResults(db, s.id, i % 2 ? 'commune' : 'group')]);
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    return { responses, medianMs: Math.round(times[3] ?? 0), worstMs: Math.round(times.at(-1) ?? 0) };
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL;
  const r = await benchSurveyResults({ responses: surveyResultsBudget.responses, url });
  const pass = r.medianMs <= surveyResultsBudget.ms;
  console.log(
    `${pass ? 'PASS' : 'FAIL'}  ${url ? 'postgres' : 'pglite'}  results of a survey with ${r.responses} responses: median ${r.medianMs} ms, worst ${r.worstMs} ms (≤ ${surveyResultsBudget.ms} ms)`,
  );
}
