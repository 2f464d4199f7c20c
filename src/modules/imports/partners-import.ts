import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { translator } from '#kernel/i18n/index.ts';
import { createPartner, type PartnerKind, partnerIdByName, removeImportedPartners } from '#modules/partners/index.ts';
import type { PartnerRecord } from './rows.ts';

const vi = translator('vi');

/** One partner row: the partner of the same name if there is one, else a new, private one. */
export async function importPartner(tx: Db, actor: Actor, r: PartnerRecord): Promise<{ id: string; created: boolean }> {
  const found = await partnerIdByName(tx, r.name);
  if (found) return { id: found, created: false };
  const summary = r.summary.length >= 10 ? r.summary : vi('imports.partner.summary', { name: r.name }).slice(0, 500);
  const made = await createPartner({
    db: tx,
    actor,
    input: {
      name: r.name,
      slug: '',
      kind: r.partnerKind as PartnerKind,
      summary,
      description: '',
      offers: [],
      fields: [],
      communes: r.commune ? [r.commune] : [],
      anywhere: false,
      address: r.address,
      website: r.website,
      contactName: r.contactName,
      contactPhone: r.phone,
      contactEmail: r.email,
      // Imported lists are the Department's own records: they stay private until an officer publishes them.
      isPublic: false,
    },
  });
  return { id: made.id, created: true };
}

export async function undoPartners(tx: Db, actor: Actor, ids: string[]): Promise<number> {
  return removeImportedPartners(tx, actor, ids);
}
