// Schema migrations of the congvan database.
#include "store/schema.h"

namespace congvan {

const std::vector<std::string_view>& schema_migrations() {
  static const std::vector<std::string_view> kMigrations = {
      // 0 → 1: documents, their pages and everything extracted from them.
      R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  path TEXT NOT NULL,
  pages INTEGER NOT NULL,
  text_origin TEXT NOT NULL,
  ocr_confidence REAL,
  issuer TEXT, doc_type TEXT, number TEXT, symbol TEXT, place TEXT, date TEXT,
  subject TEXT, signer_name TEXT, signer_title TEXT, signer_authority TEXT,
  rules_version TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  extracted_at TEXT NOT NULL
);
CREATE TABLE pages (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page INTEGER NOT NULL,
  text TEXT NOT NULL,
  raw_text TEXT,
  origin TEXT NOT NULL,
  confidence REAL,
  PRIMARY KEY (document_id, page)
);
CREATE TABLE ocr_words (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page INTEGER NOT NULL,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  x INTEGER NOT NULL, y INTEGER NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,
  confidence REAL NOT NULL,
  char_start INTEGER, char_end INTEGER,
  PRIMARY KEY (document_id, page, position)
);
CREATE TABLE recipients (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
);
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  item TEXT NOT NULL,
  text TEXT NOT NULL,
  span_page INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  UNIQUE (document_id, item)
);
CREATE TABLE assignees (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  canonical TEXT,
  PRIMARY KEY (task_id, role, position)
);
CREATE TABLE deadlines (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('by_date', 'within_month', 'within_quarter',
                                     'within_year', 'relative', 'on_event', 'recurring')),
  due TEXT, time TEXT, count INTEGER, unit TEXT, anchor TEXT, every TEXT, day INTEGER,
  text TEXT NOT NULL,
  needs_review INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE targets (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  comparator TEXT NOT NULL CHECK (comparator IN ('>=', '>', '<=', '<', '=')),
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  text TEXT NOT NULL,
  needs_review INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE "references" (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  number TEXT NOT NULL,
  date TEXT,
  issuer TEXT,
  PRIMARY KEY (document_id, position)
);
CREATE INDEX tasks_by_document ON tasks(document_id);
CREATE INDEX deadlines_by_task ON deadlines(task_id);
CREATE INDEX deadlines_by_due ON deadlines(due);
CREATE INDEX targets_by_task ON targets(task_id);
CREATE INDEX assignees_by_name ON assignees(name);
)sql",
      // 1 → 2: the inbox journal. The watcher records each file it takes
      // (taken), then where the file must go once its document is committed
      // (decided), then that it was moved (moved): a restart after kill -9
      // finishes every entry that is not moved. See include/congvan/journal.h.
      R"sql(
CREATE TABLE inbox_journal (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('taken', 'decided', 'moved')),
  outcome TEXT CHECK (outcome IN ('added', 'duplicate', 'failed')),
  destination TEXT,
  document_id INTEGER,
  message TEXT,
  taken_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX inbox_journal_open ON inbox_journal(path) WHERE state <> 'moved';
CREATE INDEX inbox_journal_by_sha ON inbox_journal(sha256);
)sql",
      // 2 → 3: finding what is due. Name keys of the bodies of each task
      // (body_key, for diacritic-free matching), the clerk's follow-up and
      // corrections keyed by (document, item) so that they survive
      // reextract, the audit trail, full-text search over folded text, and
      // the indexes the common queries need. See include/congvan/query.h.
      R"sql(
CREATE TABLE body_keys (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
);
CREATE TABLE task_bodies (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
  key_id INTEGER NOT NULL REFERENCES body_keys(id),
  PRIMARY KEY (task_id, role, key_id)
) WITHOUT ROWID;
CREATE INDEX task_bodies_by_key ON task_bodies(key_id, role, task_id);
CREATE TABLE task_followup (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  note TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (document_id, item)
);
CREATE TABLE corrections (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('lead', 'due', 'text')),
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (document_id, item, field)
);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL,
  item TEXT NOT NULL,
  what TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  at TEXT NOT NULL,
  by TEXT NOT NULL
);
CREATE INDEX audit_by_task ON audit(document_id, item);
CREATE VIRTUAL TABLE task_search USING fts5(text, bodies,
  tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE document_search USING fts5(header, body,
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER task_search_forget AFTER DELETE ON tasks BEGIN
  DELETE FROM task_search WHERE rowid = old.id;
END;
CREATE TRIGGER document_search_forget AFTER DELETE ON documents BEGIN
  DELETE FROM document_search WHERE rowid = old.id;
END;
CREATE INDEX tasks_by_status ON tasks(status, document_id);
CREATE INDEX deadlines_by_kind_due ON deadlines(kind, due);
CREATE INDEX documents_by_number ON documents(number);
CREATE INDEX documents_by_source ON documents(source);
)sql",
      // 3 → 4: indexes the benchmark of a million tasks asked for
      // (bench/queries.cpp): recurring deadlines by (every, day), whose next
      // date depends on nothing else, and documents by issuer.
      R"sql(
CREATE INDEX deadlines_recurring ON deadlines(every, day) WHERE kind = 'recurring';
CREATE INDEX documents_by_issuer ON documents(issuer);
)sql",
      // 4 → 5: stable task ids and the tables that answer the common
      // queries of a million tasks from one index range each.
      //  - tasks is rebuilt with AUTOINCREMENT (same rows, same ids): an id
      //    a clerk noted is never given to another task; reextract keeps the
      //    id of each (document, item) (store.cpp).
      //  - due_by_body: one row per (body key of a task, deadline), keyed by
      //    the deadline's date ('' undated, 'r' recurring), so a body filter
      //    with a date window is one range of one index.
      //  - lead_tasks: each task's lead bodies as shown (canonical or as
      //    written) with the task's status, its first dated due and its
      //    recurring (every:day) pairs; triggers keep lead_due_counts (open
      //    tasks per lead and first due) and lead_recurring_counts (open
      //    tasks per lead and recurring pairs), from which the report sums
      //    its counts instead of visiting every open task.
      // Runs with foreign keys off (store.cpp), so dropping the old tasks
      // table deletes nothing else.
      R"sql(
CREATE TABLE tasks_v5 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  item TEXT NOT NULL,
  text TEXT NOT NULL,
  span_page INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  UNIQUE (document_id, item)
);
INSERT INTO tasks_v5(id, document_id, position, item, text, span_page, span_start, span_end, status)
  SELECT id, document_id, position, item, text, span_page, span_start, span_end, status FROM tasks;
DROP TABLE tasks;
ALTER TABLE tasks_v5 RENAME TO tasks;
CREATE INDEX tasks_by_document ON tasks(document_id);
CREATE INDEX tasks_by_status ON tasks(status, document_id);
CREATE TRIGGER task_search_forget AFTER DELETE ON tasks BEGIN
  DELETE FROM task_search WHERE rowid = old.id;
END;
CREATE TABLE due_by_body (
  key_id INTEGER NOT NULL,
  role TEXT NOT NULL,
  due TEXT NOT NULL,
  deadline_id INTEGER NOT NULL,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  PRIMARY KEY (key_id, role, due, deadline_id)
) WITHOUT ROWID;
CREATE INDEX due_by_body_by_task ON due_by_body(task_id);
INSERT INTO due_by_body(key_id, role, due, deadline_id, task_id)
  SELECT tb.key_id, tb.role, CASE WHEN x.kind = 'recurring' THEN 'r' ELSE coalesce(x.due, '') END,
         x.id, x.task_id
  FROM task_bodies tb JOIN deadlines x ON x.task_id = tb.task_id;
CREATE TABLE lead_tasks (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  lead TEXT NOT NULL,
  status TEXT NOT NULL,
  first_due TEXT NOT NULL,
  recurring TEXT NOT NULL,
  PRIMARY KEY (task_id, lead)
) WITHOUT ROWID;
CREATE TABLE lead_due_counts (
  lead TEXT NOT NULL,
  first_due TEXT NOT NULL,
  open INTEGER NOT NULL,
  PRIMARY KEY (lead, first_due)
) WITHOUT ROWID;
CREATE TABLE lead_recurring_counts (
  lead TEXT NOT NULL,
  recurring TEXT NOT NULL,
  open INTEGER NOT NULL,
  PRIMARY KEY (lead, recurring)
) WITHOUT ROWID;
INSERT OR IGNORE INTO lead_tasks(task_id, lead, status, first_due, recurring)
  SELECT a.task_id, coalesce(a.canonical, a.name), t.status,
         coalesce((SELECT min(x.due) FROM deadlines x WHERE x.task_id = a.task_id
                   AND +x.kind <> 'recurring'), ''),
         coalesce((SELECT group_concat(p, ';') FROM (SELECT DISTINCT x.every || ':' ||
                   coalesce(x.day, 0) AS p FROM deadlines x WHERE x.task_id = a.task_id
                   AND +x.kind = 'recurring' ORDER BY 1)), '')
  FROM assignees a JOIN tasks t ON t.id = a.task_id WHERE a.role = 'lead';
INSERT INTO lead_due_counts(lead, first_due, open)
  SELECT lead, first_due, count(*) FROM lead_tasks WHERE status = 'open' GROUP BY lead, first_due;
INSERT INTO lead_recurring_counts(lead, recurring, open)
  SELECT lead, recurring, count(*) FROM lead_tasks WHERE status = 'open' AND recurring <> ''
  GROUP BY lead, recurring;
CREATE TRIGGER lead_tasks_added AFTER INSERT ON lead_tasks WHEN new.status = 'open' BEGIN
  INSERT INTO lead_due_counts(lead, first_due, open) VALUES (new.lead, new.first_due, 1)
    ON CONFLICT(lead, first_due) DO UPDATE SET open = open + 1;
  INSERT INTO lead_recurring_counts(lead, recurring, open)
    SELECT new.lead, new.recurring, 1 WHERE new.recurring <> ''
    ON CONFLICT(lead, recurring) DO UPDATE SET open = open + 1;
END;
CREATE TRIGGER lead_tasks_removed AFTER DELETE ON lead_tasks WHEN old.status = 'open' BEGIN
  UPDATE lead_due_counts SET open = open - 1 WHERE lead = old.lead AND first_due = old.first_due;
  UPDATE lead_recurring_counts SET open = open - 1
    WHERE lead = old.lead AND recurring = old.recurring;
END;
CREATE TRIGGER lead_tasks_changed AFTER UPDATE ON lead_tasks BEGIN
  UPDATE lead_due_counts SET open = open - 1
    WHERE old.status = 'open' AND lead = old.lead AND first_due = old.first_due;
  UPDATE lead_recurring_counts SET open = open - 1
    WHERE old.status = 'open' AND lead = old.lead AND recurring = old.recurring;
  INSERT INTO lead_due_counts(lead, first_due, open)
    SELECT new.lead, new.first_due, 1 WHERE new.status = 'open'
    ON CONFLICT(lead, first_due) DO UPDATE SET open = open + 1;
  INSERT INTO lead_recurring_counts(lead, recurring, open)
    SELECT new.lead, new.recurring, 1 WHERE new.status = 'open' AND new.recurring <> ''
    ON CONFLICT(lead, recurring) DO UPDATE SET open = open + 1;
END;
DROP INDEX deadlines_recurring;
CREATE INDEX deadlines_recurring ON deadlines(every, day, task_id) WHERE kind = 'recurring';
)sql",
      // 5 → 6: deadline_list, one covering row per deadline with everything
      // `congvan deadlines` shows (the task, its letter, its bodies), keyed
      // by the order of the listing: (due key, letter, task position,
      // deadline position). The due key is the date, 'r' + every + ':' +
      // day for a recurring deadline (its next date depends only on that
      // pair) and '~' for an undated one, so dated rows sort first. A date
      // window is one range of the key and no row needs another table;
      // lead_order ('0' + the first lead folded, '1' without a lead) gives
      // the lead sort, (kind, due key) a kind filter. Written with the
      // document (index_document in search.cpp) and on done / reopen.
      R"sql(
CREATE TABLE deadline_list (
  due_key TEXT NOT NULL,
  document_id INTEGER NOT NULL,
  task_position INTEGER NOT NULL,
  deadline_position INTEGER NOT NULL,
  deadline_id INTEGER NOT NULL,
  task_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  lead_order TEXT NOT NULL,
  due TEXT, time TEXT, count INTEGER, unit TEXT, anchor TEXT, every TEXT, day INTEGER,
  deadline_text TEXT NOT NULL,
  needs_review INTEGER NOT NULL,
  source TEXT NOT NULL, sha256 TEXT NOT NULL, number TEXT, symbol TEXT, issuer TEXT,
  item TEXT NOT NULL,
  task_text TEXT NOT NULL,
  leads TEXT,
  supports TEXT,
  PRIMARY KEY (due_key, document_id, task_position, deadline_position, deadline_id)
) WITHOUT ROWID;
INSERT INTO deadline_list
  SELECT CASE WHEN x.kind = 'recurring' THEN 'r' || coalesce(x.every, '') || ':' ||
              coalesce(x.day, 0) ELSE coalesce(x.due, '~') END AS k,
         t.document_id, t.position, x.position, x.id, t.id, x.kind, t.status,
         coalesce((SELECT '0' || congvan_fold(coalesce(a.canonical, a.name)) FROM assignees a
                   WHERE a.task_id = t.id AND a.role = 'lead' ORDER BY a.position LIMIT 1), '1'),
         x.due, x.time, x.count, x.unit, x.anchor, x.every, x.day, x.text, x.needs_review,
         d.source, d.sha256, d.number, d.symbol, d.issuer, t.item, t.text,
         (SELECT group_concat(name, char(31)) FROM (SELECT name FROM assignees a
          WHERE a.task_id = t.id AND a.role = 'lead' ORDER BY a.position)),
         (SELECT group_concat(name, char(31)) FROM (SELECT name FROM assignees a
          WHERE a.task_id = t.id AND a.role = 'support' ORDER BY a.position))
  FROM deadlines x JOIN tasks t ON t.id = x.task_id JOIN documents d ON d.id = t.document_id
  ORDER BY k, t.document_id, t.position, x.position, x.id;
CREATE INDEX deadline_list_by_document ON deadline_list(document_id, task_position, deadline_position);
CREATE INDEX deadline_list_by_deadline ON deadline_list(deadline_id);
CREATE INDEX deadline_list_by_lead ON deadline_list(lead_order, due_key);
CREATE INDEX deadline_list_by_kind ON deadline_list(kind, due_key);
)sql",
  };
  return kMigrations;
}

}  // namespace congvan
