// Tests for src/store: migrations, idempotency, rollback, round trip.
#include <catch2/catch.hpp>

#include "congvan/store.h"
#include "test_support.h"

using namespace congvan;
using congvan::test::TempDir;

namespace {

NewDocument sample_document(const std::string& sha) {
  NewDocument d;
  d.source = "letter.txt";
  d.path = "inbox/letter.txt";
  d.sha256 = sha;
  PageText page;
  page.text = "Kính gửi: Sở Tài chính.\n1. Báo cáo trước ngày 15/12/2023.";
  d.text.pages.push_back(page);
  d.extraction.rules_version = "r-test";
  d.extraction.header.issuer = "UBND tỉnh Quảng Trị";
  d.extraction.header.number = "12";
  d.extraction.header.symbol = "UBND-VX";
  d.extraction.header.recipients = {"Sở Tài chính"};
  d.extraction.header.signer.name = "Lê Văn A";
  d.extraction.references.push_back({"Quyết định", "1085/QĐ-TTg", "2022-09-15", "Thủ tướng Chính phủ"});
  Task t;
  t.item = "1";
  t.text = "Báo cáo trước ngày 15/12/2023.";
  t.lead = {{"Sở Tài chính", "Sở Tài chính"}};
  t.support = {{"Sở Tư pháp", std::nullopt}};
  Deadline dl;
  dl.kind = "by_date";
  dl.due = "2023-12-15";
  dl.text = "trước ngày 15/12/2023";
  t.deadlines.push_back(dl);
  Deadline rec;
  rec.kind = "recurring";
  rec.every = "month";
  rec.day = 20;
  rec.text = "trước ngày 20 hằng tháng";
  t.deadlines.push_back(rec);
  t.targets.push_back({">=", 50, "%", "ít nhất 50%", false});
  t.span = {1, 25, 57};
  d.extraction.tasks.push_back(t);
  return d;
}

}  // namespace

TEST_CASE("a new database is migrated from empty to the current schema") {
  TempDir dir;
  auto store = Store::open(dir / "sub" / "c.db");
  REQUIRE(store);
  CHECK(store->schema_version() == 6);
  for (const char* table : {"documents", "tasks", "deadlines", "assignees", "targets", "references"}) {
    auto n = store->count_rows(table);
    REQUIRE(n);
    CHECK(*n == 0);
  }
  // Re-opening an up-to-date database changes nothing.
  auto again = Store::open(dir / "sub" / "c.db");
  REQUIRE(again);
  CHECK(again->schema_version() == 6);
}

TEST_CASE("a document round-trips through the store") {
  TempDir dir;
  auto store = Store::open(dir / "c.db");
  REQUIRE(store);
  auto added = store->add_document(sample_document("aa"));
  REQUIRE(added);
  CHECK_FALSE(added->duplicate);
  auto docs = store->load_documents();
  REQUIRE(docs);
  REQUIRE(docs->size() == 1);
  const DocumentRecord& r = (*docs)[0];
  CHECK(r.source == "letter.txt");
  CHECK(r.extraction.header.issuer == std::optional<std::string>("UBND tỉnh Quảng Trị"));
  CHECK(r.extraction.header.recipients == std::vector<std::string>{"Sở Tài chính"});
  REQUIRE(r.extraction.tasks.size() == 1);
  const Task& t = r.extraction.tasks[0];
  CHECK(t.lead[0].name == "Sở Tài chính");
  CHECK(t.support[0].name == "Sở Tư pháp");
  CHECK_FALSE(t.support[0].canonical);
  REQUIRE(t.deadlines.size() == 2);
  CHECK(t.deadlines[0].due == std::optional<std::string>("2023-12-15"));
  CHECK(t.deadlines[1].every == std::optional<std::string>("month"));
  CHECK(t.deadlines[1].day == std::optional<int>(20));
  REQUIRE(t.targets.size() == 1);
  CHECK(t.targets[0].value == 50);
  CHECK(t.span.start == 25);
  CHECK(t.span.end == 57);
  auto text = store->load_text(r.id);
  REQUIRE(text);
  CHECK(text->joined() == sample_document("aa").text.joined());
}

TEST_CASE("adding the same bytes twice writes nothing the second time") {
  TempDir dir;
  auto store = Store::open(dir / "c.db");
  REQUIRE(store);
  auto first = store->add_document(sample_document("same"));
  REQUIRE(first);
  auto second = store->add_document(sample_document("same"));
  REQUIRE(second);
  CHECK(second->duplicate);
  CHECK(second->document_id == first->document_id);
  CHECK(second->duplicate_of == "inbox/letter.txt");
  CHECK(*store->count_rows("documents") == 1);
  CHECK(*store->count_rows("tasks") == 1);
  CHECK(*store->count_rows("deadlines") == 2);
}

TEST_CASE("a failing insert rolls back the whole document") {
  TempDir dir;
  auto store = Store::open(dir / "c.db");
  REQUIRE(store);
  NewDocument bad = sample_document("bad");
  bad.extraction.tasks.push_back(bad.extraction.tasks[0]);  // item "1" twice: UNIQUE fails
  auto added = store->add_document(bad);
  REQUIRE_FALSE(added);
  CHECK(added.message().find("task 1") != std::string::npos);
  for (const char* table : {"documents", "pages", "tasks", "deadlines", "assignees", "targets",
                            "references", "recipients"}) {
    CHECK(*store->count_rows(table) == 0);
  }
  // The store is still usable after the rollback.
  REQUIRE(store->add_document(sample_document("good")));
  CHECK(*store->count_rows("documents") == 1);
}

TEST_CASE("replace_extraction swaps tasks in one transaction") {
  TempDir dir;
  auto store = Store::open(dir / "c.db");
  REQUIRE(store);
  auto added = store->add_document(sample_document("x"));
  REQUIRE(added);
  Extraction ex;
  ex.rules_version = "r-new";
  Task t;
  t.item = "2";
  t.text = "Khác.";
  ex.tasks.push_back(t);
  REQUIRE(store->replace_extraction(added->document_id, ex));
  auto doc = store->load_document(added->document_id);
  REQUIRE(doc);
  CHECK(doc->extraction.rules_version == "r-new");
  REQUIRE(doc->extraction.tasks.size() == 1);
  CHECK(doc->extraction.tasks[0].item == "2");
  CHECK(*store->count_rows("deadlines") == 0);
  CHECK(*store->count_rows("references") == 0);
}

TEST_CASE("find_deadlines filters by due date and orders soonest first") {
  TempDir dir;
  auto store = Store::open(dir / "c.db");
  REQUIRE(store);
  REQUIRE(store->add_document(sample_document("y")));
  auto all = store->find_deadlines({});
  REQUIRE(all);
  REQUIRE(all->size() == 2);
  CHECK((*all)[0].deadline.due == std::optional<std::string>("2023-12-15"));
  CHECK((*all)[0].doc_number == std::optional<std::string>("12/UBND-VX"));
  CHECK((*all)[0].lead == std::vector<std::string>{"Sở Tài chính"});
  CHECK((*all)[1].deadline.kind == "recurring");
  DeadlineQuery q;
  q.due_before = "2023-12-14";
  CHECK(store->find_deadlines(q)->empty());
  q.due_before = "2023-12-15";
  CHECK(store->find_deadlines(q)->size() == 1);
}

TEST_CASE("a database from a newer congvan is refused with a clear message") {
  TempDir dir;
  {
    auto store = Store::open(dir / "c.db");
    REQUIRE(store);
  }
  std::string cmd = "sqlite3 " + (dir / "c.db").string() + " 'PRAGMA user_version = 99' 2>/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);  // sqlite3 shell: installed by scripts/setup.sh
  auto store = Store::open(dir / "c.db");
  REQUIRE_FALSE(store);
  CHECK(store.message().find("newer congvan") != std::string::npos);
}
