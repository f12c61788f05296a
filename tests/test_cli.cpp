// Black-box tests of the congvan binary: ingest, export, deadlines, errors.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace congvan::test;

namespace {

std::string db_arg(const TempDir& dir) { return "--db " + (dir / "c.db").string(); }

// Every row of every table, as the export plus row counts: what "unchanged" means.
std::string database_state(const TempDir& dir) {
  auto exp = run_congvan(db_arg(dir) + " export --format json");
  REQUIRE(exp.exit_code == 0);
  auto j = nlohmann::json::parse(exp.out);
  for (auto& d : j["documents"]) d.erase("ingested_at");
  std::string counts;
  for (const char* table : {"documents", "pages", "tasks", "deadlines", "assignees", "targets",
                            "\\\"references\\\"", "recipients"}) {
    auto r = std::system(("sqlite3 " + (dir / "c.db").string() + " \"SELECT '" + table +
                          "', count(*) FROM " + table + "\" >> " + (dir / "counts").string())
                             .c_str());
    REQUIRE(r == 0);
  }
  return j.dump() + read_file(dir / "counts");
}

}  // namespace

TEST_CASE("ingesting the samples twice leaves the database unchanged") {
  TempDir dir;
  auto first = run_congvan(db_arg(dir) + " ingest " + samples_dir().string());
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.err.find("9 added") != std::string::npos);
  const std::string before = database_state(dir);
  std::filesystem::remove(dir / "counts");
  auto second = run_congvan(db_arg(dir) + " ingest " + samples_dir().string());
  REQUIRE(second.exit_code == 0);
  CHECK(second.err.find("0 added (0 tasks), 9 already stored, 0 failed") != std::string::npos);
  CHECK(database_state(dir) == before);
}

TEST_CASE("a binary or Latin-1 file gives a one-line error and the run goes on") {
  TempDir dir;
  write_file(dir / "in" / "a_binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
  write_file(dir / "in" / "b_latin1.txt", "Kinh g\xF5i: S\xF4 T\xE0i ch\xEDnh caf\xE9\n");
  std::filesystem::copy_file(samples_dir() / "002_0c390757ddc76dcf.txt", dir / "in" / "c.txt");
  auto r = run_congvan("-q " + db_arg(dir) + " ingest " + (dir / "in").string());
  CHECK(r.exit_code == 1);
  const std::string bin_line = "congvan: " + (dir / "in" / "a_binary.txt").string() +
                               ": not a text file (binary content)\n";
  const std::string latin_line = "congvan: " + (dir / "in" / "b_latin1.txt").string() +
                                 ": not UTF-8 or UTF-16 text (wrong encoding?); save it as UTF-8 "
                                 "and try again\n";
  CHECK(r.err == bin_line + latin_line);
  auto exp = run_congvan(db_arg(dir) + " export --format json");
  auto j = nlohmann::json::parse(exp.out);
  REQUIRE(j["documents"].size() == 1);
  CHECK(j["documents"][0]["source"] == "c.txt");
  // The failed files are where they were.
  CHECK(std::filesystem::exists(dir / "in" / "a_binary.txt"));
  CHECK(std::filesystem::exists(dir / "in" / "b_latin1.txt"));
}

TEST_CASE("export follows the JSON contract's shape") {
  TempDir dir;
  REQUIRE(run_congvan(db_arg(dir) + " ingest " + (samples_dir() / "002_0c390757ddc76dcf.txt").string())
              .exit_code == 0);
  auto exp = run_congvan(db_arg(dir) + " export --format json");
  REQUIRE(exp.exit_code == 0);
  auto j = nlohmann::json::parse(exp.out);
  CHECK(j["schema"] == "directive-export/1");
  const auto& d = j["documents"][0];
  CHECK(d["source"] == "002_0c390757ddc76dcf.txt");
  CHECK(d["sha256"].get<std::string>().size() == 64);
  CHECK(d["pages"] == 1);
  CHECK(d["text_origin"] == "plain-text");
  CHECK(d["ocr_confidence"].is_null());
  for (const char* key : {"issuer", "doc_type", "number", "symbol", "place", "date", "subject",
                          "recipients", "signer", "references", "tasks"}) {
    CHECK(d.contains(key));
  }
}

TEST_CASE("usage errors exit 2, help and version exit 0") {
  CHECK(run_congvan("").exit_code == 2);
  CHECK(run_congvan("no-such-command").exit_code == 2);
  CHECK(run_congvan("ingest").exit_code == 2);
  CHECK(run_congvan("deadlines --format xml").exit_code == 2);
  auto help = run_congvan("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("ingest") != std::string::npos);
  auto sub = run_congvan("deadlines --help");
  CHECK(sub.exit_code == 0);
  CHECK(sub.out.find("--format") != std::string::npos);
  auto ver = run_congvan("--version");
  CHECK(ver.exit_code == 0);
  CHECK(ver.out.rfind("congvan ", 0) == 0);
  TempDir dir;
  CHECK(run_congvan(db_arg(dir) + " deadlines --due-before 31/02/2024").exit_code == 2);
}

TEST_CASE("a missing input is reported and the exit code is 1") {
  TempDir dir;
  auto r = run_congvan(db_arg(dir) + " ingest " + (dir / "nope.pdf").string());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find((dir / "nope.pdf").string() + ": no such file or folder") != std::string::npos);
}

TEST_CASE("the database comes from --db, else CONGVAN_DB") {
  TempDir dir;
  const std::string env = "CONGVAN_DB=" + (dir / "env.db").string();
  auto r = run_congvan("-q ingest " + (samples_dir() / "002_0c390757ddc76dcf.txt").string(), env);
  REQUIRE(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "env.db"));
}
