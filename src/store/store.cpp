// The SQLite store: opening and migrating, writing a document in one
// transaction, loading documents back and the deadline query.
#include "congvan/store.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>

#include "store/query_hooks.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "store/store_impl.h"

namespace congvan {

std::filesystem::path default_database_path() {
  if (const char* env = std::getenv("CONGVAN_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    return std::filesystem::path(xdg) / "congvan" / "congvan.db";
  }
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "congvan" /
         "congvan.db";
}



Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

int Store::schema_version() const { return impl_->version; }

Result<Store> Store::open(const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  sqlite3* raw = nullptr;
  // NOMUTEX: a Store belongs to one thread at a time (store.h), so SQLite
  // need not lock the connection around every call; a listing of forty
  // thousand rows makes a million of them (8 % of its time).
  int rc = sqlite3_open_v2(path.c_str(), &raw,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  auto impl = std::make_unique<Impl>();
  impl->db.reset(raw);
  if (rc != SQLITE_OK) {
    return Status::error(path.string() + ": cannot open database: " +
                         (raw ? sqlite3_errmsg(raw) : "out of memory"));
  }
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_extended_result_codes(raw, 1);
  auto ctx = [&](const Status& s) { return s.with_context(path.string()); };
  if (Status s = exec(raw, "PRAGMA foreign_keys = ON"); !s) return ctx(s);
  // WAL may be refused on a read-only medium; the store still opens read-only then.
  exec(raw, "PRAGMA journal_mode = WAL");
  exec(raw, "PRAGMA synchronous = NORMAL");
  // Before the migrations: 5 → 6 folds lead names with congvan_fold.
  register_query_functions(raw);

  auto ver = Statement::prepare(raw, "PRAGMA user_version");
  if (!ver) return ctx(ver.status());
  auto has = ver->step();
  if (!has) return ctx(has.status());
  int version = static_cast<int>(ver->integer(0));
  ver->reset();  // an open statement would lock the tables a migration drops
  const auto& migrations = schema_migrations();
  if (version > static_cast<int>(migrations.size())) {
    return Status::error(path.string() + ": database was made by a newer congvan (schema " +
                         std::to_string(version) + "), upgrade congvan");
  }
  // Foreign keys off while migrating: a migration that rebuilds a table
  // (4 → 5) must not cascade its DROP into the tables that point at it.
  // They are checked before each commit and switched on again after.
  if (version < static_cast<int>(migrations.size())) {
    if (Status s = exec(raw, "PRAGMA foreign_keys = OFF"); !s) return ctx(s);
  }
  for (int v = version; v < static_cast<int>(migrations.size()); ++v) {
    Transaction tx(raw);
    if (Status s = tx.begin(); !s) return ctx(s);
    if (Status s = exec(raw, migrations[v]); !s) return ctx(s);
    if (v + 1 == static_cast<int>(migrations.size())) {
      // Documents stored before the search index and name keys existed
      // (migration 2 → 3 made them empty) are indexed now, in the same
      // transaction: search finds them without a separate step.
      if (Status s = index_unindexed_documents(raw); !s) return ctx(s.with_context("indexing stored letters"));
    }
    auto check = Statement::prepare(raw, "PRAGMA foreign_key_check");
    if (!check) return ctx(check.status());
    auto broken = check->step();
    if (!broken) return ctx(broken.status());
    if (*broken) {
      return Status::error(path.string() + ": migration to schema " + std::to_string(v + 1) +
                           " left a dangling row in " + check->text(0) + "; nothing was changed");
    }
    check->reset();
    if (Status s = exec(raw, "PRAGMA user_version = " + std::to_string(v + 1)); !s) return ctx(s);
    if (Status s = tx.commit(); !s) return ctx(s);
  }
  if (Status s = exec(raw, "PRAGMA foreign_keys = ON"); !s) return ctx(s);
  impl->version = static_cast<int>(migrations.size());
  return Store(std::move(impl));
}

Result<std::optional<int64_t>> Store::find_by_sha256(const std::string& sha256) {
  auto st = Statement::prepare(impl_->db.get(), "SELECT id FROM documents WHERE sha256 = ?");
  if (!st) return st.status();
  st->bind(1, sha256);
  auto row = st->step();
  if (!row) return row.status();
  if (!*row) return std::optional<int64_t>();
  return std::optional<int64_t>(st->integer(0));
}

Status Store::Impl::write_extraction(int64_t doc_id, const Extraction& ex,
                                     const std::map<std::string, int64_t>& ids) {
  sqlite3* d = db.get();
  const LetterHeader& h = ex.header;
  auto upd = Statement::prepare(d,
      "UPDATE documents SET issuer=?, doc_type=?, number=?, symbol=?, place=?, date=?, "
      "subject=?, signer_name=?, signer_title=?, signer_authority=?, rules_version=?, "
      "extracted_at=? WHERE id=?");
  if (!upd) return upd.status();
  upd->bind(1, h.issuer).bind(2, h.doc_type).bind(3, h.number).bind(4, h.symbol)
      .bind(5, h.place).bind(6, h.date).bind(7, h.subject).bind(8, h.signer.name)
      .bind(9, h.signer.title).bind(10, h.signer.authority).bind(11, ex.rules_version)
      .bind(12, now_utc_iso()).bind(13, doc_id);
  if (Status s = upd->run(); !s) return s;

  auto rec = Statement::prepare(d, "INSERT INTO recipients(document_id, position, name) VALUES (?,?,?)");
  if (!rec) return rec.status();
  for (size_t i = 0; i < h.recipients.size(); ++i) {
    rec->bind(1, doc_id).bind(2, static_cast<int64_t>(i)).bind(3, h.recipients[i]);
    if (Status s = rec->run(); !s) return s;
  }
  auto ref = Statement::prepare(d,
      "INSERT INTO \"references\"(document_id, position, type, number, date, issuer) "
      "VALUES (?,?,?,?,?,?)");
  if (!ref) return ref.status();
  for (size_t i = 0; i < ex.references.size(); ++i) {
    const Reference& r = ex.references[i];
    ref->bind(1, doc_id).bind(2, static_cast<int64_t>(i)).bind(3, r.type).bind(4, r.number)
        .bind(5, r.date).bind(6, r.issuer);
    if (Status s = ref->run(); !s) return s;
  }
  auto task = Statement::prepare(d,
      "INSERT INTO tasks(document_id, position, item, text, span_page, span_start, span_end, id) "
      "VALUES (?,?,?,?,?,?,?,?)");
  auto who = Statement::prepare(d,
      "INSERT INTO assignees(task_id, role, position, name, canonical) VALUES (?,?,?,?,?)");
  auto dl = Statement::prepare(d,
      "INSERT INTO deadlines(task_id, position, kind, due, time, count, unit, anchor, every, "
      "day, text, needs_review) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  auto tg = Statement::prepare(d,
      "INSERT INTO targets(task_id, position, comparator, value, unit, text, needs_review) "
      "VALUES (?,?,?,?,?,?,?)");
  if (!task) return task.status();
  if (!who) return who.status();
  if (!dl) return dl.status();
  if (!tg) return tg.status();
  for (size_t i = 0; i < ex.tasks.size(); ++i) {
    const Task& t = ex.tasks[i];
    task->bind(1, doc_id).bind(2, static_cast<int64_t>(i)).bind(3, t.item).bind(4, t.text)
        .bind(5, t.span.page).bind(6, t.span.start).bind(7, t.span.end);
    if (auto kept = ids.find(t.item); kept != ids.end()) task->bind(8, kept->second);
    else task->bind_null(8);
    if (Status s = task->run(); !s) return s.with_context("task " + t.item);
    int64_t task_id = sqlite3_last_insert_rowid(d);
    auto add_people = [&](const std::vector<Assignee>& people, const char* role) -> Status {
      for (size_t j = 0; j < people.size(); ++j) {
        who->bind(1, task_id).bind(2, role).bind(3, static_cast<int64_t>(j))
            .bind(4, people[j].name).bind(5, people[j].canonical);
        if (Status s = who->run(); !s) return s;
      }
      return Status::ok();
    };
    if (Status s = add_people(t.lead, "lead"); !s) return s;
    if (Status s = add_people(t.support, "support"); !s) return s;
    for (size_t j = 0; j < t.deadlines.size(); ++j) {
      const Deadline& x = t.deadlines[j];
      std::optional<int64_t> count, day;
      if (x.count) count = *x.count;
      if (x.day) day = *x.day;
      dl->bind(1, task_id).bind(2, static_cast<int64_t>(j)).bind(3, x.kind).bind(4, x.due)
          .bind(5, x.time).bind(6, count).bind(7, x.unit).bind(8, x.anchor).bind(9, x.every)
          .bind(10, day).bind(11, x.text).bind(12, x.needs_review);
      if (Status s = dl->run(); !s) return s.with_context("task " + t.item);
    }
    for (size_t j = 0; j < t.targets.size(); ++j) {
      const Target& x = t.targets[j];
      tg->bind(1, task_id).bind(2, static_cast<int64_t>(j)).bind(3, x.comparator)
          .bind(4, x.value).bind(5, x.unit).bind(6, x.text).bind(7, x.needs_review);
      if (Status s = tg->run(); !s) return s.with_context("task " + t.item);
    }
  }
  return Status::ok();
}

Status Store::Impl::delete_extraction(int64_t doc_id) {
  for (const char* sql : {"DELETE FROM tasks WHERE document_id = ?",
                          "DELETE FROM recipients WHERE document_id = ?",
                          "DELETE FROM \"references\" WHERE document_id = ?"}) {
    auto st = Statement::prepare(db.get(), sql);
    if (!st) return st.status();
    st->bind(1, doc_id);
    if (Status s = st->run(); !s) return s;
  }
  return Status::ok();
}

Result<AddOutcome> Store::add_document(const NewDocument& doc) {
  sqlite3* d = impl_->db.get();
  Transaction tx(d);
  if (Status s = tx.begin(); !s) return s;
  auto existing = Statement::prepare(d, "SELECT id, path FROM documents WHERE sha256 = ?");
  if (!existing) return existing.status();
  existing->bind(1, doc.sha256);
  auto row = existing->step();
  if (!row) return row.status();
  if (*row) {
    AddOutcome out;
    out.document_id = existing->integer(0);
    out.duplicate = true;
    out.duplicate_of = existing->text(1);
    return out;  // the destructor rolls back the empty transaction
  }
  auto ins = Statement::prepare(d,
      "INSERT INTO documents(sha256, source, path, pages, text_origin, ocr_confidence, "
      "rules_version, ingested_at, extracted_at) VALUES (?,?,?,?,?,?,?,?,?)");
  if (!ins) return ins.status();
  const std::string now = now_utc_iso();
  ins->bind(1, doc.sha256).bind(2, doc.source).bind(3, doc.path)
      .bind(4, static_cast<int64_t>(doc.text.pages.size()))
      .bind(5, to_string(doc.text.origin())).bind(6, doc.text.ocr_confidence())
      .bind(7, doc.extraction.rules_version).bind(8, now).bind(9, now);
  if (Status s = ins->run(); !s) return s;
  const int64_t doc_id = sqlite3_last_insert_rowid(d);

  auto page = Statement::prepare(d,
      "INSERT INTO pages(document_id, page, text, raw_text, origin, confidence) "
      "VALUES (?,?,?,?,?,?)");
  auto word = Statement::prepare(d,
      "INSERT INTO ocr_words(document_id, page, position, text, x, y, width, height, "
      "confidence, char_start, char_end) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  if (!page) return page.status();
  if (!word) return word.status();
  for (size_t i = 0; i < doc.text.pages.size(); ++i) {
    const PageText& p = doc.text.pages[i];
    std::optional<std::string> raw;
    if (!p.raw_text.empty()) raw = p.raw_text;
    page->bind(1, doc_id).bind(2, static_cast<int64_t>(i + 1)).bind(3, p.text).bind(4, raw)
        .bind(5, to_string(p.origin)).bind(6, p.confidence);
    if (Status s = page->run(); !s) return s;
    for (size_t j = 0; j < p.words.size(); ++j) {
      const OcrWord& w = p.words[j];
      std::optional<int64_t> cs, ce;
      if (w.start >= 0) cs = w.start;
      if (w.end >= 0) ce = w.end;
      word->bind(1, doc_id).bind(2, static_cast<int64_t>(i + 1)).bind(3, static_cast<int64_t>(j))
          .bind(4, w.text).bind(5, w.x).bind(6, w.y).bind(7, w.width).bind(8, w.height)
          .bind(9, static_cast<double>(w.confidence)).bind(10, cs).bind(11, ce);
      if (Status s = word->run(); !s) return s;
    }
  }
  if (Status s = impl_->write_extraction(doc_id, doc.extraction); !s) return s;
  if (Status s = index_document(d, doc_id); !s) return s;
  if (Status s = tx.commit(); !s) return s;
  AddOutcome out;
  out.document_id = doc_id;
  return out;
}

Status Store::replace_extraction(int64_t document_id, const Extraction& extraction) {
  Transaction tx(impl_->db.get());
  if (Status s = tx.begin(); !s) return s;
  // The same (document, item) keeps its task id: the id a clerk noted still
  // names the same task after new rules rewrite the letter's tasks.
  std::map<std::string, int64_t> ids;
  auto old = Statement::prepare(impl_->db.get(), "SELECT item, id FROM tasks WHERE document_id = ?");
  if (!old) return old.status();
  old->bind(1, document_id);
  if (Status s = old->each_row([&] {
    ids.emplace(old->text(0), old->integer(1));
  }); !s) return s;
  old->reset();
  if (Status s = impl_->delete_extraction(document_id); !s) return s;
  if (Status s = impl_->write_extraction(document_id, extraction, ids); !s) return s;
  if (Status s = reapply_followup(impl_->db.get(), document_id); !s) return s;
  if (Status s = index_document(impl_->db.get(), document_id); !s) return s;
  return tx.commit();
}

namespace {

constexpr const char* kDocColumns =
    "id, source, path, sha256, pages, text_origin, ocr_confidence, ingested_at, issuer, "
    "doc_type, number, symbol, place, date, subject, signer_name, signer_title, "
    "signer_authority, rules_version";

}  // namespace

// A row of `SELECT kDocColumns`: the document with its extraction.
Result<DocumentRecord> Store::Impl::read_document(Statement& st) {
  DocumentRecord r;
  r.id = st.integer(0);
  r.source = st.text(1);
  r.path = st.text(2);
  r.sha256 = st.text(3);
  r.pages = static_cast<int>(st.integer(4));
  r.origin = text_origin_from_string(st.text(5)).value_or(TextOrigin::kPlainText);
  r.ocr_confidence = st.opt_real(6);
  r.ingested_at = st.text(7);
  auto ex = read_extraction(r.id, st, 8);
  if (!ex) return ex.status();
  r.extraction = std::move(ex.value());
  return r;
}

Result<Extraction> Store::Impl::read_extraction(int64_t doc_id, Statement& r, int c) {
  Extraction ex;
  LetterHeader& h = ex.header;
  h.issuer = r.opt_text(c + 0);
  h.doc_type = r.opt_text(c + 1);
  h.number = r.opt_text(c + 2);
  h.symbol = r.opt_text(c + 3);
  h.place = r.opt_text(c + 4);
  h.date = r.opt_text(c + 5);
  h.subject = r.opt_text(c + 6);
  h.signer.name = r.opt_text(c + 7);
  h.signer.title = r.opt_text(c + 8);
  h.signer.authority = r.opt_text(c + 9);
  ex.rules_version = r.text(c + 10);
  sqlite3* d = db.get();

  auto rec = Statement::prepare(d, "SELECT name FROM recipients WHERE document_id=? ORDER BY position");
  if (!rec) return rec.status();
  rec->bind(1, doc_id);
  if (Status s = rec->each_row([&] {
    h.recipients.push_back(rec->text(0));
  }); !s) return s;
  auto ref = Statement::prepare(d,
      "SELECT type, number, date, issuer FROM \"references\" WHERE document_id=? ORDER BY position");
  if (!ref) return ref.status();
  ref->bind(1, doc_id);
  if (Status s = ref->each_row([&] {
    ex.references.push_back({ref->text(0), ref->text(1), ref->opt_text(2), ref->opt_text(3)});
  }); !s) return s;
  auto tasks = Statement::prepare(d,
      "SELECT id, item, text, span_page, span_start, span_end FROM tasks WHERE document_id=? "
      "ORDER BY position");
  if (!tasks) return tasks.status();
  tasks->bind(1, doc_id);
  std::map<int64_t, size_t> index;
  if (Status s = tasks->each_row([&] {
    Task t;
    t.item = tasks->text(1);
    t.text = tasks->text(2);
    t.span = {static_cast<int>(tasks->integer(3)), tasks->integer(4), tasks->integer(5)};
    index[tasks->integer(0)] = ex.tasks.size();
    ex.tasks.push_back(std::move(t));
  }); !s) return s;
  auto who = Statement::prepare(d,
      "SELECT a.task_id, a.role, a.name, a.canonical FROM assignees a JOIN tasks t ON "
      "t.id = a.task_id WHERE t.document_id=? ORDER BY a.task_id, a.role, a.position");
  if (!who) return who.status();
  who->bind(1, doc_id);
  if (Status s = who->each_row([&] {
    Task& t = ex.tasks[index[who->integer(0)]];
    (who->text(1) == "lead" ? t.lead : t.support).push_back({who->text(2), who->opt_text(3)});
  }); !s) return s;
  auto dl = Statement::prepare(d,
      "SELECT x.task_id, kind, due, time, count, unit, anchor, every, day, x.text, needs_review "
      "FROM deadlines x JOIN tasks t ON t.id = x.task_id WHERE t.document_id=? "
      "ORDER BY x.task_id, x.position");
  if (!dl) return dl.status();
  dl->bind(1, doc_id);
  if (Status s = dl->each_row([&] {
    Deadline x;
    x.kind = dl->text(1);
    x.due = dl->opt_text(2);
    x.time = dl->opt_text(3);
    if (auto v = dl->opt_integer(4)) x.count = static_cast<int>(*v);
    x.unit = dl->opt_text(5);
    x.anchor = dl->opt_text(6);
    x.every = dl->opt_text(7);
    if (auto v = dl->opt_integer(8)) x.day = static_cast<int>(*v);
    x.text = dl->text(9);
    x.needs_review = dl->integer(10) != 0;
    ex.tasks[index[dl->integer(0)]].deadlines.push_back(std::move(x));
  }); !s) return s;
  auto tg = Statement::prepare(d,
      "SELECT x.task_id, comparator, value, unit, x.text, needs_review FROM targets x JOIN "
      "tasks t ON t.id = x.task_id WHERE t.document_id=? ORDER BY x.task_id, x.position");
  if (!tg) return tg.status();
  tg->bind(1, doc_id);
  if (Status s = tg->each_row([&] {
    Target x;
    x.comparator = tg->text(1);
    x.value = tg->real(2);
    x.unit = tg->text(3);
    x.text = tg->text(4);
    x.needs_review = tg->integer(5) != 0;
    ex.tasks[index[tg->integer(0)]].targets.push_back(std::move(x));
  }); !s) return s;
  return ex;
}

Result<std::vector<DocumentRecord>> Store::load_documents() {
  std::vector<DocumentRecord> out;
  if (Status s = each_document([&](const DocumentRecord& r) {
        out.push_back(r);
        return Status::ok();
      });
      !s) {
    return s;
  }
  return out;
}

Status Store::each_document(const std::function<Status(const DocumentRecord&)>& on_document) {
  auto st = Statement::prepare(impl_->db.get(),
                               std::string("SELECT ") + kDocColumns + " FROM documents ORDER BY id");
  if (!st) return st.status();
  for (;;) {
    auto s = st->step();
    if (!s) return s.status();
    if (!*s) return Status::ok();
    auto r = impl_->read_document(*st);
    if (!r) return r.status();
    if (Status done = on_document(*r); !done) return done;
  }
}

Result<DocumentRecord> Store::load_document(int64_t document_id) {
  // One row by its key: `congvan show` on a large database reads one letter.
  auto st = Statement::prepare(impl_->db.get(),
                               std::string("SELECT ") + kDocColumns + " FROM documents WHERE id = ?");
  if (!st) return st.status();
  st->bind(1, document_id);
  auto s = st->step();
  if (!s) return s.status();
  if (!*s) return Status::error("no document with id " + std::to_string(document_id));
  return impl_->read_document(*st);
}

Result<DocumentText> Store::load_text(int64_t document_id) {
  auto st = Statement::prepare(impl_->db.get(),
      "SELECT text, raw_text, origin, confidence FROM pages WHERE document_id=? ORDER BY page");
  if (!st) return st.status();
  st->bind(1, document_id);
  DocumentText out;
  if (Status s = st->each_row([&] {
    PageText p;
    p.text = st->text(0);
    p.raw_text = st->opt_text(1).value_or("");
    p.origin = text_origin_from_string(st->text(2)).value_or(TextOrigin::kPlainText);
    p.confidence = st->opt_real(3);
    out.pages.push_back(std::move(p));
  }); !s) return s;
  return out;
}

Result<std::vector<DeadlineRow>> Store::find_deadlines(const DeadlineQuery& q) {
  std::string sql =
      "SELECT x.id, t.id, doc.id, doc.source, doc.number, doc.symbol, t.item, t.text, t.status, "
      "x.kind, x.due, x.time, x.count, x.unit, x.anchor, x.every, x.day, x.text, x.needs_review, "
      "(SELECT group_concat(name, '\x1f') FROM (SELECT name FROM assignees a WHERE "
      " a.task_id = t.id AND a.role = 'lead' ORDER BY a.position)) "
      "FROM deadlines x JOIN tasks t ON t.id = x.task_id JOIN documents doc ON doc.id = "
      "t.document_id WHERE 1";
  if (q.due_before) sql += " AND x.due IS NOT NULL AND x.due <= ?1";
  if (q.due_after) sql += " AND x.due IS NOT NULL AND x.due >= ?2";
  if (q.dated_only) sql += " AND x.due IS NOT NULL";
  sql += " ORDER BY x.due IS NULL, x.due, doc.id, t.position, x.position";
  auto st = Statement::prepare(impl_->db.get(), sql);
  if (!st) return st.status();
  if (q.due_before) st->bind(1, *q.due_before);
  if (q.due_after) st->bind(2, *q.due_after);
  std::vector<DeadlineRow> out;
  for (;;) {
    auto s = st->step();
    if (!s) return s.status();
    if (!*s) break;
    DeadlineRow r;
    r.task_id = st->integer(1);
    r.document_id = st->integer(2);
    r.source = st->text(3);
    auto number = st->opt_text(4);
    auto symbol = st->opt_text(5);
    if (number || symbol) r.doc_number = number.value_or("") + "/" + symbol.value_or("");
    r.item = st->text(6);
    r.task_text = st->text(7);
    r.status = st->text(8);
    Deadline& x = r.deadline;
    x.kind = st->text(9);
    x.due = st->opt_text(10);
    x.time = st->opt_text(11);
    if (auto v = st->opt_integer(12)) x.count = static_cast<int>(*v);
    x.unit = st->opt_text(13);
    x.anchor = st->opt_text(14);
    x.every = st->opt_text(15);
    if (auto v = st->opt_integer(16)) x.day = static_cast<int>(*v);
    x.text = st->text(17);
    x.needs_review = st->integer(18) != 0;
    std::string leads = st->text(19);
    size_t pos = 0;
    while (!leads.empty()) {
      size_t next = leads.find('\x1f', pos);
      r.lead.push_back(leads.substr(pos, next - pos));
      if (next == std::string::npos) break;
      pos = next + 1;
    }
    out.push_back(std::move(r));
  }
  return out;
}

Result<int64_t> Store::count_rows(const std::string& table) {
  static const std::set<std::string> kTables = {"documents", "pages", "ocr_words", "recipients",
                                                "tasks", "assignees", "deadlines", "targets",
                                                "references"};
  if (!kTables.count(table)) return Status::error("unknown table " + table);
  auto st = Statement::prepare(impl_->db.get(), "SELECT count(*) FROM \"" + table + "\"");
  if (!st) return st.status();
  auto s = st->step();
  if (!s) return s.status();
  return st->integer(0);
}

}  // namespace congvan
