// A hand-made database for the query, export and search tests: three
// letters whose tasks cover every deadline kind and the bodies clerks ask
// about (Sở Tài chính, Sở TT&TT, UBND các huyện …). Rows are exact, so the
// tests do not depend on what the extractor finds in the samples.
#pragma once

#include <filesystem>
#include <string>

#include "congvan/store.h"

namespace congvan::test {

inline Deadline by_date(const std::string& due, const std::string& text) {
  Deadline d;
  d.kind = "by_date";
  d.due = due;
  d.text = text;
  return d;
}

inline Deadline dated(const std::string& kind, const std::string& due, const std::string& text) {
  Deadline d = by_date(due, text);
  d.kind = kind;
  return d;
}

inline Task make_task(const std::string& item, const std::string& text,
                      std::vector<Assignee> lead, std::vector<Assignee> support,
                      std::vector<Deadline> deadlines, int64_t start) {
  Task t;
  t.item = item;
  t.text = text;
  t.lead = std::move(lead);
  t.support = std::move(support);
  t.deadlines = std::move(deadlines);
  t.span = {1, start, start + static_cast<int64_t>(text.size())};
  return t;
}

// Document 1: 3692/UBND-KSTTHC, UBND tỉnh Quảng Trị, 2023-10-12.
inline NewDocument letter_quang_tri() {
  NewDocument d;
  d.source = "3692-quang-tri.txt";
  d.path = "inbox/3692-quang-tri.txt";
  d.sha256 = std::string(64, 'a');
  PageText p;
  p.text = "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nV/v triển khai các nhiệm vụ cải cách thủ tục hành "
           "chính trọng tâm\n1. Sở Tài chính rà soát, đơn giản hóa thủ tục hành chính nội bộ.\n"
           "2. Sở TT&TT báo cáo trước ngày 20 hằng tháng.\n3. UBND các huyện công khai thủ tục "
           "hành chính trên Cổng Dịch vụ công.";
  d.text.pages.push_back(p);
  Extraction& ex = d.extraction;
  ex.rules_version = "fixture";
  ex.header.issuer = "UBND tỉnh Quảng Trị";
  ex.header.doc_type = "Công văn";
  ex.header.number = "3692";
  ex.header.symbol = "UBND-KSTTHC";
  ex.header.place = "Quảng Trị";
  ex.header.date = "2023-10-12";
  ex.header.subject = "triển khai các nhiệm vụ cải cách thủ tục hành chính trọng tâm";
  ex.header.recipients = {"Các sở, ban, ngành", "UBND các huyện, thành phố, thị xã"};
  Deadline monthly;
  monthly.kind = "recurring";
  monthly.every = "month";
  monthly.day = 20;
  monthly.text = "trước ngày 20 hằng tháng";
  ex.tasks = {
      make_task("1", "Rà soát, đơn giản hóa thủ tục hành chính nội bộ",
                {{"Sở Tài chính", "Sở Tài chính"}}, {{"Sở Tư pháp", "Sở Tư pháp"}},
                {by_date("2023-12-15", "trước ngày 15/12/2023")}, 100),
      make_task("2", "Báo cáo tình hình giải quyết hồ sơ trực tuyến",
                {{"Sở TT&TT", "Sở Thông tin và Truyền thông"}}, {}, {monthly}, 200),
      make_task("3", "Công khai thủ tục hành chính trên Cổng Dịch vụ công",
                {{"UBND các huyện, thành phố, thị xã", std::nullopt}}, {},
                {dated("within_month", "2024-03-31", "trong tháng 3/2024")}, 300),
  };
  return d;
}

// Document 2: 45/KH-UBND, UBND tỉnh Hưng Yên, 2024-01-05.
inline NewDocument plan_hung_yen() {
  NewDocument d;
  d.source = "45-hung-yen.txt";
  d.path = "inbox/45-hung-yen.txt";
  d.sha256 = std::string(64, 'b');
  PageText p;
  p.text = "KẾ HOẠCH chuyển đổi số năm 2024 của tỉnh Hưng Yên\nI.1 Xây dựng kế hoạch chuyển "
           "đổi số.\nI.2 Tổng hợp báo cáo đánh giá.\nII Tổ chức hội nghị sơ kết.";
  d.text.pages.push_back(p);
  Extraction& ex = d.extraction;
  ex.rules_version = "fixture";
  ex.header.issuer = "UBND tỉnh Hưng Yên";
  ex.header.doc_type = "Kế hoạch";
  ex.header.number = "45";
  ex.header.symbol = "KH-UBND";
  ex.header.date = "2024-01-05";
  ex.header.subject = "chuyển đổi số năm 2024";
  Deadline relative;
  relative.kind = "relative";
  relative.count = 5;
  relative.unit = "working_day";
  relative.anchor = "ngày có Quyết định phê duyệt";
  relative.text = "trong 05 ngày làm việc kể từ ngày có Quyết định phê duyệt";
  Deadline event;
  event.kind = "on_event";
  event.anchor = "có hướng dẫn của Bộ Tài chính";
  event.text = "ngay sau khi có hướng dẫn của Bộ Tài chính";
  ex.tasks = {
      make_task("I.1", "Xây dựng kế hoạch chuyển đổi số",
                {{"Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"}}, {},
                {dated("within_quarter", "2024-06-30", "trong quý II/2024")}, 50),
      make_task("I.2", "Tổng hợp báo cáo đánh giá kết quả",
                {{"Sở Tài chính tỉnh Hưng Yên", "Sở Tài chính"}},
                {{"Sở TT&TT", "Sở Thông tin và Truyền thông"}}, {relative}, 90),
      make_task("II", "Tổ chức hội nghị sơ kết",
                {{"Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"}}, {},
                {by_date("2024-01-20", "trước ngày 20/01/2024"), event}, 130),
  };
  return d;
}

// Document 3: draft /UBND-NC (no number), UBND tỉnh Quảng Ngãi, 2024.
inline NewDocument draft_quang_ngai() {
  NewDocument d;
  d.source = "draft-quang-ngai.txt";
  d.path = "inbox/draft-quang-ngai.txt";
  d.sha256 = std::string(64, 'c');
  PageText p;
  p.text = "Đôn đốc thực hiện nhiệm vụ năm 2024. Sở Y tế kiểm tra an toàn thực phẩm.";
  d.text.pages.push_back(p);
  Extraction& ex = d.extraction;
  ex.rules_version = "fixture";
  ex.header.issuer = "UBND tỉnh Quảng Ngãi";
  ex.header.doc_type = "Công văn";
  ex.header.symbol = "UBND-NC";
  ex.header.date = "2024";
  ex.tasks = {
      make_task("1", "Đôn đốc thực hiện nhiệm vụ năm 2024", {{"Sở Nội vụ", "Sở Nội vụ"}}, {},
                {dated("within_year", "2024-12-31", "trong năm 2024")}, 0),
      make_task("2", "Kiểm tra an toàn thực phẩm", {{"Sở Y tế", "Sở Y tế"}}, {}, {}, 40),
  };
  return d;
}

// A database at `path` holding the three letters (ids 1, 2, 3).
inline Store fixture_store(const std::filesystem::path& path) {
  auto store = Store::open(path);
  if (!store) throw std::runtime_error(store.message());
  for (const auto& d : {letter_quang_tri(), plan_hung_yen(), draft_quang_ngai()}) {
    auto added = store->add_document(d);
    if (!added) throw std::runtime_error(added.message());
  }
  return std::move(store.value());
}

}  // namespace congvan::test
