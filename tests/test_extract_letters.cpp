// Extraction of letters written in styles the samples do not show: short
// realistic fragments (written for these tests, not real letters) with the
// exact tasks, leads, deadlines and targets each must give.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "congvan/extract.h"
#include "congvan/rules.h"
#include "congvan/text.h"
#include "test_support.h"

using namespace congvan;

namespace {

const Rules& test_rules() {
  static const auto rules = load_rules(test::source_dir() / "models");
  REQUIRE(rules);
  return **rules;
}

Extraction run(const std::string& letter) {
  DocumentText doc;
  doc.pages.push_back(PageText{letter, TextOrigin::kPlainText, std::nullopt, "", {}});
  return extract(test_rules(), doc);
}

// "A | B" for a list of bodies.
std::string joined(const std::vector<Assignee>& bodies) {
  std::string out;
  for (size_t i = 0; i < bodies.size(); ++i) out += (i ? " | " : "") + bodies[i].name;
  return out;
}

// "item: lead | lead; support | support; kind@due kind@due; cmp value unit"
// for every task, one line each.
std::string summary(const Extraction& x) {
  std::string out;
  for (const auto& t : x.tasks) {
    out += t.item + ":";
    if (!t.lead.empty()) out += " " + joined(t.lead);
    out += ";";
    if (!t.support.empty()) out += " " + joined(t.support);
    out += ";";
    for (const auto& d : t.deadlines) {
      out += " " + d.kind;
      if (d.due) out += "@" + *d.due;
      if (d.count) out += "@" + std::to_string(*d.count) + (d.unit ? *d.unit : "");
      if (d.every) out += "@" + *d.every;
    }
    out += ";";
    for (const auto& g : t.targets) {
      char value[32];
      std::snprintf(value, sizeof value, "%g", g.value);
      out += " " + g.comparator + " " + value + " " + g.unit;
    }
    out += "\n";
  }
  return out;
}

const char* kHeaderUbnd =
    "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH PHÚ THỌ                                Độc lập - Tự do - Hạnh phúc\n\n"
    "Số: 2345/UBND-KGVX                    Phú Thọ, ngày 15 tháng 7 năm 2025\n"
    "V/v triển khai công tác chuyển đổi số\n\n"
    "Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các xã, phường.\n\n";

const char* kSignature =
    "\nNơi nhận:                                     KT. CHỦ TỊCH\n"
    "- Như trên;                                   PHÓ CHỦ TỊCH\n"
    "- Lưu: VT, KGVX.                              Trần Duy Đông\n";

// The one task of a letter whose body is the single item "1. <item>".
Task only_task(const std::string& item) {
  const Extraction x = run(std::string(kHeaderUbnd) + "1. " + item + "\n" + kSignature);
  REQUIRE(x.tasks.size() == 1);
  return x.tasks[0];
}

}  // namespace

TEST_CASE("a '|' task table inside the body, without a Phụ lục heading, gives one task per row",
          "[extract][letters]") {
  const std::string letter = std::string(kHeaderUbnd) +
                             "Sở Tài chính đề nghị các cơ quan, đơn vị thực hiện các nội dung sau:\n\n"
                             "| STT | Nội dung công việc | Đơn vị thực hiện | Thời hạn |\n"
                             "|---|---|---|---|\n"
                             "| 1 | Lập dự toán thu, chi ngân sách năm 2025 | Các sở, ban, ngành cấp tỉnh | Trước ngày 05/12/2025 |\n"
                             "| 2 | Rà soát nợ đọng xây dựng cơ bản | UBND các xã, phường | Trong tháng 12/2025 |\n"
                             "| 3 | Báo cáo tình hình thực hiện dự toán | Các sở, ban, ngành cấp tỉnh | Quý I/2026 |\n\n"
                             "Đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện./.\n" +
                             kSignature;
  const Extraction x = run(letter);
  CHECK(summary(x) ==
        "PL.1: Các sở, ban, ngành cấp tỉnh;; by_date@2025-12-05;\n"
        "PL.2: UBND các xã, phường;; within_month@2025-12-31;\n"
        "PL.3: Các sở, ban, ngành cấp tỉnh;; within_quarter@2026-03-31;\n");
  REQUIRE(x.tasks.size() == 3);
  CHECK(x.tasks[0].text == "Lập dự toán thu, chi ngân sách năm 2025");
}

TEST_CASE("a task table laid out with spaces gives one task per row, its wrapped cells joined, group rows skipped",
          "[extract][letters]") {
  const std::string letter = std::string(kHeaderUbnd) +
                             "UBND tỉnh giao nhiệm vụ như sau:\n\n"
                             " STT   Nội dung công việc          Cơ quan chủ trì     Thời gian hoàn thành\n"
                             "  1    Rà soát thủ tục hành chính  Sở Tư pháp          Trước 30/11/2025\n"
                             "       nội bộ\n"
                             "  II   NHIỆM VỤ NĂM 2026\n"
                             "  2    Số hóa hồ sơ địa chính      Văn phòng Đăng ký   Quý II/2026\n"
                             "                                   đất đai tỉnh\n\n"
                             "Đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện./.\n" +
                             kSignature;
  const Extraction x = run(letter);
  CHECK(summary(x) ==
        "PL.1: Sở Tư pháp;; by_date@2025-11-30;\n"
        "PL.2: Văn phòng Đăng ký đất đai tỉnh;; within_quarter@2026-06-30;\n");
  REQUIRE(x.tasks.size() == 2);
  CHECK(x.tasks[0].text == "Rà soát thủ tục hành chính nội bộ");
  // The same lines as prose (no "STT" header) are no table.
  std::string prose = letter;
  prose.replace(prose.find(" STT "), 5, " Số  ");
  CHECK(summary(run(prose)).find("PL.") == std::string::npos);
}

TEST_CASE("a time column holding only '12/2025' or '2026' gives the month or the year", "[extract][letters]") {
  const std::string letter = std::string(kHeaderUbnd) +
                             "UBND tỉnh giao nhiệm vụ như sau:\n\n"
                             "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
                             "|---|---|---|---|---|\n"
                             "| 1 | Rà soát thủ tục hành chính | Sở Tư pháp | Các sở, ban, ngành | 12/2025 |\n"
                             "| 2 | Số hóa hồ sơ | Văn phòng UBND tỉnh | Sở Khoa học và Công nghệ | 2026 |\n" +
                             kSignature;
  CHECK(summary(run(letter)) ==
        "PL.1: Sở Tư pháp; Các sở, ban, ngành; within_month@2025-12-31;\n"
        "PL.2: Văn phòng UBND tỉnh; Sở Khoa học và Công nghệ; within_year@2026-12-31;\n");
}

TEST_CASE("section headings of a plan are not tasks; the items under them keep the roman prefix",
          "[extract][letters]") {
  const std::string letter =
      "BỘ Y TẾ                                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "                                              Độc lập - Tự do - Hạnh phúc\n\n"
      "Số: 1520/KH-BYT                          Hà Nội, ngày 02 tháng 12 năm 2024\n\n"
      "KẾ HOẠCH\nPhòng, chống dịch bệnh mùa đông xuân\n\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "1. Chủ động phát hiện sớm, xử lý kịp thời các ổ dịch.\n"
      "2. Giảm ít nhất 10% số ca mắc so với cùng kỳ năm 2023.\n\n"
      "II. NỘI DUNG\n"
      "1. Cục Y tế dự phòng chủ trì, phối hợp với Cục Quản lý Khám, chữa bệnh xây dựng hướng dẫn giám sát, "
      "hoàn thành trước ngày 15/01/2025.\n"
      "2. Viện Vệ sinh dịch tễ Trung ương tổ chức giám sát trọng điểm, báo cáo định kỳ hằng tháng, trước ngày 20.\n"
      "3. Vụ Kế hoạch - Tài chính bố trí kinh phí thực hiện.\n\n"
      "III. Tổ chức thực hiện\n"
      "- Cục Y tế dự phòng là đơn vị đầu mối theo dõi, đôn đốc, báo cáo Bộ trưởng trong quý I/2025.\n" +
      std::string("\nNơi nhận:                                      KT. BỘ TRƯỞNG\n"
                  "- Lưu: VT, DP.                                 THỨ TRƯỞNG\n\n"
                  "                                               Nguyễn Văn A\n");
  // The goals name nobody and the plan has no Kính gửi: they are for the
  // bodies its "Tổ chức thực hiện" part names.
  CHECK(summary(run(letter)) ==
        "I.1: Cục Y tế dự phòng;;;\n"
        "I.2: Cục Y tế dự phòng;;; >= 10 %\n"
        "II.1: Cục Y tế dự phòng; Cục Quản lý Khám, chữa bệnh; by_date@2025-01-15;\n"
        "II.2: Viện Vệ sinh dịch tễ Trung ương;; recurring@month;\n"
        "II.3: Vụ Kế hoạch - Tài chính;;;\n"
        "III.-1: Cục Y tế dự phòng;; within_quarter@2025-03-31;\n");
}

TEST_CASE("a closing that only passes the letter on is not a task", "[extract][letters]") {
  for (const char* closing : {"Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
                              "Văn phòng Chính phủ thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.",
                              "Sở Giáo dục và Đào tạo đề nghị các đơn vị nghiêm túc thực hiện./.",
                              "Bộ Tài chính đề nghị các Bộ, cơ quan trung ương và địa phương quan tâm, phối hợp thực hiện./.",
                              "Sở Tài chính đề nghị các đơn vị quan tâm phối hợp./.",
                              "Rất mong nhận được sự quan tâm, phối hợp của Quý cơ quan./."}) {
    INFO(closing);
    const std::string letter = std::string(kHeaderUbnd) +
                               "1. Giao Sở Nội vụ hướng dẫn UBND các xã, phường kiện toàn bộ phận một cửa.\n\n"
                               "2. Sở Tài chính bố trí kinh phí thực hiện.\n\n" +
                               closing + "\n" + kSignature;
    CHECK(summary(run(letter)) ==
          "1: Sở Nội vụ;;;\n"
          "2: Sở Tài chính;;;\n");
  }
  // With a time limit of its own, a closing still gives a task.
  const std::string letter = std::string(kHeaderUbnd) + "1. Giao Sở Nội vụ hướng dẫn kiện toàn bộ phận một cửa.\n\n" +
                             "Giao Văn phòng UBND tỉnh theo dõi, báo cáo trước ngày 20/8/2025 để UBND tỉnh biết, chỉ đạo.\n" +
                             kSignature;
  CHECK(summary(run(letter)) ==
        "1: Sở Nội vụ;;;\n"
        "-1: Văn phòng UBND tỉnh;; by_date@2025-08-20;\n");
}

TEST_CASE("a body named alone on its item line leads the lettered items and the paragraph under it",
          "[extract][letters]") {
  const std::string letter = std::string(kHeaderUbnd) +
                             "Để chủ động phòng ngừa, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:\n\n"
                             "1. Công an tỉnh\n"
                             "a) Chủ trì, phối hợp với Sở Xây dựng, Sở Công Thương tổ chức kiểm tra 100% cơ sở "
                             "kinh doanh karaoke trong quý IV/2025.\n"
                             "b) Tổ chức tập huấn nghiệp vụ, hoàn thành trước ngày 30/9/2025.\n\n"
                             "2. Sở Xây dựng\n"
                             "Hướng dẫn việc bảo đảm điều kiện an toàn đối với nhà ở kết hợp kinh doanh.\n\n"
                             "3. Ủy ban nhân dân các xã, phường\n"
                             "a) Thường xuyên tuyên truyền kiến thức phòng cháy, chữa cháy.\n"
                             "b) Giảm ít nhất 10% số vụ cháy so với năm 2024.\n" +
                             kSignature;
  CHECK(summary(run(letter)) ==
        "1: Công an tỉnh;;;\n"
        "1.a: Công an tỉnh; Sở Xây dựng | Sở Công Thương; within_quarter@2025-12-31; = 100 %\n"
        "1.b: Công an tỉnh;; by_date@2025-09-30;\n"
        "2: Sở Xây dựng;;;\n"
        "3: Ủy ban nhân dân các xã, phường;;;\n"
        "3.a: Ủy ban nhân dân các xã, phường;;;\n"
        "3.b: Ủy ban nhân dân các xã, phường;;; >= 10 %\n");
}

TEST_CASE("leads: full names past stop words, lists after a colon, a heading before its order",
          "[extract][letters]") {
  const std::string letter = std::string(kHeaderUbnd) +
                             "1. Ủy ban Quản lý vốn nhà nước tại doanh nghiệp chủ trì rà soát các dự án.\n\n"
                             "2. Ủy ban nhân dân các tỉnh: Thanh Hóa, Nghệ An hoàn thành giải phóng mặt bằng, "
                             "đưa vào khai thác các dự án thành phần trong năm 2025.\n\n"
                             "3. Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo lực lượng hỗ trợ người dân ngay sau khi bão tan.\n\n"
                             "4. Các sở, ban, ngành: Trong vòng 05 ngày làm việc kể từ ngày nhận được văn bản này, "
                             "cử cán bộ đầu mối.\n\n"
                             "5. Giao Phó Thủ tướng Trần Hồng Hà trực tiếp chỉ đạo.\n\n"
                             "6. UBND các xã, phường bảo đảm thời gian giải quyết thủ tục không quá 5 ngày làm việc.\n" +
                             kSignature;
  CHECK(summary(run(letter)) ==
        "1: Ủy ban Quản lý vốn nhà nước tại doanh nghiệp;;;\n"
        "2: Ủy ban nhân dân tỉnh Thanh Hóa | Ủy ban nhân dân tỉnh Nghệ An;; within_year@2025-12-31;\n"
        "3: Bộ Quốc phòng | Bộ Công an;; on_event;\n"
        "4: Các sở, ban, ngành;; relative@5working_day;\n"
        "5: Phó Thủ tướng Trần Hồng Hà;;;\n"
        "6: UBND các xã, phường;;; <= 5 ngày làm việc\n");
}

TEST_CASE("a công điện's addressees follow 'THỦ TƯỚNG CHÍNH PHỦ điện:'", "[extract][letters]") {
  const std::string letter =
      "THỦ TƯỚNG CHÍNH PHỦ                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "                                           Độc lập - Tự do - Hạnh phúc\n\n"
      "Số: 118/CĐ-TTg                            Hà Nội, ngày 08 tháng 9 năm 2024\n\n"
      "CÔNG ĐIỆN\nVề việc tập trung khắc phục hậu quả bão số 3\n\n"
      "THỦ TƯỚNG CHÍNH PHỦ điện:\n"
      "- Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng;\n"
      "- Các Bộ trưởng: Quốc phòng, Công an.\n\n"
      "Để nhanh chóng khắc phục hậu quả bão số 3, Thủ tướng Chính phủ yêu cầu:\n\n"
      "1. Bộ Công Thương chỉ đạo khôi phục hệ thống điện, báo cáo tình hình hằng ngày.\n\n"
      "Nơi nhận:                                      THỦ TƯỚNG\n"
      "- Như trên;\n"
      "- Lưu: VT, NN.                                 Phạm Minh Chính\n";
  const Extraction x = run(letter);
  CHECK(x.header.doc_type == "Công điện");
  CHECK(x.header.subject == "tập trung khắc phục hậu quả bão số 3");
  CHECK(x.header.recipients ==
        std::vector<std::string>{"Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng", "Các Bộ trưởng: Quốc phòng, Công an"});
  CHECK(summary(x) == "1: Bộ Công Thương;; recurring@day;\n");
}

TEST_CASE("a notice of conclusions: the meeting paragraph starts the body, a paragraph under a section title is a task",
          "[extract][letters]") {
  const std::string letter =
      "UBND TỈNH QUẢNG NINH               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "     SỞ Y TẾ                                Độc lập - Tự do - Hạnh phúc\n\n"
      "Số: 77/TB-SYT                            Quảng Ninh, ngày 03 tháng 3 năm 2025\n\n"
      "                                THÔNG BÁO\n"
      "        Kết luận của Giám đốc Sở Y tế tại cuộc họp giao ban tháng 02/2025\n\n"
      "      Ngày 28/02/2025, Giám đốc Sở Y tế chủ trì cuộc họp giao ban. Sau khi\n"
      "nghe báo cáo, Giám đốc Sở Y tế kết luận như sau:\n\n"
      "      I. NHIỆM VỤ TRỌNG TÂM\n"
      "      1. Trung tâm Kiểm soát bệnh tật tỉnh: Bảo đảm tỷ lệ tiêm vắc xin sởi đạt trên 95%;\n"
      "báo cáo kết quả hằng tuần vào thứ Sáu.\n"
      "      2. Các bệnh viện tuyến tỉnh giảm thời gian chờ khám bệnh xuống không quá\n"
      "30 phút; thực hiện trong năm 2025.\n\n"
      "      II. ĐÁNH GIÁ CHUNG\n"
      "      Năm 2024, UBND tỉnh đã giao các đơn vị trực thuộc hoàn thành trước ngày 31/12/2024 việc số hóa hồ sơ.\n\n"
      "      III. TỔ CHỨC THỰC HIỆN\n"
      "      Thủ trưởng các đơn vị trực thuộc, Giám đốc các bệnh viện xây dựng kế hoạch\n"
      "thực hiện, hoàn thành trước ngày 15/3/2025.\n\n"
      "      Sở Y tế thông báo để các đơn vị biết, thực hiện./.\n\n"
      "Nơi nhận:                                      KT. GIÁM ĐỐC\n"
      "- Các đơn vị trực thuộc;                       PHÓ GIÁM ĐỐC\n"
      "- Lưu: VT, VP.\n"
      "                                               Nguyễn Thị Hồng\n";
  const Extraction x = run(letter);
  CHECK(x.header.subject == "Kết luận của Giám đốc Sở Y tế tại cuộc họp giao ban tháng 02/2025");
  CHECK(summary(x) ==
        "I.1: Trung tâm Kiểm soát bệnh tật tỉnh;; recurring@week; > 95 %\n"
        "I.2: Các bệnh viện tuyến tỉnh;; within_year@2025-12-31; <= 30 phút\n"
        "III.-1: Các đơn vị trực thuộc | Các bệnh viện;; by_date@2025-03-15;\n");
  REQUIRE(x.tasks.size() == 3);
  REQUIRE(x.tasks[0].deadlines.size() == 1);
  CHECK(x.tasks[0].deadlines[0].day == 5);  // Friday
}

TEST_CASE("a commune's letter: a listed name keeps its own 'và', a list is still cut at 'và các'",
          "[extract][letters]") {
  const std::string letter =
      "       ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "        XÃ TÂN PHÚ                             Độc lập - Tự do - Hạnh phúc\n\n"
      "   Số: 215/UBND-VP                        Tân Phú, ngày 12 tháng 9 năm 2025\n"
      "V/v bảo đảm trật tự an toàn giao thông\n\n"
      "                        Kính gửi:\n"
      "                                  - Công an xã;\n"
      "                                  - Trưởng các thôn.\n\n"
      "       Chủ tịch UBND xã yêu cầu:\n"
      "       1. Giao Công an xã chủ trì, phối hợp với Văn phòng HĐND và UBND xã,\n"
      "Phòng Kinh tế và các đơn vị liên quan tổ chức tuần tra, kiểm soát; báo cáo\n"
      "kết quả về UBND xã chậm nhất ngày 25 hằng tháng.\n"
      "       2. Trưởng các thôn vận động nhân dân ký cam kết trước 30 tháng 10 năm 2025.\n"
      "       3. Sở Khoa học và Công nghệ phối hợp với Sở Nội vụ, Sở Tài chính và các đơn vị liên quan\n"
      "hướng dẫn.\n\n"
      "Nơi nhận:                                         KT. CHỦ TỊCH\n"
      "- Như trên;                                       PHÓ CHỦ TỊCH\n"
      "- Lưu: VT.\n"
      "                                                  Lê Văn Hùng\n";
  const Extraction x = run(letter);
  CHECK(x.header.issuer == "UBND xã Tân Phú");
  const std::string special = std::string(letter).replace(letter.find("XÃ TÂN PHÚ"), std::string("XÃ TÂN PHÚ").size(),
                                                           "ĐẶC KHU PHÚ QUỐC");
  CHECK(run(special).header.issuer == "UBND đặc khu Phú Quốc");
  CHECK(summary(x) ==
        "1: Công an xã; Văn phòng HĐND và UBND xã | Phòng Kinh tế | Các đơn vị liên quan; recurring@month;\n"
        "2: Các thôn;; by_date@2025-10-30;\n"
        "3: Sở Khoa học và Công nghệ; Sở Nội vụ | Sở Tài chính | Các đơn vị liên quan;;\n");
}

TEST_CASE("a KT. signature whose title line is unreadable (a stamp over it) gives the deputy's title",
          "[extract][letters]") {
  const std::string head = std::string(kHeaderUbnd) + "1. Giao Sở Nội vụ hướng dẫn kiện toàn bộ phận một cửa.\n\n";
  const Extraction x = run(head +
                           "Nơi nhận:\n- Như trên;\n\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\n\n"
                           "- Lưu: VT, KGVX.\nPu + 'šÁ»1 VĂN PHÒNG\n\nPhùng Tô Long\n");
  CHECK(x.header.signer.name == "Phùng Tô Long");
  CHECK(x.header.signer.title == "PHÓ CHÁNH VĂN PHÒNG");
  CHECK(x.header.signer.authority == "KT. CHÁNH VĂN PHÒNG");
  const Extraction w = run(head +
                           "Nơi nhận:\n- Như trên;\n\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\n\n"
                           "- Lưu: VT, KGVX.\nPHÓ › HÁN)I VĂN PHÒNG\n\nPhùng Tô Long\n");
  CHECK(w.header.signer.title == "PHÓ CHÁNH VĂN PHÒNG");
  const Extraction y = run(head + "Nơi nhận:\n- Như trên;\n\nKT. BỘ TRƯỞNG\n\nNguyễn Văn Bình\n");
  CHECK(y.header.signer.title == "THỨ TRƯỞNG");
  CHECK(y.header.signer.authority == "KT. BỘ TRƯỞNG");
  // TL. (signed by the office for the head) says nothing about the title.
  const Extraction z = run(head + "Nơi nhận:\n- Như trên;\n\nTL. CHỦ TỊCH\n\nNguyễn Văn Bình\n");
  CHECK_FALSE(z.header.signer.title.has_value());
}

TEST_CASE("OCR noise in the header and in dates: 'V/ ', junk before 'Kính gửi', 'ngay', 'thang', 'nam'",
          "[extract][letters]") {
  const std::string letter =
      "ttcbth(@quangngai.gov.vn\n"
      "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "TỈNH QUẢNG NGÃI                             Độc lập - Tự do - Hạnh phúc\n\n"
      "Số: 507 /UBND-KGVX                    Quảng Ngãi, ngay 24 thang 01 nam 2025\n"
      "V/ góp ý dự thảo Quyết định\n\n"
      "^ ^Kính gửi: Sở Thông tin và Truyền thông\n\n"
      "Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số 202/BTTTT-KHTC ngay 21/01/2025, "
      "Chủ tịch UBND tỉnh giao Sở Thông tin và Truyền thông chủ trì tham gia góp ý, báo cáo UBND tỉnh "
      "(trước ngay 10/02/2025)./.\n\n"
      "Nơi nhận:                                     KT. CHỦ TỊCH\n"
      "- Như trên;                                   PHÓ CHỦ TỊCH\n"
      "- Lưu: VT.                                    Trần Phước Hiền\n";
  const Extraction x = run(letter);
  CHECK(x.header.date == "2025-01-24");
  const std::string misread = std::string(letter).replace(letter.find("Số: 507"), std::string("Số: 507").size(), "Sô: 507");
  CHECK(run(misread).header.number == "507");
  CHECK(x.header.subject == "góp ý dự thảo Quyết định");
  CHECK(x.header.recipients == std::vector<std::string>{"Sở Thông tin và Truyền thông"});
  REQUIRE(x.references.size() == 1);
  CHECK(x.references[0].date == "2025-01-21");
  CHECK(summary(x) == "-1: Sở Thông tin và Truyền thông;; by_date@2025-02-10;\n");
}

TEST_CASE("without indentation (OCR, layout text) the dash list under '1. Thành phần' stays that item's list",
          "[extract][letters]") {
  std::string text = test::read_file(test::samples_dir() / "028_ubnd-quangngai-542-2024-tb-du-hoi-nghi-mtqg.txt");
  std::string flat;
  bool line_start = true;
  for (char c : text) {
    if (line_start && c == ' ') continue;
    flat.push_back(c);
    line_start = c == '\n';
  }
  const Extraction x = run(flat);
  std::vector<std::string> items;
  for (const auto& t : x.tasks) items.push_back(t.item);
  CHECK(items == std::vector<std::string>{"1", "2", "3", "4", "4.-1", "4.-2"});
  REQUIRE(!x.tasks.empty());
  CHECK(x.tasks[0].lead.size() == 15);  // the attendees, one per body
  CHECK(x.tasks[0].lead.front().name == "Đồng chí Võ Phiên, Phó Chủ tịch UBND tỉnh");
}

TEST_CASE("deadline phrasings of other letters, each in its own item", "[extract][letters]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"báo cáo định kỳ hằng quý, trước ngày 20.", "recurring@quarter"},
      {"báo cáo trước ngày 10 của tháng đầu quý sau.", "recurring@quarter"},
      {"báo cáo nhanh hằng ngày trước 15 giờ về Văn phòng UBND tỉnh.", "recurring@day"},
      {"báo cáo hằng tuần vào thứ Sáu.", "recurring@week"},
      {"hoàn thành đưa vào sử dụng các phần mềm trong năm 2025.", "within_year@2025-12-31"},
      {"bảo đảm thời gian giải quyết không quá 5 ngày làm việc.", ""},
      {"trình UBND tỉnh không quá 5 ngày làm việc kể từ ngày nhận đủ hồ sơ.", "relative@5working_day"},
      {"báo cáo trước ngay 20/8/2025.", "by_date@2025-08-20"},
      {"báo cáo UBND tỉnh trước ngày 20 tháng 12 hằng năm.", "recurring@year"},
      {"gửi báo cáo trước 10 giờ 00 ngày 20/11/2025.", "by_date@2025-11-20"},
      {"trả lời trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này.", "relative@5working_day"},
      {"báo cáo định kỳ 6 tháng một lần.", "recurring@half_year"},
      {"báo cáo hằng năm (trước ngày 15/12).", "recurring@year"},
      {"báo cáo định kỳ hằng năm, trước ngày 15 tháng 12.", "recurring@year"},
      {"hoàn thành trong quý I năm 2026.", "within_quarter@2026-03-31"},
      {"hoàn thành chậm nhất ngày 20 tháng 12 năm 2025.", "by_date@2025-12-20"},
      {"hoàn thành trước khi kết thúc năm 2025.", "within_year@2025-12-31"},
      // before a period starts, not at its end
      {"hoàn thành trước quý IV/2025.", "by_date@2025-09-30"},
      {"hoàn thành trước năm 2026.", "by_date@2025-12-31"},
      {"hoàn thành trước tháng 10/2025.", "by_date@2025-09-30"},
      // the day before the festival; without a year, the next one after the letter
      {"chi trả trợ cấp trước Tết Nguyên đán.", "by_date@2026-02-16"},
      {"chi trả trợ cấp trước Tết Nguyên đán Bính Ngọ.", "by_date@2026-02-16"},
      {"chi trả trợ cấp trước Tết Ất Tỵ (đã qua ở ngày của văn bản).", ""},
      {"tổ chức vui Tết Trung thu cho thiếu nhi trước Tết Trung thu.", "by_date@2025-10-05"},
      {"báo cáo ngay trong ngày khi phát sinh sự cố.", "on_event"},
      {"triển khai ngay trong ngày nhận được văn bản này.", "on_event"},
      {"gửi báo cáo trong ngày 15/12/2025.", "by_date@2025-12-15"},
      // a window the item counts, not a time limit
      {"thống kê số người nghỉ việc từ ngày 01/8/2025 đến ngày 31/12/2025.", ""},
      {"thống kê số liệu từ ngày 01/8/2025 đến hết ngày 31/12/2025, gửi trước ngày 05/01/2026.",
       "by_date@2026-01-05"},
  };
  for (const auto& [phrase, deadline] : cases) {
    INFO(phrase);
    std::string got;
    for (const auto& d : only_task("Sở Nội vụ " + phrase).deadlines) {
      got += d.kind;
      if (d.due && !d.count) got += "@" + *d.due;
      if (d.count) got += "@" + std::to_string(*d.count) + d.unit.value_or("");
      if (d.every) got += "@" + *d.every;
    }
    CHECK(got == deadline);
  }
}

TEST_CASE("a date after a list of cited documents is not given to a number of another year", "[extract][letters]") {
  const Extraction x = run(std::string(kHeaderUbnd) +
                           "Thực hiện Thông tư số 01/2011/TT-BNV và văn bản số 1234/BNV-CCVC ngày 02/10/2025 của Bộ "
                           "Nội vụ; Nghị quyết số 01/NQ-CP, Nghị quyết số 02/NQ-CP ngày 05/01/2024 của Chính phủ, "
                           "UBND tỉnh yêu cầu:\n\n1. Sở Nội vụ trả lời trước ngày 20/8/2025.\n" +
                           kSignature);
  std::vector<std::string> refs;
  for (const auto& r : x.references) refs.push_back(r.number + " " + r.date.value_or("-"));
  CHECK(refs == std::vector<std::string>{"01/2011/TT-BNV -", "1234/BNV-CCVC 2025-10-02", "01/NQ-CP 2024-01-05",
                                         "02/NQ-CP 2024-01-05"});
  CHECK(summary(x) == "1: Sở Nội vụ;; by_date@2025-08-20;\n");
}

TEST_CASE("leads written in the ways letters name bodies", "[extract][letters]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Đề nghị Bảo hiểm xã hội tỉnh phối hợp với Sở Y tế rà soát đối tượng.", "Bảo hiểm xã hội tỉnh; Sở Y tế"},
      {"Giao Giám đốc Sở Y tế chỉ đạo các bệnh viện bảo đảm thuốc.", "Sở Y tế;"},
      {"UBND tỉnh giao Sở Tư pháp là cơ quan đầu mối theo dõi thi hành pháp luật.", "Sở Tư pháp;"},
      {"Chủ tịch UBND các xã, phường chịu trách nhiệm về kết quả thực hiện.", "UBND các xã, phường;"},
      {"Sở Tài chính (cơ quan thường trực) chủ trì tổng hợp dự toán.", "Sở Tài chính;"},
      {"Kho bạc Nhà nước khu vực XII kiểm soát chi chặt chẽ.", "Kho bạc Nhà nước khu vực XII;"},
      {"Cục Y tế dự phòng là đơn vị đầu mối theo dõi.", "Cục Y tế dự phòng;"},
      {"Viện Vệ sinh dịch tễ Trung ương tổ chức giám sát trọng điểm.", "Viện Vệ sinh dịch tễ Trung ương;"},
      {"Công an tỉnh phối hợp với Sở Tư pháp cấp phiếu lý lịch tư pháp trên VNeID.", "Công an tỉnh; Sở Tư pháp"},
      {"UBND cấp xã phối hợp với UBND cấp huyện cấp giấy chứng nhận.", "UBND cấp xã; UBND cấp huyện"},
      {"Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Xây dựng; Giám đốc Kho bạc Nhà nước khu vực XIII "
       "và Chủ tịch UBND các xã, phường chịu trách nhiệm thi hành Quyết định này.",
       "Văn phòng UBND tỉnh | Sở Tài chính | Sở Xây dựng | Kho bạc Nhà nước khu vực XIII | UBND các xã, phường;"},
      {"Sở Tư pháp trả lời bằng văn bản.", "Sở Tư pháp;"},
      {"Ủy ban nhân dân cấp huyện (trước khi kết thúc hoạt động) bàn giao hồ sơ về Sở Nội vụ.",
       "Ủy ban nhân dân cấp huyện;"},
      {"Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Nội vụ, Phòng Tài nguyên và Môi trường kiểm kê "
       "tài sản công.",
       "Phòng Tài chính - Kế hoạch; Phòng Nội vụ | Phòng Tài nguyên và Môi trường"},
      {"Giao Sở Văn hóa, Thể thao và Du lịch phối hợp với Sở Giáo dục và Đào tạo tổ chức.",
       "Sở Văn hóa, Thể thao và Du lịch; Sở Giáo dục và Đào tạo"},
      {"Sở Tư pháp phối hợp với các cơ quan, tổ chức liên quan thực hiện.",
       "Sở Tư pháp; Các cơ quan, tổ chức liên quan"},
      // "Trường hợp" opens a condition, not the name of a school
      {"Trường hợp chưa đủ kinh phí, báo cáo UBND tỉnh.", "Các sở, ban, ngành tỉnh | UBND các xã, phường;"},
      {"Trường Cao đẳng Y tế tổ chức tập huấn.", "Trường Cao đẳng Y tế;"},
      // a clause of condition or time before the subject: the body after its comma leads
      {"Trường hợp phát sinh vướng mắc, Sở Tài chính báo cáo UBND tỉnh.", "Sở Tài chính;"},
      {"Nếu có khó khăn, vướng mắc, Sở Xây dựng tổng hợp, báo cáo UBND tỉnh.", "Sở Xây dựng;"},
      {"Khi có văn bản hướng dẫn của Bộ Nội vụ, UBND các xã triển khai thực hiện.", "UBND các xã;"},
      {"Trong quá trình thực hiện, nếu có khó khăn, các đơn vị phản ánh về Sở Nội vụ để tổng hợp.",
       "Các đơn vị;"},
      {"Trường hợp cần thiết, Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra.", "Sở Y tế; Công an tỉnh"},
      {"Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và đại "
       "biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
       "Thường trực Hội đồng nhân dân tỉnh | Các Ban của Hội đồng nhân dân tỉnh | Các Tổ đại biểu và đại biểu Hội "
       "đồng nhân dân tỉnh;"},
  };
  for (const auto& [item, want] : cases) {
    INFO(item);
    const Task t = only_task(item);
    CHECK(joined(t.lead) + ";" + (t.support.empty() ? "" : " " + joined(t.support)) == want);
  }
}

TEST_CASE("recipients named one after another on the Kính gửi line are separate; paragraphs for each body are tasks",
          "[extract][letters]") {
  const std::string letter =
      "BỘ GIAO THÔNG VẬN TẢI                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "                                           Độc lập - Tự do - Hạnh phúc\n\n"
      "Số: 7788/BGTVT-KCHT                      Hà Nội, ngày 22 tháng 7 năm 2024\n"
      "V/v bảo đảm giao thông mùa mưa bão\n\n"
      "Kính gửi: Cục Đường bộ Việt Nam, Cục Đường thủy nội địa Việt Nam, Sở Giao thông vận tải các tỉnh, thành phố.\n\n"
      "Để chủ động ứng phó với mưa bão, Bộ Giao thông vận tải yêu cầu các cơ quan, đơn vị thực hiện:\n\n"
      "Cục Đường bộ Việt Nam chỉ đạo chuẩn bị vật tư dự phòng, hoàn thành trước ngày 15/8/2024.\n\n"
      "Cục Đường thủy nội địa Việt Nam kiểm tra hệ thống báo hiệu, bảo đảm 100% phao tiêu hoạt động.\n\n"
      "Bộ Giao thông vận tải yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.\n\n"
      "Nơi nhận:                                      KT. BỘ TRƯỞNG\n"
      "- Như trên;                                   THỨ TRƯỞNG\n"
      "- Lưu: VT, KCHT.                              Nguyễn Danh Huy\n";
  const Extraction x = run(letter);
  CHECK(x.header.recipients == std::vector<std::string>{"Cục Đường bộ Việt Nam", "Cục Đường thủy nội địa Việt Nam",
                                                        "Sở Giao thông vận tải các tỉnh, thành phố"});
  CHECK(summary(x) ==
        "-1: Cục Đường bộ Việt Nam;; by_date@2024-08-15;\n"
        "-2: Cục Đường thủy nội địa Việt Nam;;; = 100 %\n");
  // A collective stays one recipient.
  const Extraction y = run(std::string(kHeaderUbnd).replace(std::string(kHeaderUbnd).find("Kính gửi:"), 9,
                                                            "Kính gửi: Các Sở, Ban, ngành;") +
                           "1. Giao Sở Nội vụ hướng dẫn.\n" + kSignature);
  CHECK(y.header.recipients.front() == "Các Sở, Ban, ngành");
}

TEST_CASE("OCR tone slips in the words rules key on: 'tối thiếu', 'yếu cầu'", "[extract][letters]") {
  const Extraction x = run(std::string(kHeaderUbnd) +
                           "1. Sở Nội vụ bảo đảm tỷ lệ hồ sơ đúng hạn đạt tối thiếu 95%.\n\n"
                           "2. Phó Chủ tịch UBND tỉnh yếu cầu Sở Tư pháp báo cáo trước ngày 20/8/2025.\n" +
                           kSignature);
  CHECK(summary(run(std::string(kHeaderUbnd) + "1. Sở Nội vụ bố trí tối đa 03 cán bộ trực.\n" + kSignature)) ==
        "1: Sở Nội vụ;;; <= 3 cán bộ\n");
  CHECK(summary(x) ==
        "1: Sở Nội vụ;;; >= 95 %\n"
        "2: Sở Tư pháp;; by_date@2025-08-20;\n");
}

TEST_CASE("the letters written for the tests give their reviewed summaries", "[extract][letters]") {
  const auto dir = test::source_dir() / "tests" / "data" / "letters";
  const bool update = std::getenv("CONGVAN_UPDATE_EXPECTED") != nullptr;
  int letters = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ++letters;
    INFO(entry.path().filename().string());
    const std::string got = summary(run(test::read_file(entry.path())));
    auto expected_path = entry.path();
    expected_path.replace_extension(".expected");
    if (update) test::write_file(expected_path, got);
    CHECK(got == test::read_file(expected_path));
  }
  CHECK(letters == 33);
}

TEST_CASE("items headed for a body: 'Đối với …:', 'Về phía …:', 'Trách nhiệm của …'", "[extract][letters]") {
  const Extraction x = run(std::string(kHeaderUbnd) +
                           "1. Đối với UBND các xã, phường:\n"
                           "- Tổ chức tuyên truyền cho người dân.\n"
                           "- Báo cáo kết quả về Sở Nội vụ trước ngày 25 hằng tháng.\n"
                           "2. Về phía Sở Tài chính: bố trí kinh phí thực hiện.\n"
                           "3. Trách nhiệm của Công an tỉnh\n"
                           "Bảo đảm an ninh trật tự trong dịp Tết.\n" +
                           kSignature);
  CHECK(summary(x) ==
        "1: UBND các xã, phường;;;\n"
        "1.-1: UBND các xã, phường;;;\n"
        "1.-2: UBND các xã, phường;; recurring@month;\n"
        "2: Sở Tài chính;;;\n"
        "3: Công an tỉnh;;;\n");
  REQUIRE(x.tasks.size() == 5);
  CHECK(x.tasks[4].text == "Trách nhiệm của Công an tỉnh Bảo đảm an ninh trật tự trong dịp Tết.");
}

TEST_CASE("labels written with a slash: '1/ …', 'a/ …'", "[extract][letters]") {
  const Extraction x = run(std::string(kHeaderUbnd) +
                           "1/ Giao Sở Nội vụ hướng dẫn kiện toàn bộ phận một cửa.\n"
                           "2/ UBND các xã, phường:\n"
                           "a/ Thường xuyên cập nhật dữ liệu dân cư.\n"
                           "b/ Báo cáo kết quả trước ngày 20/8/2025.\n" +
                           kSignature);
  CHECK(summary(x) ==
        "1: Sở Nội vụ;;;\n"
        "2: UBND các xã, phường;;;\n"
        "2.a: UBND các xã, phường;;;\n"
        "2.b: UBND các xã, phường;; by_date@2025-08-20;\n");
}

TEST_CASE("'đề nghị Quý Ủy ban …' orders the addressees: the task's lead is the recipients list", "[extract][letters]") {
  std::string header = kHeaderUbnd;
  header.replace(header.find("Kính gửi:"), std::string("Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các xã, phường.").size(),
                 "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.");
  const Extraction x = run(header +
                           "Để triển khai Luật Đất đai, Bộ Nông nghiệp và Môi trường đề nghị Quý Ủy ban chỉ đạo các cơ "
                           "quan chuyên môn rà soát hồ sơ, gửi kết quả về Bộ trước ngày 30/9/2025.\n\n"
                           "Đề nghị Quý Cơ quan quan tâm, phối hợp./.\n" +
                           kSignature);
  CHECK(summary(x) == "-1: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;; by_date@2025-09-30;\n");
}

TEST_CASE("field bullets under a plan's item ('- Cơ quan chủ trì: …', '- Thời gian hoàn thành: …') belong to the item",
          "[extract][letters]") {
  const std::string letter =
      "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "TỈNH PHÚ THỌ                                Độc lập - Tự do - Hạnh phúc\n\n"
      "Số: 120/KH-UBND                       Phú Thọ, ngày 15 tháng 7 năm 2025\n\n"
      "KẾ HOẠCH\nChuyển đổi số năm 2025\n\n"
      "II. NHIỆM VỤ\n"
      "1. Xây dựng cơ sở dữ liệu cán bộ, công chức\n"
      "- Cơ quan chủ trì: Sở Nội vụ.\n"
      "- Cơ quan phối hợp: Sở Khoa học và Công nghệ, UBND các xã, phường.\n"
      "- Thời gian hoàn thành: Quý III/2025.\n"
      "2. Triển khai nền tảng họp trực tuyến\n"
      "Đơn vị chủ trì: Văn phòng UBND tỉnh; đơn vị phối hợp: Sở Khoa học và Công nghệ; thời gian thực hiện: "
      "tháng 10/2025.\n\n" +
      std::string(kSignature);
  CHECK(summary(run(letter)) ==
        "II.1: Sở Nội vụ; Sở Khoa học và Công nghệ | UBND các xã, phường; within_quarter@2025-09-30;\n"
        "II.2: Văn phòng UBND tỉnh; Sở Khoa học và Công nghệ; within_month@2025-10-31;\n");
}

// "every/day" of each recurring deadline of a task, in order.
std::string recurrences(const Task& t) {
  std::string out;
  for (const auto& d : t.deadlines) {
    if (d.kind != "recurring") continue;
    out += (out.empty() ? "" : " ") + *d.every + "/" + (d.day ? std::to_string(*d.day) : "-");
  }
  return out;
}

TEST_CASE("a report per period named, each with its own day: '6 tháng (trước ngày 15/6) và năm (trước ngày 15/12)'",
          "[extract][letters]") {
  const Extraction x = run(test::read_file(test::source_dir() / "tests" / "data" / "letters" /
                                           "24_ubnd_cv_che_do_bao_cao.txt"));
  REQUIRE(x.tasks.size() == 5);
  CHECK(recurrences(x.tasks[0]) == "half_year/15 year/15");
  CHECK(x.tasks[0].deadlines[0].text == "6 tháng (trước ngày 15/6)");
  CHECK(x.tasks[0].deadlines[1].text == "năm (trước ngày 15/12)");
  CHECK(recurrences(x.tasks[1]) == "quarter/20 year/10");
  CHECK(recurrences(x.tasks[2]) == "quarter/- half_year/- year/-");
  CHECK(x.tasks[2].deadlines[0].text == "định kỳ hằng quý, 6 tháng, năm");
  CHECK(recurrences(x.tasks[3]) == "month/- quarter/-");
  CHECK(recurrences(only_task("Sở Nội vụ gửi báo cáo quý, 6 tháng, năm về UBND tỉnh.")) ==
        "quarter/- half_year/- year/-");
  CHECK(recurrences(only_task("Sở Nội vụ gửi báo cáo tháng 10 và năm 2026 về UBND tỉnh.")).empty());
  // A period list followed by a year is no list: "hằng tháng, năm 2026".
  CHECK(recurrences(only_task("Sở Nội vụ báo cáo định kỳ hằng tháng, năm 2026 tổng kết.")) == "month/-");
  CHECK(recurrences(only_task("Sở Nội vụ báo cáo định kỳ: 6 tháng (trước ngày 10 tháng 6), năm (trước ngày 05/12 "
                              "hằng năm).")) == "half_year/10 year/5");
}

TEST_CASE("lunar dates give the solar day: of the year named, else the next one after the letter",
          "[extract][letters]") {
  // The letter is dated 15/7/2025 (lunar 21/6 nhuận Ất Tỵ).
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Sở Văn hóa hoàn thành trước ngày 23 tháng Chạp.", "by_date@2026-02-10"},
      {"Sở Văn hóa hoàn thành trước Rằm tháng Giêng.", "by_date@2026-03-03"},
      {"Sở Văn hóa hoàn thành chậm nhất mùng 10 tháng Giêng năm Bính Ngọ.", "by_date@2026-02-26"},
      {"Sở Văn hóa hoàn thành trước ngày mồng 5 tháng Giêng năm Đinh Mùi.", "by_date@2027-02-10"},
      {"Sở Văn hóa hoàn thành trước ngày 15 tháng 8 âm lịch.", "by_date@2025-10-06"},
      {"Sở Văn hóa hoàn thành trước ngày 10 tháng 3 năm Bính Ngọ.", "by_date@2026-04-26"},
      {"Sở Văn hóa hoàn thành trước ngày 20 tháng Giêng năm 2027.", "by_date@2027-02-25"},
      // The past one is background; a month of 29 days has no 30th.
      {"Sở Văn hóa đã hoàn thành trước mùng 10 tháng Giêng năm Ất Tỵ.", ""},
      {"Sở Văn hóa hoàn thành trước ngày 30 tháng Chạp năm Ất Tỵ.", ""},
      // A numbered month without "âm lịch" or a lunar year is solar.
      {"Sở Văn hóa hoàn thành trước ngày 10 tháng 3 năm 2026.", "by_date@2026-03-10"},
  };
  for (const auto& [item, want] : cases) {
    INFO(item);
    std::string got;
    for (const auto& d : only_task(item).deadlines) got += (got.empty() ? "" : " ") + d.kind + "@" + d.due.value_or("");
    CHECK(got == want);
  }
}

TEST_CASE("a notice without Kính gửi nor an implementing part: its Nơi nhận gives the leads only when it leaves no doubt",
          "[extract][letters]") {
  const std::string letter =
      test::read_file(test::source_dir() / "tests" / "data" / "letters" / "26_ubnd_tb_kl_noi_nhan.txt");
  // The entries marked "(để thực hiện)" lead the items that name nobody.
  CHECK(joined(run(letter).tasks.at(0).lead) == "Ban Quản lý dự án đầu tư xây dựng tỉnh | UBND xã Tân Cương");
  // Without the marks the list mixes addressees and copies: no lead.
  std::string unmarked = letter;
  const std::string mark = " (để thực hiện)";
  for (size_t at; (at = unmarked.find(mark)) != std::string::npos;) unmarked.erase(at, mark.size());
  REQUIRE(unmarked.find("thực hiện);") == std::string::npos);
  const Extraction x = run(unmarked);
  REQUIRE(x.tasks.size() == 5);
  CHECK(joined(x.tasks[0].lead).empty());
  CHECK(joined(x.tasks[3].lead) == "Sở Xây dựng");
  // One entry besides the file copy, the leaders and "(để b/c)": that body.
  std::string single = letter;
  const size_t from = single.find("- Ban Quản lý dự án");
  const size_t to = single.find("- Lưu: VT, KT.");
  single.replace(from, to - from, "- Ban Quản lý dự án đầu tư xây dựng tỉnh;\n");
  CHECK(joined(run(single).tasks.at(0).lead) == "Ban Quản lý dự án đầu tư xây dựng tỉnh");
}

TEST_CASE("a table of targets per body ('Đơn vị | Chỉ tiêu năm 2026 (%)') gives each body its target; totals are no task",
          "[extract][letters]") {
  const auto letter = [](const std::string& header, const std::string& rows) {
    return std::string(kHeaderUbnd) + "1. Giao chỉ tiêu tỷ lệ hồ sơ trực tuyến toàn trình năm 2026:\n\n" + header +
           rows + "\n" + kSignature;
  };
  CHECK(summary(run(letter("| Đơn vị | Chỉ tiêu năm 2026 (%) |\n|---|---|\n",
                           "| Sở Tư pháp | 90 |\n| UBND các xã, phường | 75,5 |\n| Toàn tỉnh | 80 |\n"))) ==
        "1: Các sở, ban, ngành tỉnh | UBND các xã, phường;;;\n"
        "PL.1: Sở Tư pháp;;; = 90 %\n"
        "PL.2: UBND các xã, phường;;; = 75.5 %\n");
  // The unit in the heading's parentheses.
  CHECK(summary(run(letter("| STT | Cơ quan | Chỉ tiêu (hồ sơ) |\n|---|---|---|\n", "| 1 | Sở Tư pháp | Tối thiểu 120 |\n"))) ==
        "1: Các sở, ban, ngành tỉnh | UBND các xã, phường;;;\n"
        "PL.1: Sở Tư pháp;;; >= 120 hồ sơ\n");
  // A table of bodies without a target column is no task table.
  CHECK(summary(run(letter("| Đơn vị | Ghi chú |\n|---|---|\n", "| Sở Tư pháp | Đầu mối |\n"))).find("PL.") ==
        std::string::npos);
}

TEST_CASE("a time limit counted from an event is a deadline and no target; 'của Chính phủ và Công điện số …'",
          "[extract][letters]") {
  const Task t = only_task("Sở Tài chính đề xuất kinh phí không quá 10 ngày làm việc kể từ ngày nhận được văn bản này.");
  CHECK(t.targets.empty());
  REQUIRE(t.deadlines.size() == 1);
  CHECK(t.deadlines[0].kind == "relative");
  // A processing time the letter fixes stays a target.
  CHECK(only_task("Sở Tư pháp bảo đảm thời hạn cấp phiếu không quá 05 ngày làm việc.").targets.size() == 1);

  const Extraction x = run(std::string(kHeaderUbnd) +
                           "1. Thực hiện Nghị quyết số 206/NQ-CP ngày 12/7/2025 của Chính phủ và Công điện số "
                           "112/CĐ-TTg ngày 20/11/2025 của Thủ tướng Chính phủ, Sở Nội vụ rà soát.\n" + kSignature);
  REQUIRE(x.references.size() == 2);
  CHECK(x.references[0].issuer == "Chính phủ");
  CHECK(x.references[1].issuer == "Thủ tướng Chính phủ");
}

TEST_CASE("a document issued jointly keeps its issuers: 'của Bộ Chính trị, Ban Bí thư'", "[extract][letters]") {
  const auto issuers = [](const std::string& item) {
    const Extraction x = run(std::string(kHeaderUbnd) + "1. " + item + "\n" + kSignature);
    std::string out;
    for (const auto& r : x.references) out += (out.empty() ? "" : " | ") + r.number + "=" + r.issuer.value_or("-");
    return out;
  };
  CHECK(issuers("Thực hiện Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị, Ban Bí thư, Sở Nội vụ tham "
                "mưu.") == "126-KL/TW=Bộ Chính trị, Ban Bí thư");
  CHECK(issuers("Theo Thông tư liên tịch số 12/2024/TTLT-BTC-BNV của Bộ Tài chính, Bộ Nội vụ về chế độ chi, Sở "
                "Tài chính hướng dẫn.") == "12/2024/TTLT-BTC-BNV=Bộ Tài chính, Bộ Nội vụ");
  CHECK(issuers("Căn cứ Quy định số 05-QĐ/TW của Bộ Chính trị, Ban Bí thư và Nghị định số 10/2025/NĐ-CP, Sở Tư pháp "
                "rà soát.") == "05-QĐ/TW=Bộ Chính trị, Ban Bí thư | 10/2025/NĐ-CP=Chính phủ");
  // A body after the comma that opens the next clause is no issuer.
  CHECK(issuers("Thực hiện Công văn số 45/BYT-KCB của Bộ Y tế, Sở Y tế hướng dẫn các cơ sở.") ==
        "45/BYT-KCB=Bộ Y tế");
  CHECK(issuers("Thực hiện Công văn số 45/BYT-KCB của Bộ Y tế, Bộ Tài chính hướng dẫn các cơ sở.") ==
        "45/BYT-KCB=Bộ Y tế");
  // "để" opens a purpose, never part of a name.
  CHECK(issuers("Sở Tư pháp rà soát Thông tư số 01/2023/TT-VPCP của Văn phòng Chính phủ để sửa đổi.") ==
        "01/2023/TT-VPCP=Văn phòng Chính phủ");
  CHECK(issuers("Thực hiện Công văn số 46/UBND-KGVX của UBND tỉnh, Sở Nội vụ đề nghị các đơn vị rà soát.") ==
        "46/UBND-KGVX=UBND tỉnh");
}

TEST_CASE("a frequency the letter fixes is a target: 'ít nhất 01 lần/quý', '02 lần/năm', '01 lần / tháng'",
          "[extract][letters]") {
  const auto targets = [](const std::string& item) {
    std::string out;
    for (const auto& g : only_task(item).targets) {
      char value[32];
      std::snprintf(value, sizeof value, "%g", g.value);
      out += (out.empty() ? "" : " | ") + g.comparator + " " + value + " " + g.unit + " [" + g.text + "]";
    }
    return out;
  };
  CHECK(targets("Sở Y tế kiểm tra ít nhất 01 lần/quý.") == ">= 1 lần/quý [ít nhất 01 lần/quý]");
  CHECK(targets("Sở Y tế kiểm tra 02 lần/năm tại các cơ sở.") == "= 2 lần/năm [02 lần/năm tại các cơ sở]");
  CHECK(targets("Sở Y tế kiểm tra 01 lần / tháng, báo cáo UBND tỉnh.") == "= 1 lần/tháng [01 lần / tháng]");
  CHECK(targets("Sở Giáo dục và Đào tạo kiểm tra tối đa 2 đợt/năm học.") == "<= 2 đợt/năm học [tối đa 2 đợt/năm học]");
  // A period between reports ("6 tháng/lần") is a recurrence, no target; a rate stays none.
  CHECK(targets("Sở Y tế báo cáo định kỳ 6 tháng/lần.").empty());
  CHECK(targets("Sở Y tế chi hỗ trợ 2.220.000 đồng/người/lần.").empty());
}

TEST_CASE("a half-year report: recurring with a day and month only, once with a full date", "[extract][letters]") {
  CHECK(recurrences(only_task("Sở Nội vụ thực hiện báo cáo 6 tháng (trước ngày 15/6).")) == "half_year/15");
  CHECK(recurrences(only_task("Sở Nội vụ báo cáo hằng năm, trước ngày 15/12.")) == "year/15");
  const Task once = only_task("Sở Nội vụ tổng hợp, báo cáo kết quả 6 tháng trước ngày 15/6/2026.");
  REQUIRE(once.deadlines.size() == 1);
  CHECK(once.deadlines[0].kind == "by_date");
  CHECK(once.deadlines[0].due == "2026-06-15");
  CHECK(joined(once.lead) == "Sở Nội vụ");
}
