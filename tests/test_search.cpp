// Tests for full-text search (src/store/search.cpp): diacritic-free and exact
// matching, đ folding, phrases, prefixes, snippets, and the index following
// reextract and corrections.
#include <catch2/catch.hpp>

#include <algorithm>

#include "congvan/query.h"
#include "query_fixture.h"
#include "test_support.h"

using namespace congvan;
using namespace congvan::test;

namespace {

std::vector<std::string> found(Store& store, const std::string& query, SearchOptions o = {}) {
  auto hits = search(store, query, o);
  INFO(query);
  REQUIRE(hits.is_ok());
  std::vector<std::string> out;
  for (const auto& h : *hits) {
    out.push_back(h.kind == "task" ? "task " + std::to_string(h.task_id)
                                   : "document " + std::to_string(h.document_id));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("search finds text with or without diacritics", "[search]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  const std::vector<std::string> expected = {"document 1", "task 1", "task 3"};
  CHECK(found(store, "thu tuc hanh chinh") == expected);
  CHECK(found(store, "thủ tục hành chính") == expected);
  CHECK(found(store, "THỦ TỤC HÀNH CHÍNH") == expected);
  // đ folds to d both ways.
  CHECK(found(store, "don doc") == std::vector<std::string>{"document 3", "task 7"});
  CHECK(found(store, "Đôn Đốc") == std::vector<std::string>{"document 3", "task 7"});
  CHECK(found(store, "don gian hoa") == std::vector<std::string>{"document 1", "task 1"});
  // Bodies are searchable too.
  CHECK(found(store, "so tu phap") == std::vector<std::string>{"task 1"});
  CHECK(found(store, "khong co tu nay").empty());
}

TEST_CASE("search: exact mode, phrases, prefixes", "[search]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  SearchOptions exact;
  exact.exact = true;
  CHECK(found(store, "Thủ tục", exact) == std::vector<std::string>{"document 1", "task 1", "task 3"});
  CHECK(found(store, "thu tuc", exact).empty());
  CHECK(found(store, "thủ tục hanh chinh", exact).empty());
  CHECK(found(store, "\"hanh chinh noi bo\"") == std::vector<std::string>{"document 1", "task 1"});
  CHECK(found(store, "\"noi bo hanh chinh\"").empty());
  CHECK(found(store, "noi bo hanh chinh") == std::vector<std::string>{"document 1", "task 1"});
  SearchOptions tasks;
  tasks.documents = false;
  CHECK(found(store, "chuyen*", tasks) == std::vector<std::string>{"task 4"});
  CHECK(search(store, "\"hanh chinh", {}).message() == "unbalanced quote in '\"hanh chinh'");
  CHECK(search(store, "  , ", {}).message() == "nothing to search for in '  , '");
}

TEST_CASE("search snippets mark the matches in the original text", "[search]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  SearchOptions o;
  o.documents = false;
  auto hits = search(store, "thu tuc noi bo", o);
  REQUIRE(hits.is_ok());
  REQUIRE(hits->size() == 1);
  CHECK(hits->front().snippet == "Rà soát, đơn giản hóa [thủ] [tục] hành chính [nội] [bộ]");
  CHECK(hits->front().doc_number == std::optional<std::string>("3692/UBND-KSTTHC"));
  CHECK(hits->front().item == "1");
  o.mark_open = "<b>";
  o.mark_close = "</b>";
  hits = search(store, "\"dich vu cong\"", o);
  REQUIRE(hits->size() == 1);
  CHECK(hits->front().snippet ==
        "Công khai thủ tục hành chính trên Cổng <b>Dịch</b> <b>vụ</b> <b>công</b>");
}

TEST_CASE("the search index follows reextract and corrections", "[search]") {
  TempDir dir;
  Store store = fixture_store(dir / "q.db");
  Extraction ex = letter_quang_tri().extraction;
  ex.tasks[0].text = "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính";
  REQUIRE(store.replace_extraction(1, ex).is_ok());
  SearchOptions o;
  o.documents = false;
  // Reextract keeps each item's task id (1, 2, 3 for letter 1).
  CHECK(found(store, "so hoa ho so", o) == std::vector<std::string>{"task 1"});
  CHECK(found(store, "don gian hoa", o).empty());
  Correction c;
  c.text = "Đơn giản hóa thủ tục cấp phép xây dựng";
  REQUIRE(correct_task(store, 2, c, "lan").is_ok());
  CHECK(found(store, "cap phep xay dung", o) == std::vector<std::string>{"task 2"});
  // After another reextract the correction is applied again and indexed.
  REQUIRE(store.replace_extraction(1, letter_quang_tri().extraction).is_ok());
  CHECK(found(store, "cap phep xay dung", o) == std::vector<std::string>{"task 2"});
}

TEST_CASE("congvan search prints snippets; no match is not an error", "[search][cli]") {
  TempDir dir;
  { Store store = fixture_store(dir / "q.db"); }
  const std::string db = "--db " + (dir / "q.db").string();
  auto r = run_congvan(db + " search --tasks 'thu tuc' 'noi bo'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "task 1 (3692/UBND-KSTTHC item 1): Rà soát, đơn giản hóa [thủ] [tục] hành chính [nội] [bộ]\n");
  auto none = run_congvan(db + " search xyz");
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());
}
