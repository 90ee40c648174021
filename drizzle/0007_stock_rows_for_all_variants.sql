-- Every variant has a stock row from its creation (decision 0016: inventory opens one at 0 on
-- catalog.variants.created). Variants created before that get theirs here, at 0 in the default
-- warehouse, so the stock screen lists them and they can be stocked. Zero needs no ledger entry.
INSERT INTO "inventory_stock" ("variant_id", "warehouse_id", "on_hand", "reserved", "updated_at")
SELECT v."id", w."id", 0, 0, now()
FROM "catalog_variants" v
JOIN "inventory_warehouses" w ON w."is_default"
WHERE NOT EXISTS (SELECT 1 FROM "inventory_stock" s WHERE s."variant_id" = v."id")
ON CONFLICT DO NOTHING;
