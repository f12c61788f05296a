// Tests for src/text/cleanup: the letter's lines after clean-up of OCR'd text
// (noise lines from seals and stamps). Inputs are lines congvan's OCR gave for
// the degraded scans made by samples/render/render_letters.py.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/cleanup.h"

using namespace congvan;

namespace {

std::vector<std::string> texts(const std::vector<TextLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.text);
  return out;
}

}  // namespace

TEST_CASE("OCR noise lines are told apart from words and numbers and markers and labels", "[text]") {
  for (const char* noise : {"_.è", "—l~|", "F~L~|", "~a*n", "`", "|—l--|", "l-l-", "* *", "Ỷ="}) {
    INFO(noise);
    CHECK(is_ocr_noise_line(to_u32(noise)));
  }
  for (const char* kept : {"Am", "ri", "TS ..-.—", "% 100", "-", "+", "./.", "…", "a)", "V.", "2", "%", "≥",
                           "(1) (2) (3)", "- a)", "x", "Số:", "30/4/2024", ""}) {
    INFO(kept);
    CHECK_FALSE(is_ocr_noise_line(to_u32(kept)));
  }
}

TEST_CASE("clean_letter_text drops the noise line a receipt stamp leaves above the text", "[text]") {
  // Page 1 of a degraded 200 dpi scan: the blue "ĐẾN" stamp over the header read as "_.è".
  const std::string page = "_.è\n\nKính gửi:\n- Các sở, ban, ngành tỉnh;\n\n- UBND các huyện, thị xã, thành phố.";
  const auto lines = clean_letter_text(page, {});
  CHECK(texts(lines) == std::vector<std::string>{"Kính gửi:", "- Các sở, ban, ngành tỉnh;",
                                                 "- UBND các huyện, thị xã, thành phố."});
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].blank_before == 1);
  CHECK(lines[0].start() == 5);  // offsets still point into the page as stored
  CHECK(lines[2].blank_before == 1);
}

TEST_CASE("clean_letter_text drops a seal's noise line inside the signature block without a paragraph break", "[text]") {
  const std::string page = "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nF~L~|\nBùi Hồng Lĩnh";
  const auto lines = clean_letter_text(page, {});
  CHECK(texts(lines) == std::vector<std::string>{"KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Bùi Hồng Lĩnh"});
  REQUIRE(lines.size() == 3);
  CHECK(lines[2].blank_before == 0);
}

TEST_CASE("clean_letter_text keeps a table's unit and comparator cells and drops a misread separator row", "[text]") {
  const std::string text = "| Chỉ tiêu | % | ≥ | 80 |\n|—l--|~-|\n| Tỷ lệ hồ sơ | % | = | 100 |";
  const auto lines = clean_letter_text(text, {});
  CHECK(texts(lines) == std::vector<std::string>{"Chỉ tiêu", "%", "≥", "80", "Tỷ lệ hồ sơ", "%", "=", "100"});
  REQUIRE(lines.size() == 8);
  CHECK(lines[4].table_row == 1);  // the misread separator is no row
  CHECK(lines[4].table_cell == 0);
}
