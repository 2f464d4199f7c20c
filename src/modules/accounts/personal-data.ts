import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { requireActor, signedIn } from '#kernel/auth/access.ts';
import type { Db } from '#kernel/db/client.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { toXlsx, xlsxType } from '#kernel/http/xlsx.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { type PersonalDataPart, type PersonalDataSource, personalPart } from '#kernel/personal-data.ts';

/** What the accounts module holds about an account: the account, its sessions, what it did (the audit log). */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    await personalPart(
      db,
      'accounts.personalData.account',
      sql`SELECT id AS "id", name AS "name", email AS "email", phone AS "phone", role AS "role",
                 email_verified AS "emailVerified", banned AS "disabled", created_at AS "createdAt",
                 updated_at AS "updatedAt"
          FROM "user" WHERE id = ${userId}`,
    ),
    await personalPart(
      db,
      'accounts.personalData.sessions',
      sql`SELECT created_at AS "createdAt", updated_at AS "lastSeenAt", expires_at AS "expiresAt",
                 ip_address AS "ip", user_agent AS "userAgent"
          FROM session WHERE user_id = ${userId} ORDER BY created_at DESC`,
    ),
    await personalPart(
      db,
      'accounts.personalData.activity',
      sql`SELECT at AS "at", action AS "action", entity AS "entity", entity_id AS "entityId", data AS "details",
                 ip AS "ip"
          FROM audit_log WHERE actor_id = ${userId} ORDER BY id DESC LIMIT 10000`,
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
