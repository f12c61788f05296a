// Tests for src/ocr: orientation, multi-page TIFF, coloured ink and the
// two-column header on a degraded scan, word offsets, and the correction of
// OCR words. Images under samples/scans/ come from samples/render/.
#include <catch2/catch.hpp>

#include "congvan/reader.h"
#include "congvan/text.h"
#include "ocr/ocr_correction.h"
#include "util/utf8.h"
#include "ocr/vi_lexicon.h"
#include "test_support.h"

using namespace congvan;
using congvan::test::read_file;
using congvan::test::source_dir;

namespace {

const std::string kStem = "030_ubnd-quangngai-507-2025-gop-y-du-thao-vtci";

std::string scan(const std::string& variant, const std::string& file) {
  return read_file(source_dir() / "samples" / "scans" / variant / file);
}

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("pages scanned sideways or upside down are turned and read") {
  Reader reader;
  for (auto [variant, turn] : {std::pair{"rot90", 270}, std::pair{"rot180", 180}}) {
    INFO(variant);
    auto doc = reader.read(scan(variant, kStem + ".png"), "turned.png");
    REQUIRE(doc);
    REQUIRE(doc->pages.size() == 1);
    const PageText& p = doc->pages[0];
    CHECK(p.origin == TextOrigin::kOcr);
    CHECK(p.rotation == turn);
    CHECK(has(p.text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    CHECK(has(p.text, "Độc lập - Tự do - Hạnh phúc"));
    CHECK(has(p.text, "Quảng Ngãi, ngày 24 tháng 01 năm 2025"));
  }
}

TEST_CASE("a multi-page CCITT G4 TIFF gives all its pages") {
  Reader reader;
  auto doc = reader.read(scan("tiff", kStem + ".tif"), "fax.tif");
  REQUIRE(doc);
  REQUIRE(doc->pages.size() == 2);
  CHECK(has(doc->pages[0].text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  CHECK(has(doc->pages[1].text, "Kính gửi: Sở Thông tin và Truyền thông"));
  CHECK(has(doc->pages[1].text, "Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số"));
  CHECK(doc->origin() == TextOrigin::kOcr);
}

TEST_CASE("a degraded colour scan: stamps dropped, header columns as blocks, word offsets") {
  Reader reader;
  auto doc = reader.read(scan("deg200", kStem + ".jpg"), "scan.jpg");
  REQUIRE(doc);
  REQUIRE(doc->pages.size() == 1);
  const PageText& p = doc->pages[0];
  CHECK(p.dpi == 200);
  CHECK(p.confidence.value_or(0) > 85);
  // The issuer's column comes as its own block, not interleaved with the motto.
  CHECK(has(p.text, "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 507 /UBND-KGVX"));
  CHECK(has(p.text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                    "Quảng Ngãi, ngày 24 tháng 01 năm 2025"));
  CHECK(has(p.text, "hợp, báo cáo Bộ Thông tin và Truyền thông, UBND tỉnh theo quy định (trước"));
  CHECK_FALSE(has(p.text, "ĐẾN"));  // the blue receipt stamp
  // Every word's code-point span points at its text in the page text.
  std::u32string text = to_u32(p.text);
  REQUIRE(p.words.size() > 150);
  for (const OcrWord& w : p.words) {
    REQUIRE(w.start >= 0);
    REQUIRE(w.end <= static_cast<int64_t>(text.size()));
    CHECK(to_utf8(text.substr(w.start, w.end - w.start)) == w.text);
    CHECK(w.width > 0);
    CHECK(w.height > 0);
  }
}

TEST_CASE("OCR words: digits in numbers and dates, look-alike letters, tones") {
  using ocr::correct_ocr_word;
  struct Case {
    const char* in;
    const char* out;
    bool number_fix;
  };
  const Case cases[] = {
      {"3O/4/2O24", "30/4/2024", true},
      {"1O/02/2025).", "10/02/2025).", true},
      {"2O24", "2024", true},
      {"06/QĐÐ-TTg", "06/QĐ-TTg", false},
      {"2269/QĐ-TTg", "2269/QĐ-TTg", false},
      {"ø)", "g)", false},
      {"Ðiều", "Điều", false},
      {"KGVX", "KGVX", false},
      {"5O%", "50%", true},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    auto fix = correct_ocr_word(c.in, nullptr);
    CHECK(fix.text == c.out);
    CHECK(fix.number_fix == c.number_fix);
    CHECK(fix.changed == (std::string(c.in) != c.out));
  }
}

TEST_CASE("the lexicon mends a tone that makes a non-syllable, and tells mojibake from Vietnamese") {
  congvan::test::TempDir tmp;
  congvan::test::write_file(tmp / "lex.txt", "# test\ntổng\nhợp\n");
  auto small = ocr::ViLexicon::load((tmp / "lex.txt").string());
  REQUIRE(small);
  CHECK(ocr::correct_ocr_word("tống", &*small).text == "tổng");
  CHECK(ocr::correct_ocr_word("TỐNG", &*small).text == "TỔNG");
  CHECK(ocr::correct_ocr_word("hợp,", &*small).text == "hợp,");
  CHECK_FALSE(ocr::correct_ocr_word("hợp", &*small).changed);

  auto lex = ocr::ViLexicon::load((source_dir() / "models" / "ocr" / "vi_syllables.txt").string());
  REQUIRE(lex);
  CHECK(lex->size() > 6000);
  int tokens = 0;
  std::string letter = read_file(congvan::test::samples_dir() / (kStem + ".txt"));
  CHECK(lex->syllable_share(letter, &tokens) > 0.9);
  CHECK(tokens > 150);
  CHECK(lex->syllable_share("Céng hßa x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc") < 0.4);

  congvan::test::write_file(tmp / "bad.txt", "tổng\nhai từ\n");
  auto bad = ocr::ViLexicon::load((tmp / "bad.txt").string());
  REQUIRE_FALSE(bad);
  CHECK(bad.message() == (tmp / "bad.txt").string() + ":2: a syllable must not contain spaces");
}
