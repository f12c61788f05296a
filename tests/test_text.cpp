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
