-- Organizations, the sixth entity kind: one row per organization, its record as in the corpus,
-- listed by folded name as people are (Query.organizations), narrowed by the record's kind.
CREATE TABLE organizations (
  id           text COLLATE "C" PRIMARY KEY,
  ord          integer NOT NULL,
  -- foldText(name): the list is sorted by (folded_name, id), its cursor's key.
  folded_name  text COLLATE "C" NOT NULL,
  -- foldText() of the name and every alias, for the case- and accent-blind name filter.
  folded_names text[] NOT NULL,
  record       jsonb NOT NULL
);
CREATE INDEX organizations_by_name ON organizations (folded_name, id);
