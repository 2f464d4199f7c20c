import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';

/**
 * Whether a partner user is in a sales connection on this product (by id or slug) whose team
 * shares its documents; gives the product's id when so.
 */
export async function partnerMaySeeDocuments(_db: Db, _actor: Actor, _productId?: string, _slug?: string): Promise<string | null> {
  return null;
}
