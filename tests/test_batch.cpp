// Black-box tests of batch ingest: folders and archives, parallel workers
// writing in input order, skipping stored bytes, dry runs.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "congvan/store.h"
#include "test_support.h"

using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

std::string db_arg(const TempDir& dir, const std::string& name = "c.db") {
  return "--db " + (dir / name).string();
}

std::string numbered_letter(int i) {
  static const std::string base = read_file(samples_dir() / "030_ubnd-quangngai-507-2025-gop-y-du-thao-vtci.txt");
  return base + "\nBản lưu số " + std::to_string(i) + ".\n";
}

// The export without the ingest times: what must not depend on --jobs.
std::string export_without_times(const TempDir& dir, const std::string& db) {
  auto exp = run_congvan(db_arg(dir, db) + " export --format json");
  REQUIRE(exp.exit_code == 0);
  auto j = nlohmann::json::parse(exp.out);
  for (auto& d : j["documents"]) d.erase("ingested_at");
  return j.dump();
}

}  // namespace

TEST_CASE("ingest reads zip and tar.gz archives, naming entries archive!/path", "[batch]") {
  TempDir dir;
  write_file(dir / "src" / "a.txt", numbered_letter(1));
  write_file(dir / "src" / "sub" / "b.txt", numbered_letter(2));
  write_file(dir / "src" / "sub" / "~$lock.txt", "temporary");
  write_file(dir / "src" / "readme.md", "not a letter");
  write_file(dir / "t" / "c.txt", numbered_letter(3));
  write_file(dir / "t" / "d" / "e.txt", numbered_letter(4));
  const std::string zip = (dir / "in" / "letters.zip").string();
  const std::string tgz = (dir / "in" / "more.tar.gz").string();
  fs::create_directories(dir / "in");
  REQUIRE(std::system(("cd " + (dir / "src").string() + " && python3 -m zipfile -c " + zip +
                       " a.txt sub readme.md").c_str()) == 0);
  REQUIRE(std::system(("tar -czf " + tgz + " -C " + (dir / "t").string() + " c.txt d").c_str()) == 0);
  write_file(dir / "in" / "plain.txt", numbered_letter(5));
  auto r = run_congvan(db_arg(dir) + " ingest --jobs 2 " + (dir / "in").string());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("5 added (") != std::string::npos);
  CHECK(r.err.find(", 0 already stored, 0 failed\n") != std::string::npos);
  auto exp = run_congvan(db_arg(dir) + " export --format json");
  auto j = nlohmann::json::parse(exp.out);
  std::vector<std::string> paths;
  for (const auto& d : j["documents"]) paths.push_back(d["path"]);
  std::sort(paths.begin(), paths.end());
  CHECK(paths == std::vector<std::string>{zip + "!/a.txt", zip + "!/sub/b.txt", tgz + "!/c.txt",
                                          tgz + "!/d/e.txt", (dir / "in" / "plain.txt").string()});
  // Sources are the file names alone.
  bool found_b = false;
  for (const auto& d : j["documents"]) found_b = found_b || d["source"] == "b.txt";
  CHECK(found_b);
  // Run again: every entry is skipped by its hash.
  auto again = run_congvan(db_arg(dir) + " ingest " + (dir / "in").string());
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("0 added (0 tasks), 5 already stored, 0 failed\n") != std::string::npos);
}

TEST_CASE("a damaged archive is one error and the rest goes on", "[batch]") {
  TempDir dir;
  write_file(dir / "in" / "bad.zip", std::string("PK\x03\x04 this is not really a zip", 30));
  write_file(dir / "in" / "ok.txt", numbered_letter(1));
  auto r = run_congvan("-q " + db_arg(dir) + " ingest " + (dir / "in").string());
  CHECK(r.exit_code == 1);
  CHECK(r.err.rfind("congvan: " + (dir / "in" / "bad.zip").string() + ": ", 0) == 0);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  auto exp = run_congvan(db_arg(dir) + " export --format json");
  CHECK(nlohmann::json::parse(exp.out)["documents"].size() == 1);
}

TEST_CASE("one or two jobs store the same documents in the same order", "[batch]") {
  TempDir dir;
  auto one = run_congvan(db_arg(dir, "one.db") + " ingest --jobs 1 " + samples_dir().string());
  auto two = run_congvan(db_arg(dir, "two.db") + " ingest --jobs 2 " + samples_dir().string());
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  CHECK(export_without_times(dir, "one.db") == export_without_times(dir, "two.db"));
  // The log lines come in input order whatever the number of workers.
  auto strip_ms = [](std::string s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 8, " tasks, ") == 0) {
        size_t end = s.find(" ms)", i);
        out += " tasks)";
        i = end + 3;
        continue;
      }
      out += s[i];
    }
    return out.substr(0, out.find(" added ("));
  };
  CHECK(strip_ms(one.err) == strip_ms(two.err));
}

TEST_CASE("two copies in one batch: the second is reported as already stored", "[batch]") {
  TempDir dir;
  write_file(dir / "in" / "a.txt", numbered_letter(1));
  write_file(dir / "in" / "b.txt", numbered_letter(1));
  auto r = run_congvan(db_arg(dir) + " ingest -j 2 " + (dir / "in").string());
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("duplicate  " + (dir / "in" / "b.txt").string() + " (same bytes as " +
                   (dir / "in" / "a.txt").string() + ")\n") != std::string::npos);
  CHECK(r.err.find("1 added (") != std::string::npos);
  CHECK(r.err.find(", 1 already stored, 0 failed\n") != std::string::npos);
}

TEST_CASE("ingest --dry-run lists what would be done and writes nothing", "[batch]") {
  TempDir dir;
  write_file(dir / "in" / "a.txt", numbered_letter(1));
  write_file(dir / "in" / "b.txt", numbered_letter(2));
  write_file(dir / "in" / "c.txt", numbered_letter(1));
  auto dry = run_congvan(db_arg(dir) + " ingest --dry-run " + (dir / "in").string());
  INFO(dry.err);
  CHECK(dry.exit_code == 0);
  CHECK(!fs::exists(dir / "c.db"));
  const std::string in = (dir / "in").string();
  CHECK(dry.err == "would add  " + in + "/a.txt\nwould add  " + in + "/b.txt\nskip       " + in +
                       "/c.txt (same bytes as " + in + "/a.txt)\n"
                       "dry run: 2 to add, 1 already stored, 0 failed\n");
  // With a database that has a.txt, only b.txt would be added.
  REQUIRE(run_congvan("-q " + db_arg(dir) + " ingest " + in + "/a.txt").exit_code == 0);
  auto dry2 = run_congvan(db_arg(dir) + " ingest -n " + in);
  CHECK(dry2.err.find("dry run: 1 to add, 2 already stored, 0 failed\n") != std::string::npos);
  auto exp = run_congvan(db_arg(dir) + " export --format json");
  CHECK(nlohmann::json::parse(exp.out)["documents"].size() == 1);
}

TEST_CASE("a multi-page scanned PDF read by two jobs gives the same pages as by one", "[batch]") {
  // Three pages with no text layer: with --jobs 2 both workers OCR its pages.
  TempDir dir;
  const std::string pdf = (source_dir() / "samples" / "scans" / "multipage" / "030_three-pages.pdf").string();
  auto one = run_congvan(db_arg(dir, "one.db") + " ingest --jobs 1 " + pdf);
  auto two = run_congvan(db_arg(dir, "two.db") + " ingest --jobs 2 " + pdf);
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  auto pages_of = [&](const std::string& db) {
    auto store = congvan::Store::open(dir / db);
    REQUIRE(store);
    auto docs = store->load_documents();
    REQUIRE(docs);
    REQUIRE(docs->size() == 1);
    auto text = store->load_text(docs->front().id);
    REQUIRE(text);
    std::vector<std::string> pages;
    for (const auto& p : text->pages) pages.push_back(p.text);
    return pages;
  };
  const auto by_one = pages_of("one.db");
  const auto by_two = pages_of("two.db");
  REQUIRE(by_one.size() == 3);
  CHECK(by_one == by_two);
  // In page order: the header at 150 dpi, then the two strips of the TIFF
  // (the header again at 300 dpi, then the body).
  CHECK(by_two[0].find("Số: 507 /UBND-KGVX") != std::string::npos);
  CHECK(by_two[1].find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos);
  CHECK(by_two[2].find("Theo đề nghị của Bộ Thông tin và Truyền thông") != std::string::npos);
  CHECK(export_without_times(dir, "one.db") == export_without_times(dir, "two.db"));
}
