import { eq, sql } from 'drizzle-orm';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Database } from '#kernel/db/client.ts';
import { migrate } from '#kernel/db/migrate.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { bundledCommuneFile, communeForFormerDistrict, loadCommunes, readCommuneFile } from '#modules/places/index.ts';
import { assignCaseOfficer, createProject, reviewProject } from '#modules/projects/index.ts';
import { recordSupport } from '#modules/support/index.ts';
import { seedConnecting } from './demo-connecting.ts';
import type { DemoContext } from './demo-context.ts';
import {
  type DemoProject,
  type DemoProvider,
  type DemoRole,
  demoAccounts,
  demoProjects,
  demoSupport,
} from './demo-data.ts';
import { seedEvents } from './demo-events.ts';
import { seedExperts } from './demo-experts.ts';
import { seedLibrary } from './demo-library.ts';
import { seedPartners } from './demo-partners.ts';
import { seedPrivacy } from './demo-privacy.ts';
import { seedProducts } from './demo-products.ts';
import { seedReports } from './demo-reports.ts';
import { seedSpaces } from './demo-spaces.ts';
import { seedSurveys } from './demo-surveys.ts';
import { seedVisits } from './demo-visits.ts';
import { createUser } from './factories.ts';

export type { DemoContext } from './demo-context.ts';
export { demoAccounts } from './demo-data.ts';

/**
 * Each module's part of the story, in order (a later one may use an earlier one's rows). A module
 * keeps its demo data in `src/seed/demo-<module>.ts`, exporting `seed<Module>(ctx)`.
 */
const moduleSeeds: ((ctx: DemoContext) => Promise<void>)[] = [
  seedExperts,
  seedPartners,
  seedConnecting,
  seedEvents,
  seedProducts,
  seedSpaces,
  seedSurveys,
  seedVisits,
  seedLibrary,
  seedReports,
  seedPrivacy,
];

/** The demo accounts, shown on first start and after `seed`. */
export function printDemoAccounts(): void {
  const rows = demoAccounts.map((a) => [a.email, a.role, a.password, a.name]);
  const header = ['E-mail', 'Vai trò / role', 'Mật khẩu / password', 'Tên'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(
    [
      '',
      'Tài khoản dùng thử (demo accounts):',
      line(header),
      widths.map((w) => '-'.repeat(w)).join('  '),
      ...rows.map(line),
      '',
    ].join('\n'),
  );
}

/** Empties the database and rebuilds it: schema from the migrations, then the province's units. */
export async function resetDatabase(deps: AppDeps): Promise<void> {
  const { db, config } = deps;
  await db.execute(sql`DROP SCHEMA public CASCADE`);
  await db.execute(sql`CREATE SCHEMA public`);
  await db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  const database: Database = { db, kind: config.DATABASE_URL ? 'postgres' : 'pglite', close: async () => {} };
  await migrate(database);
  await loadCommunes(db, config.PROVINCE, readCommuneFile(bundledCommuneFile(config.PROVINCE)));
}

async function communeOf(deps: AppDeps, place: DemoProject['place']): Promise<string> {
  if ('commune' in place) return place.commune;
  const slug = await communeForFormerDistrict(deps.db, deps.config.PROVINCE, place.formerDistrict);
  if (!slug) throw new Error(`No commune for the former district ${place.formerDistrict}`);
  return slug;
}

/**
 * Loads the story of the article into an empty database: one account per role, the projects,
 * and the support ledger whose report gives the article's figures.
 */
export async function seedDemo(deps: AppDeps): Promise<void> {
  const { db } = deps;
  const accounts = new Map<string, Actor>();
  for (const a of demoAccounts) {
    accounts.set(
      a.role,
      await createUser(deps, { name: a.name, email: a.email, password: a.password, role: a.role, phone: a.phone }),
    );
  }
  const account = (role: DemoRole | 'admin'): Actor => {
    const found = accounts.get(role);
    if (!found) throw new Error(`No demo account for ${role}`);
    return found;
  };
  const officer = account('officer');

  const projects = new Map<string, { id: string; slug: string }>();
  for (const p of demoProjects) {
    const commune = await communeOf(deps, p.place);
    const actor = p.byFounder ? account('founder') : officer;
    const created = await createProject({ db, actor, input: { ...p.input, commune } });
    // A founder's project was published by the officer who reviewed it.
    if (p.byFounder && p.input.isPublic)
      await reviewProject({
        db,
        actor: officer,
        slug: created.slug,
        input: { decision: 'approve', note: '' },
        baseUrl: deps.config.BASE_URL,
      });
    projects.set(p.key, created);
    if (p.caseOfficer) await assignCaseOfficer({ db, actor: officer, slug: created.slug, officerId: officer.id });
  }

  const provider = (p: DemoProvider) => {
    if ('name' in p) return { providerName: p.name, providerUserId: null };
    const a = account(p.account);
    return { providerName: a.name, providerUserId: a.id };
  };
  for (const s of demoSupport) {
    const target = projects.get(s.project);
    if (!target) throw new Error(`Demo support ${s.id} names an unknown project ${s.project}`);
    await recordSupport({
      db,
      actor: officer,
      input: {
        projectId: target.id,
        kind: s.kind,
        title: s.title,
        providerKind: s.providerKind,
        ...provider(s.provider),
        startedOn: s.startedOn,
        endedOn: s.endedOn ?? null,
        status: s.status,
        outcome: s.outcome,
        figures: s.figures,
        source: { kind: 'import', id: `demo:${s.id}` },
      },
    });
  }
  const ctx: DemoContext = {
    deps,
    account,
    project: (key) => {
      const found = projects.get(key);
      if (!found) throw new Error(`No demo project ${key}`);
      return found;
    },
  };
  for (const seedModule of moduleSeeds) {
    const started = performance.now();
    await seedModule(ctx);
    deps.logger.debug({ seeder: seedModule.name, ms: Math.round(performance.now() - started) }, 'demo seeder done');
  }
  // The story's e-mails belong to its past (and to fictional addresses): keep them, never send them.
  await db.update(mailOutbox).set({ status: 'kept' }).where(eq(mailOutbox.status, 'queued'));
  deps.logger.info(
    { accounts: accounts.size, projects: projects.size, support: demoSupport.length },
    'demo data loaded',
  );
}
