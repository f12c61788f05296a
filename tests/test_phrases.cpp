// Table-driven tests of the phrase rules: deadlines, targets, references and
// assignees from Vietnamese phrases written for these tests.
#include <catch2/catch.hpp>

#include <cstdio>
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
    {"trong tháng 2/2024 hoàn thành việc rà soát", "within_month 2024-02-29"},
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
    {"trước quý IV/2024 hoàn thành", "within_quarter 2024-12-31"},
    {"Thời gian hoàn thành: Quý 2/2024", "within_quarter 2024-06-30"},
    // within_year
    {"hoàn thành trong năm 2024", "within_year 2024-12-31"},
    {"Năm 2023, giao Sở Tài chính chủ trì tổ chức thực hiện", "within_year 2023-12-31"},
    {"Trong năm 2025, hoàn thành số hóa hồ sơ", "within_year 2025-12-31"},
    {"Thực hiện trong năm 2024", "within_year 2024-12-31"},
    {"triển khai xong trong năm 2025", "within_year 2025-12-31"},
    {"hoàn thành trước cuối năm 2024", "within_year 2024-12-31"},
    {"hoàn thành trước cuối năm", "within_year 2024-12-31"},
    {"đến hết năm 2025 hoàn thành", "within_year 2025-12-31"},
    {"Thời gian thực hiện: năm 2024", "within_year 2024-12-31"},
    {"- Năm 2024, phấn đấu đạt chuẩn", "within_year 2024-12-31"},
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
