-- Facts over time: every observation of a tariff's rate and every status step of an agreement,
-- one row each, read per batch of tariffs or agreements; and what ingestion could not resolve in
-- each article. The rows repeat what the entity's record holds so histories are read (and can
-- be queried) without unpacking records; the importer rewrites an entity's rows when its record changes.

CREATE TABLE tariff_changes (
  tariff_id             text COLLATE "C" NOT NULL REFERENCES tariffs (id) ON DELETE CASCADE,
  -- Position in the record's history (a tariff without one has a single row made from its rate
  -- fields): the order of steps that nothing else tells apart.
  ord                   integer NOT NULL,
  status                text NOT NULL,
  rate_percent          float8,
  previous_rate_percent float8,
  -- ISO 8601, possibly partial, as written; null when the statement gives no date.
  effective             text,
  article_id            text COLLATE "C" NOT NULL,
  quote                 text NOT NULL,
  start_offset          integer NOT NULL,
  end_offset            integer NOT NULL,
  PRIMARY KEY (tariff_id, ord)
);
CREATE INDEX tariff_changes_by_article ON tariff_changes (article_id);

CREATE TABLE agreement_status_changes (
  agreement_id text COLLATE "C" NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  ord          integer NOT NULL,
  status       text NOT NULL,
  effective    text,
  article_id   text COLLATE "C" NOT NULL,
  quote        text NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  PRIMARY KEY (agreement_id, ord)
);
CREATE INDEX agreement_status_changes_by_article ON agreement_status_changes (article_id);

-- The article's unresolved references as in the corpus; null when it records none.
ALTER TABLE articles ADD COLUMN unresolved jsonb;

-- Entities imported before this migration get their rows now, from their records, exactly as
-- the importer writes them (an unchanged record is not rewritten by a later import). Articles
-- imported before it recorded no unresolved references: the format had none.
INSERT INTO tariff_changes
SELECT t.id, (h.n - 1)::integer, h.e->>'status', (h.e->>'ratePercent')::float8, (h.e->>'previousRatePercent')::float8, h.e->>'effective',
       h.e->'evidence'->>'articleId', h.e->'evidence'->>'quote', (h.e->'evidence'->>'start')::integer, (h.e->'evidence'->>'end')::integer
  FROM tariffs t CROSS JOIN LATERAL jsonb_array_elements(t.record->'history') WITH ORDINALITY AS h(e, n)
 WHERE jsonb_typeof(t.record->'history') = 'array';
INSERT INTO tariff_changes
SELECT t.id, 0, 'IN_EFFECT', (t.record->>'ratePercent')::float8, (t.record->>'previousRatePercent')::float8, NULL,
       t.record->'evidence'->0->>'articleId', t.record->'evidence'->0->>'quote',
       (t.record->'evidence'->0->>'start')::integer, (t.record->'evidence'->0->>'end')::integer
  FROM tariffs t
 WHERE coalesce(jsonb_array_length(CASE WHEN jsonb_typeof(t.record->'history') = 'array' THEN t.record->'history' END), 0) = 0
   AND t.record->>'ratePercent' IS NOT NULL;
INSERT INTO agreement_status_changes
SELECT a.id, (h.n - 1)::integer, h.e->>'status', h.e->>'effective',
       h.e->'evidence'->>'articleId', h.e->'evidence'->>'quote', (h.e->'evidence'->>'start')::integer, (h.e->'evidence'->>'end')::integer
  FROM agreements a CROSS JOIN LATERAL jsonb_array_elements(a.record->'history') WITH ORDINALITY AS h(e, n)
 WHERE jsonb_typeof(a.record->'history') = 'array';
