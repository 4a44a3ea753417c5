-- How many times each article mentions each entity, on the link row: entity timelines sum it
-- per day without reading any article's mentions.
ALTER TABLE article_entities ADD COLUMN mentions integer;

UPDATE article_entities e
   SET mentions = (SELECT count(*) FROM articles a, jsonb_array_elements(a.mentions) m
                    WHERE a.id = e.article_id AND m->>'entityType' = e.entity_type AND m->>'entityId' = e.entity_id);

ALTER TABLE article_entities ALTER COLUMN mentions SET NOT NULL;
