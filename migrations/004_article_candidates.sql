-- The newest articles matching a text query, for ranking by search: the one lookup where the
-- planner's guess goes most wrong. It guesses how many articles match from sampled lexeme
-- frequencies assumed independent, and counts testing a row against the query as nearly free,
-- when each test reads the article's vector out of TOAST. A guess of 0.9% for words that
-- appear together in 0.34% of a million articles made it walk 145,000 articles newest first
-- (764 ms) instead of reading the 3,400 matches from the text index (under 30 ms).
--
-- So the choice is made by measuring, not guessing: walk the newest 20 × n articles; when at
-- least n of them match (5% or more), the query is common and those are the answer, found in at
-- most 10,000 tests for n = 500 (about 50 ms). Otherwise it is rare enough that reading every
-- match from the text index and keeping the newest n is cheaper, and the planner is told so: no
-- sequential scan (which would test every article), and memory enough for an exact bitmap (a
-- lossy one tests every article of each page it covers).
CREATE FUNCTION newest_articles_matching(query tsquery, n integer) RETURNS SETOF text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET enable_seqscan = off
SET work_mem = '64MB'
AS $$
DECLARE
  recent text[];
BEGIN
  recent := ARRAY(
    SELECT r.id FROM (SELECT a.id, a.newest_first, a.search_vector FROM articles a
                       ORDER BY a.newest_first, a.id LIMIT 20 * n) r
     WHERE r.search_vector @@ query
     ORDER BY r.newest_first, r.id LIMIT n);
  IF cardinality(recent) = n THEN
    RETURN QUERY SELECT unnest(recent);
  ELSE
    -- Every match is wanted now (the walk's are among them). Sorting on an expression keeps the
    -- planner off the newest-first walk, and EXECUTE plans for this query's own lexemes: a plan
    -- made once for any query (PL/pgSQL's generic plan after five calls) cannot tell a rare
    -- word from a common one, and walked the whole table.
    RETURN QUERY EXECUTE
      'SELECT a.id FROM articles a WHERE a.search_vector @@ $1 ORDER BY a.newest_first + 0, a.id LIMIT $2'
      USING query, n;
  END IF;
END $$;
