// Tests for src/parse: header, recipients, item tree, signer and appendix
// tables, on the sample letters and on hand-written variants.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>

#include "congvan/text.h"
#include "parse/letter_parser.h"
#include "test_support.h"
#include "text/cleanup.h"

using namespace congvan;

namespace {

const StructureRules& structure_rules() {
  static const StructureRules rules = [] {
    auto r = load_structure_rules(test::source_dir() / "models");
    REQUIRE(r);
    return std::move(r.value());
  }();
  return rules;
}

LetterStructure parse_text(const std::string& text) {
  CleanupOptions options;
  options.is_stamp_line = [](std::string_view line) { return structure_rules().matches("stamp_line", line); };
  return parse_letter(structure_rules(), clean_letter_text(text, options));
}

LetterStructure parse_sample(const std::string& name) {
  auto text = decode_text(test::read_file(test::samples_dir() / name));
  REQUIRE(text);
  return parse_text(*text);
}

}  // namespace

TEST_CASE("dump the structure of a letter (CONGVAN_DUMP=path)", "[.dump]") {
  const char* path = std::getenv("CONGVAN_DUMP");
  REQUIRE(path);
  auto text = decode_text(test::read_file(path));
  REQUIRE(text);
  const LetterStructure s = parse_text(*text);
  const auto& h = s.header;
  auto o = [](const std::optional<std::string>& v) { return v ? *v : std::string("null"); };
  std::cout << "issuer=" << o(h.issuer) << "\ntype=" << o(h.doc_type) << "\nnumber=" << o(h.number)
            << "\nsymbol=" << o(h.symbol) << "\nplace=" << o(h.place) << "\ndate=" << o(h.date)
            << "\nsubject=" << o(h.subject) << "\nsigner=" << o(h.signer.name) << " | " << o(h.signer.title)
            << " | " << o(h.signer.authority) << "\n";
  for (const auto& r : h.recipients) std::cout << "recipient: " << r << "\n";
  for (const auto& b : s.blocks) {
    std::cout << "[" << static_cast<int>(b.kind) << " " << b.path << " lab=" << b.label << " par=" << b.parent
              << (b.heading ? " H" : "") << (b.before_items ? " PRE" : "") << (b.closing ? " CLOSE" : "") << " @"
              << b.start << "] " << b.text.text.substr(0, 90) << "\n";
  }
  std::cout << "body_end=" << s.body_end << "\n";
  for (const auto& a : s.appendices) {
    std::cout << "appendix columns: " << a.columns_text << "\n";
    for (const auto& r : a.rows) {
      std::cout << "  PL." << r.number << " task=" << r.task.text.substr(0, 60) << " | lead=" << r.lead
                << " | support=" << r.support << " | unit=" << r.unit << " | target=" << r.target << "\n";
    }
  }
}

namespace {

// The original text's code points [start, start + n) as UTF-8.
std::string original_at(const std::string& text, int64_t start, size_t n) {
  const std::u32string u = to_u32(text);
  if (start < 0 || static_cast<size_t>(start) >= u.size()) return "";
  return to_utf8(u.substr(static_cast<size_t>(start), n));
}

std::vector<std::string> paths(const LetterStructure& s) {
  std::vector<std::string> out;
  for (const auto& b : s.blocks) {
    if (!b.path.empty()) out.push_back(b.path);
  }
  return out;
}

struct HeaderCase {
  const char* file;
  std::optional<std::string> issuer, doc_type, number, symbol, place, date;
  const char* subject_start;
  const char* signer_name;
  const char* signer_title;
  std::optional<std::string> authority;
  size_t recipients;
};

using std::nullopt;

}  // namespace

TEST_CASE("header, recipients and signer of the sample letters") {
  const std::vector<HeaderCase> cases = {
      {"000_98c57bea4929d268.txt", nullopt, nullopt, nullopt, nullopt, nullopt, nullopt, "", "Trần Tuyết Minh",
       "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH", 2},
      {"001_aeed54e906f1f406.txt", nullopt, nullopt, nullopt, nullopt, nullopt, nullopt, "", "Trần Tuyết Minh",
       "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH", 4},
      {"002_0c390757ddc76dcf.txt", "UBND tỉnh Quảng Trị", "Công văn", nullopt, "UBND-NC", "Quảng Trị", "2023",
       "triển khai các nhiệm vụ cải cách TTHC trọng tâm từ nay đến hết năm 2023", "Lê Đức Tiến", "PHÓ CHỦ TỊCH",
       "KT. CHỦ TỊCH", 2},
      {"003_a5e607804649b42a.txt", "UBND tỉnh Hưng Yên", "Công văn", nullopt, "UBND-PVHCC&KSTT", "Hưng Yên",
       "2024-04", "tiếp tục đẩy mạnh các nhiệm vụ cải cách, kiểm soát thủ tục hành chính", "Nguyễn Duy Hưng",
       "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH", 2},
      {"004_e5cbdaba26dc79b8.txt", "UBND tỉnh Thanh Hóa", "Công văn", nullopt, "UBND-KSTTHCNC", "Thanh Hóa",
       "2024-05", "triển khai Chỉ thị số 16/CT-TTg ngày 20/5/2024 của Thủ tướng Chính phủ về tiếp tục",
       "Nguyễn Trọng Trang", "CHÁNH VĂN PHÒNG", "TL. CHỦ TỊCH", 3},
      {"004_vpcp-3354-2013-don-doc-ban-hanh-thong-tu-dioxin.txt", "Văn phòng chính phủ", "Công văn", "3354",
       "VPCP-KGVX", "Hà Nội", "2013-04-26", "ban hành Thông tư hướng dẫn về quy trình xác định",
       "Nguyễn Khắc Định", "PHÓ CHỦ NHIỆM", "KT. BỘ TRƯỞNG, CHỦ NHIỆM", 1},
      {"009_bldtbxh-1921-2013-dieu-duong-nguoi-co-cong.txt", "Bộ lao động - Thương binh và xã hội", "Công văn",
       "1921", "LĐTBXH-NCC", "Hà Nội", "2013-06-03", "hướng dẫn thực hiện chế độ điều dưỡng", "Bùi Hồng Lĩnh",
       "THỨ TRƯỞNG", "KT. BỘ TRƯỞNG", 2},
      {"028_ubnd-quangngai-542-2024-tb-du-hoi-nghi-mtqg.txt", "UBND tỉnh Quảng Ngãi", "Thông báo", "542",
       "TB-UBND", "Quảng Ngãi", "2024-11-06", "tham dự Hội nghị đánh giá Chương trình mục tiêu quốc gia phát triển",
       "Phùng Tô Long", "PHÓ CHÁNH VĂN PHÒNG", "KT. CHÁNH VĂN PHÒNG", 0},
      {"030_ubnd-quangngai-507-2025-gop-y-du-thao-vtci.txt", "UBND tỉnh Quảng Ngãi", "Công văn", "507",
       "UBND-KGVX", "Quảng Ngãi", "2025-01-24",
       "góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số 2269/QĐ-TTg về Chương trình",
       "Phùng Tô Long", "PHÓ CHÁNH VĂN PHÒNG", "KT. CHÁNH VĂN PHÒNG", 1},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    const LetterStructure s = parse_sample(c.file);
    const LetterHeader& h = s.header;
    CHECK(h.issuer == c.issuer);
    CHECK(h.doc_type == c.doc_type);
    CHECK(h.number == c.number);
    CHECK(h.symbol == c.symbol);
    CHECK(h.place == c.place);
    CHECK(h.date == c.date);
    if (*c.subject_start) {
      REQUIRE(h.subject);
      CHECK(h.subject->rfind(c.subject_start, 0) == 0);
    } else {
      CHECK_FALSE(h.subject);
    }
    CHECK(h.signer.name == std::optional<std::string>(c.signer_name));
    CHECK(h.signer.title == std::optional<std::string>(c.signer_title));
    CHECK(h.signer.authority == c.authority);
    CHECK(h.recipients.size() == c.recipients);
  }
}

TEST_CASE("recipients are split and stripped of dashes and final punctuation") {
  CHECK(parse_sample("002_0c390757ddc76dcf.txt").header.recipients ==
        std::vector<std::string>{"Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh",
                                 "UBND các huyện, thành phố, thị xã"});
  CHECK(parse_sample("009_bldtbxh-1921-2013-dieu-duong-nguoi-co-cong.txt").header.recipients ==
        std::vector<std::string>{"Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố trực thuộc Trung ương",
                                 "Các Trung tâm điều dưỡng người có công"});
  CHECK(parse_sample("030_ubnd-quangngai-507-2025-gop-y-du-thao-vtci.txt").header.recipients ==
        std::vector<std::string>{"Sở Thông tin và Truyền thông"});
}

TEST_CASE("item paths of the sample letters") {
  CHECK(paths(parse_sample("002_0c390757ddc76dcf.txt")) ==
        std::vector<std::string>{"1", "1.a", "1.b", "1.c", "1.d", "1.e", "1.g", "1.h", "2", "2.a", "2.b", "2.c"});
  CHECK(paths(parse_sample("009_bldtbxh-1921-2013-dieu-duong-nguoi-co-cong.txt")) ==
        std::vector<std::string>{"1", "1.1", "1.2", "2"});
  CHECK(paths(parse_sample("004_e5cbdaba26dc79b8.txt")) == std::vector<std::string>{"1", "2"});
  CHECK(paths(parse_sample("030_ubnd-quangngai-507-2025-gop-y-du-thao-vtci.txt")).empty());
}

TEST_CASE("every block's offset points at its label or first word in the original text") {
  for (const auto& entry : std::filesystem::directory_iterator(test::samples_dir())) {
    if (entry.path().extension() != ".txt") continue;
    INFO(entry.path().filename().string());
    auto text = decode_text(test::read_file(entry.path()));
    REQUIRE(text);
    const LetterStructure s = parse_text(*text);
    for (const auto& b : s.blocks) {
      std::string expect;
      if (b.kind == BlockKind::kParagraph) expect = to_utf8(to_u32(b.text.text).substr(0, 6));
      else if (b.kind == BlockKind::kBullet) expect = b.label;
      else expect = b.label;
      CHECK(original_at(*text, b.start, to_u32(expect).size()) == expect);
      // The reflowed text maps back too: its first character is where it says.
      if (!b.text.text.empty()) {
        CHECK(original_at(*text, b.text.origin.front(), 1) == to_utf8(to_u32(b.text.text).substr(0, 1)));
      }
    }
  }
}

TEST_CASE("the flattened appendix table of 003 gives ten rows with lead, support, unit and target") {
  const LetterStructure s = parse_sample("003_a5e607804649b42a.txt");
  REQUIRE(s.appendices.size() == 1);
  const auto& rows = s.appendices[0].rows;
  REQUIRE(rows.size() == 10);
  CHECK(rows[0].lead == "Các Sở, ngành, UBND cấp huyện, UBND cấp xã");
  CHECK(rows[0].support == "Văn phòng UBND tỉnh");
  CHECK(rows[0].unit == "%");
  CHECK(rows[0].target == "Tối thiểu 80");
  CHECK(rows[4].lead == "Văn phòng UBND tỉnh; VNPT Hưng Yên");
  CHECK(rows[4].support == "Các Sở, Ban quản lý khu công nghiệp tỉnh; UBND cấp huyện, UBND cấp xã");
  CHECK(rows[4].target == "100");
  CHECK(rows[6].lead == "UBND cấp huyện, UBND cấp xã");
  CHECK(rows[6].support == "Sở Tư pháp");
  CHECK(rows[6].task.text ==
        "Tỷ lệ thực hiện chứng thực bản sao điện tử từ bản chính tại UBND cấp xã và Phòng Tư pháp cấp huyện.");
  CHECK(s.appendices[0].columns_text.find("Thực hiện trong năm 2024") != std::string::npos);
}

// --- Hand-written variants -----------------------------------------------------

TEST_CASE("superior body above the issuer, type line with its subject, roman sections, stamp removed") {
  const std::string text = R"TXT(Ký bởi: Văn phòng Ủy ban nhân dân tỉnh Lào Cai
Email: vanphong@laocai.gov.vn
Thời gian ký: 03.06.2025 09:12:40 +07:00

UBND TỈNH LÀO CAI                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ CÔNG THƯƠNG                        Độc lập - Tự do - Hạnh phúc

Số: 1105/KH-SCT                  Lào Cai, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Triển khai thực hiện chuyển đổi số
ngành Công Thương năm 2025

I. MỤC TIÊU
1. Hoàn thành 100% hồ sơ trực tuyến.
2. Các phòng chuyên môn:
a) Rà soát quy trình nội bộ trước ngày 30/6/2025.
b) Báo cáo kết quả định kỳ hằng quý.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Kế hoạch - Tổng hợp chủ trì, theo dõi.
- Tổng hợp báo cáo trước ngày 15/12/2025.
+ Gửi về Văn phòng Sở.
2. Giao Phòng Quản lý thương mại phối hợp thực hiện./.

Nơi nhận:                                        KT. GIÁM ĐỐC
- UBND tỉnh (b/c);                              PHÓ GIÁM ĐỐC
- Lưu: VT, KHTH.

                                                   Nguyễn Văn An
)TXT";
  const LetterStructure s = parse_text(text);
  CHECK(s.header.issuer == "Sở công thương");
  CHECK(s.header.doc_type == "Kế hoạch");
  CHECK(s.header.number == "1105");
  CHECK(s.header.symbol == "KH-SCT");
  CHECK(s.header.place == "Lào Cai");
  CHECK(s.header.date == "2025-03-05");
  CHECK(s.header.subject == "Triển khai thực hiện chuyển đổi số ngành Công Thương năm 2025");
  CHECK(s.header.signer.name == "Nguyễn Văn An");
  CHECK(s.header.signer.title == "PHÓ GIÁM ĐỐC");
  CHECK(s.header.signer.authority == "KT. GIÁM ĐỐC");
  CHECK(paths(s) == std::vector<std::string>{"I", "I.1", "I.2", "I.2.a", "I.2.b", "II", "II.1", "II.2"});
  // The "-" bullet sits under II.1, the "+" bullet under the "-" bullet.
  REQUIRE(s.blocks.size() == 10);
  CHECK(s.blocks[7].kind == BlockKind::kBullet);
  CHECK(s.blocks[7].parent == 6);
  CHECK(s.blocks[8].label == "+");
  CHECK(s.blocks[8].parent == 7);
  CHECK(original_at(text, s.blocks[0].start, 2) == "I.");
  CHECK(s.body_end == static_cast<int64_t>(to_u32(text.substr(0, text.find("Nơi nhận"))).size()));
}

TEST_CASE("ministry header in stacked order, V/v: over two lines, TL. signer with a long title") {
  const LetterStructure s = parse_text(R"TXT(BỘ TÀI CHÍNH
--------
Số: 12345/BTC-NSNN
V/v: hướng dẫn lập dự toán
ngân sách nhà nước năm 2026
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hà Nội, ngày 15 tháng 7 năm 2025

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

Thực hiện Chỉ thị số 20/CT-TTg ngày 10/7/2025 của Thủ tướng Chính phủ, Bộ Tài chính đề nghị Ủy ban nhân dân các tỉnh, thành phố khẩn trương lập dự toán, gửi Bộ Tài chính trước ngày 20/8/2025.

Đề nghị các địa phương phối hợp thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, NSNN.
TL. BỘ TRƯỞNG
VỤ TRƯỞNG VỤ NGÂN SÁCH NHÀ NƯỚC
Trần Văn Bình
)TXT");
  CHECK(s.header.issuer == "Bộ tài chính");
  CHECK(s.header.doc_type == "Công văn");
  CHECK(s.header.number == "12345");
  CHECK(s.header.symbol == "BTC-NSNN");
  CHECK(s.header.place == "Hà Nội");
  CHECK(s.header.date == "2025-07-15");
  CHECK(s.header.subject == "hướng dẫn lập dự toán ngân sách nhà nước năm 2026");
  CHECK(s.header.recipients == std::vector<std::string>{"Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"});
  CHECK(s.header.signer.name == "Trần Văn Bình");
  CHECK(s.header.signer.title == "VỤ TRƯỞNG VỤ NGÂN SÁCH NHÀ NƯỚC");
  CHECK(s.header.signer.authority == "TL. BỘ TRƯỞNG");
  REQUIRE(s.blocks.size() == 2);
  CHECK(s.blocks[0].before_items);
  CHECK(s.blocks[1].text.text == "Đề nghị các địa phương phối hợp thực hiện./.");
}

TEST_CASE("two columns on one line, a form feed and page number inside a sentence, TM. in the Nơi nhận line") {
  const std::string text = R"TXT(ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HÀ NỘI Độc lập - Tự do - Hạnh phúc
Số: 07/CT-UBND Hà Nội, ngày 02 tháng 02 năm 2024

CHỈ THỊ
Về việc tăng cường công tác phòng cháy

Trong thời gian qua, công tác phòng cháy đã đạt kết quả.
Chủ tịch UBND Thành phố yêu cầu:
1. Công an Thành phố:
a) Kiểm tra toàn bộ cơ sở kinh doanh trước ngày

2
15/3/2024.
đ) Xử lý nghiêm vi phạm.
2. Sở Xây dựng chủ trì, phối hợp với Công an Thành phố rà soát quy chuẩn.
Sở Tài chính bố trí kinh phí thực hiện.
3. Tổ chức thực hiện: Thủ trưởng các sở, ngành nghiêm túc thực hiện Chỉ thị này./.

Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Thủ tướng Chính phủ; CHỦ TỊCH
- Lưu: VT.
Nguyễn Văn Phong
)TXT";
  const LetterStructure s = parse_text(text);
  CHECK(s.header.issuer == "UBND thành phố Hà Nội");
  CHECK(s.header.doc_type == "Chỉ thị");
  CHECK(s.header.number == "07");
  CHECK(s.header.symbol == "CT-UBND");
  CHECK(s.header.date == "2024-02-02");
  CHECK(s.header.subject == "tăng cường công tác phòng cháy");
  CHECK(s.header.signer.name == "Nguyễn Văn Phong");
  CHECK(s.header.signer.title == "CHỦ TỊCH");
  CHECK(s.header.signer.authority == "TM. ỦY BAN NHÂN DÂN");
  CHECK(paths(s) == std::vector<std::string>{"1", "1.a", "1.đ", "2", "3"});
  const Block& a = s.blocks[3];
  CHECK(a.path == "1.a");
  CHECK(a.text.text == "Kiểm tra toàn bộ cơ sở kinh doanh trước ngày 15/3/2024.");
  CHECK(a.page == 1);
  CHECK(s.blocks[4].page == 2);
  CHECK(original_at(text, a.text.origin[a.text.origin.size() - 11], 10) == "15/3/2024.");
}

TEST_CASE("markdown tables: header cells, Kính gửi list cell, appendix table before the signature, double prefix") {
  const LetterStructure s = parse_text(R"TXT(| ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 88 /UBND-KT V/v triển khai kế hoạch | Bình Định, ngày   tháng    năm 2023 |

| Kính gửi: | - Sở Nông nghiệp và Phát triển nông thôn; - Sở Tài nguyên và Môi trường; - UBND các huyện, thị xã, thành phố. |
|---|---|

Chủ tịch UBND tỉnh có ý kiến như sau:

1. Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài nguyên và Môi trường tổng hợp, báo cáo trước ngày 30/11/2023.

2. UBND các huyện, thị xã, thành phố triển khai thực hiện.

PHỤ LỤC
DANH MỤC NHIỆM VỤ

| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Rà soát hiện trạng rừng | Sở Nông nghiệp và Phát triển nông thôn | Sở Tài nguyên và Môi trường; UBND các huyện | Quý IV/2023 |
| 2 | Cắm mốc ranh giới | UBND các huyện | Sở Tài nguyên và Môi trường | Trong tháng 12/2023 |

| Nơi nhận: - Như trên; - Lưu: VT, KT. | TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG Lê Văn Hùng |
|---|---|
)TXT");
  CHECK(s.header.issuer == "UBND tỉnh Bình Định");
  CHECK(s.header.number == "88");
  CHECK(s.header.symbol == "UBND-KT");
  CHECK(s.header.subject == "triển khai kế hoạch");
  CHECK(s.header.place == "Bình Định");
  CHECK(s.header.date == "2023");
  CHECK(s.header.recipients == std::vector<std::string>{"Sở Nông nghiệp và Phát triển nông thôn",
                                                        "Sở Tài nguyên và Môi trường",
                                                        "UBND các huyện, thị xã, thành phố"});
  CHECK(s.header.signer.name == "Lê Văn Hùng");
  CHECK(s.header.signer.title == "PHÓ CHÁNH VĂN PHÒNG");
  CHECK(s.header.signer.authority == "KT. CHÁNH VĂN PHÒNG");
  CHECK(paths(s) == std::vector<std::string>{"1", "2"});
  REQUIRE(s.appendices.size() == 1);
  const auto& rows = s.appendices[0].rows;
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].number == 1);
  CHECK(rows[0].task.text == "Rà soát hiện trạng rừng");
  CHECK(rows[0].lead == "Sở Nông nghiệp và Phát triển nông thôn");
  CHECK(rows[0].support == "Sở Tài nguyên và Môi trường; UBND các huyện");
  CHECK(rows[0].time == "Quý IV/2023");
  CHECK(rows[1].time == "Trong tháng 12/2023");
}

TEST_CASE("place and date with blank parts give a partial ISO date") {
  struct Case {
    const char* line;
    const char* date;
  };
  const std::vector<Case> cases = {
      {"Quảng Trị, ngày       tháng      năm 2023", "2023"},
      {"Hưng Yên, ngày      tháng 4 năm 2024", "2024-04"},
      {"Hà Nội, ngày 5 tháng 9 năm 2025", "2025-09-05"},
      {"TP. Hồ Chí Minh, ngày ... tháng ... năm 2022", "2022"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    const LetterStructure s = parse_text(std::string("SỞ TƯ PHÁP\nSố: 12/STP-VP\n") + c.line + "\nV/v thử\n\nKính gửi: Sở Tài chính\n");
    CHECK(s.header.date == c.date);
    CHECK(s.header.symbol == "STP-VP");
  }
}

TEST_CASE("V/v subject sharing its line with the place and date, wrapped onto the next line") {
  const LetterStructure s = parse_text(
      "BỘ TÀI CHÍNH                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "                                      Độc lập - Tự do - Hạnh phúc\n"
      "Số: 1234/BTC-NSNN\n"
      "V/v hướng dẫn lập dự toán ngân sách         Hà Nội, ngày 05 tháng 7 năm 2025\n"
      "nhà nước năm 2026\n"
      "\n"
      "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n"
      "\n"
      "Bộ Tài chính đề nghị các địa phương gửi báo cáo trước ngày 20/7/2025./.\n");
  CHECK(s.header.doc_type == "Công văn");
  CHECK(s.header.place == "Hà Nội");
  CHECK(s.header.date == "2025-07-05");
  CHECK(s.header.subject == "hướng dẫn lập dự toán ngân sách nhà nước năm 2026");
  CHECK(s.header.symbol == "BTC-NSNN");
}

TEST_CASE("the subject under a type name stops at a long capitalised paragraph after a blank line") {
  const LetterStructure s = parse_text(
      "BỘ Y TẾ\n"
      "Số: 45/TB-BYT\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n"
      "Hà Nội, ngày 03 tháng 4 năm 2025\n"
      "\n"
      "THÔNG BÁO\n"
      "Kết luận của Bộ trưởng Bộ Y tế tại cuộc họp về công tác phòng, chống sốt xuất huyết\n"
      "\n"
      "Ngày 01/4/2025, Bộ trưởng Bộ Y tế đã chủ trì cuộc họp về công tác phòng, chống sốt xuất huyết. "
      "Bộ trưởng kết luận như sau:\n"
      "\n"
      "Đề nghị Sở Y tế các tỉnh tổ chức chiến dịch diệt loăng quăng, hoàn thành trước ngày 30/4/2025.\n");
  CHECK(s.header.doc_type == "Thông báo");
  CHECK(s.header.subject == "Kết luận của Bộ trưởng Bộ Y tế tại cuộc họp về công tác phòng, chống sốt xuất huyết");
  CHECK(s.header.date == "2025-04-03");
}

TEST_CASE("a table of targets per body without STT: rows in order, lead, target and the heading's unit; totals skipped") {
  const LetterStructure s = parse_text(
      "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "TỈNH THANH HÓA                             Độc lập - Tự do - Hạnh phúc\n\n"
      "Số: 12/UBND-KSTTHC                    Thanh Hóa, ngày 09 tháng 01 năm 2026\n"
      "V/v giao chỉ tiêu năm 2026\n\n"
      "Kính gửi: Các sở, ban, ngành cấp tỉnh.\n\n"
      "1. Giao chỉ tiêu tỷ lệ hồ sơ trực tuyến toàn trình:\n\n"
      "| Đơn vị | Chỉ tiêu năm 2026 (%) |\n"
      "|---|---|\n"
      "| Sở Tư pháp | 90 |\n"
      "| Toàn tỉnh | 80 |\n"
      "| Sở Xây dựng | Tối thiểu 85 |\n\n"
      "Nơi nhận:                                     CHỦ TỊCH\n"
      "- Như trên;\n"
      "- Lưu: VT.                                    Đỗ Minh Tuấn\n");
  REQUIRE(s.appendices.size() == 1);
  const auto& rows = s.appendices[0].rows;
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].number == 1);
  CHECK(rows[0].lead == "Sở Tư pháp");
  CHECK(rows[0].target == "90");
  CHECK(rows[0].unit == "%");
  CHECK(rows[0].task.text == "Chỉ tiêu năm 2026 (%)");
  CHECK(rows[1].number == 2);
  CHECK(rows[1].lead == "Sở Xây dựng");
  CHECK(rows[1].target == "Tối thiểu 85");
}

TEST_CASE("an urgency mark under the V/v ('HỎA TỐC', 'THƯỢNG KHẨN') ends the subject", "[parse]") {
  for (const char* mark : {"HỎA TỐC", "THƯỢNG KHẨN", "KHẨN"}) {
    INFO(mark);
    const LetterStructure s = parse_text(std::string("BỘ XÂY DỰNG                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                                                     "Số: 88/BXD-KHTC            Hà Nội, ngày 02 tháng 12 năm 2025\n"
                                                     "V/v báo cáo tình hình giải ngân\n"
                                                     "vốn đầu tư công năm 2025\n\n") +
                                         mark + "\n\nKính gửi: Ủy ban nhân dân các tỉnh.\n\n1. Báo cáo trước ngày 10/12/2025.\n");
    CHECK(s.header.subject == "báo cáo tình hình giải ngân vốn đầu tư công năm 2025");
    CHECK(s.header.number == "88");
  }
}

TEST_CASE("a people's council is named like its committee: 'HĐND tỉnh Gia Lai'", "[parse]") {
  const LetterStructure s = parse_text("HỘI ĐỒNG NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                                       "  TỈNH GIA LAI                        Độc lập - Tự do - Hạnh phúc\n"
                                       "Số: 45/2025/NQ-HĐND                 Gia Lai, ngày 10 tháng 12 năm 2025\n\n"
                                       "NGHỊ QUYẾT\nQuy định mức hỗ trợ\n\nĐiều 1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.\n");
  CHECK(s.header.issuer == "HĐND tỉnh Gia Lai");
  CHECK(s.header.doc_type == "Nghị quyết");
}
