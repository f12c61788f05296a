// Tests for src/pdf through the Reader: text layer vs OCR per page, encrypted
// and damaged PDFs, page selection. PDFs under samples/scans/ come from
// samples/render/render_letters.py (letter 030, and 001 for ten pages).
#include <catch2/catch.hpp>

#include "congvan/reader.h"
#include "test_support.h"

using namespace congvan;
using congvan::test::read_scan;
using congvan::test::source_dir;

namespace {

const std::string kStem = "030_ubnd-quangngai-507-2025-gop-y-du-thao-vtci";

}  // namespace

TEST_CASE("a born-digital PDF is read from its text layer, never OCR'd") {
  Reader reader;
  auto doc = reader.read(read_scan("pdf", kStem + ".pdf"), "letter.pdf");
  REQUIRE(doc);
  REQUIRE(doc->pages.size() == 1);
  const PageText& p = doc->pages[0];
  CHECK(p.origin == TextOrigin::kPdfText);
  CHECK_FALSE(p.confidence.has_value());
  CHECK(p.words.empty());
  CHECK(p.ocr_reason.empty());
  // Layout kept: the two header columns side by side, the body lines verbatim.
  CHECK(p.text.find("ỦY BAN NHÂN DÂN") != std::string::npos);
  CHECK(p.text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos);
  CHECK(p.text.find("Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số") != std::string::npos);
  CHECK(p.text.find("202/BTTTT-KHTC ngày 21/01/2025 về việc góp ý dự thảo Quyết định sửa đổi,") !=
        std::string::npos);
  CHECK(doc->origin() == TextOrigin::kPdfText);
}

TEST_CASE("a ten-page born-digital PDF gives ten text pages; --pages selects") {
  const std::string bytes = read_scan("pdf", "001_aeed54e906f1f406.pdf");
  Reader all;
  auto doc = all.read(bytes, "long.pdf");
  REQUIRE(doc);
  CHECK(doc->pages.size() == 10);
  for (const auto& p : doc->pages) CHECK(p.origin == TextOrigin::kPdfText);
  ReadOptions options;
  options.pages = {2, 3};
  Reader some(options);
  auto two = some.read(bytes, "long.pdf");
  REQUIRE(two);
  REQUIRE(two->pages.size() == 2);
  CHECK(two->pages[0].text == doc->pages[1].text);
  CHECK(two->pages[1].text == doc->pages[2].text);
}

TEST_CASE("a scan whose only text layer is a signature box is OCR'd, stamps dropped") {
  ReadOptions options;
  options.render_dpi = 200;  // the scan inside is 200 dpi; keeps the test quick
  Reader reader(options);
  auto doc = reader.read(read_scan("sigbox", kStem + ".pdf"), "signed.pdf");
  REQUIRE(doc);
  REQUIRE(doc->pages.size() == 1);
  const PageText& p = doc->pages[0];
  CHECK(p.origin == TextOrigin::kOcr);
  CHECK(p.ocr_reason == "text layer covers only part of the page (signature box or stamp)");
  REQUIRE(p.confidence.has_value());
  CHECK(*p.confidence > 80);
  CHECK(p.text.find("Kính gửi: Sở Thông tin và Truyền thông") != std::string::npos);
  CHECK(p.text.find("Quảng Ngãi, ngày 24 tháng 01 năm 2025") != std::string::npos);
  // The red signature box and the blue receipt stamp are coloured ink: removed.
  CHECK(p.text.find("Ký bởi") == std::string::npos);
  CHECK(p.text.find("ĐẾN") == std::string::npos);
}

TEST_CASE("a page whose text layer is TCVN3 mojibake is converted or OCR'd") {
  Reader reader;
  auto doc = reader.read(read_scan("tcvn3", kStem + ".pdf"), "old.pdf");
  REQUIRE(doc);
  REQUIRE(doc->pages.size() == 1);
  const PageText& p = doc->pages[0];
  // Converted from TCVN3 when the conversion reads as Vietnamese (src/text),
  // OCR'd otherwise; never the mojibake itself.
  if (p.origin == TextOrigin::kOcr) {
    CHECK(p.ocr_reason == "legacy-font text (TCVN3/VNI) in the text layer");
  } else {
    CHECK(p.origin == TextOrigin::kPdfText);
  }
  CHECK(p.text.find("Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số") != std::string::npos);
  CHECK(p.text.find("Kính gửi: Sở Thông tin và Truyền thông") != std::string::npos);
  CHECK(p.text.find("Quảng Ngãi, ngày 24 tháng 01 năm 2025") != std::string::npos);
  CHECK(p.text.find("Céng") == std::string::npos);
  CHECK(p.text.find("§éc") == std::string::npos);
}

TEST_CASE("an encrypted PDF fails with a clear error; an owner password alone does not stop it") {
  Reader reader;
  auto locked = reader.read(read_scan("encrypted", kStem + ".pdf"), "scan.pdf");
  REQUIRE_FALSE(locked);
  CHECK(locked.message() == "scan.pdf: encrypted PDF, cannot read text (a password is needed to open it)");
  auto open = reader.read(read_scan("encrypted", "owner-only.pdf"), "owner.pdf");
  REQUIRE(open);
  CHECK(open->pages[0].origin == TextOrigin::kPdfText);
  CHECK(open->pages[0].text.find("Theo đề nghị của Bộ Thông tin") != std::string::npos);
}

TEST_CASE("a damaged PDF gives its readable pages and names the others") {
  std::string bytes = read_scan("pdf", "001_aeed54e906f1f406.pdf");
  // Overwrite the compressed content stream of page 4 (object 11), keeping offsets.
  size_t obj = bytes.find("\n11 0 obj");
  REQUIRE(obj != std::string::npos);
  size_t data = bytes.find("stream\n", obj);
  REQUIRE(data != std::string::npos);
  for (size_t i = data + 7 + 10; i < data + 7 + 1000; ++i) bytes[i] = 'x';
  Reader reader;
  auto doc = reader.read(bytes, "x.pdf");
  REQUIRE(doc);
  CHECK(doc->pages.size() == 9);
  CHECK(doc->unreadable_pages == std::vector<int>{4});
  REQUIRE(doc->warnings.size() == 1);
  CHECK(doc->warnings[0] == "x.pdf: page 4 could not be read (damaged)");
}

TEST_CASE("a truncated or corrupt PDF gives a clear error") {
  std::string bytes = read_scan("pdf", kStem + ".pdf");
  Reader reader;
  auto truncated = reader.read(bytes.substr(0, bytes.size() / 3), "cut.pdf");
  REQUIRE_FALSE(truncated);
  CHECK(truncated.message() == "cut.pdf: damaged PDF, no page can be read");
  auto garbage = reader.read("%PDF-1.4\nnot a pdf at all\n", "junk.pdf");
  REQUIRE_FALSE(garbage);
  CHECK(garbage.message() == "junk.pdf: damaged PDF, no page can be read");
}

TEST_CASE("congvan text --json reports page origins; a bad --pages is a usage error") {
  auto path = source_dir() / "samples" / "scans" / "pdf" / ("001_aeed54e906f1f406.pdf");
  auto r = congvan::test::run_congvan("text --json --pages 2-3 '" + path.string() + "'");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"origin\": \"pdf-text\"") != std::string::npos);
  CHECK(r.out.find("\"page\": 2") != std::string::npos);
  CHECK(r.out.find("\"page\": 3") != std::string::npos);
  CHECK(r.out.find("\"page\": 1,") == std::string::npos);
  auto bad = congvan::test::run_congvan("text --pages 3-1 '" + path.string() + "'");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--pages") != std::string::npos);
}
