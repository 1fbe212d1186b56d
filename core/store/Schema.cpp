#include "store/Schema.h"

#include <array>
#include <cstddef>

namespace chorus::schema {

namespace {

// Version 0 -> 1: the case file. Times are UTC epoch seconds. Account and post ids from
// the platform are text (hashed ids are hex or base64, never assumed numeric).
constexpr const char *Version1 = R"SQL(
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_path TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    rows_read INTEGER NOT NULL DEFAULT 0,
    rows_imported INTEGER NOT NULL DEFAULT 0,
    rows_duplicate INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    platform_id TEXT NOT NULL,
    handle TEXT,
    display_name TEXT,
    created_at INTEGER,
    location TEXT,
    bio TEXT,
    followers INTEGER,
    following INTEGER,
    post_count INTEGER,
    language TEXT,
    UNIQUE (platform, platform_id)
);
CREATE INDEX accounts_handle ON accounts(handle);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    platform_id TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    created_at INTEGER NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    language TEXT,
    -- Not "kind IN (...)": SQLite builds a temporary b-tree for that list on every row
    -- inserted, which cost a fifth of the whole import (docs/performance.md).
    kind TEXT NOT NULL DEFAULT 'post'
        CHECK (kind = 'post' OR kind = 'reply' OR kind = 'repost' OR kind = 'quote'),
    reply_to TEXT,
    repost_of TEXT,
    quote_of TEXT,
    latitude REAL,
    longitude REAL,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    UNIQUE (platform, platform_id)
);
CREATE INDEX posts_account_time ON posts(account_id, created_at);
CREATE INDEX posts_time ON posts(created_at);
-- The posts table filters by kind and language and pages in time order: without these a
-- page deep into a filtered million-post case scans most of the table.
CREATE INDEX posts_kind_time ON posts(kind, created_at);
CREATE INDEX posts_language_time ON posts(language, created_at);
CREATE INDEX posts_repost_of ON posts(repost_of) WHERE repost_of IS NOT NULL;
CREATE INDEX posts_reply_to ON posts(reply_to) WHERE reply_to IS NOT NULL;

CREATE TABLE post_urls (
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    url TEXT NOT NULL
);
CREATE INDEX post_urls_post ON post_urls(post_id);
CREATE TABLE post_hashtags (
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    tag TEXT NOT NULL
);
CREATE INDEX post_hashtags_post ON post_hashtags(post_id);
CREATE TABLE post_mentions (
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    handle TEXT NOT NULL
);
CREATE INDEX post_mentions_post ON post_mentions(post_id);

CREATE TABLE import_issues (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    line INTEGER NOT NULL,
    field TEXT NOT NULL,
    severity TEXT NOT NULL DEFAULT 'error' CHECK (severity IN ('error', 'warning')),
    reason TEXT NOT NULL,
    excerpt TEXT
);
CREATE INDEX import_issues_source ON import_issues(source_id);

CREATE VIRTUAL TABLE posts_fts USING fts5(
    text, content = 'posts', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');

-- One row per analysis (clustering, network, signals), with its parameters as JSON.
CREATE TABLE analysis_runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    parameters TEXT NOT NULL,
    chorus_version TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    input_posts INTEGER,
    input_accounts INTEGER,
    summary TEXT
);

CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    size INTEGER NOT NULL,
    accounts INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    busiest_share REAL NOT NULL,
    languages TEXT,
    medoid_post_id INTEGER REFERENCES posts(id),
    score REAL NOT NULL,
    score_components TEXT,
    UNIQUE (run_id, number)
);
CREATE TABLE cluster_members (
    cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    post_id INTEGER NOT NULL REFERENCES posts(id),
    similarity REAL,
    PRIMARY KEY (cluster_id, post_id)
) WITHOUT ROWID;
CREATE INDEX cluster_members_post ON cluster_members(post_id);

CREATE TABLE network_edges (
    run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
    source_account INTEGER NOT NULL REFERENCES accounts(id),
    target_account INTEGER NOT NULL REFERENCES accounts(id),
    weight INTEGER NOT NULL,
    actions INTEGER NOT NULL,
    mean_gap REAL NOT NULL,
    types TEXT NOT NULL,
    PRIMARY KEY (run_id, source_account, target_account)
) WITHOUT ROWID;

CREATE TABLE account_metrics (
    run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    component INTEGER,
    community INTEGER,
    degree INTEGER,
    weighted_degree REAL,
    betweenness REAL,
    kcore INTEGER,
    x REAL,
    y REAL,
    PRIMARY KEY (run_id, account_id)
) WITHOUT ROWID;

CREATE TABLE account_signals (
    run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    signal TEXT NOT NULL,
    value REAL NOT NULL,
    explanation TEXT NOT NULL,
    PRIMARY KEY (run_id, account_id, signal)
) WITHOUT ROWID;

-- The analyst's notes and tags on posts, accounts and clusters.
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('post', 'account', 'cluster')),
    target_id INTEGER NOT NULL,
    tag TEXT,
    note TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX annotations_target ON annotations(target_kind, target_id);
)SQL";

// Version 1 -> 2: campaigns, clusters of one text-clustering run linked into operations by
// the accounts they share. A cluster's campaign is numbered within its run (NULL: none);
// each link keeps its evidence.
constexpr const char *Version2 = R"SQL(
ALTER TABLE clusters ADD COLUMN campaign INTEGER;
CREATE TABLE campaign_links (
    run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
    campaign INTEGER NOT NULL,
    cluster_a INTEGER NOT NULL,
    cluster_b INTEGER NOT NULL,
    shared_accounts INTEGER NOT NULL,
    smaller_accounts INTEGER NOT NULL,
    overlap REAL NOT NULL,
    expected REAL NOT NULL,
    PRIMARY KEY (run_id, cluster_a, cluster_b)
) WITHOUT ROWID;
)SQL";

// Version 2 -> 3: the analyst's hand on the drawing. An account dragged in the graph panel keeps
// its place (x, y) and is pinned, so that laying the network out again leaves it there.
constexpr const char *Version3 = R"SQL(
ALTER TABLE account_metrics ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
)SQL";

// Version 3 -> 4: where accounts say they are. Each distinct location string is resolved once
// and kept with the version of the gazetteer that resolved it (a new gazetteer resolves again).
constexpr const char *Version4 = R"SQL(
CREATE TABLE location_resolutions (
    text TEXT PRIMARY KEY,
    gazetteer_version TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    city TEXT,
    lat REAL,
    lon REAL,
    granularity TEXT NOT NULL,
    confidence REAL NOT NULL,
    matched TEXT,
    candidates TEXT NOT NULL
) WITHOUT ROWID;
-- A cluster's geography (ClusterGeography as JSON): where its accounts say they are against the
-- places its text names. NULL when the gazetteer was not available.
ALTER TABLE clusters ADD COLUMN geography TEXT;
)SQL";

// Version 4 -> 5: evidence. The audit trail, append-only (triggers refuse UPDATE and DELETE)
// and hash-chained (store/AuditTrail). Annotations replace the unused version-1 table: one per
// target, with tags (a JSON array), a note, an Admiralty grade (source reliability A-F,
// information credibility 1-6), the analyst and UTC times. Posts and accounts are targets by
// row id; clusters, campaigns and communities by their members (post ids, or account ids for a
// community), so that an annotation finds its cluster again after a re-run renumbers it.
constexpr const char *Version5 = R"SQL(
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    analyst TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
DROP TABLE annotations;
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN
        ('post', 'account', 'cluster', 'campaign', 'community')),
    target_id INTEGER,
    label TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6),
    analyst TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    changed_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX annotations_target ON annotations(target_kind, target_id)
    WHERE target_id IS NOT NULL;
CREATE TABLE annotation_members (
    annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL,
    PRIMARY KEY (annotation_id, member_id)
) WITHOUT ROWID;
)SQL";

// Version 5 -> 6: import fidelity. Posts that a file holds only because collected posts refer
// to them are marked context (the case period counts collected posts); a named place without
// coordinates and the versions of an edited post are kept.
constexpr const char *Version6 = R"SQL(
ALTER TABLE posts ADD COLUMN context INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN place TEXT;
ALTER TABLE posts ADD COLUMN place_country TEXT;
ALTER TABLE posts ADD COLUMN edit_history TEXT;
-- The case summary counts context posts on every open: a small partial index keeps that
-- from scanning the posts table.
CREATE INDEX posts_context ON posts(id) WHERE context = 1;
)SQL";

// Version 6 -> 7: compressed and bundled input. A source read through gzip, bzip2, xz or zstd
// says so; a member of a ZIP archive is a source of its own, its sha256 that of the member's
// bytes and archive_sha256 that of the archive file as given.
constexpr const char *Version7 = R"SQL(
ALTER TABLE sources ADD COLUMN compression TEXT NOT NULL DEFAULT 'none';
ALTER TABLE sources ADD COLUMN member TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN archive_sha256 TEXT;
)SQL";

// Version 7 -> 8: the full-text index is built after the import, not inside it (a third of
// an import's time), and in steps that each commit. posts_fts holds exactly the posts with
// id <= indexed_through (posts are never deleted or re-texted, only appended).
// store/TextIndex brings it up to date; cases made before v8 were indexed by their imports.
constexpr const char *Version8 = R"SQL(
CREATE TABLE text_index (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through INTEGER NOT NULL
);
INSERT INTO text_index (id, indexed_through) VALUES (1, (SELECT coalesce(max(id), 0) FROM posts));
)SQL";

// Version 8 -> 9: the collected posts per minute (store/PostMinutes), kept by the import, so
// that the case period and the whole-case timeline of ten million posts need no scan of them.
// minute = floor(created_at / 60), written here as SQLite's % truncates towards zero. Counted
// from the covering index posts_time, then the context posts (few, through posts_context)
// taken off: 4 s at ten million posts where a scan of the table took 12 s.
constexpr const char *Version9 = R"SQL(
CREATE TABLE post_minutes (
    minute INTEGER PRIMARY KEY,
    collected INTEGER NOT NULL
);
INSERT INTO post_minutes (minute, collected)
    SELECT minute, count(*) FROM
        (SELECT (created_at - ((created_at % 60) + 60) % 60) / 60 AS minute FROM posts)
    GROUP BY minute;
UPDATE post_minutes SET collected = collected - context.n FROM
    (SELECT (created_at - ((created_at % 60) + 60) % 60) / 60 AS minute, count(*) AS n
     FROM posts WHERE context = 1 GROUP BY minute) AS context
    WHERE post_minutes.minute = context.minute;
DELETE FROM post_minutes WHERE collected <= 0;
)SQL";

// Version 9 -> 10: the posts counted by kind, language and collected or context
// (store/PostFacets), kept by the import, so that a kind or language filter is counted without
// reading millions of index entries. No index holds both: one scan of the posts.
constexpr const char *Version10 = R"SQL(
CREATE TABLE post_facets (
    kind TEXT NOT NULL,
    language TEXT NOT NULL, -- '' when unknown (NULL in posts)
    context INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, language, context)
) WITHOUT ROWID;
INSERT INTO post_facets (kind, language, context, n)
    SELECT kind, coalesce(language, ''), context, count(*) FROM posts GROUP BY 1, 2, 3;
)SQL";

// Version 10 -> 11: each cluster member carries its post's time (posts never change time),
// and an index orders a cluster's members by it: the posts table's cluster order walks that
// index instead of reading and sorting every post of a cluster of 84,000 (0.6 s for the first
// page at ten million posts).
constexpr const char *Version11 = R"SQL(
ALTER TABLE cluster_members ADD COLUMN created_at INTEGER;
UPDATE cluster_members SET created_at =
    (SELECT p.created_at FROM posts p WHERE p.id = cluster_members.post_id);
CREATE INDEX cluster_members_time ON cluster_members(cluster_id, created_at, post_id);
)SQL";

// Version 11 -> 12: indexes an import left to be built after it (import/ImportRunner: the
// posts table's kind and language filter indexes, a quarter of the import of a fresh case).
// store/TextIndex builds them with the text index, one per transaction, and removes their
// row; a case with rows here is complete and correct, only its filters are slower.
constexpr const char *Version12 = R"SQL(
CREATE TABLE pending_indexes (
    name TEXT PRIMARY KEY,
    definition TEXT NOT NULL -- the CREATE INDEX statement, from sqlite_schema
) WITHOUT ROWID;
)SQL";

// Version 12 -> 13: the posts table's unfiltered views keep every 1,024th row's sort key
// (store/StoredPageAnchors), made by the index step and with each clustering run, so a page
// deep in ten million posts seeks to one from the moment the case is open. A view's row in
// page_anchor_views says what state of the case its anchors are of; anchors of another state
// are not used.
constexpr const char *Version13 = R"SQL(
CREATE TABLE page_anchor_views (
    view TEXT PRIMARY KEY,      -- time, account, clustered, unclustered
    run_id INTEGER NOT NULL,    -- the clustering run (cluster views), else 0
    posts INTEGER NOT NULL,     -- the case's posts when they were made
    last_post INTEGER NOT NULL, -- and its largest post id
    rows INTEGER NOT NULL,      -- the view's rows
    spacing INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE page_anchors (
    view TEXT NOT NULL,
    position INTEGER NOT NULL, -- the row's position in the view, ascending, from 0
    k1 INTEGER NOT NULL,
    k2 INTEGER NOT NULL,
    k3 INTEGER NOT NULL,
    PRIMARY KEY (view, position)
) WITHOUT ROWID;
)SQL";

// Version 13 -> 14: the accounts that have a collected post, by the day they were created
// (store/AccountCreationDays), made by the index step: the timeline panel's accounts chart of
// the whole case without a probe per account.
constexpr const char *Version14 = R"SQL(
CREATE TABLE account_creation_days (
    day INTEGER PRIMARY KEY, -- UTC epoch seconds of the day's start
    accounts INTEGER NOT NULL
);
CREATE TABLE account_creation_made (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_source INTEGER NOT NULL, -- what the case held when they were counted
    posts INTEGER NOT NULL,
    last_post INTEGER NOT NULL,
    last_account INTEGER NOT NULL
);
)SQL";

// Version 14 -> 15: the text index's terms found in many posts, with their counts
// (store/FrequentTerms), made by the index step: a search of a common word counted without
// reading its whole list of matches.
constexpr const char *Version15 = R"SQL(
CREATE TABLE frequent_terms (
    term TEXT PRIMARY KEY, -- as the text index holds it: ASCII letters and digits
    posts INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE frequent_terms_made (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through INTEGER NOT NULL, -- text_index.indexed_through the counts are of
    scanned_through INTEGER NOT NULL  -- and of their last pass over the whole index
);
)SQL";

// Version 15 -> 16: the matches of the most frequent terms, a bit a post (store/FrequentTerms),
// read by a narrowed search of one instead of listing it. The counts are forgotten so that the
// next index step makes both.
constexpr const char *Version16 = R"SQL(
CREATE TABLE frequent_term_matches (
    term TEXT PRIMARY KEY, -- one of frequent_terms
    bits BLOB NOT NULL     -- bit (id % 8) of byte (id / 8) set: post id has the term
);
DELETE FROM frequent_terms_made;
)SQL";

// Version 16 -> 17: the posts' keys kept in the case (store/StoredPostKeys), made by the index
// step: the posts table reads them in a fraction of a second instead of walking the posts'
// indexes (2.8 s at ten million posts).
constexpr const char *Version17 = R"SQL(
CREATE TABLE post_key_chunks (
    first_id INTEGER PRIMARY KEY, -- a multiple of 65,536: the chunk's first post id
    time BLOB NOT NULL,           -- created_at of each post, 8 bytes, little-endian
    account BLOB NOT NULL,        -- account_id, 4 bytes
    facets BLOB NOT NULL,         -- kind (bits 0-1) and context (bit 2), 1 byte
    language BLOB NOT NULL        -- 0 or a code of post_key_languages, 2 bytes
);
CREATE TABLE post_key_languages (
    code INTEGER PRIMARY KEY, -- 1, 2, ...
    name TEXT NOT NULL
);
CREATE TABLE post_keys_made (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    through INTEGER NOT NULL,       -- the chunks hold every post with id <= through
    context_posts INTEGER NOT NULL, -- the case's context posts then (post_facets)
    kept INTEGER NOT NULL           -- 0: too many for the memory they may take; no chunks
);
)SQL";

// Version 17 -> 18: each cluster's accounts with their posts in it, written with the run: the
// accounts of the campaigns (the graph panel's and the network export's), of a cluster (the
// inspector) and the signals' counts read them instead of each member post's row (5-6 s for
// the 900,000 members of a ten-million-post case's campaigns, a row a member). Members whose
// cluster or account is gone (another tool deleted with foreign keys off) are left out: the
// key checks would refuse them and the case would not open.
constexpr const char *Version18 = R"SQL(
CREATE TABLE cluster_accounts (
    cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    posts INTEGER NOT NULL, -- the account's posts in the cluster
    PRIMARY KEY (cluster_id, account_id)
) WITHOUT ROWID;
INSERT INTO cluster_accounts (cluster_id, account_id, posts)
    SELECT m.cluster_id, p.account_id, count(*) FROM cluster_members m
    JOIN clusters c ON c.id = m.cluster_id JOIN posts p ON p.id = m.post_id
    JOIN accounts a ON a.id = p.account_id GROUP BY m.cluster_id, p.account_id;
)SQL";

// Version 18 -> 19: the kept keys' columns in the order they are read (store/PostKeys: the
// kinds first, then the languages, then the times and accounts). A chunk's columns are one
// record, its overflow pages a chain: a column is reached by reading every page before it, so
// reading the kinds of every chunk first read all 150 MB at ten million posts (as a search
// typed as the case opens needs only them). The kept keys are copied across.
constexpr const char *Version19 = R"SQL(
CREATE TABLE post_key_chunks_v19 (
    first_id INTEGER PRIMARY KEY, -- a multiple of 65,536: the chunk's first post id
    facets BLOB NOT NULL,         -- kind (bits 0-1) and context (bit 2), 1 byte
    language BLOB NOT NULL,       -- 0 or a code of post_key_languages, 2 bytes
    time BLOB NOT NULL,           -- created_at of each post, 8 bytes, little-endian
    account BLOB NOT NULL         -- account_id, 4 bytes
);
INSERT INTO post_key_chunks_v19 (first_id, facets, language, time, account)
    SELECT first_id, facets, language, time, account FROM post_key_chunks;
DROP TABLE post_key_chunks;
ALTER TABLE post_key_chunks_v19 RENAME TO post_key_chunks;
)SQL";

// Version 19 -> 20: each pass of the kept keys' reading in a table of its own, written one
// after the other (store/StoredPostKeys). In one table a pass's column of successive chunks lay
// a record (960 KB) apart: the kinds' pass, all a search typed as a ten-million-post case opens
// waits for, read 64 KB every 960 KB, 120-160 ms from disk, where 10 MB read whole take 25 ms.
// The kept keys are copied across, the times and accounts first (as the index step writes
// them): pages free in the file (from v18, those the step to v19 freed) go to them, and the
// kinds and languages lie together at the file's end when no more are free.
constexpr const char *Version20 = R"SQL(
CREATE TABLE post_key_facet_chunks (
    first_id INTEGER PRIMARY KEY, -- a multiple of 65,536: the chunk's first post id
    facets BLOB NOT NULL          -- kind (bits 0-1) and context (bit 2), 1 byte
);
CREATE TABLE post_key_language_chunks (
    first_id INTEGER PRIMARY KEY,
    language BLOB NOT NULL        -- 0 or a code of post_key_languages, 2 bytes, little-endian
);
CREATE TABLE post_key_order_chunks (
    first_id INTEGER PRIMARY KEY,
    time BLOB NOT NULL,           -- created_at of each post, 8 bytes
    account BLOB NOT NULL         -- account_id, 4 bytes
);
INSERT INTO post_key_order_chunks (first_id, time, account)
    SELECT first_id, time, account FROM post_key_chunks ORDER BY first_id;
INSERT INTO post_key_language_chunks (first_id, language)
    SELECT first_id, language FROM post_key_chunks ORDER BY first_id;
INSERT INTO post_key_facet_chunks (first_id, facets)
    SELECT first_id, facets FROM post_key_chunks ORDER BY first_id;
DROP TABLE post_key_chunks;
)SQL";

constexpr std::array Migrations = {Version1,  Version2,  Version3,  Version4,  Version5,
                                   Version6,  Version7,  Version8,  Version9,  Version10,
                                   Version11, Version12, Version13, Version14, Version15,
                                   Version16, Version17, Version18, Version19, Version20};

} // namespace

int currentVersion()
{
    return int(Migrations.size());
}

const char *migration(int fromVersion)
{
    return Migrations.at(std::size_t(fromVersion));
}

} // namespace chorus::schema
