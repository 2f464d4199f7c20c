import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditLog } from '#kernel/audit/audit.sql.ts';
import { requireActor, signedIn } from '#kernel/auth/access.ts';
import { session, user } from '#kernel/auth/auth.sql.ts';
import type { Db } from '#kernel/db/client.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { toXlsx, xlsxType } from '#kernel/http/xlsx.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import {
  type ErasedSubject,
  type PersonalDataPart,
  type PersonalDataSource,
  personalPart,
} from '#kernel/personal-data.ts';
import { twoFactor } from './two-factor.sql.ts';

/** What the accounts module holds about an account: the account, its sessions, what it did (the audit log). */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'accounts.personalData.account',
      await db
        .select({
          id: user.id,
          name: user.name,
          email: user.email,
          phone: user.phone,
          role: user.role,
          emailVerified: user.emailVerified,
          disabled: user.banned,
          createdAt: user.createdAt,
          updatedAt: user.updatedAt,
        })
        .from(user)
        .where(eq(user.id, userId)),
    ),
    personalPart(
      'accounts.personalData.sessions',
      await db
        .select({
          createdAt: session.createdAt,
          lastSeenAt: session.updatedAt,
          expiresAt: session.expiresAt,
          ip: session.ipAddress,
          userAgent: session.userAgent,
        })
        .from(session)
        .where(eq(session.userId, userId))
        .orderBy(desc(session.createdAt)),
    ),
    personalPart(
      'accounts.personalData.activity',
      await db
        .select({
          at: auditLog.at,
          action: auditLog.action,
          entity: auditLog.entity,
          entityId: auditLog.entityId,
          details: auditLog.data,
          ip: auditLog.ip,
        })
        .from(auditLog)
        .where(eq(auditLog.actorId, userId))
        .orderBy(desc(auditLog.id))
        .limit(10_000),
    ),
  ];
}

/** Everything the modules hold about one account, part by part, the accounts module's own first. */
async function collect(db: Db, userId: string, sources: PersonalDataSource[]): Promise<PersonalDataPart[]> {
  const parts: PersonalDataPart[] = [];
  for (const source of [personalDataOf, ...sources]) parts.push(...(await source(db, userId)));
  return parts;
}

/**
 * `/tai-khoan/du-lieu.json` and `.xlsx`: the signed-in person downloads what the site holds about
 * them, from every module that gives its part (`sources`, wired in src/modules.ts).
 */
export function personalDataPages(sources: PersonalDataSource[]) {
  const pages = new Hono<AppEnv>();
  const fileName = (ext: string) => `du-lieu-cua-toi-${todayInVietnam()}.${ext}`;

  pages.get('/tai-khoan/du-lieu.json', signedIn, async (c) => {
    const { t } = c.var;
    const parts = await collect(c.var.deps.db, requireActor(c).id, sources);
    const body = {
      exportedAt: new Date().toISOString(),
      site: c.var.deps.config.BASE_URL,
      parts: parts.map((p) => ({ part: p.key, title: t(p.key as never), rows: p.rows })),
    };
    c.header('Content-Disposition', `attachment; filename="${fileName('json')}"`);
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  pages.get('/tai-khoan/du-lieu.xlsx', signedIn, async (c) => {
    const { t } = c.var;
    const parts = await collect(c.var.deps.db, requireActor(c).id, sources);
    const sheets = parts.map((p) => {
      const header = [...new Set(p.rows.flatMap((r) => Object.keys(r)))];
      return {
        name: t(p.key as never),
        header: header.length ? header : [t('accounts.personalData.empty')],
        rows: p.rows.map((r) =>
          header.map((h) => (typeof r[h] === 'boolean' ? String(r[h]) : (r[h] as string | number | null))),
        ),
      };
    });
    const body = await toXlsx(sheets);
    c.header('Content-Type', xlsxType);
    c.header('Content-Disposition', `attachment; filename="${fileName('xlsx')}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(body as Uint8Array<ArrayBuffer>);
  });
  return pages;
}

/** A deleted account's authenticator (staff two-step sign-in) goes with it. */
export async function anonymise(db: Db, subject: ErasedSubject): Promise<void> {
  await db.delete(twoFactor).where(eq(twoFactor.userId, subject.userId));
}
