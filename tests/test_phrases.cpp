// Table-driven tests of the phrase rules: deadlines, targets, references and
// assignees from Vietnamese phrases written for these tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "extract/phrase_rules.h"
#include "extract/phrases.h"
#include "test_support.h"

using namespace congvan;

namespace {

const PhraseRules& rules() {
  static const PhraseRules kRules = [] {
    auto r = load_phrase_rules(test::source_dir() / "models");
    if (!r) FAIL(r.message());
    return std::move(r.value());
  }();
  return kRules;
}

std::string render(const Deadline& d) {
  std::string s = d.kind;
  if (d.due) s += " " + *d.due;
  if (d.time) s += " " + *d.time;
  if (d.count) s += " " + std::to_string(*d.count) + " " + d.unit.value_or("?");
  if (d.every) s += " " + *d.every;
  if (d.day) s += " day=" + std::to_string(*d.day);
  return s;
}

std::string render_deadlines(std::string_view text, const char* letter_date) {
  PhraseContext ctx;
  if (letter_date) ctx.letter_date = letter_date;
  std::string out;
  for (const auto& d : find_deadlines(rules(), text, ctx)) {
    if (!out.empty()) out += " | ";
    out += render(d);
  }
  return out;
}

std::string render_targets(std::string_view text) {
  std::string out;
  for (const auto& t : find_targets(rules(), text)) {
    if (!out.empty()) out += " | ";
    char v[32];
    std::snprintf(v, sizeof v, "%g", t.value);
    out += t.comparator + " " + v + " " + t.unit;
  }
  return out;
}

std::string render_references(std::string_view text) {
  std::string out;
  for (const auto& r : find_references(rules(), text)) {
    if (!out.empty()) out += " | ";
    out += r.type + " " + r.number + " " + r.date.value_or("null");
  }
  return out;
}

std::string render_assignees(std::string_view text) {
  auto a = find_assignees(rules(), text);
  std::string out;
  for (const auto& x : a.lead) out += (out.empty() ? "" : "; ") + x.name;
  if (!a.support.empty()) {
    out += " / ";
    bool first = true;
    for (const auto& x : a.support) {
      out += (first ? "" : "; ") + x.name;
      first = false;
    }
  }
  return out;
}

struct Case {
  const char* text;
  const char* expected;        // rendered result; "" = nothing
  const char* letter_date = "2024-03-15";
};

}  // namespace

TEST_CASE("phrase rules load and every pattern compiles", "[phrases]") {
  REQUIRE(rules().deadlines.patterns.size() > 10);
  REQUIRE(rules().gazetteer.entries().size() > 50);
}

TEST_CASE("deadlines: each kind, every way letters write them", "[phrases][deadlines]") {
  const std::vector<Case> cases = {
    // by_date: numeric dates, padded or not, two-digit years, other separators
    {"Hoàn thành trước ngày 15/12/2023.", "by_date 2023-12-15", "2023-10-12"},
    {"báo cáo kết quả chậm nhất ngày 5/1/2025", "by_date 2025-01-05"},
    {"gửi Sở Nội vụ trước ngày 05/01/2025 để tổng hợp", "by_date 2025-01-05"},
    {"chậm nhất đến ngày 30/6/2024 phải hoàn thành", "by_date 2024-06-30"},
    {"chậm nhất là ngày 20/4/2024", "by_date 2024-04-20"},
    {"hoàn thành xong trước ngày 31/5/2024", "by_date 2024-05-31"},
    {"hoàn thành trước 30/9/24", "by_date 2024-09-30"},
    {"nộp hồ sơ trước ngày 10-4-2024", "by_date 2024-04-10"},
    {"gửi báo cáo trước ngày 10.4.2024", "by_date 2024-04-10"},
    {"đến ngày 01/7/2024 toàn bộ hồ sơ được số hóa", "by_date 2024-07-01"},
    {"thời hạn hoàn thành: ngày 25/10/2024", "by_date 2024-10-25"},
    {"Thời hạn: 15/11/2024.", "by_date 2024-11-15"},
    {"Thời gian hoàn thành: 30/6/2024", "by_date 2024-06-30"},
    {"không muộn hơn ngày 28/3/2024", "by_date 2024-03-28"},
    {"muộn nhất ngày 02/4/2024", "by_date 2024-04-02"},
    {"TRƯỚC NGÀY 20/5/2024", "by_date 2024-05-20"},
    {"hạn chót nộp hồ sơ là ngày 12/4/2024", "by_date 2024-04-12"},
    {"trước ngày thứ Sáu, 22/3/2024", "by_date 2024-03-22"},
    // by_date: dates in words
    {"báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 5 năm 2024", "by_date 2024-05-30"},
    {"chậm nhất ngày 05 tháng 9 năm 2024", "by_date 2024-09-05"},
    {"trước ngày 15 tháng 12 năm 2024", "by_date 2024-12-15"},
    {"chậm nhất đến ngày 1 tháng 8 năm 2024", "by_date 2024-08-01"},
    // by_date: no year -> the letter's year, or the next one
    {"gửi về Sở Tài chính trước ngày 15/12", "by_date 2024-12-15"},
    {"hoàn thành trước ngày 15/01", "by_date 2025-01-15"},
    {"trước ngày 10/3", "by_date 2025-03-10"},
    {"trước ngày 20/3", "by_date 2024-03-20"},
    {"trước ngày 25 tháng 12", "by_date 2024-12-25", "2024-04"},
    {"trước ngày 25/02", "by_date 2025-02-25", "2024-04"},
    {"trước ngày 15/12", "by_date 2023-12-15", "2023"},
    // by_date with a time of day
    {"gửi về Văn phòng trước 16 giờ 00 ngày 20/3/2024", "by_date 2024-03-20 16:00"},
    {"trước 16h30 ngày 22/3/2024", "by_date 2024-03-22 16:30"},
    {"chậm nhất 10 giờ ngày 25/3/2024", "by_date 2024-03-25 10:00"},
    {"trước 15 giờ 30 phút, ngày 28/3/2024", "by_date 2024-03-28 15:30"},
    {"trước 3 giờ chiều ngày 28/3/2024", "by_date 2024-03-28 15:00"},
    // by_date: before a month, the first months of a year
    {"hoàn thành trước tháng 6/2024", "by_date 2024-05-31"},
    {"hoàn thành trong 6 tháng đầu năm 2024", "by_date 2024-06-30"},
    {"xong trong 9 tháng đầu năm", "by_date 2024-09-30"},
    // within_month
    {"Hoàn thành trong tháng 3/2024.", "within_month 2024-03-31"},
    {"hoàn thành trong tháng 6 năm 2024", "within_month 2024-06-30"},
    {"xong trong tháng 8/2025", "within_month 2025-08-31"},
    {"thời hạn hoàn thành trong tháng 10/2024", "within_month 2024-10-31"},
    {"hoàn thành trong tháng 02/2025", "within_month 2025-02-28"},
    {"trong tháng 2/2024 hoàn thành việc rà soát", "within_month 2024-02-29", "2024-01-10"},
    {"đến hết tháng 9/2024", "within_month 2024-09-30"},
    {"chậm nhất cuối tháng 11/2024", "within_month 2024-11-30"},
    {"hoàn thành trong tháng 5", "within_month 2024-05-31"},
    {"hoàn thành trong tháng 1", "within_month 2025-01-31"},
    {"Thời gian thực hiện: tháng 7/2024", "within_month 2024-07-31"},
    // within_quarter
    {"hoàn thành trong quý II/2025", "within_quarter 2025-06-30"},
    {"trong quý 3 năm 2024", "within_quarter 2024-09-30"},
    {"hoàn thành trong Quý IV/2024", "within_quarter 2024-12-31"},
    {"xong trong quý I năm 2025", "within_quarter 2025-03-31"},
    {"chậm nhất trong quý III", "within_quarter 2024-09-30"},
    // "trước quý IV" is before the quarter starts, not its end
    {"trước quý IV/2024 hoàn thành", "by_date 2024-09-30"},
    {"hoàn thành trước quý I/2025", "by_date 2024-12-31"},
    {"hoàn thành trước năm 2026", "by_date 2025-12-31"},
    {"trước Tết Nguyên đán Ất Tỵ", "by_date 2025-01-28"},
    {"chi trả trước Tết Nguyên đán năm 2026", "by_date 2026-02-16"},
    {"hoàn thành trước Tết Trung thu", "by_date 2024-09-16"},
    {"Thời gian hoàn thành: Quý 2/2024", "within_quarter 2024-06-30"},
    // within_year
    {"hoàn thành trong năm 2024", "within_year 2024-12-31"},
    {"Năm 2023, giao Sở Tài chính chủ trì tổ chức thực hiện", "within_year 2023-12-31",
     "2023-10-20"},
    {"Trong năm 2025, hoàn thành số hóa hồ sơ", "within_year 2025-12-31"},
    {"Thực hiện trong năm 2024", "within_year 2024-12-31"},
    {"Chỉ đạo tiêm phòng ít nhất 2 đợt trong năm 2024.", "within_year 2024-12-31"},
    {"tổ chức kiểm tra 3 lần trong năm 2025", "within_year 2025-12-31"},
    {"triển khai xong trong năm 2025", "within_year 2025-12-31"},
    {"hoàn thành trước cuối năm 2024", "within_year 2024-12-31"},
    {"hoàn thành trước cuối năm", "within_year 2024-12-31"},
    {"đến hết năm 2025 hoàn thành", "within_year 2025-12-31"},
    {"Thời gian thực hiện: năm 2024", "within_year 2024-12-31"},
    {"- Năm 2024, phấn đấu đạt chuẩn", "within_year 2024-12-31"},
    // a table cell holding only the time limit
    {"30/6/2024", "by_date 2024-06-30"},
    {"Ngày 15/11/2024", "by_date 2024-11-15"},
    {"Tháng 6/2024", "within_month 2024-06-30"},
    {"tháng 9 năm 2024.", "within_month 2024-09-30"},
    {"Quý II/2024", "within_quarter 2024-06-30"},
    {"Quý IV năm 2025", "within_quarter 2025-12-31"},
    {"Năm 2025", "within_year 2025-12-31"},
    {"6 tháng đầu năm 2025", "by_date 2025-06-30"},
    {"Trước 30/6/2024", "by_date 2024-06-30"},
    {"Hằng năm", "recurring year"},
    {"Thường xuyên", ""},
    // relative
    {"chậm nhất trong 05 ngày làm việc kể từ ngày có Quyết định công bố", "relative 5 working_day"},
    {"trong thời hạn 10 ngày kể từ ngày nhận được hồ sơ", "relative 10 day"},
    {"sau 10 ngày kể từ ngày tiếp nhận", "relative 10 day"},
    {"báo cáo trước 24 giờ", "relative 24 hour"},
    {"trong vòng 48 giờ kể từ khi xảy ra sự cố", "relative 48 hour"},
    {"trong 03 tháng kể từ ngày Nghị định có hiệu lực", "relative 3 month"},
    {"trong năm (05) ngày làm việc", "relative 5 working_day"},
    {"trong 07 (bảy) ngày", "relative 7 day"},
    {"trong 02 tuần", "relative 14 day"},
    {"giải quyết trong thời hạn không quá 15 ngày", "relative 15 day"},
    {"chậm nhất 05 ngày làm việc trước ngày tổ chức", "relative 5 working_day"},
    {"trong 05 ngày làm việc kể từ ngày ký", "relative 2024-03-22 5 working_day"},
    {"trong 05 ngày làm việc kể từ ngày ký ban hành văn bản này",
     "relative 2024-03-22 5 working_day"},
    {"trong 10 ngày kể từ ngày ban hành", "relative 2024-03-25 10 day"},
    {"trong 05 ngày làm việc kể từ ngày ký", "relative 2024-02-20 5 working_day", "2024-02-06"},
    {"trong 03 ngày làm việc kể từ ngày ban hành Kế hoạch này",
     "relative 2025-05-06 3 working_day", "2025-04-28"},
    {"trong 15 ngày kể từ ngày 01/6/2024", "relative 2024-06-16 15 day"},
    {"trong 01 tháng kể từ ngày ký", "relative 2024-04-15 1 month"},
    // on_event
    {"ngay sau khi có hướng dẫn của Bộ Tài chính", "on_event"},
    {"triển khai ngay sau khi được cấp có thẩm quyền phê duyệt", "on_event"},
    {"báo cáo ngay khi phát sinh vướng mắc", "on_event"},
    {"báo cáo đột xuất khi có yêu cầu", "on_event"},
    // recurring
    {"Định kỳ hàng tháng báo cáo UBND tỉnh", "recurring month"},
    {"định kỳ hằng quý tổng hợp kết quả", "recurring quarter"},
    {"hằng tháng có văn bản tổng hợp", "recurring month"},
    {"Hằng tháng công khai kết quả đánh giá", "recurring month"},
    {"báo cáo trước ngày 20 hằng tháng", "recurring month day=20"},
    {"gửi trước ngày 25 hàng tháng", "recurring month day=25"},
    {"trước 15 giờ thứ Năm hằng tuần", "recurring 15:00 week day=4"},
    {"vào thứ Sáu hàng tuần", "recurring week day=5"},
    {"thường xuyên (hằng ngày) truy cập hệ thống", "recurring day"},
    {"định kỳ 6 tháng báo cáo", "recurring half_year"},
    {"báo cáo định kỳ 06 tháng và hằng năm", "recurring half_year | recurring year"},
    {"hằng năm tổ chức sơ kết", "recurring year"},
    {"6 tháng một lần tổ chức kiểm tra", "recurring half_year"},
    {"trước ngày 15 của tháng cuối quý", "recurring quarter day=15"},
    {"trước ngày 15/12 hằng năm", "recurring year day=15"},
    {"hằng tuần tổng hợp", "recurring week"},
    {"định kỳ hằng tháng (trước ngày 25) gửi báo cáo", "recurring month day=25"},
    {"cung cấp thông tin khi có yêu cầu", "on_event"},
    {"báo cáo kết quả trong ngày 20/3/2024", "by_date 2024-03-20"},
    {"truớc ngày 15/4/2024", "by_date 2024-04-15"},
    {"báo cáo định kỳ hằng quý (trước ngày 20 của tháng cuối quý)", "recurring quarter day=20"},
    {"Thời gian thực hiện: từ tháng 4/2024 đến tháng 12/2024", "within_month 2024-12-31"},
    // several in one item, duplicates collapsed
    {"hoàn thành trong tháng 6 năm 2024; rà soát trong tháng 10 năm 2024",
     "within_month 2024-06-30 | within_month 2024-10-31"},
    {"Định kỳ hàng tháng báo cáo; hàng tháng tổng hợp", "recurring month"},
    {"trước ngày 15/4/2024 và trước ngày 15/10/2024",
     "by_date 2024-04-15 | by_date 2024-10-15"},
    // never deadlines
    {"Thực hiện Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ", ""},
    {"theo Công văn số 3692/UBND-KSTTHC ngày 18/10/2023", ""},
    {"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ", ""},
    {"Kế hoạch số 31/KH-UBND, ngày 21/02/2024 về cải cách hành chính", ""},
    {"Ngày 09/4/2013, Chính phủ đã ban hành Nghị định", ""},
    {"thời gian: vào lúc 08 giờ 00 phút, ngày 09/11/2024", ""},
    {"Hội nghị tổ chức vào lúc 14 giờ, thứ Ba, ngày 12/3/2024", ""},
    {"giai đoạn 2021-2025, tầm nhìn đến năm 2030", ""},
    {"Chiến lược giai đoạn 2022 - 2025, định hướng đến năm 2030", ""},
    {"từ nay đến năm 2030", ""},
    {"từ ngày 01/01/2019", ""},
    {"Nghị định này có hiệu lực thi hành từ ngày 01/6/2013", ""},
    {"áp dụng kể từ ngày 01/01/2025", ""},
    {"thực hiện chế độ điều dưỡng kể từ ngày 01/6/2013", ""},
    {"Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2024", ""},
    {"lồng ghép kết quả vào báo cáo tháng 10", ""},
    {"báo cáo quý I/2024", ""},
    {"báo cáo kết quả 6 tháng đầu năm 2024", ""},
    {"thực hiện thường xuyên, liên tục", ""},
    {"bố trí kinh phí hàng năm cho việc triển khai", ""},
    {"dự toán ngân sách hằng năm", ""},
    {"tốc độ tăng trưởng bình quân hằng năm", ""},
    {"trong ba năm gần nhất", ""},
    {"trong 6 tháng qua", ""},
    {"số liệu tính đến ngày 31/12/2023", ""},
    {"chỉ tiêu được giao trong năm 2024", ""},
    {"công tác cải cách hành chính trong năm 2024", ""},
    {"Phụ lục một số chỉ tiêu giao năm 2024", ""},
    {"thời gian điều dưỡng tối thiểu là 5 ngày, tối đa là 10 ngày", ""},
    {"lớp tập huấn kéo dài trong 03 ngày", ""},
    {"phục vụ sinh hoạt hằng ngày của người dân", ""},
    {"khẩn trương thực hiện, kịp thời báo cáo", ""},
    {"báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 11 năm 2012", "", "2013-04-26"},
    {"Tại Phiên họp thứ 9 ngày 26/02/2024", ""},
    {"Năm 2023, UBND tỉnh đã hoàn thành việc rà soát", "", "2024-05-06"},
    {"đã hoàn thành trong tháng 3/2024", "", "2024-05"},
    {"hoàn thành trong tháng 5/2024", "within_month 2024-05-31", "2024-05"},
    {"hoàn thành trong quý I/2024", "", "2024-05-06"},
    {"Đề án 06 về phát triển dữ liệu dân cư", ""},
    {"ngày 01/01/2024", ""},
    {"Quảng Trị, ngày 12 tháng 10 năm 2023", ""},
    {"", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(render_deadlines(c.text, c.letter_date) == c.expected);
  }
}

TEST_CASE("targets: percentages, amounts, comparators", "[phrases][targets]") {
  const std::vector<Case> cases = {
      {"ít nhất 50% thủ tục hành chính nội bộ được đơn giản hóa", ">= 50 %"},
      {"cắt giảm tối thiểu 20% chi phí tuân thủ", ">= 20 %"},
      {"Chỉ đạo tiêm phòng ít nhất 2 đợt trong năm", ">= 2 đợt"},
      {"tổ chức tối thiểu 3 lớp tập huấn", ">= 3 lớp"},
      {"cắt giảm 20% thông tin phải khai báo", "= 20 %"},
      {"giải quyết 100% hồ sơ đúng hạn", "= 100 %"},
      {"tỷ lệ hồ sơ trực tuyến đạt trên 80%", "> 80 %"},
      {"tỷ lệ hộ nghèo giảm xuống dưới 3%", "< 3 %"},
      {"tỷ lệ sai sót không quá 5%", "<= 5 %"},
      {"tối đa 10% tổng kinh phí", "<= 10 %"},
      {"không dưới 70% số xã", ">= 70 %"},
      {"đạt từ 90% trở lên", ">= 90 %"},
      {"tăng 2,5% so với năm trước", "= 2.5 %"},
      {"đạt 99,5 %", "= 99.5 %"},
      {"trồng mới 75 ha rừng", "= 75 ha"},
      {"thu ngân sách đạt 1.200 tỷ đồng", "= 1200 tỷ đồng"},
      {"huy động tối thiểu 2.500 tỷ đồng vốn đầu tư", ">= 2500 tỷ đồng"},
      {"kim ngạch xuất khẩu đạt 2,5 tỷ USD", "= 2.5 tỷ USD"},
      {"giải ngân không dưới 300 triệu đồng/tháng", ">= 300 triệu đồng"},
      {"xây dựng 12,5 km đường giao thông", "= 12.5 km"},
      {"thời gian điều dưỡng tối thiểu là 5 ngày, tối đa là 10 ngày", ">= 5 ngày | <= 10 ngày"},
      {"đào tạo ít nhất 300 người", ">= 300 người"},
      {"thu hút 200 doanh nghiệp trở lên", ">= 200 doanh nghiệp"},
      {"ít nhất 50% thủ tục và tối thiểu 20% chi phí", ">= 50 % | >= 20 %"},
      {"đạt 50 phần trăm", "= 50 %"},
      {"diện tích 1.250,5 ha", "= 1250.5 ha"},
      // not targets
      {"trong 05 ngày làm việc kể từ ngày nhận hồ sơ", ""},
      {"các nội dung (1), (2) và (3) nêu trên", ""},
      {"Quyết định số 1085/QĐ-TTg ngày 15/9/2022", ""},
      {"Nghị định 30/2020/NĐ-CP", ""},
      {"Đề án 06 của Chính phủ", ""},
      {"Mức chi điều dưỡng 2.220.000 đồng/người/lần", ""},
      {"tiền ăn 1.110.000 đồng/người/lần", ""},
      {"- Quà tặng đối tượng: 150.000 đồng;", ""},
      {"hỗ trợ 500 triệu đồng cho mỗi xã", ""},
      {"2. Sở Tài chính", ""},
      {"trẻ em dưới 6 tuổi", ""},
      {"trong ba năm gần nhất", ""},
      {"năm 2024", ""},
      {"sau 10 ngày", ""},
      {"tổ chức 02 hội nghị", ""},
      {"giải quyết trong thời hạn không quá 15 ngày", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(render_targets(c.text) == c.expected);
  }
}

TEST_CASE("targets from appendix cells", "[phrases][targets]") {
  auto t = parse_target_cell(rules(), "Tối thiểu 80", "%");
  REQUIRE(t);
  CHECK(t->comparator == ">=");
  CHECK(t->value == 80);
  CHECK(t->unit == "%");
  t = parse_target_cell(rules(), "100", "%");
  REQUIRE(t);
  CHECK(t->comparator == "=");
  CHECK(t->value == 100);
  t = parse_target_cell(rules(), "≥ 90", "%");
  REQUIRE(t);
  CHECK(t->comparator == ">=");
  t = parse_target_cell(rules(), "Tối đa là 1.500", "tỷ đồng");
  REQUIRE(t);
  CHECK(t->comparator == "<=");
  CHECK(t->value == 1500);
  CHECK_FALSE(parse_target_cell(rules(), "Sở Tư pháp", "%"));
  CHECK_FALSE(parse_target_cell(rules(), "", "%"));
}

TEST_CASE("references: types, numbers, dates", "[phrases][references]") {
  const std::vector<Case> cases = {
      {"Thực hiện Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ",
       "Quyết định 1085/QĐ-TTg 2022-09-15"},
      {"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
       "Nghị định 30/2020/NĐ-CP 2020-03-05"},
      {"Thực hiện Chỉ thị số 11-CT/TU ngày 20/7/2021 của Ban Thường vụ Tỉnh ủy",
       "Chỉ thị 11-CT/TU 2021-07-20"},
      {"Nghị quyết số 01/NQ-CP, Nghị quyết số 02/NQ-CP ngày 05/01/2024 của Chính phủ",
       "Nghị quyết 01/NQ-CP 2024-01-05 | Nghị quyết 02/NQ-CP 2024-01-05"},
      {"các Nghị quyết số 01/NQ-CP, số 02/NQ-CP ngày 05/01/2024",
       "Nghị quyết 01/NQ-CP 2024-01-05 | Nghị quyết 02/NQ-CP 2024-01-05"},
      {"theo Quyết định số 1085/QĐ-\nTTg ngày 15/9/2022", "Quyết định 1085/QĐ-TTg 2022-09-15"},
      {"Công văn số 3692/UBND-KSTTHC ngày 18/10/2023 của UBND tỉnh",
       "Công văn 3692/UBND-KSTTHC 2023-10-18"},
      {"Thông tư số 01/2023/TT-VPCP của Văn phòng Chính phủ", "Thông tư 01/2023/TT-VPCP null"},
      {"tại Công văn số 8014/VPCP-KGVX ngày 09 tháng 10 năm 2012 của Văn phòng Chính phủ",
       "Công văn 8014/VPCP-KGVX 2012-10-09"},
      {"Ngày 09/4/2013, Chính phủ đã ban hành Nghị định số 31/2013/NĐ-CP quy định chi tiết",
       "Nghị định 31/2013/NĐ-CP 2013-04-09"},
      {"văn bản số 66/TCTCCTTHC ngày 19/9/2023 của Tổ công tác", "Công văn 66/TCTCCTTHC 2023-09-19"},
      {"Kết luận số 35-KL/TW ngày 05/5/2022 của Bộ Chính trị", "Kết luận 35-KL/TW 2022-05-05"},
      {"Luật số 59/2020/QH14", "Luật 59/2020/QH14 null"},
      {"Quyết định số 06/QĐ-TTg của Thủ tướng Chính phủ ngày 06/01/2022",
       "Quyết định 06/QĐ-TTg 2022-01-06"},
      {"Công điện số 01/CĐ-TTg ngày 02/01/2024", "Công điện 01/CĐ-TTg 2024-01-02"},
      {"Thông báo kết luận số 123/TB-VPCP ngày 3/4/2024", "Thông báo kết luận 123/TB-VPCP 2024-04-03"},
      {"Thông báo số 238/TB-VPCP ngày 22/6/2023", "Thông báo 238/TB-VPCP 2023-06-22"},
      {"Kế hoạch số 316/KH-UBND, ngày 25/10/2022 của UBND tỉnh",
       "Kế hoạch 316/KH-UBND 2022-10-25"},
      {"Quyết định 104/QĐ-TTg ngày 25/01/2024 và Quyết định số 206/QĐ-TTg ngày 28/02/2024",
       "Quyết định 104/QĐ-TTg 2024-01-25 | Quyết định 206/QĐ-TTg 2024-02-28"},
      {"Quyết định số 766/QĐ-TTg; Quyết định số 766/QĐ-TTg ngày 23/6/2022",
       "Quyết định 766/QĐ-TTg 2022-06-23"},
      {"(Gửi kèm: Công văn số 221/VPCP-KSTT ngày 10/01/2024)", "Công văn 221/VPCP-KSTT 2024-01-10"},
      {"Thông tư liên tịch số 04/2018/TTLT-BTP-BNV ngày 10/5/2018",
       "Thông tư liên tịch 04/2018/TTLT-BTP-BNV 2018-05-10"},
      {"các Quyết định số 10/QĐ-UBND, số 11/QĐ-UBND và số 12/QĐ-UBND cùng ngày 02/01/2024",
       "Quyết định 10/QĐ-UBND 2024-01-02 | Quyết định 11/QĐ-UBND 2024-01-02 | "
       "Quyết định 12/QĐ-UBND 2024-01-02"},
      {"Căn cứ Quyết định số 28/2018/QĐ-TTg ngày 12/7/2018 của Thủ tướng Chính phủ;",
       "Quyết định 28/2018/QĐ-TTg 2018-07-12"},
      {"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", ""},
      {"Quyết định số 12/2024/QĐ-UBND ngày 1 tháng 3 năm 2024",
       "Quyết định 12/2024/QĐ-UBND 2024-03-01"},
      {"Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 ngày 25/6/2015;",
       "Luật 83/2015/QH13 2015-06-25"},
      {"Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019", "Bộ luật 45/2019/QH14 2019-11-20"},
      {"theo số 83/2015/QH13", "Luật 83/2015/QH13 null"},
      // not references
      {"Đề án phát triển ứng dụng dữ liệu về dân cư (Đề án 06)", ""},
      {"Nghị quyết của HĐND tỉnh về phát triển kinh tế", ""},
      {"Kèm theo Công văn số /UBND-PVHCC&KSTT ngày /4/2024", ""},
      {"Số: 3354/VPCP-KGVX", ""},
      {"Pháp lệnh ưu đãi người có công với cách mạng", ""},
      {"Công văn này thay cho Giấy mời", ""},
      {"trước ngày 15/12/2023", ""},
      {"đạt 50% chỉ tiêu", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(render_references(c.text) == c.expected);
  }
}

TEST_CASE("references: issuer from the text or the code", "[phrases][references]") {
  auto refs = find_references(rules(),
                              "Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ "
                              "ban hành Kế hoạch rà soát");
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].issuer == std::optional<std::string>("Thủ tướng Chính phủ"));
  refs = find_references(rules(), "Công văn số 2003/UBDT-VPCTMTQG ngày 01/11/2024 của Ủy ban "
                                  "Dân tộc về việc tổ chức hội nghị");
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].issuer == std::optional<std::string>("Ủy ban Dân tộc"));
  refs = find_references(rules(), "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ "
                                  "và Kết luận số 45-KL/TW ngày 01/02/2023 của Ban Bí thư");
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].issuer == std::optional<std::string>("Chính phủ"));
  CHECK(refs[1].issuer == std::optional<std::string>("Ban Bí thư"));
  refs = find_references(rules(), "Quyết định số 06/QĐ-TTg");
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].issuer == std::optional<std::string>("Thủ tướng Chính phủ"));
}

TEST_CASE("assignees: lead and support", "[phrases][assignees]") {
  const std::vector<Case> cases = {
      {"Giao Sở Tài chính chủ trì, phối hợp với Sở Tư pháp, Sở Nội vụ tổ chức thực hiện",
       "Sở Tài chính / Sở Tư pháp; Sở Nội vụ"},
      {"Sở Tư pháp thẩm định chặt chẽ các dự thảo văn bản", "Sở Tư pháp"},
      {"Văn phòng UBND tỉnh chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc",
       "Văn phòng UBND tỉnh / Các cơ quan liên quan"},
      {"Sở Nội vụ có trách nhiệm hướng dẫn, kiểm tra", "Sở Nội vụ"},
      {"Đề nghị các sở, ban, ngành nghiêm túc triển khai thực hiện", "Các sở, ban, ngành"},
      {"Yêu cầu Thủ trưởng các sở, ban, ngành tỉnh chỉ đạo thực hiện",
       "Các sở, ban, ngành tỉnh"},
      {"Chủ tịch UBND các huyện, thị xã, thành phố chỉ đạo rà soát",
       "UBND các huyện, thị xã, thành phố"},
      {"Giám đốc Sở Y tế chịu trách nhiệm trước Chủ tịch UBND tỉnh", "Sở Y tế"},
      {"Giao các Sở: Tư pháp, Tài chính, Nội vụ rà soát", "Sở Tư pháp; Sở Tài chính; Sở Nội vụ"},
      {"Chủ tịch UBND tỉnh giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các cơ quan, "
       "đơn vị, địa phương liên quan nghiên cứu",
       "Sở Thông tin và Truyền thông / Các cơ quan, đơn vị, địa phương liên quan"},
      {"Năm 2023, giao Sở Tài chính chủ trì phối hợp với các sở, ngành (Tư pháp, Tài nguyên và "
       "Môi trường, Nội vụ) tổ chức kiểm tra",
       "Sở Tài chính / Sở Tư pháp; Sở Tài nguyên và Môi trường; Sở Nội vụ"},
      {"Trung tâm Phục vụ hành chính công tỉnh, Cổng Thông tin điện tử tỉnh thường xuyên cập "
       "nhật",
       "Trung tâm Phục vụ hành chính công tỉnh; Cổng Thông tin điện tử tỉnh"},
      {"Các sở, ngành, địa phương có liên quan báo cáo UBND tỉnh (qua Công an tỉnh)",
       "Các sở, ngành, địa phương có liên quan"},
      {"Giao Văn phòng UBND tỉnh đôn đốc, hướng dẫn, kiểm tra", "Văn phòng UBND tỉnh"},
      {"Sở Kế hoạch và Đầu tư, Sở Tài chính tham mưu UBND tỉnh bố trí vốn",
       "Sở Kế hoạch và Đầu tư; Sở Tài chính"},
      {"Công an tỉnh chủ trì, phối hợp với Sở Tư pháp và UBND cấp huyện triển khai",
       "Công an tỉnh / Sở Tư pháp; UBND cấp huyện"},
      {"Giao Ban Dân tộc tỉnh chủ trì tổng hợp danh sách", "Ban Dân tộc tỉnh"},
      {"Bộ Lao động - Thương binh và Xã hội khẩn trương hoàn thiện dự thảo",
       "Bộ Lao động - Thương binh và Xã hội"},
      {"Đề nghị Bộ Công an, Bộ Quốc phòng phối hợp chỉ đạo", "Bộ Công an; Bộ Quốc phòng"},
      {"1. Các sở, ban, ngành cấp tỉnh", "Các sở, ban, ngành cấp tỉnh"},
      {"Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức", "Sở Văn hóa, Thể thao và Du lịch"},
      {"UBND các huyện, thành phố chỉ đạo UBND cấp xã rà soát", "UBND các huyện, thành phố"},
      {"Ban Quản lý các khu công nghiệp tỉnh chủ trì, phối hợp với Sở Xây dựng, Sở Công Thương "
       "kiểm tra.",
       "Ban Quản lý các khu công nghiệp tỉnh / Sở Xây dựng; Sở Công Thương"},
      {"Đài Phát thanh và Truyền hình tỉnh, Báo Quảng Ngãi tăng cường tuyên truyền",
       "Đài Phát thanh và Truyền hình tỉnh; Báo Quảng Ngãi"},
      {"Sở Y tế:", "Sở Y tế"},
      {"Sở Tài chính (cơ quan thường trực) có trách nhiệm tổng hợp", "Sở Tài chính"},
      {"Giao Công an tỉnh làm đầu mối, phối hợp với các sở, ngành liên quan",
       "Công an tỉnh / Các sở, ngành liên quan"},
      {"Cục Thuế tỉnh, Kho bạc Nhà nước tỉnh phối hợp với Sở Tài chính để thực hiện",
       "Cục Thuế tỉnh; Kho bạc Nhà nước tỉnh / Sở Tài chính"},
      {"Chỉ đạo các đơn vị trực thuộc triển khai thực hiện nghiêm túc", ""},
      {"Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh "
       "phối hợp tuyên truyền",
       "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; Các tổ chức chính trị - xã hội tỉnh"},
      {"Phối hợp chặt chẽ với các Bộ, ngành Trung ương trong quá trình triển khai",
       " / Các Bộ, ngành Trung ương"},
      {"UBND các huyện: Ba Tơ, Minh Long, Sơn Hà cử đại diện tham dự",
       "UBND huyện Ba Tơ; UBND huyện Minh Long; UBND huyện Sơn Hà"},
      // not support: routing, destinations, the province coordinating
      {"tham mưu UBND tỉnh phối hợp với các bộ, ngành Trung ương", ""},
      {"báo cáo UBND tỉnh (qua Văn phòng UBND tỉnh) trước ngày 15/12", ""},
      {"tổng hợp, gửi về Văn phòng UBND tỉnh", ""},
      // nobody named: the caller inherits
      {"Tập trung cải cách quy trình, thủ tục hành chính nội bộ", ""},
      {"Rà soát, đơn giản hóa thủ tục hành chính", ""},
      {"Báo cáo kết quả thực hiện trước ngày 20/12/2023", ""},
      {"Ban hành kế hoạch triển khai", ""},
      {"Phòng, chống tham nhũng, tiêu cực", ""},
      {"Hội nghị trực tuyến toàn quốc", ""},
      {"Tăng cường kỷ luật, kỷ cương hành chính", ""},
      {"Theo đề nghị của Sở Tài chính tại Tờ trình", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(render_assignees(c.text) == c.expected);
  }
}

TEST_CASE("assignees get canonical names from the gazetteer", "[phrases][assignees]") {
  auto a = find_assignees(rules(), "Giao Sở TT&TT chủ trì, phối hợp với Sở KH&ĐT triển khai");
  REQUIRE(a.lead.size() == 1);
  CHECK(a.lead[0].name == "Sở TT&TT");
  CHECK(a.lead[0].canonical == std::optional<std::string>("Sở Thông tin và Truyền thông"));
  REQUIRE(a.support.size() == 1);
  CHECK(a.support[0].canonical == std::optional<std::string>("Sở Kế hoạch và Đầu tư"));
  CHECK(canonical_body(rules(), "VP UBND tỉnh") ==
        std::optional<std::string>("Văn phòng Ủy ban nhân dân tỉnh"));
  CHECK(successor_body(rules(), "Sở KH&ĐT") == std::optional<std::string>("Sở Tài chính"));
}

TEST_CASE("a broken rule fails the load with file and line", "[phrases]") {
  const auto models = test::source_dir() / "models";
  auto copy_models = [&](const test::TempDir& dir) {
    for (const auto& f : std::filesystem::directory_iterator(models)) {
      if (f.is_regular_file()) std::filesystem::copy_file(f.path(), dir.path() / f.path().filename());
    }
  };
  auto append = [](const std::filesystem::path& file, const std::string& text) {
    test::write_file(file, test::read_file(file) + text);
  };
  auto lines_of = [](const std::filesystem::path& file) {
    std::string s = test::read_file(file);
    return std::to_string(std::count(s.begin(), s.end(), '\n') + 1);
  };
  {
    test::TempDir dir;
    copy_models(dir);
    const auto file = dir / "deadlines.rules";
    const std::string line = lines_of(file);
    append(file, "by_date = trước ngày (?P<date>[0-9\n");
    auto r = load_phrase_rules(dir.path());
    REQUIRE_FALSE(r);
    CHECK(r.message().find("deadlines.rules:" + line + ": bad pattern") != std::string::npos);
  }
  {
    test::TempDir dir;
    copy_models(dir);
    const auto file = dir / "targets.rules";
    const std::string line = lines_of(file);
    append(file, "target = {NO_SUCH_MACRO}%\n");
    auto r = load_phrase_rules(dir.path());
    REQUIRE_FALSE(r);
    CHECK(r.message().find("targets.rules:" + line + ": unknown macro {NO_SUCH_MACRO}") !=
          std::string::npos);
  }
  {
    test::TempDir dir;
    copy_models(dir);
    const auto file = dir / "assignees.rules";
    const std::string line = lines_of(file);
    append(file, "leader = Giao\n");
    auto r = load_phrase_rules(dir.path());
    REQUIRE_FALSE(r);
    CHECK(r.message().find("assignees.rules:" + line + ": unknown key 'leader'") !=
          std::string::npos);
  }
  {
    test::TempDir dir;
    copy_models(dir);
    std::filesystem::remove(dir / "holidays.tsv");
    auto r = load_phrase_rules(dir.path());
    REQUIRE_FALSE(r);
    CHECK(r.message().find("holidays.tsv") != std::string::npos);
  }
}

TEST_CASE("macros expand, escapes stay", "[phrases]") {
  std::map<std::string, std::string> defines{{"SP", "(?:[ ]+)"}};
  auto e = expand_macros("a{SP}b\\p{L}{2}\\x{00A0}", defines, "f:1");
  REQUIRE(e);
  CHECK(*e == "a(?:[ ]+)b\\p{L}{2}\\x{00A0}");
  CHECK_FALSE(expand_macros("{NOPE}", defines, "f:1"));
}
