import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fold } from '#kernel/search/fold.ts';
const db = await PGlite.create({ extensions: { unaccent } });
await db.exec('create extension unaccent');
const r = await db.query<{ u: string }>("select lower(unaccent('Miến dong – lô “A” … ½ œ')) as u");
console.log('sql :', r.rows[0]?.u);
console.log('fold:', fold('Miến dong – lô “A” … ½ œ'));
