// Tests for src/ocr: orientation (and its OSD fallback), multi-page TIFF,
// coloured ink and the two-column header on a degraded scan, word offsets,
// and the correction of OCR words. Images under samples/scans/ and
// tests/data/ocr/ come from samples/render/.
#include <catch2/catch.hpp>

#include <vector>

#include "congvan/reader.h"
#include "congvan/text.h"
#include "ocr/doc_number.h"
#include "ocr/ocr_correction.h"
#include "ocr/ocr_engine.h"
#include "util/utf8.h"
#include "ocr/vi_lexicon.h"
#include "test_support.h"

using namespace congvan;
using congvan::test::read_file;
using congvan::test::read_scan;
using congvan::test::source_dir;

namespace {

const std::string kStem = "030_ubnd-quangngai-507-2025-gop-y-du-thao-vtci";

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// Reads a test scan (samples/scans/<variant>/<file>) that must give one page.
PageText read_one_page(const std::string& variant, const std::string& file) {
  Reader reader;
  auto doc = reader.read(read_scan(variant, file), file);
  REQUIRE(doc);
  REQUIRE(doc->pages.size() == 1);
  return std::move(doc->pages[0]);
}

// An OCR word, its correction, and whether a digit was repaired.
struct WordCase {
  const char* in;
  const char* out;
  bool number_fix;
};

void check_corrections(const std::vector<WordCase>& cases, const ocr::DocTypeAbbreviations* types) {
  for (const WordCase& c : cases) {
    INFO(c.in);
    auto fix = ocr::correct_ocr_word(c.in, nullptr, nullptr, types);
    CHECK(fix.text == c.out);
    CHECK(fix.number_fix == c.number_fix);
    CHECK(fix.changed == (std::string(c.in) != c.out));
  }
}

// One test image read by an engine with the project's lexicon, and how its
// orientation was decided.
struct TracedPage {
  PageText page;
  ocr::OrientationTrace trace;
};

TracedPage read_traced(const std::string& bytes) {
  auto lexicon = ocr::ViLexicon::load((source_dir() / "models" / "ocr" / "vi_syllables.txt").string());
  auto types = ocr::DocTypeAbbreviations::load((source_dir() / "models" / "ocr" / "doc_types.txt").string());
  REQUIRE(lexicon);
  REQUIRE(types);
  ocr::OcrEngine engine(ocr::OcrOptions{}, &*lexicon, &*types);
  auto read = engine.read_image_file(bytes, {}, nullptr);
  REQUIRE(read);
  REQUIRE(read->size() == 1);
  return {(*read)[0], engine.last_orientation()};
}

// Read upside down first (no OSD before), poorly; OSD then ran, said 180
// degrees, and the page read again was kept.
void check_turned_by_fallback(const TracedPage& r) {
  CHECK_FALSE(r.trace.osd_before);
  CHECK(r.trace.first_confidence < 70);
  CHECK(r.trace.osd_fallback);
  CHECK(r.trace.osd_rotation == 180);
  CHECK(r.page.rotation == 180);
  CHECK(r.page.confidence.value_or(0) > 90);
}

}  // namespace

TEST_CASE("pages scanned sideways or upside down are turned and read") {
  Reader reader;
  for (auto [variant, turn] : {std::pair{"rot90", 270}, std::pair{"rot180", 180}}) {
    INFO(variant);
    auto doc = reader.read(read_scan(variant, kStem + ".png"), "turned.png");
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

TEST_CASE("a page the ascender count takes for upright but reads poorly is turned as OSD says", "[ocr]") {
  // Page 2 of letter 003, rendered at 300 dpi and turned upside down
  // (samples/render/render_orientation_pages.py): on this page the ascender
  // count leans the wrong way, so the page is read upside down first; that
  // reading's confidence is low, OSD runs and says 180 degrees, and the page
  // read again is kept.
  const TracedPage r = read_traced(read_file(source_dir() / "tests" / "data" / "ocr" / "003_p2-upside-down.png"));
  const PageText& p = r.page;
  CHECK(r.trace.ascenders == ocr::OrientationTrace::Ascenders::kLikelyUpright);
  check_turned_by_fallback(r);
  // The page's first lines, its cited resolutions and their dates, and its last line.
  CHECK(p.text.starts_with("của Chính phủ: số 01/NQ-CP ngày 05/01/2024; số 02/NQ-CP ngày 05/01/2024;\n"
                           "số 68/NQ-CP ngày 12/5/2020 và các Quyết định của Thủ tướng Chính phủ: số\n"
                           "468/QĐ-TTg ngày 27/3/2021;"));
  CHECK(p.text.ends_with("\ncấp giải quyết TTHC đã được Chính phủ, Thủ tướng Chính phủ phê duyệt. Đảm"));
}

TEST_CASE("a page the ascender count calls clearly upright but reads poorly is turned as OSD says", "[ocr]") {
  // Rows 1400-2499 of page 2 of letter 003 (body text, full width), turned
  // upside down, 1-bit (samples/render/render_orientation_pages.py): the
  // ascender count is clear and wrong here (up 7.4, left -2.6), so the band is
  // read upside down first; that reading's confidence is low, OSD runs and
  // says 180 degrees, and the band read again is kept.
  const TracedPage r = read_traced(read_file(source_dir() / "tests" / "data" / "ocr" / "003_p2-band-upside-down.png"));
  const PageText& p = r.page;
  CHECK(r.trace.ascenders == ocr::OrientationTrace::Ascenders::kUpright);
  check_turned_by_fallback(r);
  // The band's first two lines, the end of its first item, its second item
  // and its last line (read upside down, no line was Vietnamese).
  CHECK(p.text.starts_with("thời trình Chủ tịch UBND tỉnh:\n"
                           "- Công bố danh mục TTHC thực hiện trên địa bàn tỉnh (chậm nhất trong\n"));
  CHECK(has(p.text, "\ntrưởng cơ quan ngang Bộ);\n"
                    "- Công bố Quy trình nội bộ giải quyết TTHC (chậm nhất trong 10 ngày\n"
                    "làm việc kể từ ngày có Quyết định công bố TTHC của Bộ trưởng, Thủ trưởng cơ\n"));
  CHECK(p.text.ends_with("\nquan ngang Bộ)."));
}

TEST_CASE("a page the ascender count takes for upright and that reads confidently gets no OSD", "[ocr]") {
  // Page 2 of letter 030 in the clean 300 dpi G4 TIFF: the count leans
  // upright weakly, the first reading confirms it.
  ocr::OcrEngine engine(ocr::OcrOptions{});
  auto pages = engine.read_image_file(read_scan("tiff", kStem + ".tif"), {2}, nullptr);
  REQUIRE(pages);
  REQUIRE(pages->size() == 1);
  const PageText& p = (*pages)[0];
  const ocr::OrientationTrace& trace = engine.last_orientation();
  CHECK(trace.ascenders == ocr::OrientationTrace::Ascenders::kLikelyUpright);
  CHECK_FALSE(trace.osd_before);
  CHECK(trace.first_confidence > 90);
  CHECK_FALSE(trace.osd_fallback);
  CHECK(trace.osd_rotation == -1);
  CHECK(p.rotation == 0);
  CHECK(has(p.text, "Kính gửi: Sở Thông tin và Truyền thông"));
}

TEST_CASE("a multi-page CCITT G4 TIFF gives all its pages") {
  Reader reader;
  auto doc = reader.read(read_scan("tiff", kStem + ".tif"), "fax.tif");
  REQUIRE(doc);
  REQUIRE(doc->pages.size() == 2);
  CHECK(has(doc->pages[0].text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  CHECK(has(doc->pages[1].text, "Kính gửi: Sở Thông tin và Truyền thông"));
  CHECK(has(doc->pages[1].text, "Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số"));
  CHECK(doc->origin() == TextOrigin::kOcr);
}

TEST_CASE("a degraded colour scan: stamps dropped, header columns as blocks, word offsets") {
  const PageText p = read_one_page("deg200", kStem + ".jpg");
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
  check_corrections({
      {"3O/4/2O24", "30/4/2024", true},
      {"1O/02/2025).", "10/02/2025).", true},
      {"2O24", "2024", true},
      {"06/QĐÐ-TTg", "06/QĐ-TTg", false},
      {"2269/QĐ-TTg", "2269/QĐ-TTg", false},
      {"ø)", "g)", false},
      {"Ðiều", "Điều", false},
      {"KGVX", "KGVX", false},
      {"5O%", "50%", true},
  }, nullptr);
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

TEST_CASE("document numbers in OCR words are repaired by their grammar") {
  auto types = ocr::DocTypeAbbreviations::load((source_dir() / "models" / "ocr" / "doc_types.txt").string());
  REQUIRE(types);
  CHECK(types->contains("NĐ"));
  CHECK(types->contains("QyĐ"));
  CHECK_FALSE(types->contains("CV"));
  check_corrections({
      {"3O/2O2O/NÐ-CP", "30/2020/NĐ-CP", true},
      {"0l/2023/TT-BTC", "01/2023/TT-BTC", true},
      {"OI/2O24/QĐ-UBND,", "01/2024/QĐ-UBND,", true},
      {"Số:l2/2024/ND-CP", "Số:12/2024/NĐ-CP", true},
      {"15/QD-BNV", "15/QĐ-BNV", false},
      {"06/2024/QyD-UBND;", "06/2024/QyĐ-UBND;", false},
      {"05/2024/HD-UBND", "05/2024/HD-UBND", false},
      {"lO/UBND-VX", "10/UBND-VX", true},
      {"(3354/VPCP-KGVX)", "(3354/VPCP-KGVX)", false},
      {"12/CV-UBND", "12/CV-UBND", false},
      {"1l-NQ/TW", "11-NQ/TW", true},
      {"16/2001/CT-TTg", "16/2001/CT-TTg", false},
      {"30/4/2O24", "30/4/2024", true},
      {"V/v", "V/v", false},
  }, &*types);
  // Without the list the digits are still repaired, the bar of Đ is not guessed.
  CHECK(ocr::correct_ocr_word("3O/2O2O/ND-CP", nullptr).text == "30/2020/ND-CP");
  CHECK_FALSE(ocr::repair_document_number("2024", &*types));
  CHECK_FALSE(ocr::repair_document_number("và/hoặc", &*types));

  congvan::test::TempDir tmp;
  congvan::test::write_file(tmp / "types.txt", "# types\nNĐ\tNghị định\nQ Đ\tbroken\n");
  auto bad = ocr::DocTypeAbbreviations::load((tmp / "types.txt").string());
  REQUIRE_FALSE(bad);
  CHECK(bad.message() == (tmp / "types.txt").string() +
                             ":3: an abbreviation is letters (A-Z, Đ, lower-case inside) before a tab");
}

TEST_CASE("a word that is not a syllable takes the syllable Tesseract proposed for one of its symbols") {
  congvan::test::TempDir tmp;
  congvan::test::write_file(tmp / "lex.txt", "huyện\nhuyền\nhuyến\ncách\nbố\nbổ\n");
  auto lex = ocr::ViLexicon::load((tmp / "lex.txt").string());
  REQUIRE(lex);
  using ocr::SymbolReading;
  auto letters = [](const std::vector<std::string>& symbols) {
    std::vector<SymbolReading> out;
    for (const auto& s : symbols) out.push_back(SymbolReading{s, 99.0f, {{s, 95.0f}}});
    return out;
  };
  // "huyẹn": three tones give a syllable, so the lexicon alone cannot choose;
  // Tesseract proposed ệ (and e, which gives none).
  auto huyen = letters({"h", "u", "y", "ẹ", "n", ":"});
  huyen[3].choices = {{"ẹ", 94.0f}, {"e", 25.1f}, {"ệ", 7.3f}};
  CHECK(ocr::correct_ocr_word("huyẹn:", &*lex, &huyen).text == "huyện:");
  CHECK(ocr::correct_ocr_word("huyẹn:", &*lex).text == "huyẹn:");
  // A quote mark read for á.
  auto cach = letters({"c", "“", "c", "h"});
  cach[1].choices = {{"“", 90.0f}, {"4", 43.0f}, {"á", 37.9f}};
  CHECK(ocr::correct_ocr_word("c“ch", &*lex, &cach).text == "cách");
  // A reading that is a syllable stays: measured on the rendered scans, an
  // alternative's confidence does not tell bố from bổ.
  auto bo = letters({"b", "ố"});
  bo[1].choices = {{"ố", 93.8f}, {"ổ", 52.8f}};
  CHECK_FALSE(ocr::correct_ocr_word("bố", &*lex, &bo).changed);
  // Alternatives with no weight are not proposals; symbols that do not spell
  // the word are ignored.
  huyen[3].choices = {{"ẹ", 94.0f}, {"ệ", 0.0f}};
  CHECK_FALSE(ocr::correct_ocr_word("huyẹn:", &*lex, &huyen).changed);
  auto other = letters({"h", "u"});
  CHECK_FALSE(ocr::correct_ocr_word("huyẹn", &*lex, &other).changed);
}

TEST_CASE("an image without a usable resolution: dpi from the height of its letters, then upscaled") {
  // The header of a letter at 150 dpi, its resolution stripped (no pHYs):
  // from its size as a page it would be taken for 108 dpi.
  const std::string nodpi = read_scan("nodpi", kStem + ".png");
  const int dpi = ocr::image_resolution(nodpi);
  CHECK(dpi >= 140);
  CHECK(dpi <= 160);
  // A file's own resolution is kept.
  CHECK(ocr::image_resolution(read_scan("deg200", kStem + ".jpg")) == 200);

  Reader reader;
  auto doc = reader.read(nodpi, "nodpi.png");
  REQUIRE(doc);
  REQUIRE(doc->pages.size() == 1);
  const PageText& page = doc->pages[0];
  CHECK(page.dpi == 300);  // upscaled to 300 dpi from under 200
  CHECK(has(page.text, "Số: 507 /UBND-KGVX"));
  CHECK(has(page.text, "Quảng Ngãi, ngày 24 tháng 01 năm 2025"));
  CHECK(has(page.text, "Quyết định số 2269/QĐ-TTg"));
}

TEST_CASE("a year read with one digit too many loses the digit Tesseract was least sure of") {
  using ocr::SymbolReading;
  auto spelled = [](const std::vector<std::pair<std::string, float>>& symbols) {
    std::vector<SymbolReading> out;
    for (const auto& [text, confidence] : symbols) out.push_back(SymbolReading{text, confidence, {}});
    return out;
  };
  // "năm 2013." read "20113." (clean 300 dpi render of a sample letter).
  const auto year = spelled({{"2", 99.5f}, {"0", 99.4f}, {"1", 99.3f}, {"1", 97.4f}, {"3", 99.5f}, {".", 98.2f}});
  CHECK(ocr::maybe_long_year("20113."));
  CHECK(ocr::drop_extra_year_digit("20113.", year, /*after_nam=*/true) == std::optional<std::string>("2013."));
  // Not after "năm": a five-digit number stays.
  CHECK_FALSE(ocr::drop_extra_year_digit("20113.", year, false));
  // The last group of a date.
  auto date = spelled({{"3", 99.0f}, {"0", 99.0f}, {"/", 99.0f}, {"5", 99.0f}, {"/", 99.0f}, {"2", 99.0f},
                       {"0", 98.0f}, {"2", 99.0f}, {"4", 61.0f}, {"4", 97.0f}});
  CHECK(ocr::drop_extra_year_digit("30/5/20244", date, false) == std::optional<std::string>("30/5/2024"));
  // Symbols that do not spell the word, and four-digit years, are left alone.
  CHECK_FALSE(ocr::drop_extra_year_digit("20114.", year, true));
  CHECK_FALSE(ocr::maybe_long_year("2013."));
  CHECK_FALSE(ocr::maybe_long_year("51234"));
}

TEST_CASE("a page with only the signature on a noisy background is read, not left empty") {
  // The last page of a degraded 200 dpi scanned PDF: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
  // a red seal, the signer's name. Otsu's global threshold finds no text
  // there; the engine then tries Sauvola's local threshold.
  CHECK(read_one_page("sparse", "000_last-page-signature.pdf").text == "KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nTrần Tuyết Minh");
}

TEST_CASE("black text under a red seal and a blue signature is kept, the coloured ink dropped") {
  // The last page of a degraded 200 dpi JPEG scan (letter 003 as samples/render
  // draws it; the page's JPEG unchanged): the seal and the signature lie over
  // "Các Sở, Ban quản lý / khu công nghiệp tỉnh;" in a table cell. The JPEG's
  // chroma tints the black strokes there (about 110,30,30); dark in their
  // strongest channel, they stay ink, while the bright seal red goes.
  const std::string text = read_one_page("seal", "003_seal-over-table.pdf").text;
  CHECK(has(text, "người dân, doanh nghiệp.\nCác Sở, Ban quản lý\n"));
  CHECK(has(text, "\nkhu công nghiệp tỉnh;\nUBND cấp huyện,"));
  CHECK(has(text, "10 Mức độ hài lòng trong tiếp\nnhận, giải quyết TTHC của\n"));
}

TEST_CASE("a blank line between two runs of two-column lines closes the zone: each run left then right") {
  // The top of a degraded 300 dpi scan of letter 009 (as samples/render draws it):
  // the header in two columns, a blank line, then "Kính gửi:" on the left with
  // the recipients on the right. Read as one zone, "Kính gửi:" came before the
  // motto and the recipients after the date.
  const std::string text = read_one_page("columns", "009_header-and-recipients.jpg").text;
  CHECK(has(text,
            "Số: 1921/LĐTBXH-NCC V/v:\nhướng dẫn thực hiện chế độ điều\ndưỡng phục hồi sức khỏe người có\n"
            "công với cách mạng\n\nĐộc lập - Tự do - Hạnh phúc ----------------\n"
            "Hà Nội, ngày 03 tháng 06 năm 2013\n\nKính gửi:\n\n"
            "- Sở Lao động - Thương binh và Xã hội các tỉnh,\n\n"
            "thành phố trực thuộc Trung ương; - Các Trung tâm\nđiều dưỡng người có công."));
}
