-- search: one full-text index across every kind of record (ideas, cases,
-- documents, …), written in the same transaction as the record it describes.
-- Ranking statistics live in search_terms and search_columns (BM25 per
-- column; see src/search/term_vector.h), so that SQLite and PostgreSQL rank
-- alike. On SQLite the matching itself is the FTS5 table search_fts, created
-- by the search module on first use (it needs the module's tokenizer, which
-- migrations must not depend on).
CREATE TABLE search_documents (
  id @ID@,
  kind TEXT NOT NULL,                 -- idea, challenge, dialogue, pilot, case, document, …
  item_id BIGINT NOT NULL,            -- the record's id in its module
  organisation_id BIGINT,             -- NULL: the platform's shared library
  audience INTEGER NOT NULL,          -- 0 public, 1 organisation, 2 coordinators, 3 nobody
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  url TEXT NOT NULL,
  published_at BIGINT NOT NULL,
  year INTEGER NOT NULL,              -- of published_at, UTC
  terms TEXT NOT NULL,                -- analysed terms per column with frequencies
  tsv TEXT NOT NULL DEFAULT ''        -- unused on SQLite (search_fts); one UPDATE serves both engines
);
CREATE UNIQUE INDEX search_documents_key ON search_documents(kind, item_id);
CREATE INDEX search_documents_org ON search_documents(organisation_id);

-- Facet values a document is filed under ("area" → "skola", "sdg" → "4").
CREATE TABLE search_facets (
  document_id BIGINT NOT NULL REFERENCES search_documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (document_id, name, value)
);
CREATE INDEX search_facets_value ON search_facets(name, value);

-- Document frequency of each term per column (column 99: the words of public
-- documents, for "did you mean").
CREATE TABLE search_terms (
  column_id INTEGER NOT NULL,
  term TEXT NOT NULL,
  df BIGINT NOT NULL,
  PRIMARY KEY (column_id, term)
);

-- Documents and total length per column (BM25's N and average length).
CREATE TABLE search_columns (
  column_id INTEGER PRIMARY KEY,
  documents BIGINT NOT NULL,
  total_length BIGINT NOT NULL
);
