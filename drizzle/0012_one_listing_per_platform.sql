-- Hand-written (issue 10), before the unique index: a product had one row per listing of a
-- platform, so listing it again counted twice. Keep the newest listing of each (product,
-- platform); the ledger keeps one entry for it (its own, or else the newest older entry moved to
-- it), the older listings and their entries go. The three statements share the same ranking.
UPDATE "support" s SET "source_id" = m.keep_id::text
FROM (
  SELECT DISTINCT ON (r.keep_id) r.keep_id, x.id AS support_id
  FROM (
    SELECT id, row_number() OVER w AS n, first_value(id) OVER w AS keep_id
    FROM "product_listing"
    WINDOW w AS (PARTITION BY product_id, platform ORDER BY listed_on DESC, updated_at DESC, created_at DESC, id DESC)
  ) r
  JOIN "support" x ON x.source_kind = 'listing' AND x.source_id = r.id::text
  WHERE r.n > 1
    AND NOT EXISTS (SELECT 1 FROM "support" k WHERE k.source_kind = 'listing' AND k.source_id = r.keep_id::text)
  ORDER BY r.keep_id, r.n
) m
WHERE s.id = m.support_id;--> statement-breakpoint
DELETE FROM "support" WHERE "source_kind" = 'listing' AND "source_id" IN (
  SELECT id::text FROM (
    SELECT id, row_number() OVER (PARTITION BY product_id, platform ORDER BY listed_on DESC, updated_at DESC, created_at DESC, id DESC) AS n
    FROM "product_listing"
  ) r WHERE r.n > 1
);--> statement-breakpoint
DELETE FROM "product_listing" WHERE "id" IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY product_id, platform ORDER BY listed_on DESC, updated_at DESC, created_at DESC, id DESC) AS n
    FROM "product_listing"
  ) r WHERE r.n > 1
);--> statement-breakpoint
DROP INDEX "product_listing_product_id_index";--> statement-breakpoint
CREATE UNIQUE INDEX "product_listing_platform_unique" ON "product_listing" USING btree ("product_id","platform");