"""The SQLite schema of the record store, as an ordered list of migrations (see docs/schema.md)."""

from __future__ import annotations

# Wire copies of a statement: the same (speaker, content) in documents of one wire-copy cluster
# (`coalesce(cluster_id, id)`). `statements.copies` counts them and `statements.reprint` is 1 for every
# printing but the first (by published, document order, seq), so listing each statement once is an
# indexed filter instead of a window function at query time. Triggers note the clusters a write
# touches in `copies_dirty` (cheap, once per row); `Store.transaction` runs `RECOUNT_COPIES` over
# those clusters before it commits, so a whole clustering pass costs one recount, not one per row.
# Migration 6 adds `statements.published` (its document's date, kept by the same recount) so a page
# of statements is read from one covering index: newest first, then ingest order (`rowid`).
_COPIES_WINDOW = """
    SELECT s.rowid AS rid,
        row_number() OVER (PARTITION BY coalesce(d.cluster_id, d.id), s.speaker, s.content
                           ORDER BY d.published, d.rowid, s.seq) AS nth,
        count(*) OVER (PARTITION BY coalesce(d.cluster_id, d.id), s.speaker, s.content) AS copies
    FROM documents d JOIN statements s ON s.doc_id = d.id"""
_COPIES_SET = """
UPDATE statements SET copies = w.copies, reprint = w.nth > 1
FROM ({window}) AS w
WHERE statements.rowid = w.rid AND (statements.copies != w.copies OR statements.reprint != (w.nth > 1))"""
_MARK = (
    "INSERT OR IGNORE INTO copies_dirty (cluster)"
    " SELECT coalesce(cluster_id, id) FROM documents WHERE id = {}"
)
_COPIES = f"""
ALTER TABLE statements ADD COLUMN copies INTEGER NOT NULL DEFAULT 1;  -- printings in its wire-copy cluster
ALTER TABLE statements ADD COLUMN reprint INTEGER NOT NULL DEFAULT 0; -- 1 unless it is the first printing
{_COPIES_SET.format(window=_COPIES_WINDOW)};
CREATE TABLE copies_dirty (cluster TEXT PRIMARY KEY) WITHOUT ROWID;  -- clusters to recount at commit
CREATE TRIGGER statements_copies_insert AFTER INSERT ON statements BEGIN
{_MARK.format("NEW.doc_id")};
END;
CREATE TRIGGER statements_copies_delete AFTER DELETE ON statements BEGIN
{_MARK.format("OLD.doc_id")};
END;
CREATE TRIGGER statements_copies_update AFTER UPDATE OF speaker, content, doc_id, seq ON statements BEGIN
{_MARK.format("OLD.doc_id")};
{_MARK.format("NEW.doc_id")};
END;
CREATE TRIGGER documents_copies_update AFTER UPDATE OF cluster_id, published, id ON documents
WHEN OLD.cluster_id IS NOT NEW.cluster_id OR OLD.published IS NOT NEW.published OR OLD.id IS NOT NEW.id
BEGIN
INSERT OR IGNORE INTO copies_dirty (cluster) VALUES (coalesce(OLD.cluster_id, OLD.id));
INSERT OR IGNORE INTO copies_dirty (cluster) VALUES (coalesce(NEW.cluster_id, NEW.id));
END;
CREATE TRIGGER documents_copies_delete AFTER DELETE ON documents BEGIN
INSERT OR IGNORE INTO copies_dirty (cluster) VALUES (coalesce(OLD.cluster_id, OLD.id));
END;
DROP INDEX statements_speaker_lower;
CREATE INDEX statements_speaker_first ON statements(lower(speaker), reprint);
"""

_RECOUNT_WINDOW = """
    SELECT s.rowid AS rid, d.published,
        row_number() OVER (PARTITION BY coalesce(d.cluster_id, d.id), s.speaker, s.content
                           ORDER BY d.published, d.rowid, s.seq) AS nth,
        count(*) OVER (PARTITION BY coalesce(d.cluster_id, d.id), s.speaker, s.content) AS copies
    FROM documents d JOIN statements s ON s.doc_id = d.id"""
_RECOUNT_SET = """
UPDATE statements SET copies = w.copies, reprint = w.nth > 1, published = w.published
FROM ({window}) AS w
WHERE statements.rowid = w.rid AND (statements.copies != w.copies OR statements.reprint != (w.nth > 1)
    OR statements.published IS NOT w.published)"""
RECOUNT_COPIES = [
    _RECOUNT_SET.format(
        window=_RECOUNT_WINDOW
        + " WHERE d.id IN (SELECT m.id FROM copies_dirty k CROSS JOIN documents m ON m.cluster_id = k.cluster"
        " UNION SELECT m.id FROM copies_dirty k CROSS JOIN documents m ON m.id = k.cluster"
        " WHERE +m.cluster_id IS NULL)"
    ),
    "DELETE FROM copies_dirty",
]
_PUBLISHED = f"""
ALTER TABLE statements ADD COLUMN published TEXT;  -- documents.published of its document (for paging)
{_RECOUNT_SET.format(window=_RECOUNT_WINDOW)};
DROP INDEX statements_speaker_first;
CREATE INDEX statements_by_speaker ON statements(lower(speaker), reprint, published DESC);
CREATE INDEX statements_recent ON statements(reprint, published DESC);
"""

# Estimate series materialized at refresh (see aggregate/estimates_store.py): one row per series in its
# API shape, ordered as `estimate_series` orders them (figures DESC, subject key, outcome list) by an
# index, so a query reads only the series it answers. `estimate_subjects` maps each raw subject to its
# grouping key (computed in Python); triggers note in `estimates_dirty` the raw subjects whose series a
# write may change (a figure added, removed or edited; a document's cluster, date or outlet changed).
# While it is not empty, readers compute the series from the quantities (exact but slow), and
# `aggregate.refresh` recomputes only the series of those subjects' keys.
_DIRTY = (
    "INSERT OR IGNORE INTO estimates_dirty (subject)"
    " SELECT {0}.subject WHERE {0}.subject IS NOT NULL AND {0}.subject != ''"
)
_ESTIMATES = f"""
CREATE TABLE estimate_series (
    skey TEXT NOT NULL,               -- aggregate.estimates.subject_key of the series' subject
    outcome TEXT NOT NULL,            -- outcome set as quantities.outcome ('killed+wounded')
    outcome_order TEXT NOT NULL,      -- outcome list joined with char(1): sorts as the list does
    figures INTEGER NOT NULL,         -- estimates in the series
    json TEXT NOT NULL,               -- the series in its API shape {{subject, outcome, estimates}}
    PRIMARY KEY (skey, outcome)
);
CREATE INDEX estimate_series_order ON estimate_series(figures DESC, skey, outcome_order, outcome);
CREATE TABLE estimate_subjects (
    subject TEXT PRIMARY KEY,         -- quantities.subject as written
    skey TEXT NOT NULL                -- its grouping key
) WITHOUT ROWID;
CREATE INDEX estimate_subjects_key ON estimate_subjects(skey);
CREATE TABLE estimates_dirty (subject TEXT PRIMARY KEY) WITHOUT ROWID;  -- subjects to recompute
INSERT OR IGNORE INTO estimates_dirty (subject)
    SELECT DISTINCT subject FROM quantities WHERE subject IS NOT NULL AND subject != '';
CREATE TRIGGER quantities_estimates_insert AFTER INSERT ON quantities BEGIN
{_DIRTY.format("NEW")};
END;
CREATE TRIGGER quantities_estimates_delete AFTER DELETE ON quantities BEGIN
{_DIRTY.format("OLD")};
END;
CREATE TRIGGER quantities_estimates_update AFTER UPDATE ON quantities BEGIN
{_DIRTY.format("OLD")};
{_DIRTY.format("NEW")};
END;
CREATE TRIGGER documents_estimates_update AFTER UPDATE OF cluster_id, published, source, id ON documents
WHEN coalesce(OLD.cluster_id, OLD.id) IS NOT coalesce(NEW.cluster_id, NEW.id)
    OR OLD.published IS NOT NEW.published OR OLD.source IS NOT NEW.source OR OLD.id IS NOT NEW.id
BEGIN
INSERT OR IGNORE INTO estimates_dirty (subject) SELECT subject FROM quantities
    WHERE doc_id IN (OLD.id, NEW.id) AND subject IS NOT NULL AND subject != '';
END;
"""

# Identities (see aggregate/identity/): one row per person, organisation, place or group across
# articles. `identity_keys` files each identity under the blocking keys its mentions produce, so that
# resolving new documents reads only the identities their keys hit; `identity_aliases` counts every
# spelling merged into it; `identity_overrides` records users' merges and splits, replayed after a
# rebuild. Every entity, mention and place row links to its identity (`global_id`); statements,
# figures and events link their speaker, claimant, actor and target where the name resolves.
_IDENTITIES = """
CREATE TABLE identities (
    id TEXT PRIMARY KEY,              -- 'person:volodymyr-zelensky', 'place:kyiv', 'org:...', 'group:...'
    kind TEXT NOT NULL,               -- person | surname (no full name claims it) | place | org | group
    name TEXT NOT NULL,               -- display name: most used full name, gazetteer name, canonical org name
    type TEXT NOT NULL,               -- NER type by vote of its mentions (PERSON for people)
    gazetteer_id TEXT, country TEXT, lat REAL, lon REAL,  -- places; a group's country
    given TEXT, middle TEXT, surname TEXT, suffix TEXT, gender TEXT,  -- people: folded name parts
    first_seen TEXT, last_seen TEXT,  -- publication dates of its first and last documents
    mentions INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0,
    types TEXT, titles TEXT, roles TEXT, names TEXT, companions TEXT  -- JSON {value: count}
);
CREATE INDEX identities_documents ON identities(documents DESC, id);
CREATE INDEX identities_type ON identities(type, documents DESC);
CREATE TABLE identity_aliases (
    identity_id TEXT NOT NULL,
    alias TEXT NOT NULL,              -- a surface form as written ("Zełenski", "Kiev", "E.U.")
    count INTEGER NOT NULL,           -- mentions written so
    PRIMARY KEY (identity_id, alias)
) WITHOUT ROWID;
CREATE INDEX identity_aliases_alias ON identity_aliases(alias COLLATE NOCASE);
CREATE TABLE identity_keys (
    key TEXT NOT NULL,                -- 'pn:volodymyr zelensky', 'sn:zelensky', 'pl:kyiv|UA', 'og:nato', ...
    identity_id TEXT NOT NULL,
    PRIMARY KEY (key, identity_id)
) WITHOUT ROWID;
CREATE INDEX identity_keys_identity ON identity_keys(identity_id);
CREATE TABLE identity_overrides (
    seq INTEGER PRIMARY KEY,
    action TEXT NOT NULL,             -- merge | split
    identity TEXT NOT NULL,           -- merge: the identity kept; split: the identity split
    other TEXT,                       -- merge: the identity absorbed; split: the identity made
    alias TEXT,                       -- split: the alias moved
    created_at TEXT NOT NULL
);
ALTER TABLE mentions ADD COLUMN global_id TEXT;
CREATE INDEX mentions_global ON mentions(global_id);
ALTER TABLE statements ADD COLUMN speaker_identity TEXT;
CREATE INDEX statements_by_identity ON statements(speaker_identity, reprint, published DESC);
ALTER TABLE quantities ADD COLUMN claimant_identity TEXT;
CREATE INDEX quantities_claimant_identity ON quantities(claimant_identity);
ALTER TABLE events ADD COLUMN actor_identity TEXT;
ALTER TABLE events ADD COLUMN target_identity TEXT;
CREATE INDEX events_actor_identity ON events(actor_identity);
CREATE INDEX events_target_identity ON events(target_identity);
UPDATE entities SET global_id = NULL;
UPDATE places SET global_id = NULL;
DROP TABLE global_entities;
"""

# Migration 9: claims keyed by referent and month (see aggregate/estimates_store.py), word-for-word copies.
# Every figure and event of a document gets its key and month in `claim_keys` at refresh (computed in
# Python: a key reads the figure's referent and places); `claims_pending` lists documents not keyed
# yet and `claims_dirty` the (key, month) pairs a write may have changed (a document's cluster, date or
# outlet changed, a copy recorded, claims deleted). `series_parts` keeps each month of a series (its
# estimates as JSON), `estimate_series` (kept from migration 7, now one row per referent key) the
# series joined from them, `disagreements` each disagreement under the month of its first claim. The
# subject-keyed tables and triggers of migration 7 go. `copies` keeps every other printing of a stored
# text (another outlet, id, url or date): the document row stays the first printing.
_DOC_KEYS = (
    "INSERT OR IGNORE INTO claims_dirty (key, bucket) SELECT key, bucket FROM claim_keys WHERE doc_id = {}"
)
_CLAIMS = f"""
DROP TRIGGER quantities_estimates_insert;
DROP TRIGGER quantities_estimates_delete;
DROP TRIGGER quantities_estimates_update;
DROP TRIGGER documents_estimates_update;
DROP TABLE estimates_dirty;
DROP TABLE estimate_subjects;
DELETE FROM estimate_series;
CREATE TABLE claim_keys (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,               -- 'q': a figure (quantities.seq), 'e': an event (events.seq)
    seq INTEGER NOT NULL,
    key TEXT NOT NULL,                -- aggregate.claims.quantity_key / event_key
    bucket TEXT NOT NULL,             -- the month the claim is about, 'YYYY-MM' ('' undated)
    PRIMARY KEY (doc_id, kind, seq)
) WITHOUT ROWID;
CREATE INDEX claim_keys_key ON claim_keys(key, bucket);
CREATE TABLE claims_pending (doc_id TEXT PRIMARY KEY) WITHOUT ROWID;  -- documents to key
CREATE TABLE claims_dirty (key TEXT NOT NULL, bucket TEXT NOT NULL, PRIMARY KEY (key, bucket)) WITHOUT ROWID;
INSERT INTO claims_pending (doc_id) SELECT id FROM documents;
CREATE TABLE series_parts (
    key TEXT NOT NULL,
    bucket TEXT NOT NULL,
    figures INTEGER NOT NULL,
    meta TEXT NOT NULL,               -- subjects seen, outcomes, the referent's side and place names
    entries TEXT NOT NULL,            -- the month's estimates, JSON objects joined with ','
    PRIMARY KEY (key, bucket)
) WITHOUT ROWID;
CREATE TABLE disagreements (
    key TEXT NOT NULL,                -- the claims' key
    bucket TEXT NOT NULL,             -- the month of its first claim
    n INTEGER NOT NULL,               -- its number in that month
    kind TEXT NOT NULL,               -- 'quantity' or 'event'
    newest TEXT,                      -- the last day its claims are about
    claims INTEGER NOT NULL,
    json TEXT NOT NULL,               -- the disagreement in its API shape
    PRIMARY KEY (key, bucket, n)
);
CREATE INDEX disagreements_newest ON disagreements(newest DESC, key, bucket, n);
CREATE TABLE copies (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,  -- the stored first printing
    external_id TEXT,                 -- the copy's own id, outlet, url, date and title
    source TEXT,
    url TEXT,
    published TEXT,
    title TEXT,
    path TEXT,
    ingested_at TEXT NOT NULL
);
CREATE UNIQUE INDEX copies_identity ON copies(doc_id, coalesce(external_id, ''), coalesce(source, ''),
    coalesce(url, ''), coalesce(published, ''));
CREATE TRIGGER documents_claims_insert AFTER INSERT ON documents BEGIN
INSERT OR IGNORE INTO claims_pending (doc_id) VALUES (NEW.id);
END;
CREATE TRIGGER documents_claims_update AFTER UPDATE OF cluster_id, published, source ON documents
WHEN coalesce(OLD.cluster_id, OLD.id) IS NOT coalesce(NEW.cluster_id, NEW.id)
    OR OLD.published IS NOT NEW.published OR OLD.source IS NOT NEW.source
BEGIN
{_DOC_KEYS.format("NEW.id")};
INSERT OR IGNORE INTO claims_pending (doc_id) SELECT NEW.id WHERE OLD.published IS NOT NEW.published;
END;
CREATE TRIGGER claim_keys_delete AFTER DELETE ON claim_keys BEGIN
INSERT OR IGNORE INTO claims_dirty (key, bucket) VALUES (OLD.key, OLD.bucket);
END;
CREATE TRIGGER quantities_claims_update AFTER UPDATE ON quantities BEGIN
INSERT OR IGNORE INTO claims_pending (doc_id) VALUES (NEW.doc_id);
END;
CREATE TRIGGER events_claims_update AFTER UPDATE ON events BEGIN
INSERT OR IGNORE INTO claims_pending (doc_id) VALUES (NEW.doc_id);
END;
CREATE TRIGGER copies_claims_insert AFTER INSERT ON copies BEGIN
{_DOC_KEYS.format("NEW.doc_id")};
END;
CREATE TRIGGER copies_claims_delete AFTER DELETE ON copies BEGIN
{_DOC_KEYS.format("OLD.doc_id")};
END;
"""

# Each migration is (version, name, SQL script). Applied versions are recorded in `migrations`;
# a migration is applied once, in order, inside one transaction. Never edit an applied migration:
# append a new one.
MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "documents and extracted items",
        """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,              -- sitrep document id: hash of the normalized text
    external_id TEXT,                 -- the id the input gave (JSONL/CSV id field), if any
    title TEXT,
    source TEXT,                      -- outlet
    url TEXT,
    published TEXT,                   -- YYYY-MM-DD
    dateline TEXT,
    dateline_start INTEGER,
    dateline_end INTEGER,
    body_start INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    path TEXT,                        -- file (and record) the text came from
    ingested_at TEXT NOT NULL,
    cluster_id TEXT,                  -- near-duplicate (wire copy) cluster: id of its first document
    json TEXT NOT NULL                -- model.Document as JSON
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_cluster ON documents(cluster_id);
CREATE INDEX documents_source ON documents(source);

CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,             -- position in the report's list
    id TEXT NOT NULL,                 -- entity id inside the document
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    start INTEGER, "end" INTEGER,     -- span of the first mention
    global_id TEXT,                   -- cross-article identity (global_entities.id)
    json TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_global ON entities(global_id);

CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id, entity_id);

CREATE TABLE statements (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    kind TEXT NOT NULL,
    cue TEXT, cue_start INTEGER, cue_end INTEGER,
    content TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    time_value TEXT,
    venue TEXT,
    confidence REAL,
    json TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX statements_speaker ON statements(speaker);

CREATE TABLE quantities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    low REAL, high REAL,
    qualifier TEXT,
    unit TEXT,
    currency TEXT,
    subject TEXT,
    outcome TEXT,                     -- outcomes sorted and joined with '+'
    hedged INTEGER,
    vague INTEGER,
    claimant TEXT,
    claimant_statement TEXT,
    place TEXT,
    time TEXT,
    derived_from TEXT,
    json TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX quantities_subject ON quantities(subject);

CREATE TABLE events (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    actor TEXT, target TEXT, place TEXT, time TEXT,
    status TEXT NOT NULL,
    source TEXT,
    statement TEXT,
    trigger TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    negated INTEGER,
    json TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX events_type ON events(type);

CREATE TABLE positions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    id TEXT,
    holder TEXT NOT NULL, topic TEXT NOT NULL, stance TEXT NOT NULL,
    statement TEXT,
    start INTEGER, "end" INTEGER,
    json TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE times (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    type TEXT NOT NULL, value TEXT, mod TEXT,
    json TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE places (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    name TEXT NOT NULL, country TEXT, lat REAL, lon REAL, feature TEXT,
    gazetteer_id TEXT, confidence REAL,
    json TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX places_name ON places(name);

CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text);
CREATE VIRTUAL TABLE statements_fts USING fts5(doc_id UNINDEXED, seq UNINDEXED, speaker, content);
""",
    ),
    (
        2,
        "wire-copy signatures and cross-article entities",
        """
CREATE TABLE signatures (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL             -- datasketch MinHash hash values (uint64, little-endian)
);

CREATE TABLE global_entities (
    id TEXT PRIMARY KEY,              -- 'g:' + type + ':' + resolution key
    name TEXT NOT NULL,               -- the longest full name seen
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,            -- JSON list of every surface name seen
    documents INTEGER NOT NULL        -- how many documents mention it
);

ALTER TABLE places ADD COLUMN global_id TEXT;
CREATE INDEX places_global ON places(global_id);
""",
    ),
    (
        3,
        "store state",
        """
CREATE TABLE state (
    key TEXT PRIMARY KEY,             -- e.g. 'aggregated_through': last documents.rowid aggregated
    value TEXT
);
""",
    ),
    (
        4,
        "speaker lookups by any case",
        """
CREATE INDEX statements_speaker_lower ON statements(lower(speaker));
CREATE INDEX events_actor_lower ON events(lower(actor));
CREATE INDEX events_place_lower ON events(lower(place));
CREATE INDEX events_target_lower ON events(lower(target));
""",
    ),
    (5, "wire copies of a statement counted at write time", _COPIES),
    (6, "statements paged from one covering index", _PUBLISHED),
    (7, "estimate series materialized at refresh", _ESTIMATES),
    (8, "identities across articles, their aliases, keys and corrections", _IDENTITIES),
    (9, "claims keyed by referent and month, disagreements, copies", _CLAIMS),
    (
        10,
        "documents and copies found by the id their input gave, copies by outlet",
        """
CREATE INDEX documents_external_id ON documents(external_id);
CREATE INDEX copies_external_id ON copies(external_id);
CREATE INDEX copies_source ON copies(source);
""",
    ),
]
