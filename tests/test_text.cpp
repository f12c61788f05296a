// Tests for src/text: decoding, NFC and folding.
#include <catch2/catch.hpp>

#include "congvan/text.h"

using namespace congvan;

TEST_CASE("fold removes diacritics and folds đ") {
  CHECK(fold("Sở Tài chính") == "so tai chinh");
  CHECK(fold("ĐỀ NGHỊ  Thủ tục\nhành chính") == "de nghi thu tuc hanh chinh");
}

TEST_CASE("decode_text accepts UTF-8 with BOM and NFD, gives NFC") {
  auto r = decode_text("\xEF\xBB\xBF" "Vie\xCC\xA3\xCC\x82t");  // "Việt" in NFD
  REQUIRE(r);
  CHECK(*r == "Vi\xE1\xBB\x87t");
}

TEST_CASE("decode_text accepts UTF-16 LE and BE with BOM") {
  std::string le("\xFF\xFE" "S\0\xDF\x1E", 6);  // "Sở" U+1EDF
  auto r = decode_text(le);
  REQUIRE(r);
  CHECK(*r == "S\xE1\xBB\x9F");
  std::string be("\xFE\xFF\0S\x1E\xDF", 6);
  auto r2 = decode_text(be);
  REQUIRE(r2);
  CHECK(*r2 == "S\xE1\xBB\x9F");
}

TEST_CASE("decode_text rejects binary, Latin-1 and empty input with a reason") {
  auto bin = decode_text(std::string("\x01\x02\x00\x03garbage", 10));
  REQUIRE_FALSE(bin);
  CHECK(bin.message() == "not a text file (binary content)");
  auto latin1 = decode_text("Caf\xE9 cr\xE8me br\xFBl\xE9\x65");
  REQUIRE_FALSE(latin1);
  CHECK(latin1.message().find("not UTF-8") != std::string::npos);
  CHECK_FALSE(decode_text(""));
}

// --- Legacy 8-bit encodings (TCVN3/ABC, VNI) -------------------------------

#include "congvan/extract.h"
#include "congvan/rules.h"
#include "test_support.h"

namespace {

std::shared_ptr<const LegacyEncodings> legacy_tables() {
  auto tables = load_legacy_encodings(test::source_dir() / "models");
  REQUIRE(tables);
  return *tables;
}

DocumentText one_page(const std::string& text) {
  DocumentText doc;
  doc.pages.push_back(PageText{text, TextOrigin::kPlainText, std::nullopt, "", {}});
  return doc;
}

// Compares what matters of two extractions: header, tasks, references.
void check_same_extraction(const Extraction& a, const Extraction& b) {
  CHECK(a.header.issuer == b.header.issuer);
  CHECK(a.header.doc_type == b.header.doc_type);
  CHECK(a.header.symbol == b.header.symbol);
  CHECK(a.header.date == b.header.date);
  CHECK(a.header.subject == b.header.subject);
  CHECK(a.header.recipients == b.header.recipients);
  CHECK(a.header.signer.name == b.header.signer.name);
  REQUIRE(a.tasks.size() == b.tasks.size());
  for (size_t i = 0; i < a.tasks.size(); ++i) {
    CHECK(a.tasks[i].item == b.tasks[i].item);
    CHECK(a.tasks[i].text == b.tasks[i].text);
    CHECK(a.tasks[i].span.start == b.tasks[i].span.start);
    CHECK(a.tasks[i].span.end == b.tasks[i].span.end);
    CHECK(a.tasks[i].lead.size() == b.tasks[i].lead.size());
    CHECK(a.tasks[i].deadlines.size() == b.tasks[i].deadlines.size());
    CHECK(a.tasks[i].targets.size() == b.tasks[i].targets.size());
  }
  REQUIRE(a.references.size() == b.references.size());
  for (size_t i = 0; i < a.references.size(); ++i) {
    CHECK(a.references[i].number == b.references[i].number);
    CHECK(a.references[i].date == b.references[i].date);
  }
}

}  // namespace

TEST_CASE("legacy tables map every Vietnamese letter one to one") {
  auto tables = legacy_tables();
  const std::string letters =
      "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
      "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";
  // One syllable per letter ("xà", "đa") so the text reads as Vietnamese.
  std::string words;
  size_t i = 0;
  while (i < letters.size()) {
    const auto b = static_cast<unsigned char>(letters[i]);
    const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : 3;
    const std::string letter = letters.substr(i, len);
    i += len;
    words += (letter == "đ" || letter == "Đ") ? letter + "a " : "x" + letter + " ";
  }
  for (const char* encoding : {"tcvn3", "vni"}) {
    INFO(encoding);
    auto bytes = encode_legacy(*tables, encoding, words);
    REQUIRE(bytes);
    for (unsigned char c : *bytes) CHECK(c != 0);
    auto back = decode_text(*bytes, tables.get());
    REQUIRE(back);
    CHECK(*back == words);
  }
}

TEST_CASE("TCVN3 and VNI versions of sample letters decode and extract exactly like the original") {
  auto tables = legacy_tables();
  auto rules = load_rules(test::source_dir() / "models");
  REQUIRE(rules);
  for (const char* name : {"002_0c390757ddc76dcf.txt", "003_a5e607804649b42a.txt",
                           "030_ubnd-quangngai-507-2025-gop-y-du-thao-vtci.txt"}) {
    auto original = decode_text(test::read_file(test::samples_dir() / name));
    REQUIRE(original);
    const Extraction expected = extract(**rules, one_page(*original));
    for (const char* encoding : {"tcvn3", "vni"}) {
      INFO(name << " in " << encoding);
      auto bytes = encode_legacy(*tables, encoding, *original);
      REQUIRE(bytes);
      REQUIRE(*bytes != *original);
      auto decoded = decode_text(*bytes, tables.get());
      REQUIRE(decoded);
      CHECK(*decoded == *original);
      // decode_text(bytes) alone finds the tables in the default rules folder.
      auto by_default = decode_text(*bytes);
      REQUIRE(by_default);
      CHECK(*by_default == *original);
      check_same_extraction(extract(**rules, one_page(*decoded)), expected);
    }
  }
}

TEST_CASE("Latin-1 text is not taken for TCVN3 or VNI") {
  auto tables = legacy_tables();
  auto r = decode_text("Caf\xE9 cr\xE8me br\xFBl\xE9\x65 et g\xE2teau \xE0 la fran\xE7\x61ise", tables.get());
  CHECK_FALSE(r);
}
