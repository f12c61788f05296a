// Full-text search with SQLite FTS5 over folded text (diacritics, case and
// đ folded with ICU at index and query time), snippets cut from the original
// text, and the index hooks that keep name keys and search rows in sync.
#include <algorithm>
#include <set>

#include "congvan/query.h"
#include "congvan/text.h"
#include "store/query_hooks.h"
#include "store/sqlite_handle.h"
#include "store/store_impl.h"
#include "text/display.h"

namespace congvan {
namespace {

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

// One thing the query asks for: a word, a word* prefix or a "quoted phrase".
struct Term {
  std::vector<std::string> words;  // as typed
  bool prefix = false;             // the last word is a prefix
};

Result<std::vector<Term>> parse_query(const std::string& query) {
  std::vector<Term> terms;
  auto add_words = [&](std::string_view part, bool phrase) {
    auto spans = split_words(part);
    if (spans.empty()) return;
    const bool star = !part.empty() && part.find('*') != std::string_view::npos &&
                      part.find_last_not_of(" ") != std::string_view::npos &&
                      part[part.find_last_not_of(" ")] == '*';
    if (phrase) {
      Term t;
      for (const auto& w : spans) t.words.emplace_back(part.substr(w.start, w.end - w.start));
      t.prefix = star;
      terms.push_back(std::move(t));
      return;
    }
    for (const auto& w : spans) {
      Term t;
      t.words.emplace_back(part.substr(w.start, w.end - w.start));
      t.prefix = w.end < part.size() && part[w.end] == '*';
      terms.push_back(std::move(t));
    }
  };
  std::string_view q = query;
  size_t pos = 0;
  while (pos < q.size()) {
    size_t quote = q.find('"', pos);
    if (quote == std::string_view::npos) {
      add_words(q.substr(pos), false);
      break;
    }
    add_words(q.substr(pos, quote - pos), false);
    size_t close = q.find('"', quote + 1);
    if (close == std::string_view::npos) return Status::error("unbalanced quote in '" + query + "'");
    add_words(q.substr(quote + 1, close - quote - 1), true);
    pos = close + 1;
  }
  if (terms.empty()) return Status::error("nothing to search for in '" + query + "'");
  return terms;
}

// The FTS5 expression: every term folded and quoted, all required.
std::string fts_expression(const std::vector<Term>& terms) {
  std::string out;
  for (const Term& t : terms) {
    std::vector<std::string> folded;
    for (const auto& w : t.words) folded.push_back(fold(w));
    if (!out.empty()) out += ' ';
    out += '"' + join(folded, " ") + '"';
    if (t.prefix) out += '*';
  }
  return out;
}

// Where the terms occur in `text`: which words match, and whether every term
// does. `exact` compares with diacritics (case ignored).
struct Matches {
  std::vector<WordSpan> words;
  std::vector<bool> hit;
  bool all = false;
};

Matches find_terms(const std::string& text, const std::vector<Term>& terms, bool exact) {
  Matches m;
  m.words = split_words(text);
  m.hit.assign(m.words.size(), false);
  auto norm = [&](std::string_view s) { return exact ? lower_keep_marks(s) : fold(s); };
  // One ICU call for the whole text; its words line up with the original's
  // (folding never joins or splits words). Word by word if they do not.
  std::vector<std::string> keys;
  keys.reserve(m.words.size());
  const std::string whole = norm(text);
  const auto folded_words = split_words(whole);
  if (folded_words.size() == m.words.size()) {
    for (const auto& w : folded_words) keys.push_back(whole.substr(w.start, w.end - w.start));
  } else {
    for (const auto& w : m.words) keys.push_back(norm(std::string_view(text).substr(w.start, w.end - w.start)));
  }
  m.all = true;
  for (const Term& t : terms) {
    std::vector<std::string> want;
    for (const auto& w : t.words) want.push_back(norm(w));
    bool found = false;
    for (size_t i = 0; i + want.size() <= keys.size(); ++i) {
      bool ok = true;
      for (size_t j = 0; j < want.size() && ok; ++j) {
        const bool last = j + 1 == want.size();
        ok = (last && t.prefix) ? keys[i + j].rfind(want[j], 0) == 0 : keys[i + j] == want[j];
      }
      if (!ok) continue;
      found = true;
      for (size_t j = 0; j < want.size(); ++j) m.hit[i + j] = true;
    }
    if (!found) m.all = false;
  }
  return m;
}

// About `radius` words either side of the first match, matches marked.
std::string make_snippet(const std::string& text, const Matches& m, const SearchOptions& o,
                         size_t radius = 10) {
  size_t first = 0;
  while (first < m.hit.size() && !m.hit[first]) ++first;
  if (m.words.empty()) return text.substr(0, std::min<size_t>(text.size(), 200));
  if (first == m.hit.size()) first = 0;
  const size_t lo = first > radius ? first - radius : 0;
  const size_t hi = std::min(m.words.size() - 1, first + 2 * radius);
  std::string out = lo > 0 ? "…" : "";
  size_t at = m.words[lo].start;
  for (size_t i = lo; i <= hi; ++i) {
    out += text.substr(at, m.words[i].start - at);
    const std::string word = text.substr(m.words[i].start, m.words[i].end - m.words[i].start);
    out += m.hit[i] ? o.mark_open + word + o.mark_close : word;
    at = m.words[i].end;
  }
  if (hi + 1 < m.words.size()) {
    out += "…";
  } else {
    out += text.substr(at);
  }
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t' || c == '\f') c = ' ';
  }
  return out;
}

std::optional<std::string> doc_number(const std::optional<std::string>& number,
                                      const std::optional<std::string>& symbol) {
  if (!number && !symbol) return std::nullopt;
  return number.value_or("") + "/" + symbol.value_or("");
}

Status index_bodies(sqlite3* db, int64_t document_id) {
  auto clear = Statement::prepare(db,
      "DELETE FROM task_bodies WHERE task_id IN (SELECT id FROM tasks WHERE document_id = ?)");
  if (!clear) return clear.status();
  clear->bind(1, document_id);
  if (Status s = clear->run(); !s) return s;
  auto people = Statement::prepare(db,
      "SELECT a.task_id, a.role, a.name, a.canonical FROM assignees a JOIN tasks t ON t.id = "
      "a.task_id WHERE t.document_id = ?");
  auto add_key = Statement::prepare(db, "INSERT OR IGNORE INTO body_keys(key) VALUES (?)");
  auto key_id = Statement::prepare(db, "SELECT id FROM body_keys WHERE key = ?");
  auto link = Statement::prepare(db,
      "INSERT OR IGNORE INTO task_bodies(task_id, role, key_id) VALUES (?,?,?)");
  if (!people) return people.status();
  if (!add_key) return add_key.status();
  if (!key_id) return key_id.status();
  if (!link) return link.status();
  people->bind(1, document_id);
  for (;;) {
    auto row = people->step();
    if (!row) return row.status();
    if (!*row) break;
    std::set<std::string> keys = {body_key(people->text(2))};
    if (auto c = people->opt_text(3)) keys.insert(body_key(*c));
    for (const auto& k : keys) {
      if (k.empty()) continue;
      add_key->bind(1, k);
      if (Status s = add_key->run(); !s) return s;
      key_id->bind(1, k);
      auto found = key_id->step();
      if (!found) return found.status();
      const int64_t id = key_id->integer(0);
      key_id->reset();
      link->bind(1, people->integer(0)).bind(2, people->text(1)).bind(3, id);
      if (Status s = link->run(); !s) return s;
    }
  }
  return Status::ok();
}

Status index_text(sqlite3* db, int64_t document_id) {
  auto clear = Statement::prepare(db,
      "DELETE FROM task_search WHERE rowid IN (SELECT id FROM tasks WHERE document_id = ?)");
  if (!clear) return clear.status();
  clear->bind(1, document_id);
  if (Status s = clear->run(); !s) return s;
  auto tasks = Statement::prepare(db,
      "SELECT t.id, t.text, (SELECT group_concat(name, '; ') FROM assignees a WHERE a.task_id = "
      "t.id) FROM tasks t WHERE t.document_id = ?");
  auto add = Statement::prepare(db, "INSERT INTO task_search(rowid, text, bodies) VALUES (?,?,?)");
  if (!tasks) return tasks.status();
  if (!add) return add.status();
  tasks->bind(1, document_id);
  for (;;) {
    auto row = tasks->step();
    if (!row) return row.status();
    if (!*row) break;
    add->bind(1, tasks->integer(0)).bind(2, fold(tasks->text(1)))
        .bind(3, fold(tasks->opt_text(2).value_or("")));
    if (Status s = add->run(); !s) return s;
  }
  auto drop = Statement::prepare(db, "DELETE FROM document_search WHERE rowid = ?");
  if (!drop) return drop.status();
  drop->bind(1, document_id);
  if (Status s = drop->run(); !s) return s;
  auto doc = Statement::prepare(db,
      "SELECT coalesce(d.issuer, '') || ' ' || coalesce(d.doc_type, '') || ' ' || "
      "coalesce(d.number, '') || '/' || coalesce(d.symbol, '') || ' ' || coalesce(d.place, '') "
      "|| ' ' || coalesce(d.subject, '') || ' ' || coalesce((SELECT group_concat(name, '; ') "
      "FROM recipients r WHERE r.document_id = d.id), ''), "
      "(SELECT group_concat(text, char(12)) FROM (SELECT text FROM pages p WHERE p.document_id "
      "= d.id ORDER BY page)) FROM documents d WHERE d.id = ?");
  if (!doc) return doc.status();
  doc->bind(1, document_id);
  auto row = doc->step();
  if (!row) return row.status();
  if (!*row) return Status::ok();
  auto put = Statement::prepare(db, "INSERT INTO document_search(rowid, header, body) VALUES (?,?,?)");
  if (!put) return put.status();
  put->bind(1, document_id).bind(2, fold(doc->opt_text(0).value_or("")))
      .bind(3, fold(doc->opt_text(1).value_or("")));
  return put->run();
}

// The query tables derived from the bodies and deadlines of a document's
// tasks: due_by_body and lead_tasks (schema migration 4 → 5), and the
// deadline listing (5 → 6).
Status index_dues(sqlite3* db, int64_t document_id) {
  for (const char* sql : {
           "DELETE FROM due_by_body WHERE task_id IN (SELECT id FROM tasks WHERE document_id = ?1)",
           "INSERT INTO due_by_body(key_id, role, due, deadline_id, task_id) SELECT tb.key_id, "
           "tb.role, CASE WHEN x.kind = 'recurring' THEN 'r' ELSE coalesce(x.due, '') END, x.id, "
           "x.task_id FROM tasks t JOIN task_bodies tb ON tb.task_id = t.id JOIN deadlines x ON "
           "x.task_id = t.id WHERE t.document_id = ?1",
           "DELETE FROM lead_tasks WHERE task_id IN (SELECT id FROM tasks WHERE document_id = ?1)",
           "INSERT OR IGNORE INTO lead_tasks(task_id, lead, status, first_due, recurring) SELECT "
           "a.task_id, coalesce(a.canonical, a.name), t.status, coalesce((SELECT min(x.due) FROM "
           "deadlines x WHERE x.task_id = a.task_id AND +x.kind <> 'recurring'), ''), "
           "coalesce((SELECT group_concat(p, ';') FROM (SELECT DISTINCT x.every || ':' || "
           "coalesce(x.day, 0) AS p FROM deadlines x WHERE x.task_id = a.task_id AND +x.kind = "
           "'recurring' ORDER BY 1)), '') FROM tasks t JOIN assignees a ON a.task_id = t.id AND "
           "a.role = 'lead' WHERE t.document_id = ?1",
           // The listing's rows (schema migration 5 → 6; the same columns).
           "DELETE FROM deadline_list WHERE document_id = ?1",
           "INSERT INTO deadline_list SELECT CASE WHEN x.kind = 'recurring' THEN 'r' || "
           "coalesce(x.every, '') || ':' || coalesce(x.day, 0) ELSE coalesce(x.due, '~') END, "
           "t.document_id, t.position, x.position, x.id, t.id, x.kind, t.status, coalesce((SELECT "
           "'0' || congvan_fold(coalesce(a.canonical, a.name)) FROM assignees a WHERE a.task_id = "
           "t.id AND a.role = 'lead' ORDER BY a.position LIMIT 1), '1'), x.due, x.time, x.count, "
           "x.unit, x.anchor, x.every, x.day, x.text, x.needs_review, d.source, d.sha256, "
           "d.number, d.symbol, d.issuer, t.item, t.text, (SELECT group_concat(name, char(31)) "
           "FROM (SELECT name FROM assignees a WHERE a.task_id = t.id AND a.role = 'lead' ORDER "
           "BY a.position)), (SELECT group_concat(name, char(31)) FROM (SELECT name FROM "
           "assignees a WHERE a.task_id = t.id AND a.role = 'support' ORDER BY a.position)) FROM "
           "deadlines x JOIN tasks t ON t.id = x.task_id JOIN documents d ON d.id = "
           "t.document_id WHERE t.document_id = ?1"}) {
    auto st = Statement::prepare(db, sql);
    if (!st) return st.status();
    st->bind(1, document_id);
    if (Status s = st->run(); !s) return s;
  }
  return Status::ok();
}

}  // namespace

Status index_document(sqlite3* db, int64_t document_id) {
  if (Status s = index_bodies(db, document_id); !s) return s.with_context("name keys");
  if (Status s = index_dues(db, document_id); !s) return s.with_context("due keys");
  if (Status s = index_text(db, document_id); !s) return s.with_context("search index");
  return Status::ok();
}

Status index_unindexed_documents(sqlite3* db) {
  auto ids = Statement::prepare(db,
      "SELECT id FROM documents WHERE id NOT IN (SELECT rowid FROM document_search) ORDER BY id");
  if (!ids) return ids.status();
  std::vector<int64_t> docs;
  if (Status s = ids->each_row([&] {
    docs.push_back(ids->integer(0));
  }); !s) return s;
  for (int64_t id : docs) {
    if (Status s = index_document(db, id); !s) return s.with_context("document " + std::to_string(id));
  }
  return Status::ok();
}

Status rebuild_indexes(Store& store) {
  sqlite3* db = StoreAccess::db(store);
  if (Status s = exec(db, "BEGIN IMMEDIATE"); !s) return s;
  auto fail = [&](const Status& s) {
    exec(db, "ROLLBACK");
    return s;
  };
  auto ids = Statement::prepare(db, "SELECT id FROM documents ORDER BY id");
  if (!ids) return fail(ids.status());
  std::vector<int64_t> docs;
  for (;;) {
    auto row = ids->step();
    if (!row) return fail(row.status());
    if (!*row) break;
    docs.push_back(ids->integer(0));
  }
  for (int64_t id : docs) {
    if (Status s = index_document(db, id); !s) return fail(s);
  }
  return exec(db, "COMMIT");
}

Result<std::vector<SearchHit>> search(Store& store, const std::string& query,
                                      const SearchOptions& o) {
  auto terms = parse_query(query);
  if (!terms) return terms.status();
  const std::string expr = fts_expression(*terms);
  sqlite3* db = StoreAccess::db(store);
  std::vector<SearchHit> out;
  if (o.tasks) {
    auto st = Statement::prepare(db,
        "SELECT s.rowid, bm25(task_search), t.document_id, d.source, d.number, d.symbol, t.item, "
        "t.text, (SELECT group_concat(name, '; ') FROM assignees a WHERE a.task_id = t.id) FROM "
        "task_search s JOIN tasks t ON t.id = s.rowid JOIN documents d ON d.id = t.document_id "
        "WHERE task_search MATCH ? ORDER BY s.rowid DESC");
    if (!st) return st.status();
    st->bind(1, expr);
    for (;;) {
      auto row = st->step();
      if (!row) return row.status().with_context("search '" + query + "'");
      if (!*row) break;
      if (o.limit > 0 && static_cast<int64_t>(out.size()) >= o.limit) break;
      SearchHit h;
      h.kind = "task";
      h.task_id = st->integer(0);
      h.rank = st->real(1);
      h.document_id = st->integer(2);
      h.source = st->text(3);
      h.doc_number = doc_number(st->opt_text(4), st->opt_text(5));
      h.item = st->text(6);
      const std::string text = st->text(7);
      const std::string bodies = st->opt_text(8).value_or("");
      Matches m = find_terms(text, *terms, o.exact);
      if (o.exact && !m.all) {
        // The terms may be split between the text and the bodies.
        Matches both = find_terms(text + " \n " + bodies, *terms, true);
        if (!both.all) continue;
      }
      bool any = std::find(m.hit.begin(), m.hit.end(), true) != m.hit.end();
      h.snippet = any || bodies.empty() ? make_snippet(text, m, o)
                                        : make_snippet(bodies, find_terms(bodies, *terms, o.exact), o);
      out.push_back(std::move(h));
    }
  }
  if (o.documents) {
    auto st = Statement::prepare(db,
        "SELECT s.rowid, bm25(document_search), d.source, d.number, d.symbol, coalesce(d.doc_type, '') "
        "|| ' — ' || coalesce(d.subject, ''), (SELECT group_concat(text, char(12)) FROM (SELECT text FROM "
        "pages p WHERE p.document_id = d.id ORDER BY page)) FROM document_search s JOIN "
        "documents d ON d.id = s.rowid WHERE document_search MATCH ? ORDER BY s.rowid DESC");
    if (!st) return st.status();
    st->bind(1, expr);
    int64_t found = 0;
    for (;;) {
      auto row = st->step();
      if (!row) return row.status().with_context("search '" + query + "'");
      if (!*row) break;
      if (o.limit > 0 && found >= o.limit) break;
      SearchHit h;
      h.kind = "document";
      h.document_id = st->integer(0);
      h.rank = st->real(1);
      h.source = st->text(2);
      h.doc_number = doc_number(st->opt_text(3), st->opt_text(4));
      const std::string header = st->opt_text(5).value_or("");
      const std::string body = st->opt_text(6).value_or("");
      Matches mb = find_terms(body, *terms, o.exact);
      if (o.exact && !mb.all && !find_terms(header, *terms, true).all) continue;
      Matches mh = find_terms(header, *terms, o.exact);
      h.snippet = mh.all ? make_snippet(header, mh, o) : make_snippet(body, mb, o);
      out.push_back(std::move(h));
      ++found;
    }
  }
  return out;
}

}  // namespace congvan
