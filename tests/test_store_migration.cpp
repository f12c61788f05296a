// Tests for the schema upgrades on a database that holds letters: 4 → 5 keeps
// every row and task id, makes ids never reused, fills the query tables, and
// indexes the letters stored before the search index existed; 5 → 6 fills
// the deadline listing as writing the letters would; and task ids stay with
// (letter, item) across reextract.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "congvan/query.h"
#include "congvan/store.h"
#include "store/schema.h"
#include "test_support.h"

using namespace congvan;
using congvan::test::TempDir;

namespace {

// A schema-4 database written with the sqlite3 shell (installed by
// scripts/setup.sh): migrations 1–4, then two letters as congvan 4 stored
// them. Letter 1 has its name keys and search rows; letter 2 was stored
// before migration 3 added them (its upgrade left them empty). Task ids 7
// and 9 are not contiguous on purpose.
void make_schema4_database(const std::filesystem::path& db) {
  std::string sql;
  for (int v = 0; v < 4; ++v) sql += std::string(schema_migrations()[v]) + "\n";
  sql += R"sql(
PRAGMA user_version = 4;
INSERT INTO documents(id, sha256, source, path, pages, text_origin, issuer, number, symbol,
                      subject, rules_version, ingested_at, extracted_at) VALUES
  (1, 'a1', 'qt.txt', 'inbox/qt.txt', 1, 'plain-text', 'UBND tỉnh Quảng Trị', '3692',
   'UBND-KSTTHC', 'Cải cách thủ tục hành chính', 'r4', '2024-01-02T00:00:00Z', '2024-01-02T00:00:00Z'),
  (2, 'b2', 'hy.txt', 'inbox/hy.txt', 1, 'plain-text', 'UBND tỉnh Hưng Yên', '88', 'KH-UBND',
   'Chuyển đổi số', 'r4', '2023-05-02T00:00:00Z', '2023-05-02T00:00:00Z');
INSERT INTO pages(document_id, page, text, origin) VALUES
  (1, 1, 'Sở Tài chính rà soát thủ tục hành chính nội bộ.', 'plain-text'),
  (2, 1, 'STC báo cáo kết quả số hóa hồ sơ trước ngày 10/01/2024.', 'plain-text');
INSERT INTO tasks(id, document_id, position, item, text, span_page, span_start, span_end, status) VALUES
  (7, 1, 0, '1', 'Rà soát thủ tục hành chính nội bộ.', 1, 0, 40, 'done'),
  (9, 2, 0, '1', 'Báo cáo kết quả số hóa hồ sơ.', 1, 0, 50, 'open');
INSERT INTO assignees(task_id, role, position, name, canonical) VALUES
  (7, 'lead', 0, 'Sở Tài chính', 'Sở Tài chính'),
  (9, 'lead', 0, 'STC', 'Sở Tài chính');
INSERT INTO deadlines(task_id, position, kind, due, every, day, text) VALUES
  (7, 0, 'by_date', '2024-03-31', NULL, NULL, 'trước ngày 31/3/2024'),
  (9, 0, 'by_date', '2024-01-10', NULL, NULL, 'trước ngày 10/01/2024'),
  (9, 1, 'recurring', NULL, 'month', 20, 'trước ngày 20 hằng tháng');
INSERT INTO task_followup(document_id, item, status, note, updated_at, updated_by) VALUES
  (1, '1', 'done', 'xong', '2024-02-01T00:00:00Z', 'lan');
INSERT INTO body_keys(id, key) VALUES (1, 'so tai chinh');
INSERT INTO task_bodies(task_id, role, key_id) VALUES (7, 'lead', 1);
INSERT INTO task_search(rowid, text, bodies) VALUES (7, 'ra soat thu tuc hanh chinh noi bo', 'so tai chinh');
INSERT INTO document_search(rowid, header, body) VALUES
  (1, 'ubnd tinh quang tri cai cach thu tuc hanh chinh', 'so tai chinh ra soat thu tuc hanh chinh noi bo');
)sql";
  const auto script = db.parent_path() / "schema4.sql";
  std::ofstream(script) << sql;
  const std::string cmd = "sqlite3 " + db.string() + " < " + script.string();
  REQUIRE(std::system(cmd.c_str()) == 0);
}

// The rows of a table as the sqlite3 shell prints them, in key order.
std::string dump(const std::filesystem::path& db, const std::string& query) {
  const auto out = db.parent_path() / "dump.txt";
  const std::string cmd = "sqlite3 " + db.string() + " \"" + query + "\" > " + out.string();
  REQUIRE(std::system(cmd.c_str()) == 0);
  return congvan::test::read_file(out);
}

std::vector<int64_t> task_ids(Store& store, int64_t document_id) {
  auto view = show_document(store, document_id);
  REQUIRE(view.is_ok());
  std::vector<int64_t> ids;
  for (const auto& t : view->tasks) ids.push_back(t.task_id);
  return ids;
}

Task task(const std::string& item, const std::string& text) {
  Task t;
  t.item = item;
  t.text = text;
  t.lead = {{"Sở Tài chính", "Sở Tài chính"}};
  t.span = {1, 0, static_cast<int64_t>(text.size())};
  return t;
}

}  // namespace

TEST_CASE("migration 4 to 5 keeps letters, task ids and follow-up, and indexes old letters") {
  TempDir dir;
  make_schema4_database(dir / "old.db");
  auto store = Store::open(dir / "old.db");
  REQUIRE(store);
  CHECK(store->schema_version() == 6);
  CHECK(*store->count_rows("documents") == 2);
  CHECK(*store->count_rows("tasks") == 2);
  CHECK(*store->count_rows("assignees") == 2);
  CHECK(*store->count_rows("deadlines") == 3);
  CHECK(task_ids(*store, 1) == std::vector<int64_t>{7});
  CHECK(task_ids(*store, 2) == std::vector<int64_t>{9});
  auto view = show_document(*store, 1);
  REQUIRE(view.is_ok());
  CHECK(view->tasks[0].status == "done");
  CHECK(view->tasks[0].note == "xong");

  // Letter 2 was stored before the search index: the upgrade indexed it.
  auto hits = search(*store, "so hoa ho so", {});
  REQUIRE(hits.is_ok());
  std::vector<std::string> got;
  for (const auto& h : *hits) got.push_back(h.kind + " " + std::to_string(h.kind == "task" ? h.task_id : h.document_id));
  CHECK(got == std::vector<std::string>{"task 9", "document 2"});

  // The body filter (due_by_body) finds the tasks of both letters: letter 1
  // through its old name keys, letter 2 through the keys made on upgrade.
  QueryFilter f;
  f.as_of = "2024-01-01";
  f.status = "all";
  f.lead = BodyFilter{"so tai chinh", {}};
  auto rows = find_deadlines(*store, f);
  REQUIRE(rows.is_ok());
  got.clear();
  for (const auto& r : *rows) got.push_back(std::to_string(r.task_id) + " " + r.effective_due.value_or("-"));
  CHECK(got == std::vector<std::string>{"9 2024-01-10", "9 2024-01-20", "7 2024-03-31"});

  // 5 → 6: the listing the upgrade wrote is the one writing the letters
  // gives (rebuild_indexes rewrites every letter's rows).
  const std::string listing_sql = "SELECT * FROM deadline_list ORDER BY due_key, deadline_id";
  const std::string upgraded = dump(dir / "old.db", listing_sql);
  CHECK(upgraded ==
        "2024-01-10|2|0|0|2|9|by_date|open|0so tai chinh|2024-01-10|||||||trước ngày 10/01/2024|0|"
        "hy.txt|b2|88|KH-UBND|UBND tỉnh Hưng Yên|1|Báo cáo kết quả số hóa hồ sơ.|STC|\n"
        "2024-03-31|1|0|0|1|7|by_date|done|0so tai chinh|2024-03-31|||||||trước ngày 31/3/2024|0|"
        "qt.txt|a1|3692|UBND-KSTTHC|UBND tỉnh Quảng Trị|1|Rà soát thủ tục hành chính nội bộ.|"
        "Sở Tài chính|\n"
        "rmonth:20|2|0|1|3|9|recurring|open|0so tai chinh||||||month|20|trước ngày 20 hằng "
        "tháng|0|hy.txt|b2|88|KH-UBND|UBND tỉnh Hưng Yên|1|Báo cáo kết quả số hóa hồ sơ.|STC|\n");
  REQUIRE(rebuild_indexes(*store).is_ok());
  CHECK(dump(dir / "old.db", listing_sql) == upgraded);

  // The report counts from the tables the upgrade filled: task 7 is done.
  auto report = lead_report(*store, "2024-01-15", 7);
  REQUIRE(report.is_ok());
  REQUIRE(report->size() == 1);
  CHECK((*report)[0].lead == "Sở Tài chính");
  CHECK((*report)[0].open == 1);
  CHECK((*report)[0].due_soon == 1);  // the 20th of the month
  CHECK((*report)[0].overdue == 1);   // 10/01/2024
  // Closing and reopening the task moves the counts (triggers on lead_tasks).
  REQUIRE(set_task_status(*store, 9, "done", std::nullopt, "lan").is_ok());
  report = lead_report(*store, "2024-01-15", 7);
  REQUIRE(report.is_ok());
  CHECK(report->empty());
  REQUIRE(set_task_status(*store, 9, "open", std::nullopt, "lan").is_ok());
  report = lead_report(*store, "2024-01-15", 7);
  REQUIRE(report.is_ok());
  REQUIRE(report->size() == 1);
  CHECK((*report)[0].open == 1);
  CHECK((*report)[0].overdue == 1);

  // New tasks continue after the highest id; a deleted id is never given again.
  Extraction none;
  none.rules_version = "r5";
  REQUIRE(store->replace_extraction(2, none));
  Extraction one = none;
  one.tasks.push_back(task("2", "Triển khai chữ ký số."));
  REQUIRE(store->replace_extraction(2, one));
  CHECK(task_ids(*store, 2) == std::vector<int64_t>{10});
}

TEST_CASE("a task keeps its id, status and corrections across reextract") {
  TempDir dir;
  auto store = Store::open(dir / "c.db");
  REQUIRE(store);
  NewDocument d;
  d.source = "a.txt";
  d.path = "inbox/a.txt";
  d.sha256 = "a";
  d.text.pages.push_back(PageText{});
  d.extraction.rules_version = "r1";
  d.extraction.tasks = {task("1", "Rà soát."), task("2", "Báo cáo."), task("3", "Công khai.")};
  auto added = store->add_document(d);
  REQUIRE(added);
  const int64_t doc = added->document_id;
  REQUIRE(task_ids(*store, doc) == std::vector<int64_t>{1, 2, 3});
  REQUIRE(set_task_status(*store, 2, "done", std::string("đã gửi"), "lan").is_ok());
  Correction c;
  c.text = "Báo cáo UBND tỉnh.";
  REQUIRE(correct_task(*store, 2, c, "lan").is_ok());

  // New rules: item 1 disappears, 2 moves to the front, 4 is new.
  Extraction ex;
  ex.rules_version = "r2";
  ex.tasks = {task("2", "Báo cáo kết quả."), task("3", "Công khai."), task("4", "Tập huấn.")};
  REQUIRE(store->replace_extraction(doc, ex));
  CHECK(task_ids(*store, doc) == std::vector<int64_t>{2, 3, 4});
  auto view = show_document(*store, doc);
  REQUIRE(view.is_ok());
  CHECK(view->tasks[0].status == "done");
  CHECK(view->tasks[0].note == "đã gửi");
  CHECK(view->tasks[0].corrected == std::vector<std::string>{"text"});
  CHECK(view->record.extraction.tasks[0].text == "Báo cáo UBND tỉnh.");
  auto trail = task_audit(*store, 2);
  REQUIRE(trail.is_ok());
  CHECK(trail->size() == 3);  // status, note, text

  // Item 1 comes back: a new id, never the freed 1.
  ex.tasks.push_back(task("1", "Rà soát."));
  REQUIRE(store->replace_extraction(doc, ex));
  CHECK(task_ids(*store, doc) == std::vector<int64_t>{2, 3, 4, 5});
}
