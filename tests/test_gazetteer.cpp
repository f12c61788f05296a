// The gazetteer of state bodies: canonical names, abbreviations, successors
// after the 2025 mergers, and diacritic-insensitive search.
#include <catch2/catch.hpp>

#include "congvan/gazetteer.h"
#include "congvan/text.h"
#include "extract/vi_fold.h"
#include "test_support.h"

using namespace congvan;

namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer kGazetteer = [] {
    auto g = Gazetteer::load(test::source_dir() / "models" / "gazetteer.tsv");
    if (!g) FAIL(g.message());
    return std::move(g.value());
  }();
  return kGazetteer;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("gazetteer: canonical names of abbreviations and variants", "[gazetteer]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Sở TT&TT", "Sở Thông tin và Truyền thông"},
      {"Sở TT và TT", "Sở Thông tin và Truyền thông"},
      {"SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông"},
      {"VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"},
      {"Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"},
      {"Văn phòng Uỷ ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"},
      {"Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"},
      {"Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"},
      {"Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"},
      {"BQL KKT", "Ban Quản lý Khu kinh tế"},
      {"Sở TN&MT", "Sở Tài nguyên và Môi trường"},
      {"Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"},
      {"Sở GD&ĐT", "Sở Giáo dục và Đào tạo"},
      {"Sở Tài chính tỉnh Hưng Yên", "Sở Tài chính"},
      {"UBND tỉnh Quảng Ngãi", "Ủy ban nhân dân tỉnh"},
      {"Công an tỉnh Quảng Trị", "Công an tỉnh"},
      {"Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội"},
      {"Bộ TT&TT", "Bộ Thông tin và Truyền thông"},
      {"Thủ tướng", "Thủ tướng Chính phủ"},
      {"UBND cấp huyện", "Ủy ban nhân dân cấp huyện"},
      {"UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân cấp huyện"},
      {"Các sở, ngành", "Các sở, ban, ngành"},
  };
  for (const auto& [written, canonical] : cases) {
    INFO(written);
    CHECK(gazetteer().canonical(written) == std::optional<std::string>(canonical));
  }
  CHECK_FALSE(gazetteer().canonical("Sở Tài chính và các đơn vị liên quan"));
  CHECK_FALSE(gazetteer().canonical("Hội nghị trực tuyến"));
  CHECK_FALSE(gazetteer().canonical(""));
}

TEST_CASE("gazetteer: successors since the 2025 mergers", "[gazetteer]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"},
      {"Sở KH&ĐT", "Sở Tài chính"},
      {"Sở LĐ-TB&XH", "Sở Nội vụ"},
      {"Sở TN&MT", "Sở Nông nghiệp và Môi trường"},
      {"Sở NN&PTNT", "Sở Nông nghiệp và Môi trường"},
      {"Sở GTVT", "Sở Xây dựng"},
      {"Bộ TT&TT", "Bộ Khoa học và Công nghệ"},
      {"Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"},
      {"Bộ LĐ-TB&XH", "Bộ Nội vụ"},
      {"Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Môi trường"},
      {"Bộ NN&PTNT", "Bộ Nông nghiệp và Môi trường"},
      {"Bộ GTVT", "Bộ Xây dựng"},
      {"Ủy ban Dân tộc", "Bộ Dân tộc và Tôn giáo"},
      {"Ban Dân tộc tỉnh", "Sở Dân tộc và Tôn giáo"},
  };
  for (const auto& [old_name, now] : cases) {
    INFO(old_name);
    CHECK(gazetteer().successor(old_name) == std::optional<std::string>(now));
  }
  CHECK_FALSE(gazetteer().successor("Sở Tài chính"));
  CHECK_FALSE(gazetteer().successor("Sở Xây dựng"));
  CHECK_FALSE(gazetteer().successor("Cơ quan không có thật"));
  CHECK(gazetteer().predecessors("Sở Nông nghiệp và Môi trường") ==
        Names{"Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"});
  CHECK(gazetteer().predecessors("Sở Tài chính") == Names{"Sở Kế hoạch và Đầu tư"});
}

TEST_CASE("gazetteer: what a user's search string means", "[gazetteer]") {
  CHECK(gazetteer().match("so tai chinh") == Names{"Sở Tài chính"});
  CHECK(gazetteer().match("Sở TC") == Names{"Sở Tài chính"});
  CHECK(gazetteer().match("Sở Tài chính") == Names{"Sở Tài chính"});
  CHECK(gazetteer().match("SO TAI CHINH") == Names{"Sở Tài chính"});
  CHECK(gazetteer().match("so tt&tt") == Names{"Sở Thông tin và Truyền thông"});
  CHECK(gazetteer().match("vp ubnd tinh") == Names{"Văn phòng Ủy ban nhân dân tỉnh"});
  CHECK(gazetteer().match("tai chinh") ==
        Names{"Bộ Tài chính", "Phòng Tài chính - Kế hoạch", "Sở Tài chính"});
  auto tu_phap = gazetteer().match("tu phap");
  CHECK(std::find(tu_phap.begin(), tu_phap.end(), "Sở Tư pháp") != tu_phap.end());
  CHECK(std::find(tu_phap.begin(), tu_phap.end(), "Bộ Tư pháp") != tu_phap.end());
  CHECK(gazetteer().match("xyz khong co").empty());
  CHECK(gazetteer().match("").empty());
}

TEST_CASE("gazetteer: keys ignore case, marks, punctuation and 'và'", "[gazetteer]") {
  CHECK(Gazetteer::key("Sở TT&TT") == "so tt tt");
  CHECK(Gazetteer::key("Sở Lao động - Thương binh và Xã hội") == "so lao dong thuong binh xa hoi");
  CHECK(Gazetteer::key("  SỞ   Y TẾ ") == "so y te");
  // The fast folding used while extracting agrees with congvan::fold.
  for (const auto& e : gazetteer().entries()) {
    INFO(e.canonical);
    CHECK(fold_vi(e.canonical) == fold(e.canonical));
    for (const auto& a : e.aliases) CHECK(fold_vi(a) == fold(a));
  }
  CHECK(capitalize_first("các sở, ngành") == "Các sở, ngành");
  CHECK(capitalize_first("ủy ban") == "Ủy ban");
}

TEST_CASE("gazetteer: a broken row names its file and line", "[gazetteer]") {
  test::TempDir dir;
  test::write_file(dir / "g.tsv", "# c\nSở Tài chính\tprovince\tSTC\nSở Tài chính\tprovince\n");
  auto g = Gazetteer::load(dir / "g.tsv");
  REQUIRE_FALSE(g);
  CHECK(g.message().find("g.tsv:3") != std::string::npos);
  test::write_file(dir / "s.tsv", "Sở A\tprovince\t\tSở B\n");
  auto s = Gazetteer::load(dir / "s.tsv");
  REQUIRE_FALSE(s);
  CHECK(s.message().find("Sở B") != std::string::npos);
}
