// Tests for the query layer (src/store/query.cpp) and the listing commands:
// exact rows for each filter on a hand-made database, diacritic-free and
// abbreviation matches, overdue lists as of fixed dates, recurring dates,
// follow-up surviving reextract, and black-box runs on the samples.
#include <catch2/catch.hpp>

#include <memory>
#include <set>
#include <sstream>
#include <filesystem>

#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include "cli/query_options.h"
#include "cli/table.h"
#include "congvan/query.h"
#include "text/display.h"
#include "query_fixture.h"
#include "test_support.h"

using namespace congvan;
using namespace congvan::test;

namespace {

std::vector<std::string> rows(const Result<std::vector<DeadlineHit>>& hits) {
  REQUIRE(hits.is_ok());
  std::vector<std::string> out;
  for (const auto& h : *hits) {
    out.push_back(h.doc_number.value_or(h.source) + " " + h.item + " " + h.deadline.kind + " " +
                  h.effective_due.value_or("-"));
  }
  return out;
}

QueryFilter as_of(const std::string& date) {
  QueryFilter f;
  f.as_of = date;
  return f;
}

}  // namespace

TEST_CASE("without filters every open deadline is listed, soonest first, undated last", "[query]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  CHECK(rows(find_deadlines(store, as_of("2024-01-10"))) ==
        std::vector<std::string>{
            "3692/UBND-KSTTHC 1 by_date 2023-12-15",
            "3692/UBND-KSTTHC 2 recurring 2024-01-20",
            "45/KH-UBND II by_date 2024-01-20",
            "3692/UBND-KSTTHC 3 within_month 2024-03-31",
            "45/KH-UBND I.1 within_quarter 2024-06-30",
            "/UBND-NC 1 within_year 2024-12-31",
            "45/KH-UBND I.2 relative -",
            "45/KH-UBND II on_event -",
        });
}

TEST_CASE("date filters: before, after, within N days, overdue as of fixed dates", "[query]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  QueryFilter f = as_of("2024-01-10");
  f.due_after = "2024-01-01";
  f.due_before = "2024-03-31";
  CHECK(rows(find_deadlines(store, f)) == std::vector<std::string>{
                                              "3692/UBND-KSTTHC 2 recurring 2024-01-20",
                                              "45/KH-UBND II by_date 2024-01-20",
                                              "3692/UBND-KSTTHC 3 within_month 2024-03-31"});
  f = as_of("2024-01-10");
  f.within_days = 14;
  CHECK(rows(find_deadlines(store, f)) == std::vector<std::string>{
                                              "3692/UBND-KSTTHC 2 recurring 2024-01-20",
                                              "45/KH-UBND II by_date 2024-01-20"});
  f.within_days = 9;  // 2024-01-10 … 2024-01-19
  CHECK(rows(find_deadlines(store, f)).empty());

  f = as_of("2024-01-10");
  f.overdue = true;
  CHECK(rows(find_deadlines(store, f)) ==
        std::vector<std::string>{"3692/UBND-KSTTHC 1 by_date 2023-12-15"});
  f.as_of = "2024-04-01";
  auto late = find_deadlines(store, f);
  CHECK(rows(late) == std::vector<std::string>{"3692/UBND-KSTTHC 1 by_date 2023-12-15",
                                               "45/KH-UBND II by_date 2024-01-20",
                                               "3692/UBND-KSTTHC 3 within_month 2024-03-31"});
  for (const auto& h : *late) CHECK(h.overdue);
  // The due date itself is not late yet.
  f.as_of = "2024-03-31";
  CHECK(rows(find_deadlines(store, f)).size() == 2);
}

TEST_CASE("a filter never returns rows outside its bounds", "[query]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  for (const char* day : {"2023-12-01", "2024-01-10", "2024-01-20", "2024-05-01", "2025-01-01"}) {
    QueryFilter f = as_of(day);
    f.within_days = 30;
    auto hits = find_deadlines(store, f);
    REQUIRE(hits.is_ok());
    for (const auto& h : *hits) {
      REQUIRE(h.effective_due);
      CHECK(*h.effective_due >= day);
    }
    f = as_of(day);
    f.overdue = true;
    auto late = find_deadlines(store, f);
    REQUIRE(late.is_ok());
    for (const auto& h : *late) {
      CHECK(*h.effective_due < std::string(day));
      CHECK(h.status == "open");
    }
  }
}

TEST_CASE("lead and support match without diacritics, case or punctuation", "[query]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  const std::vector<std::string> tai_chinh = {"3692/UBND-KSTTHC 1 by_date 2023-12-15",
                                              "45/KH-UBND I.2 relative -"};
  for (const char* text : {"so tai chinh", "Sở Tài chính", "SỞ TÀI CHÍNH", "sở tài chính"}) {
    QueryFilter f = as_of("2024-01-10");
    f.lead = BodyFilter{text, {}};
    INFO(text);
    CHECK(rows(find_deadlines(store, f)) == tai_chinh);
  }
  // An abbreviation matches once the gazetteer has named the body it means.
  QueryFilter f = as_of("2024-01-10");
  f.lead = BodyFilter{"Sở TC", {"Sở Tài chính"}};
  CHECK(rows(find_deadlines(store, f)) == tai_chinh);
  // Punctuation and "và" do not matter: Sở TT&TT = so tt va tt.
  f.lead = BodyFilter{"so tt va tt", {}};
  CHECK(rows(find_deadlines(store, f)) ==
        std::vector<std::string>{"3692/UBND-KSTTHC 2 recurring 2024-01-20"});
  f.lead = std::nullopt;
  f.support = BodyFilter{"SỞ TT-TT", {}};
  CHECK(rows(find_deadlines(store, f)) == std::vector<std::string>{"45/KH-UBND I.2 relative -"});
  // Whole words of a longer name.
  f.support = std::nullopt;
  f.lead = BodyFilter{"ubnd cac huyen", {}};
  CHECK(rows(find_deadlines(store, f)) ==
        std::vector<std::string>{"3692/UBND-KSTTHC 3 within_month 2024-03-31"});
  f.lead = BodyFilter{"tai chi", {}};  // not a whole word
  CHECK(rows(find_deadlines(store, f)).empty());
}

TEST_CASE("issuer, document, kind, status, sort and limit", "[query]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  QueryFilter f = as_of("2024-01-10");
  f.issuer = "hung yen";
  CHECK(rows(find_deadlines(store, f)) ==
        std::vector<std::string>{"45/KH-UBND II by_date 2024-01-20",
                                 "45/KH-UBND I.1 within_quarter 2024-06-30",
                                 "45/KH-UBND I.2 relative -", "45/KH-UBND II on_event -"});
  f = as_of("2024-01-10");
  for (const char* doc : {"3692", "3692/UBND-KSTTHC", "3692-quang-tri.txt"}) {
    f.doc = doc;
    CHECK(rows(find_deadlines(store, f)).size() == 3);
  }
  f.doc = "/UBND-NC";
  CHECK(rows(find_deadlines(store, f)) ==
        std::vector<std::string>{"/UBND-NC 1 within_year 2024-12-31"});

  f = as_of("2024-01-10");
  f.kinds = {"relative"};
  auto rel = find_deadlines(store, f);
  REQUIRE(rel->size() == 1);
  CHECK(rel->front().deadline.anchor == std::optional<std::string>("ngày có Quyết định phê duyệt"));
  CHECK(rel->front().deadline.count == std::optional<int>(5));
  f.kinds = {"recurring", "on_event"};
  CHECK(rows(find_deadlines(store, f)) ==
        std::vector<std::string>{"3692/UBND-KSTTHC 2 recurring 2024-01-20",
                                 "45/KH-UBND II on_event -"});

  f = as_of("2024-01-10");
  f.sort = "doc";
  f.limit = 4;
  CHECK(rows(find_deadlines(store, f)) ==
        std::vector<std::string>{"3692/UBND-KSTTHC 1 by_date 2023-12-15",
                                 "3692/UBND-KSTTHC 2 recurring 2024-01-20",
                                 "3692/UBND-KSTTHC 3 within_month 2024-03-31",
                                 "45/KH-UBND I.1 within_quarter 2024-06-30"});
  f.sort = "lead";
  f.limit = 0;
  std::vector<std::string> leads;
  auto by_lead = find_deadlines(store, f);
  REQUIRE(by_lead.is_ok());
  for (const auto& h : *by_lead) leads.push_back(h.lead.front());
  CHECK(leads == std::vector<std::string>{"Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Tài chính",
                                          "Sở Tài chính tỉnh Hưng Yên", "Sở TT&TT",
                                          "UBND các huyện, thành phố, thị xã",
                                          "Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"});

  // Done tasks leave the open list and show under --status done.
  REQUIRE(set_task_status(store, 7, "done", std::string("Đã báo cáo"), "clerk").is_ok());
  f = as_of("2024-01-10");
  f.status = "done";
  CHECK(rows(find_deadlines(store, f)) ==
        std::vector<std::string>{"/UBND-NC 1 within_year 2024-12-31"});
  f.status = "open";
  CHECK(rows(find_deadlines(store, f)).size() == 7);
  f.status = "all";
  CHECK(rows(find_deadlines(store, f)).size() == 8);
}

TEST_CASE("the next occurrences of recurring deadlines", "[query]") {
  Deadline m;
  m.kind = "recurring";
  m.every = "month";
  m.day = 20;
  CHECK(next_occurrences(m, "2024-01-21", 3) ==
        std::vector<std::string>{"2024-02-20", "2024-03-20", "2024-04-20"});
  CHECK(next_occurrences(m, "2024-01-20", 1) == std::vector<std::string>{"2024-01-20"});
  CHECK(next_occurrences(m, "2024-12-25", 2) == std::vector<std::string>{"2025-01-20", "2025-02-20"});
  m.day = 31;  // clamped to the month's last day
  CHECK(next_occurrences(m, "2024-02-01", 2) == std::vector<std::string>{"2024-02-29", "2024-03-31"});
  m.day.reset();  // no day: the month's end
  CHECK(next_occurrences(m, "2023-02-10", 1) == std::vector<std::string>{"2023-02-28"});
  Deadline q = m;
  q.every = "quarter";
  CHECK(next_occurrences(q, "2024-05-10", 2) == std::vector<std::string>{"2024-06-30", "2024-09-30"});
  q.every = "half_year";
  CHECK(next_occurrences(q, "2024-07-01", 1) == std::vector<std::string>{"2024-12-31"});
  q.every = "year";
  q.day = 15;
  CHECK(next_occurrences(q, "2024-12-16", 1) == std::vector<std::string>{"2025-12-15"});
  Deadline w;
  w.kind = "recurring";
  w.every = "week";
  w.day = 4;  // Thursday; 2024-01-10 is a Wednesday
  CHECK(next_occurrences(w, "2024-01-10", 2) == std::vector<std::string>{"2024-01-11", "2024-01-18"});
  w.every = "day";
  CHECK(next_occurrences(w, "2024-02-28", 2) == std::vector<std::string>{"2024-02-28", "2024-02-29"});
  // The query shows as many as asked.
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  QueryFilter f = as_of("2024-01-21");
  f.kinds = {"recurring"};
  f.occurrences = 3;
  auto hits = find_deadlines(store, f);
  REQUIRE(hits->size() == 1);
  CHECK(hits->front().next == std::vector<std::string>{"2024-02-20", "2024-03-20", "2024-04-20"});
  CHECK(hits->front().effective_due == std::optional<std::string>("2024-02-20"));
}

TEST_CASE("tasks: one row per task, consistent with the deadlines", "[query]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  auto all = find_tasks(store, as_of("2024-01-10"));
  REQUIRE(all.is_ok());
  std::vector<std::string> got;
  for (const auto& t : *all) got.push_back(std::to_string(t.task_id) + " " + t.first_due.value_or("-"));
  CHECK(got == std::vector<std::string>{"1 2023-12-15", "6 2024-01-20", "3 2024-03-31",
                                        "4 2024-06-30", "7 2024-12-31", "2 2024-01-20", "5 -",
                                        "8 -"});
  QueryFilter f = as_of("2024-04-01");
  f.overdue = true;
  auto late = find_tasks(store, f);
  got.clear();
  for (const auto& t : *late) {
    got.push_back(std::to_string(t.task_id));
    CHECK(t.overdue);
  }
  CHECK(got == std::vector<std::string>{"1", "6", "3"});
  f = as_of("2024-01-10");
  f.lead = BodyFilter{"so y te", {}};
  auto yte = find_tasks(store, f);
  REQUIRE(yte->size() == 1);
  CHECK(yte->front().text == "Kiểm tra an toàn thực phẩm");
  CHECK(yte->front().deadline_count == 0);
}

TEST_CASE("documents: list, resolve and show with task ids", "[query]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  auto docs = list_documents(store);
  REQUIRE(docs->size() == 3);
  CHECK((*docs)[0].doc_number == std::optional<std::string>("3692/UBND-KSTTHC"));
  CHECK((*docs)[0].tasks == 3);
  CHECK((*docs)[2].doc_number == std::optional<std::string>("/UBND-NC"));
  CHECK(*resolve_document(store, "45") == 2);
  CHECK(*resolve_document(store, "45/KH-UBND") == 2);
  CHECK(*resolve_document(store, "draft-quang-ngai.txt") == 3);
  CHECK(*resolve_document(store, "3") == 3);  // no number 3: the id
  CHECK(resolve_document(store, "999").message() ==
        "no document '999' (give its id, number or file name; see `congvan docs`)");
  auto view = show_document(store, 2);
  REQUIRE(view.is_ok());
  REQUIRE(view->tasks.size() == 3);
  CHECK(view->tasks[0].task_id == 4);
  CHECK(view->record.extraction.tasks[2].deadlines.size() == 2);
}

TEST_CASE("done, reopen and corrections are audited and survive reextract", "[query]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  REQUIRE(set_task_status(store, 1, "done", std::string("Đã trình UBND tỉnh"), "lan").is_ok());
  Correction c;
  c.lead = std::vector<std::string>{"Sở Nội vụ"};
  c.due = "2024-02-15";
  c.text = "Rà soát thủ tục hành chính nội bộ (sửa)";
  REQUIRE(correct_task(store, 3, c, "minh").is_ok());
  CHECK(set_task_status(store, 99, "done", std::nullopt, "lan").message() ==
        "no task with id 99 (the ids are in the first column of `congvan tasks`)");

  auto check_state = [&](int64_t done_id, int64_t fixed_id) {
    auto view = show_document(store, 1);
    REQUIRE(view.is_ok());
    CHECK(view->tasks[0].task_id == done_id);
    CHECK(view->tasks[0].status == "done");
    CHECK(view->tasks[0].note == std::optional<std::string>("Đã trình UBND tỉnh"));
    const Task& t = view->record.extraction.tasks[2];
    CHECK(view->tasks[2].task_id == fixed_id);
    CHECK(t.text == "Rà soát thủ tục hành chính nội bộ (sửa)");
    REQUIRE(t.lead.size() == 1);
    CHECK(t.lead[0].name == "Sở Nội vụ");
    CHECK(t.deadlines[0].due == std::optional<std::string>("2024-02-15"));
    CHECK(view->tasks[2].corrected == std::vector<std::string>{"due", "lead", "text"});
    QueryFilter f = as_of("2024-01-10");
    f.lead = BodyFilter{"so noi vu", {}};
    std::vector<int64_t> ids;
    auto led = find_tasks(store, f);
    REQUIRE(led.is_ok());
    for (const auto& h : *led) ids.push_back(h.task_id);
    CHECK(std::count(ids.begin(), ids.end(), fixed_id) == 1);
    // The deadline listing shows the status and the corrections.
    QueryFilter all = as_of("2024-01-10");
    all.status = "all";
    auto listed = find_deadlines(store, all);
    REQUIRE(listed.is_ok());
    std::vector<std::string> rows;
    for (const auto& r : *listed) {
      if (r.task_id != done_id && r.task_id != fixed_id) continue;
      rows.push_back(std::to_string(r.task_id) + " " + r.status + " " +
                     r.effective_due.value_or("-") + " " + join_names(r.lead) + " " + r.task_text);
    }
    CHECK(rows == std::vector<std::string>{
                      std::to_string(done_id) + " done 2023-12-15 Sở Tài chính Rà soát, đơn "
                      "giản hóa thủ tục hành chính nội bộ",
                      std::to_string(fixed_id) + " open 2024-02-15 Sở Nội vụ Rà soát thủ tục "
                      "hành chính nội bộ (sửa)"});
    QueryFilter done = as_of("2024-01-10");
    done.status = "done";
    auto closed = find_deadlines(store, done);
    REQUIRE(closed.is_ok());
    std::vector<int64_t> closed_ids;
    for (const auto& r : *closed) closed_ids.push_back(r.task_id);
    CHECK(closed_ids == std::vector<int64_t>{done_id});
  };
  check_state(1, 3);
  // reextract rewrites the rows; each (letter, item) keeps its task id, and
  // status and corrections come back.
  REQUIRE(store.replace_extraction(1, letter_quang_tri().extraction).is_ok());
  check_state(1, 3);

  auto trail = task_audit(store, 3);
  REQUIRE(trail.is_ok());
  std::vector<std::string> got;
  for (const auto& a : *trail) {
    got.push_back(a.what + ": " + a.old_value.value_or("-") + " → " + a.new_value.value_or("-") +
                  " by " + a.by);
  }
  CHECK(got == std::vector<std::string>{
                   "text: Công khai thủ tục hành chính trên Cổng Dịch vụ công → Rà soát thủ tục "
                   "hành chính nội bộ (sửa) by minh",
                   "lead: UBND các huyện, thành phố, thị xã → Sở Nội vụ by minh",
                   "due: 2024-03-31 → 2024-02-15 by minh"});
  REQUIRE(set_task_status(store, 1, "open", std::nullopt, "lan").is_ok());
  got.clear();
  auto first_trail = task_audit(store, 1);
  REQUIRE(first_trail.is_ok());
  for (const auto& a : *first_trail) got.push_back(a.what + " " + a.new_value.value_or("-"));
  CHECK(got == std::vector<std::string>{"status done", "note Đã trình UBND tỉnh", "status open"});
}

TEST_CASE("report: open, due soon and overdue per lead body", "[query]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  auto report = lead_report(store, "2024-01-15", 7);
  REQUIRE(report.is_ok());
  std::vector<std::string> got;
  for (const auto& c : *report) {
    got.push_back(c.lead + " " + std::to_string(c.open) + "/" + std::to_string(c.due_soon) + "/" +
                  std::to_string(c.overdue));
  }
  CHECK(got == std::vector<std::string>{
                   "Sở Tài chính 2/0/1",
                   "Sở Thông tin và Truyền thông 1/1/0",
                   "Văn phòng Ủy ban nhân dân tỉnh 1/1/0",
                   "Sở Kế hoạch và Đầu tư 1/0/0",
                   "Sở Nội vụ 1/0/0",
                   "Sở Y tế 1/0/0",
                   "UBND các huyện, thành phố, thị xã 1/0/0",
               });
}

// Black-box: the binary on the fixture database, through the gazetteer.
TEST_CASE("deadlines --lead finds the same tasks by name, abbreviation or no diacritics", "[query][cli]") {
  TempDir dir;
  { Store store = fixture_store(dir / "q.db"); }
  const std::string db = "--db " + (dir / "q.db").string();
  std::vector<std::string> outs;
  for (const char* name : {"'Sở Tài chính'", "'so tai chinh'", "'Sở TC'", "STC"}) {
    auto r = run_congvan(db + " deadlines --as-of 10/01/2024 --format csv --lead " + name);
    INFO(name << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    outs.push_back(r.out);
  }
  CHECK(outs[1] == outs[0]);
  CHECK(outs[2] == outs[0]);
  CHECK(outs[3] == outs[0]);
  // Sở Tài chính took over Sở Kế hoạch và Đầu tư: its tasks come too.
  auto j = nlohmann::json::parse(
      run_congvan(db + " deadlines --as-of 2024-01-10 --format json --lead 'so tai chinh'").out);
  std::vector<std::string> items;
  for (const auto& row : j) items.push_back(row["document"].get<std::string>() + " " + row["item"].get<std::string>());
  CHECK(items == std::vector<std::string>{"3692/UBND-KSTTHC 1", "45/KH-UBND I.1", "45/KH-UBND I.2"});
  // Sở TT&TT was merged into Sở Khoa học và Công nghệ.
  j = nlohmann::json::parse(
      run_congvan(db + " deadlines --as-of 2024-01-10 --format json --lead 'Sở KH&CN'").out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["next"] == nlohmann::json::array({"2024-01-20"}));
}

TEST_CASE("done, reopen, edit and show through the binary", "[query][cli]") {
  TempDir dir;
  { Store store = fixture_store(dir / "q.db"); }
  const std::string db = "--db " + (dir / "q.db").string();
  auto r = run_congvan(db + " done 6 --note 'Đã tổ chức ngày 19/01'", "USER=thu");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(run_congvan(db + " show 45 --format json").out);
  CHECK(j["tasks"][2]["status"] == "done");
  CHECK(j["tasks"][2]["note"] == "Đã tổ chức ngày 19/01");
  CHECK(run_congvan(db + " history 6").out.find("thu  status: open → done") != std::string::npos);
  CHECK(run_congvan(db + " reopen 6").exit_code == 0);
  CHECK(run_congvan(db + " edit 6 --due 31/02/2024").exit_code == 2);
  CHECK(run_congvan(db + " edit 6").exit_code == 2);
  CHECK(run_congvan(db + " edit 6 --due 25/01/2024 --lead 'Sở Nội vụ'").exit_code == 0);
  auto csv = run_congvan(db + " deadlines --as-of 2024-01-10 --format csv --lead 'so noi vu' --kind by_date");
  CHECK(csv.out.find("2024-01-25,,by_date,Sở Nội vụ,Tổ chức hội nghị sơ kết") != std::string::npos);
  auto bad = run_congvan(db + " done 42");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err == "congvan: no task with id 42 (the ids are in the first column of `congvan tasks`)\n");
  auto text = run_congvan(db + " show 3692");
  CHECK(text.out.find("[1] 1 (open) Rà soát, đơn giản hóa thủ tục hành chính nội bộ") != std::string::npos);
  CHECK(text.out.find("deadline: recurring every month day 20: \"trước ngày 20 hằng tháng\"") != std::string::npos);
}

// Every field of a hit, for comparing two answers row for row.
std::string whole_row(const DeadlineHit& h) {
  const Deadline& d = h.deadline;
  std::string out = std::to_string(h.deadline_id) + "|" + std::to_string(h.task_id) + "|" +
                    std::to_string(h.document_id) + "|" + h.source + "|" + h.sha256 + "|" +
                    h.doc_number.value_or("~") + "|" + h.issuer.value_or("~") + "|" + h.item + "|" +
                    std::to_string(h.deadline_position) + "|" + h.task_text + "|" + h.status + "|" +
                    d.kind + "|" + d.due.value_or("~") + "|" + d.time.value_or("~") + "|" +
                    (d.count ? std::to_string(*d.count) : "~") + "|" + d.unit.value_or("~") + "|" +
                    d.anchor.value_or("~") + "|" + d.every.value_or("~") + "|" +
                    (d.day ? std::to_string(*d.day) : "~") + "|" + d.text + "|" +
                    (d.needs_review ? "review" : "") + "|" + h.effective_due.value_or("~") + "|" +
                    (h.overdue ? "overdue" : "") + "|";
  for (const auto& n : h.lead) out += n + ";";
  out += "|";
  for (const auto& n : h.support) out += n + ";";
  out += "|";
  for (const auto& n : h.next) out += n + ";";
  return out;
}

TEST_CASE("each_deadline passes the rows of find_deadlines, field for field, in its order", "[query]") {
  // Without a limit the rows are streamed: read in the listing's order and
  // merged with the recurring ones, one reused hit for every row.
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  REQUIRE(set_task_status(store, 2, "done", std::nullopt, "lan").is_ok());
  std::vector<QueryFilter> filters;
  for (const char* date : {"2023-06-01", "2024-01-10", "2024-04-01"}) {
    for (const char* status : {"open", "all"}) {
      for (const char* sort : {"due", "lead", "doc"}) {
        QueryFilter f = as_of(date);
        f.status = status;
        f.sort = sort;
        f.occurrences = 2;
        filters.push_back(f);
        f.within_days = 60;
        filters.push_back(f);
        QueryFilter g = f;
        g.within_days.reset();
        g.overdue = true;
        filters.push_back(g);
        QueryFilter h = as_of(date);
        h.status = status;
        h.sort = sort;
        h.lead = BodyFilter{"so tai chinh", {}};
        filters.push_back(h);
        h.due_before = "2024-12-31";
        filters.push_back(h);
        QueryFilter k = as_of(date);
        k.status = status;
        k.sort = sort;
        k.kinds = {"recurring", "by_date"};
        filters.push_back(k);
        k.kinds = {"relative"};
        filters.push_back(k);
        QueryFilter m = as_of(date);
        m.sort = sort;
        m.issuer = "quang tri";
        filters.push_back(m);
        m.limit = 2;
        filters.push_back(m);
      }
    }
  }
  size_t compared = 0;
  for (const auto& f : filters) {
    INFO("as of " << f.as_of << ", " << f.status << ", sort " << f.sort << ", limit " << f.limit
                  << (f.lead ? ", lead" : "") << (f.issuer ? ", issuer" : "")
                  << (f.has_date_filter() ? ", dated" : "") << ", kinds " << f.kinds.size());
    auto listed = find_deadlines(store, f);
    REQUIRE(listed.is_ok());
    std::vector<std::string> want, got;
    for (const auto& h : *listed) want.push_back(whole_row(h));
    REQUIRE(each_deadline(store, f, [&](const DeadlineHit& h) { got.push_back(whole_row(h)); }).is_ok());
    CHECK(got == want);
    compared += got.size();
    // What tables and CSV show: the same rows without the letter's hash and
    // issuer, the support names and the review mark.
    want.clear();
    for (auto h : *listed) {
      h.sha256.clear();
      h.issuer.reset();
      h.support.clear();
      h.deadline.needs_review = false;
      want.push_back(whole_row(h));
    }
    got.clear();
    REQUIRE(each_deadline(store, f, [&](const DeadlineHit& h) { got.push_back(whole_row(h)); },
                          DeadlineFields::kShown).is_ok());
    CHECK(got == want);
  }
  CHECK(compared > 300);
  // An error is a value, as from find_deadlines.
  QueryFilter bad = as_of("2024-01-10");
  bad.sort = "size";
  CHECK(each_deadline(store, bad, [](const DeadlineHit&) {}).message() ==
        find_deadlines(store, bad).message());
}

TEST_CASE("on the samples, counts agree between commands and filters keep their bounds", "[query][cli][samples]") {
  TempDir dir;
  const std::string db = "--db " + (dir / "s.db").string();
  REQUIRE(run_congvan(db + " -q ingest " + samples_dir().string()).exit_code == 0);
  auto all = nlohmann::json::parse(run_congvan(db + " deadlines --status all --format json").out);
  auto exp = nlohmann::json::parse(run_congvan(db + " export --format json").out);
  size_t deadlines = 0, tasks = 0;
  for (const auto& d : exp["documents"]) {
    tasks += d["tasks"].size();
    for (const auto& t : d["tasks"]) deadlines += t["deadlines"].size();
  }
  CHECK(all.size() == deadlines);
  auto task_rows = nlohmann::json::parse(run_congvan(db + " tasks --status all --format json").out);
  CHECK(task_rows.size() == tasks);
  auto docs = nlohmann::json::parse(run_congvan(db + " docs --format json").out);
  CHECK(docs.size() == exp["documents"].size());
  // Bounds hold for any date.
  for (const char* as_of : {"2023-06-01", "2024-01-01", "2025-01-01"}) {
    auto within = nlohmann::json::parse(
        run_congvan(db + " deadlines --format json --within 90 --as-of " + as_of).out);
    for (const auto& row : within) {
      CHECK(row["effective_due"].get<std::string>() >= as_of);
    }
    auto late = nlohmann::json::parse(
        run_congvan(db + " deadlines --format json --overdue --as-of " + as_of).out);
    for (const auto& row : late) {
      CHECK(row["effective_due"].get<std::string>() < as_of);
      CHECK(row["overdue"] == true);
    }
    // Overdue + not overdue (dated, open) = every dated open deadline.
    auto before = nlohmann::json::parse(
        run_congvan(db + " deadlines --format json --as-of " + as_of + " --due-before 2999-12-31").out);
    auto after = nlohmann::json::parse(
        run_congvan(db + " deadlines --format json --as-of " + as_of + " --due-after " + as_of).out);
    CHECK(late.size() + after.size() == before.size());
  }
  // The report's overdue counts and its overdue list tell the same story.
  auto report = nlohmann::json::parse(run_congvan(db + " report --format json --as-of 2025-01-01").out);
  std::set<int64_t> late_with_lead;
  for (const auto& row : report["overdue"]) {
    if (!row["lead"].empty()) late_with_lead.insert(row["task_id"].get<int64_t>());
  }
  size_t counted = 0;
  for (const auto& lead : report["leads"]) counted += lead["overdue"].get<size_t>();
  CHECK(counted >= late_with_lead.size());
  CHECK((counted == 0) == late_with_lead.empty());
}

TEST_CASE("a limit gives the first rows of the unlimited answer, whatever the way in", "[query]") {
  // Limited queries walk the due index or due_by_body and stop early; the
  // unlimited ones sort everything. Both must agree row for row.
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  REQUIRE(set_task_status(store, 2, "done", std::nullopt, "lan").is_ok());
  std::vector<QueryFilter> filters;
  for (const char* date : {"2023-06-01", "2024-01-10", "2024-04-01"}) {
    for (const char* status : {"open", "all", "done"}) {
      QueryFilter f = as_of(date);
      f.status = status;
      filters.push_back(f);
      f.within_days = 60;
      filters.push_back(f);
      QueryFilter g = as_of(date);
      g.status = status;
      g.lead = BodyFilter{"so tai chinh", {}};
      filters.push_back(g);
      g.overdue = true;
      filters.push_back(g);
      QueryFilter h = as_of(date);
      h.status = status;
      h.issuer = "quang tri";
      filters.push_back(h);
      h.due_before = "2024-12-31";
      filters.push_back(h);
      QueryFilter k = as_of(date);
      k.status = status;
      k.support = BodyFilter{"so tu phap", {}};
      filters.push_back(k);
    }
  }
  for (const auto& f : filters) {
    auto all_deadlines = find_deadlines(store, f);
    auto all_tasks = find_tasks(store, f);
    REQUIRE(all_deadlines.is_ok());
    REQUIRE(all_tasks.is_ok());
    for (int64_t limit : {1, 2, 3, 5}) {
      QueryFilter l = f;
      l.limit = limit;
      INFO("as of " << f.as_of << ", " << f.status << ", limit " << limit
                    << (f.lead ? ", lead" : "") << (f.support ? ", support" : "")
                    << (f.issuer ? ", issuer" : "") << (f.has_date_filter() ? ", dated" : ""));
      auto some = find_deadlines(store, l);
      REQUIRE(some.is_ok());
      std::vector<int64_t> want, got;
      for (size_t i = 0; i < all_deadlines->size() && i < static_cast<size_t>(limit); ++i) {
        want.push_back((*all_deadlines)[i].deadline_id);
      }
      for (const auto& h : *some) got.push_back(h.deadline_id);
      CHECK(got == want);
      auto few = find_tasks(store, l);
      REQUIRE(few.is_ok());
      want.clear();
      got.clear();
      for (size_t i = 0; i < all_tasks->size() && i < static_cast<size_t>(limit); ++i) {
        want.push_back((*all_tasks)[i].task_id);
      }
      for (const auto& h : *few) got.push_back(h.task_id);
      CHECK(got == want);
    }
  }
}

TEST_CASE("table cells wrap on grapheme boundaries and fit the width", "[query][table]") {
  // "Tiếng Việt" with decomposed marks: a cluster is never cut.
  const std::string nfd = "Ti\x65\xCC\x82\xCC\x81ng Vi\x65\xCC\xA3\xCC\x82t";
  CHECK(grapheme_count(nfd) == 10);
  CHECK(wrap_graphemes(nfd, 3) == std::vector<std::string>{
                                      "Ti\x65\xCC\x82\xCC\x81", "ng", "Vi\x65\xCC\xA3\xCC\x82", "t"});
  CHECK(wrap_graphemes("Sở Tài chính chủ trì", 9) ==
        std::vector<std::string>{"Sở Tài", "chính chủ", "trì"});
  CHECK(wrap_graphemes("", 5) == std::vector<std::string>{""});
  const std::string table = render_table({{"A", 4}, {"B", 0}}, {{"x", "Rà soát thủ tục hành chính nội bộ"}},
                                         30, {true}, {true, false, 3});
  CHECK(table == "A     B\nx     Rà soát thủ tục hành\n      chính nội bộ\n");  // 24 wide
  // Colour only when asked (on a terminal), and only on highlighted rows.
  const std::string coloured = render_table({{"A", 4}, {"B", 0}}, {{"x", "y"}, {"z", "w"}}, 30,
                                            {true, false}, {true, true, 3});
  CHECK(coloured == "A     B\n\x1b[31mx     y\x1b[0m\nz     w\n");
  // Never more lines than max_lines, the last one marked as cut.
  const std::string cut = render_table({{"B", 0}}, {{std::string(70, 'a') + " b"}}, 22, {}, {true, false, 2});
  CHECK(cut == "B\n" + std::string(20, 'a') + "\n" + std::string(19, 'a') + "…\n");
  // Wrapping for at most N lines stops with one empty line for the rest.
  CHECK(wrap_graphemes("Sở Tài chính chủ trì", 9, 2) == std::vector<std::string>{"Sở Tài", "chính chủ", ""});
  CHECK(wrap_graphemes("Sở Tài chính chủ trì", 9, 3) ==
        std::vector<std::string>{"Sở Tài", "chính chủ", "trì"});
  CHECK(wrap_graphemes(std::string(30, 'a'), 10, 2) ==
        std::vector<std::string>{std::string(10, 'a'), std::string(10, 'a'), ""});
  // A long cell (wrapped from a prefix), cells that fit as they are and
  // cells with runs of spaces, tabs or a no-break space (wrapped) print as
  // the whole text wrapped would.
  std::string words;
  for (int i = 0; i < 60; ++i) words += "thủ tục  hành\tchính ";
  const std::string many = render_table({{"A", 6}, {"B", 0}},
                                        {{"a  b", words}, {"Sở\xC2\xA0TC", "x y"}}, 30, {}, {true, false, 3});
  CHECK(many ==
        "A       B\n"
        "a b     thủ tục hành chính\n"
        "        thủ tục hành chính\n"
        "        thủ tục hành chính…\n"
        "Sở TC   x y\n");
}

TEST_CASE("wrapping into reused lines gives wrap_graphemes' lines and their widths", "[query][table]") {
  // Every line of the sample letters, plus decomposed marks, CR LF, runs of
  // white space and words longer than a line, at many widths and limits,
  // into one vector whose strings still hold the last cell's text.
  std::vector<std::string> texts = {"", " ", "a", std::string(45, 'x') + " y",
                                    "Ti\x65\xCC\x82\xCC\x81ng Vi\x65\xCC\xA3\xCC\x82t",
                                    "Sở\xC2\xA0TC  \t chủ trì\r\nphối hợp", "  thủ   tục  "};
  for (const auto& entry : std::filesystem::directory_iterator(samples_dir())) {
    if (entry.path().extension() != ".txt") continue;
    std::istringstream in(read_file(entry.path()));
    for (std::string line; std::getline(in, line);) texts.push_back(line);
  }
  REQUIRE(texts.size() > 500);
  std::vector<std::string> lines = {"left over", "from", "the last cell", "x"};
  std::vector<int> counts = {7, 7};
  size_t checked = 0;
  for (const auto& text : texts) {
    for (int width : {1, 3, 9, 26, 60}) {
      for (int most : {0, 1, 3}) {
        wrap_graphemes_into(text, width, most, lines, &counts);
        INFO(text << " width " << width << " lines " << most);
        CHECK(lines == wrap_graphemes(text, width, most));
        std::vector<int> want_counts;
        for (const auto& l : lines) want_counts.push_back(grapheme_count(l));
        CHECK(counts == want_counts);
        CHECK(text.substr(0, grapheme_prefix_bytes(text, width)) == take_graphemes(text, width));
        ++checked;
      }
    }
  }
  CHECK(checked == texts.size() * 15);
}

TEST_CASE("grapheme starts of Latin and Vietnamese text are the ICU break iterator's", "[query][table]") {
  // grapheme_starts splits text whose code points are each one cluster
  // without ICU; it must find exactly ICU's boundaries, and the decomposed
  // text and CR LF (which go through ICU) must agree too.
  const std::vector<std::string> texts = {
      "Rà soát, đơn giản hóa thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước",
      "Sở  Tài\tchính\nchủ trì\xC2\xA0phối hợp — “báo cáo” trước 15/12/2024…",
      "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?tu-khoa=chung-thuc-ban-sao điện tử",
      "ĐỒNG Ý VỚI ĐỀ XUẤT CỦA SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
      "2025-06-20, 2025-07-20 ↻",
      "Ti\x65\xCC\x82\xCC\x81ng Vi\x65\xCC\xA3\xCC\x82t có dấu rời ở đầu câu dài hơn một dòng",
      "a\r\nb c",
      "",
  };
  for (const auto& text : texts) {
    INFO(text);
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale("vi"), status));
    REQUIRE(U_SUCCESS(status));
    it->setText(ut, status);
    std::vector<size_t> expected;
    for (int32_t at = it->first(); at != icu::BreakIterator::DONE && static_cast<size_t>(at) < text.size();
         at = it->next()) {
      expected.push_back(static_cast<size_t>(at));
    }
    utext_close(ut);
    CHECK(grapheme_starts(text) == expected);
  }
  CHECK(grapheme_starts("Sở").size() == 2);
  CHECK(grapheme_starts("a\r\nb") == std::vector<size_t>{0, 1, 3});
}
