-- How many times each article mentions each entity, on the link row: entity timelines sum it
-- per day without reading any article's mentions.
ALTER TABLE article_entities ADD COLUMN mentions integer;

-- Existing links: one pass over the articles' mentions, counted per (article, entity) and
-- joined back, rather than one scan of an article's mentions per link.
UPDATE article_entities e
   SET mentions = c.n
  FROM (SELECT a.id, m->>'entityType' AS entity_type, m->>'entityId' AS entity_id, count(*)::int AS n
          FROM articles a, jsonb_array_elements(a.mentions) m
         GROUP BY 1, 2, 3) c
 WHERE e.article_id = c.id AND e.entity_type = c.entity_type AND e.entity_id = c.entity_id;

ALTER TABLE article_entities ALTER COLUMN mentions SET NOT NULL;
