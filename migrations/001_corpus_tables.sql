-- The corpus in PostgreSQL: one table per entity, the link tables the batch lookups seek in,
-- and article counts kept current by statement triggers so totalCount never scans.
-- Ids are COLLATE "C" so ORDER BY id is the same byte order the memory store sorts by.

CREATE TABLE countries (
  code   text COLLATE "C" PRIMARY KEY,
  -- Position in the imported corpus file: lists that follow corpus order sort by (ord, id).
  ord    integer NOT NULL,
  name   text NOT NULL,
  -- The validated corpus record, returned as is.
  record jsonb NOT NULL
);

CREATE TABLE people (
  id           text COLLATE "C" PRIMARY KEY,
  ord          integer NOT NULL,
  -- foldText(name): the people list is sorted by (folded_name, id), its cursor's key.
  folded_name  text COLLATE "C" NOT NULL,
  -- foldText() of the name and every alias, for the case- and accent-blind name filter.
  folded_names text[] NOT NULL,
  record       jsonb NOT NULL
);
CREATE INDEX people_by_name ON people (folded_name, id);

-- People holding a current role in a country: Country.leaders.
CREATE TABLE country_leaders (
  country_code text COLLATE "C" NOT NULL,
  person_id    text COLLATE "C" NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  person_ord   integer NOT NULL,
  PRIMARY KEY (country_code, person_ord, person_id)
);
CREATE INDEX country_leaders_by_person ON country_leaders (person_id);

CREATE TABLE agreements (
  id     text COLLATE "C" PRIMARY KEY,
  ord    integer NOT NULL,
  kind   text NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX agreements_in_order ON agreements (ord, id);

CREATE TABLE agreement_parties (
  country_code  text COLLATE "C" NOT NULL,
  agreement_id  text COLLATE "C" NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  agreement_ord integer NOT NULL,
  PRIMARY KEY (country_code, agreement_ord, agreement_id)
);
CREATE INDEX agreement_parties_by_agreement ON agreement_parties (agreement_id);

CREATE TABLE tariffs (
  id             text COLLATE "C" PRIMARY KEY,
  ord            integer NOT NULL,
  imposed_by     text COLLATE "C" NOT NULL,
  applies_to     text COLLATE "C" NOT NULL,
  agreement_id   text COLLATE "C",
  -- foldText(product), for the case- and accent-blind product filter.
  folded_product text NOT NULL,
  record         jsonb NOT NULL
);
CREATE INDEX tariffs_in_order ON tariffs (ord, id);
CREATE INDEX tariffs_by_imposer ON tariffs (imposed_by, ord, id);
CREATE INDEX tariffs_by_target ON tariffs (applies_to, ord, id);
CREATE INDEX tariffs_by_agreement ON tariffs (agreement_id, ord, id);

CREATE TABLE articles (
  id           text COLLATE "C" PRIMARY KEY,
  -- As written in the corpus; the API serves it unchanged.
  published_at text,
  -- The instant in epoch milliseconds (Date.parse), for date filters; null when undated.
  published_ms bigint,
  -- The list order as one ascending key: minus published_ms, and the largest bigint for
  -- undated articles so they come last. Ascending (newest_first, id) is "newest first, then
  -- id", so a keyset seek is one row comparison an index can serve.
  newest_first bigint NOT NULL,
  headline     text,
  lead         text NOT NULL,
  body         text NOT NULL,
  dateline     text,
  source       text NOT NULL,
  copyright    text,
  -- The article's mentions as in the corpus (entitiesOfArticles reads them in one row).
  mentions     jsonb NOT NULL
);
CREATE UNIQUE INDEX articles_newest_first ON articles (newest_first, id);

-- One row per (entity, article that mentions it): the index behind every "articles of an
-- entity" page and every entity filter on the article list.
CREATE TABLE article_entities (
  entity_type  text NOT NULL,
  entity_id    text COLLATE "C" NOT NULL,
  article_id   text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  newest_first bigint NOT NULL,
  PRIMARY KEY (entity_type, entity_id, newest_first, article_id)
);
CREATE INDEX article_entities_by_article ON article_entities (article_id, entity_type, entity_id);

-- How many articles mention each entity, and how many articles there are: totalCount of the
-- unfiltered lists, read in one row instead of counted over millions.
CREATE TABLE entity_article_counts (
  entity_type text NOT NULL,
  entity_id   text COLLATE "C" NOT NULL,
  articles    bigint NOT NULL,
  PRIMARY KEY (entity_type, entity_id)
);

CREATE TABLE article_count (
  single   boolean PRIMARY KEY DEFAULT true CHECK (single),
  articles bigint NOT NULL
);
INSERT INTO article_count VALUES (true, 0);

-- Statement-level triggers see every row a statement added or removed at once, so an import
-- batch of thousands of links updates each count once, in the batch's own transaction.
CREATE FUNCTION count_added_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO entity_article_counts AS c (entity_type, entity_id, articles)
  SELECT entity_type, entity_id, count(*) FROM added GROUP BY entity_type, entity_id
  ON CONFLICT (entity_type, entity_id) DO UPDATE SET articles = c.articles + excluded.articles;
  RETURN NULL;
END $$;

CREATE FUNCTION count_removed_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE entity_article_counts c SET articles = c.articles - r.n
  FROM (SELECT entity_type, entity_id, count(*) AS n FROM removed GROUP BY entity_type, entity_id) r
  WHERE c.entity_type = r.entity_type AND c.entity_id = r.entity_id;
  DELETE FROM entity_article_counts WHERE articles = 0;
  RETURN NULL;
END $$;

CREATE FUNCTION count_added_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article_count SET articles = articles + (SELECT count(*) FROM added);
  RETURN NULL;
END $$;

CREATE FUNCTION count_removed_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article_count SET articles = articles - (SELECT count(*) FROM removed);
  RETURN NULL;
END $$;

CREATE TRIGGER article_entities_added AFTER INSERT ON article_entities
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_added_links();
CREATE TRIGGER article_entities_removed AFTER DELETE ON article_entities
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION count_removed_links();
CREATE TRIGGER articles_added AFTER INSERT ON articles
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_added_articles();
CREATE TRIGGER articles_removed AFTER DELETE ON articles
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION count_removed_articles();

-- One row per completed `npm run db:import`: the store's version names the latest.
CREATE TABLE imports (
  id          bigserial PRIMARY KEY,
  corpus      text NOT NULL,
  articles    bigint NOT NULL,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now()
);
