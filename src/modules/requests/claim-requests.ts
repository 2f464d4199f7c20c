import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import type { Db } from '#kernel/db/client.ts';
import { supportRequest } from './requests.sql.ts';

/** Walk-in requests whose e-mail or phone is this person's become theirs (on sign-up or later). */
export async function claimRequests(db: Db, actor: { id: string }): Promise<number> {
  const [me] = await db.select({ email: user.email, phone: user.phone }).from(user).where(eq(user.id, actor.id));
  if (!me) return 0;
  const same: SQL[] = [eq(sql`lower(${supportRequest.contactEmail})`, me.email.toLowerCase())];
  if (me.phone) same.push(eq(supportRequest.contactPhone, me.phone));
  const claimed = await db
    .update(supportRequest)
    .set({ requesterId: actor.id })
    .where(and(isNull(supportRequest.requesterId), or(...same)))
    .returning({ id: supportRequest.id });
  return claimed.length;
}
