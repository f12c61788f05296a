// Tests for the exports of a query: CSV with BOM, XLSX read back from its
// sheet XML, iCalendar structure and stable UIDs, JSON contract filtering.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/export_json.h"
#include "query_fixture.h"
#include "test_support.h"

using namespace congvan;
using namespace congvan::test;

namespace {

struct Fixture {
  TempDir dir;
  std::string db;
  Fixture() {
    { Store store = fixture_store(dir / "q.db"); }
    db = "--db " + (dir / "q.db").string();
  }
};

std::vector<std::string> crlf_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\r\n", pos);
    REQUIRE(end != std::string::npos);  // every line ends with CRLF
    out.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

std::string unzip(const std::filesystem::path& file, const std::string& member) {
  TempDir tmp;
  const int rc = std::system(("unzip -p " + file.string() + " " + member + " > " +
                              (tmp / "x").string()).c_str());
  REQUIRE(rc == 0);
  return read_file(tmp / "x");
}

}  // namespace

TEST_CASE("CSV export: UTF-8 with BOM, one row per task, the query's filters", "[export]") {
  Fixture f;
  auto r = run_congvan(f.db + " export --format csv --as-of 2024-01-10");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.out.rfind("\xEF\xBB\xBF", 0) == 0);
  auto lines = crlf_lines(r.out.substr(3));
  REQUIRE(lines.size() == 9);
  CHECK(lines[0] == "ID,Số văn bản,Ngày văn bản,Cơ quan ban hành,Mục,Nhiệm vụ,Chủ trì,Phối hợp,"
                    "Hạn,Thời hạn (nguyên văn),Trạng thái,Ghi chú,Tệp");
  CHECK(lines[1] == "1,3692/UBND-KSTTHC,2023-10-12,UBND tỉnh Quảng Trị,1,\"Rà soát, đơn giản hóa "
                    "thủ tục hành chính nội bộ\",Sở Tài chính,Sở Tư pháp,2023-12-15,trước ngày "
                    "15/12/2023,open,,3692-quang-tri.txt");
  auto late = run_congvan(f.db + " export --format csv --overdue --as-of 01/04/2024");
  auto rows = crlf_lines(late.out.substr(3));
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].rfind("1,", 0) == 0);
  CHECK(rows[2].rfind("6,45/KH-UBND,2024-01-05,UBND tỉnh Hưng Yên,II,Tổ chức hội nghị sơ kết,"
                      "Văn phòng UBND tỉnh,,2024-01-20,trước ngày 20/01/2024,open,,", 0) == 0);
  CHECK(rows[3].rfind("3,", 0) == 0);
}

TEST_CASE("XLSX export: one sheet, typed cells, filters and widths", "[export]") {
  Fixture f;
  const auto file = f.dir / "tasks.xlsx";
  auto r = run_congvan(f.db + " export --format xlsx --as-of 2024-01-10 -o " + file.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "8 tasks written to " + file.string() + "\n");
  const std::string book = unzip(file, "xl/workbook.xml");
  CHECK(book.find("<sheet name=\"Nhiệm vụ\" sheetId=\"1\"") != std::string::npos);
  CHECK(book.find("sheetId=\"2\"") == std::string::npos);
  const std::string sheet = unzip(file, "xl/worksheets/sheet1.xml");
  CHECK(sheet.find("<autoFilter ref=\"A1:M9\"/>") != std::string::npos);
  CHECK(sheet.find("<col min=\"6\" max=\"6\" width=\"70.") != std::string::npos);
  CHECK(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\"") != std::string::npos);
  // Row 2 is task 1: a number, shared strings, and dates as serial numbers
  // with a date style (2023-10-12 = 45211, 2023-12-15 = 45275).
  std::smatch m;
  REQUIRE(std::regex_search(sheet, m, std::regex("<row r=\"2\"[^>]*>(.*?)</row>")));
  const std::string row = m[1];
  CHECK(row.find("<c r=\"A2\"><v>1</v></c>") != std::string::npos);
  CHECK(std::regex_search(row, std::regex("<c r=\"B2\" t=\"s\"><v>\\d+</v></c>")));
  CHECK(std::regex_search(row, std::regex("<c r=\"C2\" s=\"\\d+\"><v>45211</v></c>")));
  CHECK(std::regex_search(row, std::regex("<c r=\"I2\" s=\"\\d+\"><v>45275</v></c>")));
  const std::string styles = unzip(file, "xl/styles.xml");
  CHECK(styles.find("formatCode=\"dd/mm/yyyy\"") != std::string::npos);
  const std::string strings = unzip(file, "xl/sharedStrings.xml");
  CHECK(strings.find("<t>Rà soát, đơn giản hóa thủ tục hành chính nội bộ</t>") != std::string::npos);
  // A partial letter date ("2024") stays text.
  CHECK(strings.find("<t>2024</t>") != std::string::npos);
  CHECK(run_congvan(f.db + " export --format xlsx").exit_code == 2);
}

TEST_CASE("ICS export: one VTODO per dated deadline, DUE present, stable UIDs", "[export]") {
  Fixture f;
  auto first = run_congvan(f.db + " export --format ics --as-of 2024-01-10");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  auto lines = crlf_lines(first.out);
  std::vector<std::string> stack;
  std::vector<std::string> uids;
  int todos = 0, dues = 0;
  bool has_due = false;
  for (const auto& line : lines) {
    CHECK(line.size() <= 75);
    if (line.rfind("BEGIN:", 0) == 0) {
      stack.push_back(line.substr(6));
      if (line == "BEGIN:VTODO") has_due = false;
    } else if (line.rfind("END:", 0) == 0) {
      REQUIRE(!stack.empty());
      CHECK(stack.back() == line.substr(4));
      if (line == "END:VTODO") {
        ++todos;
        CHECK(has_due);
      }
      stack.pop_back();
    } else if (line.rfind("DUE", 0) == 0) {
      has_due = true;
      ++dues;
    } else if (line.rfind("UID:", 0) == 0) {
      uids.push_back(line.substr(4));
    }
  }
  CHECK(stack.empty());
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(todos == 6);  // the relative and on-event deadlines have no date
  CHECK(dues == 6);
  CHECK(uids.front() == "aaaaaaaaaaaaaaaa-1-0@congvan");
  CHECK(first.out.find("DUE;VALUE=DATE:20231215\r\n") != std::string::npos);
  CHECK(first.out.find("DTSTART;VALUE=DATE:20240120\r\nDUE;VALUE=DATE:20240120\r\n"
                       "RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=20\r\n") != std::string::npos);
  std::string unfolded = first.out;
  for (size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
  CHECK(unfolded.find("SUMMARY:Sở Tài chính: Rà soát\\, đơn giản hóa thủ tục hành chính nội "
                      "bộ\r\n") != std::string::npos);
  // Re-exporting after a correction and a reextract keeps the UIDs.
  REQUIRE(run_congvan(f.db + " done 1").exit_code == 0);
  auto second = run_congvan(f.db + " export --format ics --as-of 2024-01-10");
  std::vector<std::string> again;
  for (const auto& line : crlf_lines(second.out)) {
    if (line.rfind("UID:", 0) == 0) again.push_back(line.substr(4));
  }
  CHECK(again == uids);
  CHECK(second.out.find("STATUS:COMPLETED") != std::string::npos);
}

TEST_CASE("JSON export: the contract, unchanged without filters, only matching tasks with them", "[export]") {
  Fixture f;
  auto all = nlohmann::json::parse(run_congvan(f.db + " export --format json").out);
  CHECK(all["schema"] == "directive-export/1");
  REQUIRE(all["documents"].size() == 3);
  CHECK(all["documents"][1]["tasks"].size() == 3);
  auto some = nlohmann::json::parse(
      run_congvan(f.db + " export --format json --lead 'so tai chinh' --as-of 2024-01-10").out);
  REQUIRE(some["documents"].size() == 2);
  CHECK(some["documents"][0]["tasks"].size() == 1);
  CHECK(some["documents"][0]["tasks"][0]["item"] == "1");
  std::vector<std::string> items;
  for (const auto& t : some["documents"][1]["tasks"]) items.push_back(t["item"]);
  CHECK(items == std::vector<std::string>{"I.1", "I.2"});
}

TEST_CASE("JSON export is written a document at a time: to -o through a .part file, bad UTF-8 replaced",
          "[export]") {
  Fixture f;
  const std::string whole = run_congvan(f.db + " export --format json").out;
  // The same bytes as the contract's tree printed at once.
  {
    auto store = Store::open(f.dir / "q.db");
    REQUIRE(store.is_ok());
    auto docs = store->load_documents();
    REQUIRE(docs.is_ok());
    CHECK(whole == export_to_json(*docs).dump(2) + "\n");
  }
  // To a file: the same bytes, and no .part file left.
  const auto file = f.dir / "out.json";
  auto written = run_congvan(f.db + " -q export --format json -o " + file.string());
  CHECK(written.exit_code == 0);
  CHECK(read_file(file) == whole);
  CHECK_FALSE(std::filesystem::exists(file.string() + ".part"));
  // A place that cannot be written: one line naming it, no file made.
  const auto nowhere = f.dir / "no-such-dir" / "out.json";
  auto failed = run_congvan(f.db + " -q export --format json -o " + nowhere.string());
  CHECK(failed.exit_code == 1);
  CHECK(failed.err.find(nowhere.string() + ": cannot write") != std::string::npos);
  CHECK(std::count(failed.err.begin(), failed.err.end(), '\n') == 1);
  CHECK_FALSE(std::filesystem::exists(nowhere));
  // A stored string cut inside a character (an old database, a bad
  // import) is exported with U+FFFD in place of its broken bytes instead
  // of failing the whole export.
  {
    auto store = Store::open(f.dir / "q.db");
    REQUIRE(store.is_ok());
    NewDocument d = draft_quang_ngai();
    d.sha256 = std::string(64, 'd');
    d.extraction.header.subject = "V/v ki\xE1\xBB";  // "kiể" cut after two of its three bytes
    d.extraction.tasks[0].text = "Đôn đốc ki\xE1\xBB";
    REQUIRE(store->add_document(d).is_ok());
  }
  auto exported = run_congvan(f.db + " export --format json");
  REQUIRE(exported.exit_code == 0);
  auto j = nlohmann::json::parse(exported.out);
  REQUIRE(j["documents"].size() == 4);
  CHECK(j["documents"][3]["subject"] == "V/v ki\xEF\xBF\xBD");
  auto rows = nlohmann::json::parse(run_congvan(f.db + " deadlines --format json --doc 4 --status all").out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["task"] == "Đôn đốc ki\xEF\xBF\xBD");
}
