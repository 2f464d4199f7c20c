import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { audit } from '#kernel/audit/audit.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { type ApiTokenScope, apiToken } from './api-tokens.sql.ts';
import { user } from './auth.sql.ts';
import { type Actor, isRole } from './roles.ts';

export { type ApiTokenScope, apiTokenScopes } from './api-tokens.sql.ts';

/** "kn_" and 32 random bytes: guessing one is hopeless, so a plain SHA-256 is enough at rest. */
const tokenPattern = /^kn_[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where bearer tokens are accepted: the JSON API only, never the pages. */
export const takesBearer = (path: string) => path === '/api/v1' || path.startsWith('/api/v1/');

/** The token an `Authorization: Bearer …` header carries, or null when there is no such header. */
export function bearerOf(c: Context<AppEnv>): string | null {
  const header = c.req.header('authorization');
  if (!header || !/^bearer\s/i.test(header)) return null;
  return header.slice(7).trim();
}

export interface ApiTokenView {
  id: string;
  name: string;
  scope: ApiTokenScope;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * A new token for the signed-in person; the token itself is returned once and never stored.
 * @example const { token } = await createApiToken(db, { actor, name: 'Nhập dự án', scope: 'write' })
 */
export async function createApiToken(
  db: Db,
  { actor, name, scope, ip = null }: { actor: Actor; name: string; scope: ApiTokenScope; ip?: string | null },
): Promise<{ id: string; token: string }> {
  const token = `kn_${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiToken)
      .values({ userId: actor.id, name, scope, tokenHash: hashOf(token), prefix: token.slice(0, 7) })
      .returning({ id: apiToken.id });
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, {
      actorId: actor.id,
      action: 'api_token.create',
      entity: 'api_token',
      entityId: row.id,
      data: { name, scope },
      ip,
    });
    return { id: row.id, token };
  });
}

/** The person's own tokens, newest first (revoked ones too, marked). */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenView[]> {
  const rows = await db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      scope: apiToken.scope,
      prefix: apiToken.prefix,
      createdAt: apiToken.createdAt,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .where(eq(apiToken.userId, userId))
    .orderBy(desc(apiToken.createdAt));
  return rows.map((r) => ({ ...r, scope: r.scope as ApiTokenScope }));
}

/** Revokes one of the person's own tokens; someone else's (or none) is 404. Revoking twice is harmless. */
export async function revokeApiToken(
  db: Db,
  { actor, id, ip = null }: { actor: Actor; id: string; ip?: string | null },
): Promise<void> {
  if (!isUuid(id)) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiToken)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiToken.id, id), eq(apiToken.userId, actor.id), isNull(apiToken.revokedAt)))
      .returning({ id: apiToken.id });
    if (!row) {
      const [own] = await tx
        .select({ id: apiToken.id })
        .from(apiToken)
        .where(and(eq(apiToken.id, id), eq(apiToken.userId, actor.id)));
      if (!own) throw new AppError('not_found');
      return;
    }
    await audit(tx, { actorId: actor.id, action: 'api_token.revoke', entity: 'api_token', entityId: id, ip });
  });
}

/**
 * The person a bearer token acts for, with their role as it is now, and the token's scope;
 * null for an unknown, revoked or malformed token, or an account that was banned.
 */
export async function actorOfToken(
  db: Db,
  token: string,
): Promise<{ actor: Actor; scope: ApiTokenScope; tokenId: string } | null> {
  if (!tokenPattern.test(token)) return null;
  const [row] = await db
    .select({
      tokenId: apiToken.id,
      scope: apiToken.scope,
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      banned: user.banned,
    })
    .from(apiToken)
    .innerJoin(user, eq(user.id, apiToken.userId))
    .where(and(eq(apiToken.tokenHash, hashOf(token)), isNull(apiToken.revokedAt)));
  if (!row || row.banned) return null;
  return {
    actor: { id: row.id, name: row.name, email: row.email, role: isRole(row.role) ? row.role : 'founder' },
    scope: row.scope as ApiTokenScope,
    tokenId: row.tokenId,
  };
}

/**
 * Every call made with a token: its last use, and a line in the audit log (method and path only,
 * never the query string's values).
 */
export async function recordTokenUse(
  db: Db,
  {
    tokenId,
    actorId,
    method,
    path,
    ip,
  }: { tokenId: string; actorId: string; method: string; path: string; ip: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(apiToken).set({ lastUsedAt: new Date() }).where(eq(apiToken.id, tokenId));
    await audit(tx, {
      actorId,
      action: 'api_token.use',
      entity: 'api_token',
      entityId: tokenId,
      data: { method, path: path.slice(0, 500) },
      ip,
    });
  });
}
