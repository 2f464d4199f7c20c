import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { translator } from '#kernel/i18n/index.ts';
import { enterImportedExpert, expertIdByName, removeImportedExperts, type Specialty } from '#modules/experts/index.ts';
import type { ExpertRecord } from './rows.ts';

const vi = translator('vi');

/**
 * One expert row: the expert of the same name (or the expert account of the same e-mail), else a
 * new expert account without a password and a private profile.
 */
export async function importExpert(tx: Db, actor: Actor, r: ExpertRecord): Promise<{ id: string; created: boolean }> {
  const found = await expertIdByName(tx, r.name, r.email);
  if (found) return { id: found, created: false };
  const headline = r.headline.length >= 10 ? r.headline : vi('imports.expert.headline', { name: r.name }).slice(0, 300);
  const made = await enterImportedExpert(
    tx,
    actor,
    {
      name: r.name,
      headline,
      organisation: r.organisation,
      bio: '',
      specialties: r.specialties as Specialty[],
      fields: [],
      communes: r.commune ? [r.commune] : [],
      anywhere: !r.commune,
      // The Department's own records: private until an officer (or the expert) publishes them.
      isPublic: false,
    },
    { email: r.email, phone: r.phone },
  );
  return { id: made.id, created: true };
}

export async function undoExperts(tx: Db, actor: Actor, ids: string[]): Promise<number> {
  return removeImportedExperts(tx, actor, ids);
}
