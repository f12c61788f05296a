// Whole-letter extraction of the nine sample letters against their expected
// header fields, item labels, leads, deadlines, targets and references.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "congvan/extract.h"
#include "congvan/rules.h"
#include "congvan/text.h"
#include "test_support.h"

using namespace congvan;

namespace {

struct ExpectedTask {
  const char* item;
  const char* leads;      // names separated by " | "
  const char* deadlines;  // "kind@due" sorted, space separated
  size_t targets;
};

struct ExpectedLetter {
  const char* source;
  std::optional<std::string> issuer, doc_type, number, symbol, place, date, subject;
  std::optional<std::string> signer_name, signer_title, signer_authority;
  const char* references;  // "number@date" sorted, space separated
  std::vector<ExpectedTask> tasks;
};

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t from = 0;
  while (true) {
    size_t at = s.find(sep, from);
    out.push_back(s.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) break;
    from = at + sep.size();
  }
  return out;
}

// Tokens of a body name for matching: folded, "&" → "va", punctuation
// dropped, common abbreviations expanded (as the evaluation does).
std::vector<std::string> name_tokens(const std::string& name) {
  std::string f = fold(name);
  std::string clean;
  for (char c : f) {
    if (c == '&') clean += " va ";
    else if (std::isalnum(static_cast<unsigned char>(c)) || c == ' ') clean.push_back(c);
    else clean.push_back(' ');
  }
  std::vector<std::string> out;
  for (const auto& t : split(clean, " ")) {
    if (t.empty()) continue;
    if (t == "ubnd") {
      for (const char* w : {"uy", "ban", "nhan", "dan"}) out.push_back(w);
    } else if (t == "vp") {
      for (const char* w : {"van", "phong"}) out.push_back(w);
    } else {
      out.push_back(t);
    }
  }
  return out;
}

// Same body: one token sequence contained in order in the other, covering
// at least 60 % of it, or token sets with Jaccard similarity 0.8.
bool same_body(const std::string& a, const std::string& b) {
  auto x = name_tokens(a), y = name_tokens(b);
  if (x.empty() || y.empty()) return false;
  if (x.size() > y.size()) std::swap(x, y);
  size_t k = 0;
  for (const auto& t : y) {
    if (k < x.size() && t == x[k]) ++k;
  }
  if (k == x.size() && x.size() * 10 >= y.size() * 6) return true;
  std::set<std::string> sx(x.begin(), x.end()), sy(y.begin(), y.end());
  size_t inter = 0;
  for (const auto& t : sx) inter += sy.count(t);
  return inter * 10 >= (sx.size() + sy.size() - inter) * 8;
}

std::string deadline_keys(const Task& t) {
  std::vector<std::string> keys;
  for (const auto& d : t.deadlines) keys.push_back(d.kind + (d.due ? "@" + *d.due : ""));
  std::sort(keys.begin(), keys.end());
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : " ") + k;
  return out;
}

const std::vector<ExpectedLetter>& expected_letters() {
  using std::nullopt;
  static const std::vector<ExpectedLetter> letters = {
      {"000_98c57bea4929d268.txt", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, "Trần Tuyết Minh", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH",
       "01/NQ-CP@2024-01-05 02/NQ-CP@2024-01-05 104/QĐ-TTg@2024-01-25 1085/QĐ-TTg@2022-09-15 1198/BC-VPCP@2024-02-25 127/QĐ-UBND@2024-01-16 206/QĐ-TTg@2024-02-28 2129/QĐ-UBND@2023-12-29 316/KH-UBND@2022-10-25 71/TB-VPCP@2024-02-28 766/QĐ-TTg@2022-06-23",
       {{"1", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "by_date@2024-04-30 on_event", 0},
        {"2", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"2.-1", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"2.-2", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 1},
        {"3", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 1},
        {"4", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"5", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"6", "Các sở, ban, ngành", "", 0},
        {"7", "Sở Thông tin và Truyền thông", "within_month@2024-03-31", 0},
        {"8", "Văn phòng UBND tỉnh", "recurring", 0}}},
      {"001_aeed54e906f1f406.txt", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, "Trần Tuyết Minh", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH",
       "01/2023/TT-VPCP@null 27/CT-TTg@2023-10-27 3692/UBND-KSTTHC@2023-10-18 766/QĐ-TTg@2022-06-23",
       {{"1", "Các sở, ban, ngành | UBND huyện, thị xã, thành phố", "", 0},
        {"1.a", "Các sở, ban, ngành | UBND huyện, thị xã, thành phố", "", 0},
        {"1.b", "Các sở, ban, ngành | UBND huyện, thị xã, thành phố", "", 1},
        {"1.c", "Các sở, ban, ngành | UBND huyện, thị xã, thành phố", "", 1},
        {"1.d", "Các sở, ban, ngành | UBND huyện, thị xã, thành phố", "", 0},
        {"1.đ", "Các sở, ban, ngành | UBND huyện, thị xã, thành phố", "recurring", 0},
        {"1.e", "Các sở, ban, ngành | UBND huyện, thị xã, thành phố", "by_date@2023-12-01", 0},
        {"1.g", "Các sở, ngành, địa phương có liên quan", "by_date@2023-12-15", 0},
        {"1.h", "Các sở, ban, ngành | UBND huyện, thị xã, thành phố", "", 0},
        {"1.i", "Các sở, ban, ngành | UBND huyện, thị xã, thành phố", "", 0},
        {"1.k", "Các sở, ban, ngành | UBND huyện, thị xã, thành phố", "", 0},
        {"1.-1", "Sở Tài chính", "within_year@2023-12-31", 0},
        {"2", "Các sở, ban, ngành", "by_date@2023-12-15", 1},
        {"3", "Sở Thông tin và Truyền thông", "", 0},
        {"3.a", "Sở Thông tin và Truyền thông", "within_month@2023-12-31", 0},
        {"3.b", "Sở Thông tin và Truyền thông", "by_date@2023-12-15", 0},
        {"3.c", "Sở Thông tin và Truyền thông", "by_date@2023-12-01", 0},
        {"3.d", "Sở Thông tin và Truyền thông", "", 0},
        {"4", "Công an tỉnh", "by_date@2024-07-01", 0},
        {"5", "Sở Tài chính", "on_event", 0},
        {"6", "Văn phòng UBND tỉnh", "recurring", 0},
        {"7", "Sở Nội vụ", "", 0},
        {"8", "Văn phòng UBND tỉnh", "", 0},
        {"-1", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "recurring", 0}}},
      {"002_0c390757ddc76dcf.txt", "UBND tỉnh Quảng Trị", "Công văn", std::nullopt, "UBND-NC", "Quảng Trị", "2023", "triển khai các nhiệm vụ cải cách TTHC trọng tâm từ nay đến hết năm 2023", "Lê Đức Tiến", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH",
       "1085/QĐ-TTg@2022-09-15 198/KH-UBND@2022-10-31 238/TB-VPCP@2023-06-22 2458/UBND-NC@2023-05-25 452/TTg-KSTT@2023-05-23 66/TCTCCTTHC@2023-09-19 766/QĐ-TTg@2022-06-23",
       {{"1", "Các cơ quan, đơn vị, địa phương", "", 0},
        {"1.a", "Các cơ quan, đơn vị, địa phương", "by_date@2023-12-20", 3},
        {"1.b", "Các cơ quan, đơn vị, địa phương", "", 0},
        {"1.c", "Các cơ quan, đơn vị, địa phương", "", 0},
        {"1.-1", "Sở Tư pháp", "", 0},
        {"1.d", "Các cơ quan, đơn vị, địa phương", "recurring", 0},
        {"1.e", "Các cơ quan, đơn vị, địa phương", "by_date@2023-09-30", 1},
        {"1.g", "Các cơ quan, đơn vị, địa phương", "", 0},
        {"1.h", "Các cơ quan, đơn vị, địa phương", "by_date@2023-10-20", 0},
        {"2", "Văn phòng UBND tỉnh", "", 0},
        {"2.a", "Văn phòng UBND tỉnh", "within_month@2023-10-31", 0},
        {"2.b", "Trung tâm Phục vụ hành chính công tỉnh | Cổng Thông tin điện tử tỉnh", "", 0},
        {"2.c", "Văn phòng UBND tỉnh", "by_date@2023-10-30", 0}}},
      {"003_a5e607804649b42a.txt", "UBND tỉnh Hưng Yên", "Công văn", std::nullopt, "UBND-PVHCC&KSTT", "Hưng Yên", "2024-04", "tiếp tục đẩy mạnh các nhiệm vụ cải cách, kiểm soát thủ tục hành chính", "Nguyễn Duy Hưng", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH",
       "01/NQ-CP@2024-01-05 02/NQ-CP@2024-01-05 06/QĐ-TTg@2022-01-06 100/TCTCCTTHC@2023-11-14 104/QĐ-TTg@2024-02-05 1085/QĐ-TTg@2022-09-15 221/VPCP-KSTT@2024-01-10 31/KH-UBND@2024-02-21 468/QĐ-TTg@2021-03-27 68/NQ-CP@2020-05-12 766/QĐ-TTg@null",
       {{"1", "Các sở, ngành tỉnh", "recurring", 0},
        {"1.-1", "Các sở, ngành tỉnh", "relative", 0},
        {"1.-2", "Các sở, ngành tỉnh", "relative", 0},
        {"2", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"3", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "within_month@2024-06-30 within_month@2024-10-31", 2},
        {"4", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"4.a", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"4.b", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 1},
        {"4.c", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"4.d", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"4.e", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"4.g", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"4.h", "Cán bộ, công chức, viên chức", "", 0},
        {"5", "Các sở, ban, ngành tỉnh | UBND các huyện, thị xã, thành phố", "", 0},
        {"-1", "Văn phòng UBND tỉnh", "", 0},
        {"PL.1", "Các Sở, ngành | UBND cấp huyện | UBND cấp xã", "within_year@2024-12-31", 1},
        {"PL.2", "Các Sở | Ban quản lý khu công nghiệp tỉnh | UBND cấp huyện | UBND cấp xã", "within_year@2024-12-31", 1},
        {"PL.3", "Các Sở | Ban quản lý khu công nghiệp tỉnh | UBND cấp huyện | UBND cấp xã", "within_year@2024-12-31", 1},
        {"PL.4", "Các Sở | Ban quản lý khu công nghiệp tỉnh | UBND cấp huyện | UBND cấp xã", "within_year@2024-12-31", 1},
        {"PL.5", "Văn phòng UBND tỉnh | VNPT Hưng Yên", "within_year@2024-12-31", 1},
        {"PL.6", "Các Sở | Ban quản lý khu công nghiệp tỉnh | UBND cấp huyện | UBND cấp xã", "within_year@2024-12-31", 1},
        {"PL.7", "UBND cấp huyện | UBND cấp xã", "within_year@2024-12-31", 1},
        {"PL.8", "Các Sở | Ban quản lý khu công nghiệp tỉnh | UBND cấp huyện | UBND cấp xã", "within_year@2024-12-31", 1},
        {"PL.9", "Các Sở | Ban quản lý khu công nghiệp tỉnh | UBND cấp huyện | UBND cấp xã", "within_year@2024-12-31", 1},
        {"PL.10", "Các Sở | Ban quản lý khu công nghiệp tỉnh | UBND cấp huyện | UBND cấp xã", "within_year@2024-12-31", 1}}},
      {"004_e5cbdaba26dc79b8.txt", "UBND tỉnh Thanh Hóa", "Công văn", std::nullopt, "UBND-KSTTHCNC", "Thanh Hóa", "2024-05", "triển khai Chỉ thị số 16/CT-TTg ngày 20/5/2024 của Thủ tướng Chính phủ về tiếp tục đẩy mạnh cắt giảm, đơn giản hóa thủ tục hành chính tại các bộ, ngành, địa phương phục vụ người dân, doanh nghiệp", "Nguyễn Trọng Trang", "CHÁNH VĂN PHÒNG", "TL. CHỦ TỊCH",
       "16/CT-TTg@2024-05-20 766/QĐ-TTg@2022-06-23",
       {{"1", "Các sở, ban, ngành cấp tỉnh", "", 0},
        {"1.-1", "Các sở, ban, ngành cấp tỉnh", "", 0},
        {"1.-2", "Các sở, ban, ngành cấp tỉnh", "", 0},
        {"2", "Các sở, ban, ngành cấp tỉnh | UBND cấp huyện | Trung tâm Phục vụ hành chính công tỉnh", "", 0},
        {"2.-1", "Các sở, ban, ngành cấp tỉnh | UBND cấp huyện | Trung tâm Phục vụ hành chính công tỉnh", "", 0},
        {"2.-2", "Các sở, ban, ngành cấp tỉnh | UBND cấp huyện | Trung tâm Phục vụ hành chính công tỉnh", "by_date@2024-07-01", 0},
        {"2.-3", "Các sở, ban, ngành cấp tỉnh | UBND cấp huyện | Trung tâm Phục vụ hành chính công tỉnh", "", 0},
        {"2.-4", "Các sở, ban, ngành cấp tỉnh | UBND cấp huyện | Trung tâm Phục vụ hành chính công tỉnh", "recurring", 0}}},
      {"004_vpcp-3354-2013-don-doc-ban-hanh-thong-tu-dioxin.txt", "Văn phòng Chính phủ", "Công văn", "3354", "VPCP-KGVX", "Hà Nội", "2013-04-26", "ban hành Thông tư hướng dẫn về quy trình xác định, trình tự thủ tục hồ sơ xác nhận nạn nhân chất độc hóa học/dioxin do Mỹ sử dụng trong chiến tranh tại Việt Nam", "Nguyễn Khắc Định", "PHÓ CHỦ NHIỆM", "KT. BỘ TRƯỞNG, CHỦ NHIỆM",
       "8014/VPCP-KGVX@2012-10-09",
       {{"-1", "Bộ Lao động - Thương binh và Xã hội", "by_date@2013-05-30", 0}}},
      {"009_bldtbxh-1921-2013-dieu-duong-nguoi-co-cong.txt", "Bộ Lao động - Thương binh và Xã hội", "Công văn", "1921", "LĐTBXH-NCC", "Hà Nội", "2013-06-03", "hướng dẫn thực hiện chế độ điều dưỡng phục hồi sức khỏe người có công với cách mạng", "Bùi Hồng Lĩnh", "THỨ TRƯỞNG", "KT. BỘ TRƯỞNG",
       "31/2013/NĐ-CP@2013-04-09",
       {{"1", "Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố trực thuộc Trung ương | Các Trung tâm điều dưỡng người có công", "", 0},
        {"1.1", "Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố trực thuộc Trung ương | Các Trung tâm điều dưỡng người có công", "", 2},
        {"1.2", "Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố trực thuộc Trung ương | Các Trung tâm điều dưỡng người có công", "", 0},
        {"2", "Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố trực thuộc Trung ương | Các Trung tâm điều dưỡng người có công", "", 0}}},
      {"028_ubnd-quangngai-542-2024-tb-du-hoi-nghi-mtqg.txt", "UBND tỉnh Quảng Ngãi", "Thông báo", "542", "TB-UBND", "Quảng Ngãi", "2024-11-06", "tham dự Hội nghị đánh giá Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 – 2030 khu vực miền Trung, Tây Nguyên", "Phùng Tô Long", "PHÓ CHÁNH VĂN PHÒNG", "KT. CHÁNH VĂN PHÒNG",
       "2003/UBDT-VPCTMTQG@2024-11-01",
       {{"1", "Đồng chí Võ Phiên, Phó Chủ tịch UBND tỉnh | Ban Dân tộc tỉnh | Sở Kế hoạch và Đầu tư | Sở Lao động - Thương binh và Xã hội | Sở Nông nghiệp và Phát triển nông thôn | Sở Tài chính | Sở Văn hóa, thể thao và Du lịch | Văn phòng UBND tỉnh | Hội Liên hiệp Phụ nữ tỉnh | UBND huyện Ba Tơ | UBND huyện Minh Long | UBND huyện Sơn Hà | UBND huyện Sơn Tây | UBND huyện Trà Bồng | Phòng KGVX - Văn phòng UBND tỉnh", "", 0},
        {"2", "Đồng chí Võ Phiên, Phó Chủ tịch UBND tỉnh | Ban Dân tộc tỉnh | Sở Kế hoạch và Đầu tư | Sở Lao động - Thương binh và Xã hội | Sở Nông nghiệp và Phát triển nông thôn | Sở Tài chính | Sở Văn hóa, thể thao và Du lịch | Văn phòng UBND tỉnh | Hội Liên hiệp Phụ nữ tỉnh | UBND huyện Ba Tơ | UBND huyện Minh Long | UBND huyện Sơn Hà | UBND huyện Sơn Tây | UBND huyện Trà Bồng | Phòng KGVX - Văn phòng UBND tỉnh", "", 0},
        {"3", "Đồng chí Võ Phiên, Phó Chủ tịch UBND tỉnh | Ban Dân tộc tỉnh | Sở Kế hoạch và Đầu tư | Sở Lao động - Thương binh và Xã hội | Sở Nông nghiệp và Phát triển nông thôn | Sở Tài chính | Sở Văn hóa, thể thao và Du lịch | Văn phòng UBND tỉnh | Hội Liên hiệp Phụ nữ tỉnh | UBND huyện Ba Tơ | UBND huyện Minh Long | UBND huyện Sơn Hà | UBND huyện Sơn Tây | UBND huyện Trà Bồng | Phòng KGVX - Văn phòng UBND tỉnh", "", 0},
        {"4", "Đồng chí Võ Phiên, Phó Chủ tịch UBND tỉnh | Ban Dân tộc tỉnh | Sở Kế hoạch và Đầu tư | Sở Lao động - Thương binh và Xã hội | Sở Nông nghiệp và Phát triển nông thôn | Sở Tài chính | Sở Văn hóa, thể thao và Du lịch | Văn phòng UBND tỉnh | Hội Liên hiệp Phụ nữ tỉnh | UBND huyện Ba Tơ | UBND huyện Minh Long | UBND huyện Sơn Hà | UBND huyện Sơn Tây | UBND huyện Trà Bồng | Phòng KGVX - Văn phòng UBND tỉnh", "", 0},
        {"4.-1", "Các cơ quan, đơn vị", "by_date@2024-11-07", 0},
        {"4.-2", "Ban Dân tộc tỉnh", "", 0}}},
      {"030_ubnd-quangngai-507-2025-gop-y-du-thao-vtci.txt", "UBND tỉnh Quảng Ngãi", "Công văn", "507", "UBND-KGVX", "Quảng Ngãi", "2025-01-24", "góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số 2269/QĐ-TTg về Chương trình cung cấp dịch vụ viễn thông công ích", "Phùng Tô Long", "PHÓ CHÁNH VĂN PHÒNG", "KT. CHÁNH VĂN PHÒNG",
       "202/BTTTT-KHTC@2025-01-21 2269/QĐ-TTg@2021-12-31",
       {{"-1", "Sở Thông tin và Truyền thông", "by_date@2025-02-10", 0}}},
  };
  return letters;
}

}  // namespace

TEST_CASE("whole-letter extraction of the nine sample letters") {
  auto rules = load_rules(test::source_dir() / "models");
  REQUIRE(rules);
  for (const auto& e : expected_letters()) {
    INFO(e.source);
    auto text = decode_text(test::read_file(test::samples_dir() / e.source));
    REQUIRE(text);
    DocumentText doc;
    doc.pages.push_back(PageText{*text, TextOrigin::kPlainText, std::nullopt, "", {}});
    const Extraction x = extract(**rules, doc);
    const LetterHeader& h = x.header;
    CHECK(fold(h.issuer.value_or("")) == fold(e.issuer.value_or("")));
    CHECK(h.doc_type == e.doc_type);
    CHECK(h.number == e.number);
    CHECK(h.symbol == e.symbol);
    CHECK(h.place == e.place);
    CHECK(h.date == e.date);
    CHECK(h.subject == e.subject);
    CHECK(h.signer.name == e.signer_name);
    CHECK(h.signer.title == e.signer_title);
    CHECK(h.signer.authority == e.signer_authority);

    std::vector<std::string> items, expected_items;
    for (const auto& t : x.tasks) items.push_back(t.item);
    for (const auto& t : e.tasks) expected_items.push_back(t.item);
    CHECK(items == expected_items);
    for (const auto& et : e.tasks) {
      INFO("item " << et.item);
      auto it = std::find_if(x.tasks.begin(), x.tasks.end(), [&](const Task& t) { return t.item == et.item; });
      if (it == x.tasks.end()) continue;
      // A lead the letter gives matches an extracted lead (body names), and
      // every extracted lead is one of the bodies the letter names.
      const auto wanted = split(et.leads, " | ");
      CHECK(std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
        return std::any_of(it->lead.begin(), it->lead.end(), [&](const Assignee& a) { return same_body(a.name, w); });
      }));
      for (const auto& a : it->lead) {
        INFO("extracted lead " << a.name);
        CHECK(std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return same_body(a.name, w); }));
      }
      CHECK(deadline_keys(*it) == et.deadlines);
      CHECK(it->targets.size() == et.targets);
      CHECK(it->span.start < it->span.end);
    }

    std::vector<std::string> refs;
    for (const auto& r : x.references) refs.push_back(r.number + "@" + r.date.value_or("null"));
    std::sort(refs.begin(), refs.end());
    CHECK(refs == split(e.references, " "));
  }
}

TEST_CASE("task spans point at the item's label in the original text and end at the closing paragraph") {
  auto rules = load_rules(test::source_dir() / "models");
  REQUIRE(rules);
  auto text = decode_text(test::read_file(test::samples_dir() / "002_0c390757ddc76dcf.txt"));
  REQUIRE(text);
  DocumentText doc;
  doc.pages.push_back(PageText{*text, TextOrigin::kPlainText, std::nullopt, "", {}});
  const Extraction x = extract(**rules, doc);
  const std::u32string u = [&] {
    std::u32string out;
    for (size_t i = 0; i < text->size();) {
      const auto b = static_cast<unsigned char>((*text)[i]);
      const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      char32_t c = len == 1 ? b : (b & (0xFF >> (len + 1)));
      for (size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>((*text)[i + k]) & 0x3F);
      out.push_back(c);
      i += len;
    }
    return out;
  }();
  for (const auto& t : x.tasks) {
    INFO(t.item);
    REQUIRE(t.span.end <= static_cast<int64_t>(u.size()));
    const char32_t first = u[static_cast<size_t>(t.span.start)];
    if (t.item == "1.-1") {
      CHECK(first == U'S');  // "Sở Tư pháp thẩm định …": the paragraph's first word
    } else {
      const std::string last = t.item.substr(t.item.rfind('.') == std::string::npos ? 0 : t.item.rfind('.') + 1);
      CHECK(first == static_cast<char32_t>(last[0]));
    }
  }
  // The last task ends where the closing paragraph begins, before "Nơi nhận".
  const std::u32string closing = U"Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc";
  CHECK(static_cast<size_t>(x.tasks.back().span.end) == u.find(closing));
  CHECK(u.find(closing) < u.find(U"Nơi nhận"));
}
