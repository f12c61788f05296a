// Parses the cleaned lines of a letter into header, recipients, item tree,
// signature and appendix tables, following Nghị định 30/2020/NĐ-CP.
#include "parse/letter_parser.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <unicode/uchar.h>

namespace congvan {
namespace {

using re2::StringPiece;

// Runs `re` on `text` (unanchored unless `anchor_start`), filling `groups`
// (group 0 is the whole match). False when it does not match.
bool search(const re2::RE2& re, std::string_view text, std::vector<StringPiece>& groups,
            bool anchor_start = false) {
  groups.assign(static_cast<size_t>(re.NumberOfCapturingGroups() + 1), StringPiece());
  StringPiece input(text.data(), text.size());
  return re.Match(input, 0, input.size(), anchor_start ? re2::RE2::ANCHOR_START : re2::RE2::UNANCHORED,
                  groups.data(), static_cast<int>(groups.size()));
}

// The first pattern under `key` that matches, with its groups.
const StructurePattern* search_key(const StructureRules& rules, const std::string& key, std::string_view text,
                                   std::vector<StringPiece>& groups, bool anchor_start = false) {
  for (const auto& p : rules.get(key)) {
    if (search(*p.re, text, groups, anchor_start)) return &p;
  }
  return nullptr;
}

size_t offset_in(std::string_view whole, StringPiece part) {
  return static_cast<size_t>(part.data() - whole.data());
}

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(' ');
  return s.substr(b, e - b + 1);
}

std::string collapse(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  return trim(out);
}

// Lower case of UTF-8 text (simple case mapping per code point).
std::string lower(std::string_view text) {
  std::u32string s = to_u32(text);
  for (auto& c : s) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return to_utf8(s);
}

// "QUẢNG TRỊ" → "Quảng Trị".
std::string title_case(std::string_view text) {
  std::u32string s = to_u32(text);
  bool word_start = true;
  for (auto& c : s) {
    if (c == ' ' || c == '-') {
      word_start = true;
      continue;
    }
    c = static_cast<char32_t>(word_start ? u_toupper(static_cast<UChar32>(c)) : u_tolower(static_cast<UChar32>(c)));
    word_start = false;
  }
  return to_utf8(s);
}

// "SỞ TÀI CHÍNH" → "Sở tài chính"; words after a dash start upper case.
std::string sentence_case(std::string_view text) {
  std::u32string s = to_u32(lower(text));
  bool upper_next = true;
  for (size_t i = 0; i < s.size(); ++i) {
    if (upper_next && u_isalpha(static_cast<UChar32>(s[i]))) {
      s[i] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(s[i])));
      upper_next = false;
    }
    if (s[i] == '-' && i + 1 < s.size() && s[i + 1] == ' ') upper_next = true;
  }
  return to_utf8(s);
}

}  // namespace

bool starts_upper(std::string_view text) {
  for (char32_t c : to_u32(text.substr(0, std::min<size_t>(text.size(), 16)))) {
    if (c == '"' || c == '(' || c == 0x201C || c == '\'' || c == ' ') continue;
    return u_isupper(static_cast<UChar32>(c)) || u_isdigit(static_cast<UChar32>(c));
  }
  return false;
}

namespace {

bool starts_lower(std::string_view text) {
  for (char32_t c : to_u32(text.substr(0, std::min<size_t>(text.size(), 8)))) {
    return u_islower(static_cast<UChar32>(c));
  }
  return false;
}

std::string two_digits(std::string_view s) {
  std::string out(s);
  if (out.size() == 1) out = "0" + out;
  return out;
}

// A line of the header cut into the pieces that stand in different boxes.
struct Piece {
  TextLine line;
  size_t line_index = 0;
};

// Personal name: 2-6 words, each starting upper case, not all capitals, no digits.
bool looks_like_name(std::string_view text) {
  const std::string t = trim(std::string(text));
  if (t.empty() || is_capitals(t)) return false;
  int words = 0;
  bool word_start = true;
  for (char32_t c : to_u32(t)) {
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (u_isdigit(static_cast<UChar32>(c)) || c == ',' || c == ';' || c == ':' || c == '(' || c == '/' ||
        c == '-' || c == '.') {
      return false;
    }
    if (word_start) {
      if (!u_isupper(static_cast<UChar32>(c))) return false;
      ++words;
    }
    word_start = false;
  }
  return words >= 2 && words <= 6;
}

class Parser {
 public:
  Parser(const StructureRules& rules, const std::vector<TextLine>& lines) : rules_(rules), lines_(lines) {}

  LetterStructure run() {
    find_zones();
    parse_header();
    parse_recipients();
    parse_body();
    parse_signature();
    parse_body_tables();
    parse_appendices();
    return std::move(out_);
  }

 private:
  const StructureRules& rules_;
  const std::vector<TextLine>& lines_;
  LetterStructure out_;
  size_t header_end_ = 0;      // first line after the header
  size_t recipients_at_ = SIZE_MAX;  // the "Kính gửi" line
  size_t body_begin_ = 0;
  size_t closing_at_ = 0;      // "Nơi nhận" or the signature
  size_t appendix_at_ = 0;     // first appendix after the signature (== size when none)
  size_t body_stop_ = 0;       // first line after the body (closing or appendix)
  size_t attached_at_ = SIZE_MAX;  // type line of a document issued with the letter, after the signature
  size_t attached_begin_ = 0;  // its body: [attached_begin_, attached_end_)
  size_t attached_end_ = 0;
  std::vector<size_t> appendix_heads_;
  std::vector<std::pair<size_t, size_t>> body_tables_;  // task tables inside the body: [header, end)

  bool is_header_marker(const TextLine& l) const {
    return rules_.matches("motto", l.text) || rules_.matches("number", l.text) ||
           rules_.matches("place_date", l.text) || rules_.prefix_length("subject_marker", l.text) ||
           rules_.matches("doc_type", trim(l.text));
  }

  bool is_label_line(std::string_view t) const {
    return rules_.prefix_length("label_arabic", t) || rules_.prefix_length("label_roman", t).value_or(0) > 1 ||
           rules_.prefix_length("label_article", t) ||
           rules_.prefix_length("label_letter", t);
  }

  void find_zones() {
    const size_t n = lines_.size();
    appendix_at_ = n;
    closing_at_ = n;
    // Kính gửi within the first part of the letter.
    for (size_t i = 0; i < n && i < 80; ++i) {
      if (rules_.prefix_length("recipients_marker", lines_[i].text)) {
        recipients_at_ = i;
        break;
      }
    }
    size_t last_marker = SIZE_MAX;
    const size_t header_scan = recipients_at_ != SIZE_MAX ? recipients_at_ : std::min<size_t>(n, 40);
    for (size_t i = 0; i < header_scan; ++i) {
      if (recipients_at_ == SIZE_MAX && last_marker != SIZE_MAX &&
          (rules_.matches("body_start", lines_[i].text) || is_label_line(lines_[i].text))) {
        break;  // the body has begun
      }
      if (is_header_marker(lines_[i])) last_marker = i;
    }
    if (recipients_at_ != SIZE_MAX) {
      header_end_ = recipients_at_;
    } else if (last_marker == SIZE_MAX) {
      header_end_ = 0;
    } else {
      size_t i = last_marker + 1;
      // The subject line right under a type name or a V/v marker.
      const std::string marker = trim(lines_[last_marker].text);
      if (i < n && lines_[i].blank_before <= 1 &&
          rules_.matches("doc_type", marker)) {
        ++i;
      }
      // A decision's authority line in capitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN
      // TỈNH …") under a trích yếu in sentence case ends the subject.
      while (i < n && lines_[i].blank_before <= 1 && !rules_.matches("body_start", lines_[i].text) &&
             !is_label_line(lines_[i].text) && lines_[i].text.size() < 200 &&
             !(i > last_marker + 1 && is_capitals(lines_[i].text) && !is_capitals(lines_[i - 1].text))) {
        ++i;
      }
      header_end_ = i;
    }
    // Recipients list, then the body.
    size_t body = header_end_;
    if (recipients_at_ != SIZE_MAX) body = recipients_end();
    // After the header may still come header pieces (place/date under Kính gửi).
    body_begin_ = body;
    // Appendix headings ("Phụ lục", "PHỤ LỤC II") anywhere after the header.
    for (size_t i = body_begin_; i < n; ++i) {
      if (is_appendix_heading(lines_[i])) appendix_heads_.push_back(i);
    }
    const size_t first_appendix = appendix_heads_.empty() ? n : appendix_heads_.front();
    // Closing: "Nơi nhận", else a signer prefix line, outside the appendices.
    for (size_t i = body_begin_; i < n; ++i) {
      if (i >= first_appendix && in_appendix(i)) continue;
      const std::string& t = lines_[i].text;
      if (rules_.prefix_length("closing_start", t)) {
        closing_at_ = i;
        break;
      }
      if (rules_.prefix_length("signer_prefix", t) && is_capitals(t) && i > body_begin_) {
        closing_at_ = i;
        break;
      }
    }
    body_stop_ = std::min(closing_at_, first_appendix);
    for (size_t a : appendix_heads_) {
      if (a > closing_at_) {
        appendix_at_ = a;
        break;
      }
    }
    find_attached();
    find_body_tables(body_begin_, body_stop_);
    if (attached_at_ != SIZE_MAX) find_body_tables(attached_begin_, attached_end_);
    if (body_stop_ < n) {
      out_.body_end = lines_[body_stop_].start();
      out_.body_end_page = lines_[body_stop_].page;
    } else if (n > 0) {
      out_.body_end = lines_.back().end();
      out_.body_end_page = lines_.back().page;
    }
  }

  // A '|' table inside the body whose header row has a number column ("STT")
  // and a task column ("Nội dung", "Nhiệm vụ") lists tasks like an appendix,
  // without a "Phụ lục" heading.
  // "KẾ HOẠCH / … / (Ban hành kèm theo Quyết định số …)" after the
  // signature: the plan a decision issues. Its items are read as the body's,
  // up to its own Nơi nhận, signature or appendix.
  void find_attached() {
    const size_t n = lines_.size();
    for (size_t i = closing_at_ + 1; i < n && i < appendix_at_ && attached_at_ == SIZE_MAX; ++i) {
      if (!rules_.matches("doc_type", trim(lines_[i].text))) continue;
      for (size_t k = i + 1; k < n && k <= i + 5; ++k) {
        if (!rules_.prefix_length("attached_marker", lines_[k].text)) continue;
        size_t b = k;
        while (b + 1 < n && b < k + 3 && lines_[b].text.find(')') == std::string::npos) ++b;
        attached_at_ = i;
        attached_begin_ = b + 1;
        break;
      }
    }
    if (attached_at_ == SIZE_MAX) return;
    attached_end_ = std::min(appendix_at_, n);
    for (size_t i = attached_begin_; i < attached_end_; ++i) {
      const std::string& t = lines_[i].text;
      if (rules_.prefix_length("closing_start", t) ||
          (rules_.prefix_length("signer_prefix", t) && is_capitals(t))) {
        attached_end_ = i;
        break;
      }
    }
    out_.attached_end = attached_end_ < n ? lines_[attached_end_].start() : lines_.back().end();
  }

  void find_body_tables(size_t begin, size_t stop) {
    for (size_t i = begin; i < stop; ++i) {
      const TextLine& l = lines_[i];
      if (!l.from_table || l.table_row < 0) continue;
      // A task table ("STT | Nội dung | …"), or a table of targets per body
      // ("Đơn vị | Chỉ tiêu năm 2026 (%)", with or without "STT"), read
      // from the "STT" cell or else from the row's first cell.
      const bool numbered = rules_.prefix_length("appendix_header", collapse(l.text)).has_value();
      if (!numbered && i > 0 && lines_[i - 1].from_table && lines_[i - 1].table_row == l.table_row) continue;
      bool has_task = false, has_body = false, has_target = false;
      size_t k = i;
      for (; k < stop && lines_[k].from_table && lines_[k].table_row == l.table_row; ++k) {
        const std::string cell = collapse(lines_[k].text);
        has_task = has_task || rules_.prefix_length("column_task", cell).has_value();
        has_body = has_body || rules_.prefix_length("column_body", cell).has_value();
        has_target = has_target || rules_.prefix_length("column_target", cell).has_value();
      }
      if (!(numbered && has_task) && !(has_body && has_target && !has_task)) {
        i = k > i ? k - 1 : i;
        continue;
      }
      while (k < stop && lines_[k].from_table && lines_[k].table_row >= 0) ++k;
      body_tables_.push_back({i, k});
      i = k - 1;
    }
  }

  bool in_body_table(size_t i) const {
    for (const auto& [b, e] : body_tables_) {
      if (i >= b && i < e) return true;
    }
    return false;
  }

  // "Phụ lục", "PHỤ LỤC II", "Phụ lục số 01" standing alone, or a capital line.
  bool is_appendix_heading(const TextLine& l) const {
    auto len = rules_.prefix_length("appendix_start", l.text);
    if (!len) return false;
    return l.text.size() - *len <= 12 || is_capitals(l.text);
  }

  // True when line i lies in an appendix table (a table row after a heading).
  bool in_appendix(size_t i) const {
    for (size_t a : appendix_heads_) {
      if (a > i) break;
      // An appendix runs until a "Nơi nhận" outside a table row.
      if (lines_[i].from_table && lines_[i].table_row >= 0 && !rules_.prefix_length("closing_start", lines_[i].text)) return true;
      if (!lines_[i].from_table && !rules_.prefix_length("closing_start", lines_[i].text) &&
          !rules_.prefix_length("signer_prefix", lines_[i].text)) return true;
    }
    return false;
  }

  // Index of the first line after the Kính gửi list.
  size_t recipients_end() const {
    size_t i = recipients_at_ + 1;
    const std::string rest = trim(lines_[recipients_at_].text.substr(
        *rules_.prefix_length("recipients_marker", lines_[recipients_at_].text)));
    bool any = !rest.empty();
    while (i < lines_.size()) {
      const TextLine& l = lines_[i];
      if (rules_.prefix_length("label_bullet", l.text) && !rules_.prefix_length("label_arabic", l.text)) {
        any = true;
        ++i;
        continue;
      }
      if (!any && l.blank_before <= 3 && !rules_.matches("body_start", l.text) && l.text.size() < 150) {
        any = true;  // "Kính gửi:" with its one recipient on the next line
        ++i;
        continue;
      }
      if (any && starts_lower(l.text) && l.blank_before <= 1) {
        ++i;  // a wrapped recipient
        continue;
      }
      break;
    }
    return i;
  }

  // --- Header -------------------------------------------------------------

  std::vector<Piece> header_pieces() const {
    std::vector<Piece> pieces;
    auto push = [&](const TextLine& l, size_t idx) {
      TextLine t = l;
      if (trim(t.text).empty()) return;
      pieces.push_back({t, idx});
    };
    for (size_t i = 0; i < header_end_; ++i) {
      std::vector<TextLine> parts{lines_[i]};
      // Split off the motto, then the number/date/subject boxes.
      for (const std::string key : {"motto", "number", "place_date"}) {
        std::vector<TextLine> next;
        for (const auto& p : parts) {
          std::vector<StringPiece> g;
          const StructurePattern* m = search_key(rules_, key, p.text, g);
          if (!m) {
            next.push_back(p);
            continue;
          }
          size_t b = offset_in(p.text, g[0]);
          size_t e = b + g[0].size();
          if (key == "place_date") {
            // The place starts after a wide gap or at the start of the piece.
            // A wide gap inside the place group ends the left column ("V/v …
            // ngân sách         Hà Nội, ngày …"): the place starts after it.
            const size_t g1 = offset_in(p.text, g[1]);
            const size_t inner = p.text.substr(g1, g[1].size()).rfind("  ");
            if (inner != std::string::npos) {
              b = g1 + inner;
            } else {
              const size_t gap = p.text.rfind("  ", g1);
              size_t place_begin = gap == std::string::npos ? 0 : gap;
              if (place_begin < b) b = place_begin;
              if (gap == std::string::npos) b = 0;
            }
          }
          next.push_back(slice_line(p, 0, b));
          next.push_back(slice_line(p, b, e));
          next.push_back(slice_line(p, e, p.text.size()));
          if (key == "motto") next[next.size() - 2].text = "\x01motto";
        }
        parts = std::move(next);
      }
      // A subject marker inside a piece ("Số: 3354/VPCP-KGVX V/v …").
      std::vector<TextLine> next;
      for (const auto& p : parts) {
        size_t at = std::string::npos;
        for (const char* marker : {" V/v", " V/V", " v/v"}) {
          size_t f = p.text.find(marker);
          if (f != std::string::npos && f < at) at = f;
        }
        if (at != std::string::npos) {
          next.push_back(slice_line(p, 0, at));
          next.push_back(slice_line(p, at, p.text.size()));
        } else {
          next.push_back(p);
        }
      }
      for (const auto& p : next) push(p, i);
    }
    return pieces;
  }

  void parse_header() {
    LetterHeader& h = out_.header;
    std::vector<Piece> pieces = header_pieces();
    std::vector<std::string> issuer_lines;
    bool seen_number = false, subject_open = false, seen_subject = false, after_type = false;
    size_t subject_line = SIZE_MAX;
    std::optional<TextLine> subject;
    for (auto& piece : pieces) {
      TextLine& l = piece.line;
      const std::string t = collapse(l.text);
      if (t.empty()) continue;
      std::vector<StringPiece> g;
      if (t == "\x01motto") {
        subject_open = false;
        continue;
      }
      if (search_key(rules_, "number", t, g) && !seen_number) {
        seen_number = true;
        subject_open = false;
        if (!g[1].empty()) h.number = std::string(g[1]);
        std::string symbol(g[2]);
        while (!symbol.empty() && (symbol.back() == '.' || symbol.back() == ',')) symbol.pop_back();
        if (!symbol.empty()) h.symbol = symbol;
        continue;
      }
      if (search_key(rules_, "place_date", t, g)) {
        // The right column of the subject's own line does not end the
        // subject: it may wrap onto the next line.
        if (piece.line_index != subject_line) subject_open = false;
        std::string place = trim(std::string(g[1]));
        if (!place.empty() && !h.place) h.place = place;
        if (!h.date) {
          std::string date(g[4]);
          if (!g[3].empty()) {
            date += "-" + two_digits(std::string(g[3]));
            if (!g[2].empty()) date += "-" + two_digits(std::string(g[2]));
          }
          h.date = date;
        }
        continue;
      }
      if (rules_.matches("urgency_mark", t)) {
        // "HỎA TỐC", "KHẨN": a stamp of its own, which ends the subject.
        subject_open = false;
        continue;
      }
      if (const auto* type = rules_.find("doc_type", t)) {
        if (!h.doc_type) h.doc_type = type->value;
        after_type = true;
        subject_open = false;
        continue;
      }
      if (auto len = rules_.prefix_length("subject_marker", t); len && !seen_subject) {
        const bool vv = t.size() > 2 && t[1] == '/' && (t[0] == 'V' || t[0] == 'v');
        if (vv) h.doc_type = "Công văn";
        seen_subject = true;
        subject_open = true;
        subject_line = piece.line_index;
        TextLine rest = slice_line(l, l.text.find_first_not_of(' ') + *rules_.prefix_length("subject_marker", trim(l.text)), l.text.size());
        subject = rest;
        continue;
      }
      if (after_type && !seen_subject) {
        // The trích yếu under a type name, without "Về việc".
        seen_subject = true;
        subject_open = true;
        subject_line = piece.line_index;
        subject = l;
        continue;
      }
      if (subject_open && subject) {
        // A wrapped subject goes on in lower case; after a blank line a
        // capitalised line starts the body ("Ngày 01/4/2025, Bộ trưởng …").
        const std::string lt = trim(l.text);
        const bool body_after_blank = l.blank_before >= 1 && !lt.empty() && !starts_lower(lt) &&
                                      lt.size() > 120;
        if (piece.line_index != subject_line && (l.blank_before >= 2 || body_after_blank)) {
          subject_open = false;
        } else {
          append_line(*subject, l);
          subject_line = piece.line_index;
          continue;
        }
      }
      if (!seen_number && !seen_subject && is_capitals(t)) issuer_lines.push_back(t);
    }
    if (subject) {
      collapse_spaces(*subject);
      std::string s = trim(subject->text);
      if (!s.empty()) h.subject = s;
      out_.header_texts.push_back(*subject);
    }
    if (!h.doc_type && h.symbol) {
      if (const auto* st = rules_.find("symbol_type", *h.symbol)) h.doc_type = st->value;
    }
    h.issuer = issuer_name(issuer_lines);
  }

  // The issuing body from the header's capital lines: the last body named
  // (the superior body stands on the line above it).
  std::optional<std::string> issuer_name(const std::vector<std::string>& lines) const {
    std::vector<std::string> bodies;
    for (const auto& l : lines) {
      if (bodies.empty() || rules_.prefix_length("issuer_body_start", l)) {
        bodies.push_back(l);
      } else {
        bodies.back() += " " + l;
      }
    }
    if (bodies.empty()) return std::nullopt;
    std::string body = collapse(bodies.back());
    std::vector<StringPiece> g;
    for (const char* key : {"issuer_ubnd", "issuer_ubnd_short"}) {
      if (search_key(rules_, key, body, g, true)) {
        return "UBND " + lower(collapse(std::string(g[1]))) + " " + title_case(collapse(std::string(g[2])));
      }
    }
    if (search_key(rules_, "issuer_hdnd", body, g, true)) {
      return "HĐND " + lower(collapse(std::string(g[1]))) + " " + title_case(collapse(std::string(g[2])));
    }
    return sentence_case(body);
  }

  // --- Recipients ---------------------------------------------------------

  void parse_recipients() {
    if (recipients_at_ == SIZE_MAX) return;
    const TextLine& first = lines_[recipients_at_];
    std::vector<std::string> entries;
    std::string rest = trim(first.text.substr(*rules_.prefix_length("recipients_marker", first.text)));
    if (!rest.empty()) {
      // "Kính gửi: Cục A, Cục B, Sở C các tỉnh, thành phố." lists bodies on one line.
      for (auto& part : split_named_bodies(rest)) entries.push_back(std::move(part));
    }
    for (size_t i = recipients_at_ + 1; i < body_begin_; ++i) {
      const std::string t = collapse(lines_[i].text);
      if (rules_.prefix_length("label_bullet", t) || entries.empty()) {
        entries.push_back(t);
      } else {
        entries.back() += " " + t;
      }
    }
    for (auto& e : entries) {
      // "A; B" on one line after "Kính gửi:" are separate recipients.
      size_t from = 0;
      while (from <= e.size()) {
        size_t semi = e.find(';', from);
        std::string part = trim_punctuation(e.substr(from, semi == std::string::npos ? std::string::npos : semi - from));
        if (!part.empty()) out_.header.recipients.push_back(part);
        if (semi == std::string::npos) break;
        from = semi + 1;
      }
    }
  }

  // Cuts "Cục A, Cục B, Sở C các tỉnh, thành phố" at the commas that start
  // another body's name; both sides must be names of three words or more, so
  // "Các Sở, Ban, ngành" and "UBND các huyện, thành phố" stay whole.
  std::vector<std::string> split_named_bodies(const std::string& text) const {
    auto words = [](const std::string& t) {
      size_t n = 0;
      bool in = false;
      for (char c : t) {
        if (c == ' ') {
          in = false;
        } else if (!in) {
          in = true;
          ++n;
        }
      }
      return n;
    };
    std::vector<std::string> out;
    std::string cur;
    size_t from = 0;
    while (from <= text.size()) {
      const size_t comma = text.find(',', from);
      const std::string part = trim(text.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
      const bool starts_body = starts_upper(part) && rules_.prefix_length("body_word", part).has_value();
      if (!cur.empty() && starts_body && words(cur) >= 3 && words(part) >= 3 && text.find(';') == std::string::npos) {
        out.push_back(cur);
        cur = part;
      } else {
        cur = cur.empty() ? part : cur + ", " + part;
      }
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
  }

  // --- Body ---------------------------------------------------------------

  // Label of a body line: kind, label text and its length in bytes.
  struct Label {
    BlockKind kind = BlockKind::kParagraph;
    std::string label;
    size_t length = 0;
  };

  // "100% …", "95 % …": a share at the start of a text.
  static bool starts_share(std::string_view t) {
    size_t i = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i == 0 || i > 3) return false;
    while (i < t.size() && t[i] == ' ') ++i;
    return i < t.size() && t[i] == '%';
  }

  Label label_of(const std::string& t, bool may_be_bullet) const {
    std::vector<StringPiece> g;
    Label lab;
    // "Điều 3." of a decision: a top-level part, its clauses "1." under it.
    if (search_key(rules_, "label_article", t, g, true)) {
      return {BlockKind::kRoman, std::string(g[1]), g[0].size()};
    }
    if (search_key(rules_, "label_roman", t, g, true) && !g[1].empty()) {
      return {BlockKind::kRoman, std::string(g[1]), g[0].size()};
    }
    for (const char* key : {"label_arabic", "label_arabic_multi"}) {
      if (search_key(rules_, key, t, g, true)) {
        // A number that starts a date or an amount is not a label; a share
        // is ("1. 100% hồ sơ công việc …", a plan's goal).
        const size_t after = g[0].size();
        if (after < t.size() && (u_isdigit(static_cast<UChar32>(static_cast<unsigned char>(t[after])))) &&
            !(after > 0 && t[after - 1] == ' ' && starts_share(t.substr(after)))) {
          continue;
        }
        return {BlockKind::kArabic, std::string(g[1]), g[0].size()};
      }
    }
    if (may_be_bullet) {
      for (const char* key : {"label_letter", "label_letter_dot"}) {
        if (search_key(rules_, key, t, g, true)) return {BlockKind::kLetter, std::string(g[1]), g[0].size()};
      }
      if (search_key(rules_, "label_bullet", t, g, true)) {
        return {BlockKind::kBullet, std::string(g[1]), g[0].size()};
      }
    }
    return lab;
  }

  void parse_body() {
    std::vector<Block>& blocks = out_.blocks;
    const size_t end = std::min(body_stop_, lines_.size());
    int block_lines = 0;  // lines in the last block
    for (size_t i = body_begin_; i < end || (attached_at_ != SIZE_MAX && i < attached_end_); ++i) {
      if (i == end && attached_at_ != SIZE_MAX) i = attached_begin_;  // the attached document's body
      if (i >= lines_.size()) break;
      if (in_body_table(i)) {
        if (!blocks.empty()) blocks.back().table_after = true;
        continue;
      }
      TextLine line = lines_[i];
      collapse_spaces(line);
      if (line.text.empty()) continue;
      // "1. Công an tỉnh" alone on its line names the subject of what follows
      // ("a) Chủ trì …", "Hướng dẫn …"): the next line starts a new block.
      if (!blocks.empty() && block_lines == 1 &&
          (is_section_title(blocks.back()) || (is_subject_heading(blocks.back()) && opens_item(line.text)) ||
           (is_short_item(blocks.back()) && starts_list(line.text)))) {
        blocks.back().heading = true;
      }
      const bool prev_closed = blocks.empty() || ends_sentence(blocks.back().text.text) || blocks.back().heading;
      const bool may_be_bullet = prev_closed || line.blank_before > 0 || line.indent > 0;
      Label lab = label_of(line.text, may_be_bullet);
      if (lab.kind == BlockKind::kArabic && !prev_closed && line.blank_before == 0 && !blocks.empty() &&
          blocks.back().kind != BlockKind::kParagraph && false) {
        lab = Label{};
      }
      if (lab.kind != BlockKind::kParagraph) {
        Block b;
        b.kind = lab.kind;
        b.label = lab.label;
        b.text = slice_line(line, lab.length, line.text.size());
        b.start = line.start();
        b.page = line.page;
        b.heading = line.bold;
        blocks.push_back(std::move(b));
        block_lines = 1;
        continue;
      }
      const bool new_paragraph = blocks.empty() || (prev_closed && starts_upper(line.text) &&
                                                    !(blocks.back().heading && blocks.back().text.text.empty()));
      if (new_paragraph || (line.bold && !blocks.empty() && !blocks.back().heading)) {
        Block b;
        b.kind = BlockKind::kParagraph;
        b.text = line;
        b.start = line.start();
        b.page = line.page;
        b.heading = line.bold;
        blocks.push_back(std::move(b));
        block_lines = 1;
      } else {
        ++block_lines;
        append_line(blocks.back().text, line);
        if (!line.bold) blocks.back().heading = blocks.back().heading && line.bold;
      }
    }
    for (auto& b : blocks) {
      collapse_spaces(b.text);
      b.section = is_section_title(b);
      if (b.kind == BlockKind::kArabic || b.kind == BlockKind::kRoman) {
        // A short item line without a full stop only names its subject.
        const std::string& t = b.text.text;
        if (!b.heading && t.size() < 120 && !t.empty() && t.back() != '.' && t.back() != ';') b.heading = true;
      }
    }
    build_tree();
  }

  // A numbered item whose text is only a body's name or a capital title,
  // without a final stop: "1. Công an tỉnh", "2. Sở Xây dựng", "II. NỘI DUNG".
  bool is_subject_heading(const Block& b) const {
    if (b.kind != BlockKind::kArabic && b.kind != BlockKind::kRoman) return false;
    const std::string& t = b.text.text;
    if (t.empty() || t.size() > 100 || ends_sentence(t) || t.back() == ',') return false;
    if (is_section_title(b)) return true;
    std::string_view name = t;
    if (auto role = rules_.prefix_length("heading_role", t)) name.remove_prefix(*role);
    return starts_upper(name) && rules_.prefix_length("body_word", name) && !rules_.prefix_length("directive_verb", name);
  }

  // "II. NỘI DUNG", "III. Tổ chức thực hiện", "1. MỤC ĐÍCH": a numbered line
  // that titles a section of the letter and names no body.
  bool is_section_title(const Block& b) const {
    if (b.kind != BlockKind::kArabic && b.kind != BlockKind::kRoman) return false;
    if (is_article(b)) return false;  // "Điều 2. Nhiệm vụ của Tổ công tác" is an item
    const std::string t = trim_punctuation(b.text.text);
    if (t.empty() || t.size() > 160) return false;
    if (b.kind == BlockKind::kRoman && rules_.matches("section_title", t)) return true;
    return is_capitals(t) && !rules_.prefix_length("body_word", t);
  }

  // "Điều 3." of a decision (label_article): a top-level item with a number.
  static bool is_article(const Block& b) {
    return b.kind == BlockKind::kRoman && !b.label.empty() && std::isdigit(static_cast<unsigned char>(b.label[0]));
  }

  // A numbered item on one short line without a final stop ("1. Thành phần").
  static bool is_short_item(const Block& b) {
    if (b.kind != BlockKind::kArabic && b.kind != BlockKind::kRoman) return false;
    const std::string& t = b.text.text;
    return !t.empty() && t.size() <= 100 && !ends_sentence(t) && t.back() != ',';
  }

  // A line that opens a list under the line above ("- Đồng chí …", "a) …"),
  // indented or not (OCR and layout text lose the indentation).
  bool starts_list(const std::string& t) const {
    const BlockKind k = label_of(t, true).kind;
    return k == BlockKind::kLetter || k == BlockKind::kBullet;
  }

  // A line that starts an item's content: a letter or bullet label, or a verb.
  bool opens_item(const std::string& t) const {
    const BlockKind k = label_of(t, true).kind;
    return k == BlockKind::kLetter || k == BlockKind::kBullet || rules_.prefix_length("directive_verb", t).has_value();
  }

  void build_tree() {
    std::vector<Block>& blocks = out_.blocks;
    std::vector<int> stack;  // open labelled blocks
    auto depth_of = [&](const Block& b) {
      switch (b.kind) {
        case BlockKind::kRoman: return 0;
        case BlockKind::kArabic: return 1 + static_cast<int>(std::count(b.label.begin(), b.label.end(), '.'));
        case BlockKind::kLetter: return 10;
        case BlockKind::kBullet: return b.label == "+" ? 21 : 20;
        case BlockKind::kParagraph: return 30;
      }
      return 30;
    };
    int first_label = -1, last_label = -1;
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].kind != BlockKind::kParagraph && blocks[i].kind != BlockKind::kBullet) {
        if (first_label < 0) first_label = static_cast<int>(i);
        last_label = static_cast<int>(i);
      }
    }
    bool in_closing = false;
    for (size_t i = 0; i < blocks.size(); ++i) {
      Block& b = blocks[i];
      if (b.kind == BlockKind::kParagraph) {
        if (first_label < 0 || static_cast<int>(i) < first_label) {
          b.before_items = true;
          continue;
        }
        if (static_cast<int>(i) > last_label &&
            (in_closing || rules_.prefix_length("closing_cue", b.text.text) ||
             rules_.matches("closing_notice", b.text.text))) {
          in_closing = true;
          b.closing = true;
          b.parent = -1;
          continue;
        }
        // Attach to the nearest numbered item: lettered items are its peers.
        int parent = -1;
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
          const Block& s = blocks[static_cast<size_t>(*it)];
          if (s.kind == BlockKind::kLetter || s.kind == BlockKind::kBullet) continue;
          parent = *it;
          break;
        }
        // After a top-level item without lettered children, a paragraph that
        // hands work to someone else stands at top level.
        bool has_letters = false;
        if (parent >= 0) {
          for (size_t k = static_cast<size_t>(parent) + 1; k < i; ++k) {
            if (blocks[k].kind == BlockKind::kLetter && blocks[k].parent == parent) has_letters = true;
          }
        }
        // Under a section title ("III. TỔ CHỨC THỰC HIỆN") a paragraph stays in its section.
        // … and so does a paragraph of a decision's article ("Điều 3. … \n
        // Chánh Văn phòng …, Giám đốc các Sở … chịu trách nhiệm thi hành …").
        const bool in_section = parent >= 0 && (blocks[static_cast<size_t>(parent)].section ||
                                                is_article(blocks[static_cast<size_t>(parent)]));
        b.parent = has_letters || in_section ? parent : (parent >= 0 ? blocks[static_cast<size_t>(parent)].parent : -1);
        // Remember the item it continues, for the extractor (via closing=false).
        continue;
      }
      const int d = depth_of(b);
      while (!stack.empty() && depth_of(blocks[static_cast<size_t>(stack.back())]) >= d) stack.pop_back();
      b.parent = stack.empty() ? -1 : stack.back();
      if (b.kind != BlockKind::kBullet) {
        const std::string parent_path = b.parent >= 0 ? blocks[static_cast<size_t>(b.parent)].path : "";
        if (b.kind == BlockKind::kArabic) {
          // "1.1" is already a full path below its "1"; keep a roman prefix.
          std::string prefix;
          for (int p = b.parent; p >= 0; p = blocks[static_cast<size_t>(p)].parent) {
            if (blocks[static_cast<size_t>(p)].kind == BlockKind::kRoman) prefix = blocks[static_cast<size_t>(p)].path + ".";
          }
          b.path = prefix + b.label;
        } else {
          b.path = parent_path.empty() ? b.label : parent_path + "." + b.label;
        }
      }
      stack.push_back(static_cast<int>(i));
    }
  }

  // --- Signature ----------------------------------------------------------

  void parse_signature() {
    const size_t end = std::min(std::min(appendix_at_, attached_at_), lines_.size());
    std::vector<std::string> candidates;
    for (size_t i = closing_at_; i < end; ++i) {
      const std::string& raw = lines_[i].text;
      // Two columns: Nơi nhận on the left, the signature on the right.
      std::vector<std::string> parts;
      size_t gap = raw.find("   ");
      if (gap != std::string::npos) {
        parts.push_back(trim(raw.substr(0, gap)));
        parts.push_back(trim(raw.substr(gap)));
      } else {
        parts.push_back(trim(raw));
      }
      for (std::string part : parts) {
        if (part.empty()) continue;
        // "Nơi nhận: TM. ỦY BAN NHÂN DÂN": a prefix inside the piece.
        for (const char* p : {" TM. ", " KT. ", " TL. ", " TUQ. ", " Q. "}) {
          size_t at = part.find(p);
          if (at != std::string::npos && !is_capitals(part.substr(0, at))) {
            candidates.push_back(trim(part.substr(at)));
            part = part.substr(0, at);
            break;
          }
        }
        if (rules_.prefix_length("closing_start", part) || rules_.prefix_length("recipients_list_item", part)) {
          // "- Thủ tướng Chính phủ; CHỦ TỊCH": the signature's column after the entry.
          const size_t semi = part.find_last_of(";");
          if (rules_.prefix_length("recipients_list_item", part)) {
            const std::string entry = trim_punctuation(semi == std::string::npos ? part : part.substr(0, semi));
            if (!entry.empty()) out_.copies_to.push_back(entry);
          }
          if (semi != std::string::npos) {
            const std::string tail = trim(part.substr(semi + 1));
            if (!tail.empty() && is_capitals(tail) && to_u32(tail).size() > 3) candidates.push_back(collapse(tail));
          }
          continue;
        }
        candidates.push_back(collapse(part));
      }
    }
    Signer& s = out_.header.signer;
    std::vector<std::string> authorities;
    for (const auto& c : candidates) {
      if (c.empty()) continue;
      std::string caps = c, name;
      if (!is_capitals(c)) {
        // "KT. BỘ TRƯỞNG THỨ TRƯỞNG Bùi Hồng Lĩnh": capitals then the name.
        size_t cut = split_trailing_name(c);
        if (cut == 0) {
          if (looks_like_name(c)) s.name = c;
          continue;
        }
        caps = trim(c.substr(0, cut));
        name = trim(c.substr(cut));
        if (!is_capitals(caps)) continue;
      }
      split_authority(caps, authorities, s);
      if (!name.empty() && looks_like_name(name)) s.name = name;
    }
    // A title OCR has garbled ("PHÓ › HÁN)I VĂN PHÒNG") is no title.
    if (s.title && !plain_words(*s.title)) s.title.reset();
    if (!s.title && !authorities.empty()) deputy_title(authorities.back(), s);
  }

  // Only letters, spaces, commas and dashes.
  static bool plain_words(const std::string& text) {
    for (char32_t c : to_u32(text)) {
      if (c == ' ' || c == ',' || c == '-' || u_isalpha(static_cast<UChar32>(c))) continue;
      return false;
    }
    return true;
  }

  // "KT. CHÁNH VĂN PHÒNG" with no readable title under it (a stamp over the
  // line in a scan): the one who signs for the head is the deputy,
  // "PHÓ CHÁNH VĂN PHÒNG" (models/structure.rules: deputy_title).
  void deputy_title(const std::string& authority, Signer& s) const {
    for (const auto& p : rules_.get("deputy_title")) {
      StringPiece g[2];
      StringPiece input(authority);
      const int n = std::min(2, 1 + p.re->NumberOfCapturingGroups());
      if (!p.re->Match(input, 0, input.size(), re2::RE2::ANCHOR_BOTH, g, n)) continue;
      std::string title = p.value;
      const size_t at = title.find("\\1");
      if (at != std::string::npos) title.replace(at, 2, std::string(g[1]));
      s.title = title;
      s.authority = authority;
      return;
    }
  }

  // Byte offset where a trailing personal name starts in a line of capitals
  // followed by the name; 0 when there is none.
  size_t split_trailing_name(const std::string& c) const {
    std::vector<size_t> word_starts;
    for (size_t i = 0; i < c.size(); ++i) {
      if (c[i] != ' ' && (i == 0 || c[i - 1] == ' ')) word_starts.push_back(i);
    }
    size_t cut = c.size();
    for (auto it = word_starts.rbegin(); it != word_starts.rend(); ++it) {
      size_t e = c.find(' ', *it);
      std::string w = c.substr(*it, e == std::string::npos ? std::string::npos : e - *it);
      if (is_capitals(w) && to_u32(w).size() > 1) break;
      cut = *it;
    }
    return cut == c.size() ? 0 : cut;
  }

  // Reads one capital line of the signature: authority (with prefix) and/or title.
  void split_authority(std::string caps, std::vector<std::string>& authorities, Signer& s) const {
    while (!caps.empty()) {
      auto len = rules_.prefix_length("signer_prefix", caps);
      if (!len) {
        // A title line (continues the title when one is already open).
        if (s.title && !authorities.empty() && s.authority && *s.authority == authorities.back()) {
          *s.title += " " + caps;
        } else {
          s.title = caps;
          if (!authorities.empty()) s.authority = authorities.back();
        }
        return;
      }
      std::string rest = caps.substr(*len);
      // A second prefix on the same line ("TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG").
      size_t next = std::string::npos;
      for (const char* p : {" TM. ", " KT. ", " TL. ", " TUQ. ", " Q. "}) {
        size_t at = caps.find(p, *len);
        if (at != std::string::npos && at < next) next = at;
      }
      std::string authority = caps.substr(0, next == std::string::npos ? caps.size() : next);
      std::string after = next == std::string::npos ? "" : trim(caps.substr(next));
      if (next == std::string::npos) {
        // "KT. BỘ TRƯỞNG THỨ TRƯỞNG": the head title, then the signer's own.
        std::vector<StringPiece> g;
        if (search_key(rules_, "head_title", rest, g, true)) {
          const size_t head_len = g[1].size();
          std::string tail = trim(rest.substr(head_len));
          if (!tail.empty()) {
            authority = trim(caps.substr(0, *len + head_len));
            after = tail;
          }
        }
      }
      authorities.push_back(collapse(authority));
      caps = after;
    }
  }

  // --- Appendix -----------------------------------------------------------

  void parse_body_tables() {
    for (const auto& [header, end] : body_tables_) {
      Appendix app;
      parse_table_appendix(app, header, end);
      out_.appendices.push_back(std::move(app));
    }
  }

  void parse_appendices() {
    for (size_t k = 0; k < appendix_heads_.size(); ++k) {
      const size_t begin = appendix_heads_[k];
      size_t end = k + 1 < appendix_heads_.size() ? appendix_heads_[k + 1] : lines_.size();
      if (closing_at_ > begin && closing_at_ < end) end = closing_at_;
      parse_appendix(begin, end);
    }
  }

  bool is_body_line(const std::string& t) const { return rules_.prefix_length("body_word", t).has_value(); }

  void parse_appendix(size_t begin, size_t end) {
    Appendix app;
    size_t header = end;
    for (size_t k = begin; k < end; ++k) {
      if (rules_.prefix_length("appendix_header", lines_[k].text)) {
        header = k;
        break;
      }
      app.texts.push_back(lines_[k]);
    }
    if (header == end) {
      out_.appendices.push_back(std::move(app));
      return;
    }
    if (lines_[header].from_table) {
      parse_table_appendix(app, header, end);
    } else {
      parse_flat_appendix(app, header, end);
    }
    out_.appendices.push_back(std::move(app));
  }

  // A row number at the start of a flattened row: "3 Tỷ lệ …".
  std::optional<std::pair<int, size_t>> row_start(const std::string& t, int expected) const {
    size_t k = 0;
    int n = 0;
    while (k < t.size() && k < 3 && t[k] >= '0' && t[k] <= '9') n = n * 10 + (t[k++] - '0');
    if (k == 0 || n != expected) return std::nullopt;
    if (k < t.size() && t[k] == '.') ++k;
    if (k < t.size() && t[k] != ' ') return std::nullopt;
    while (k < t.size() && t[k] == ' ') ++k;
    if (k >= t.size() || !starts_upper(t.substr(k))) return std::nullopt;
    return std::make_pair(n, k);
  }

  void parse_flat_appendix(Appendix& app, size_t header, size_t end) {
    size_t k = header;
    std::string columns;
    while (k < end && !row_start(collapse(lines_[k].text), 1)) columns += " " + collapse(lines_[k++].text);
    app.columns_text = collapse(columns);
    int expected = 1;
    while (k < end) {
      auto rs = row_start(collapse(lines_[k].text), expected);
      if (!rs) {
        ++k;
        continue;
      }
      size_t row_end = k + 1;
      while (row_end < end && !row_start(collapse(lines_[row_end].text), expected + 1)) ++row_end;
      parse_flat_row(app, k, row_end, rs->first, rs->second);
      ++expected;
      k = row_end;
    }
  }

  // Cells of a flattened row: the task, then bodies (lead, support), then
  // the unit and target line.
  void parse_flat_row(Appendix& app, size_t begin, size_t end, int number, size_t label_len) {
    AppendixRow row;
    row.number = number;
    row.start = lines_[begin].start();
    row.page = lines_[begin].page;
    row.end = end < lines_.size() ? lines_[end].start() : lines_.back().end();
    std::vector<TextLine> cells;
    bool task_done = false, in_basis = false;
    for (size_t k = begin; k < end; ++k) {
      TextLine l = lines_[k];
      collapse_spaces(l);
      if (k == begin) l = slice_line(l, label_len, l.text.size());
      if (in_basis) {
        append_line(row.other_cells.back(), l);
        continue;
      }
      std::vector<StringPiece> g;
      if (search_key(rules_, "appendix_unit_value", l.text, g, true)) {
        const std::string before = trim(std::string(g[1]));
        if (!before.empty()) {
          TextLine piece = slice_line(l, 0, before.size());
          const bool joins = !cells.empty() && task_done && !is_body_line(before) &&
                             !ends_sentence(cells.back().text);
          if (joins) {
            append_line(cells.back(), piece);
          } else {
            cells.push_back(piece);
          }
        }
        row.unit = collapse(std::string(g[2]));
        row.target = trim(std::string(g[3]) + std::string(g[4]));
        if (!g[5].empty()) {
          row.other_cells.push_back(slice_line(l, offset_in(l.text, g[5]), l.text.size()));
          in_basis = true;
        }
        continue;
      }
      if (cells.empty()) {
        cells.push_back(l);
        continue;
      }
      const std::string& prev = cells.back().text;
      const bool prev_open = !prev.empty() && (prev.back() == ',' || prev.back() == ';' ||
                                               rules_.matches("continues_line", prev));
      if (is_body_line(l.text) && starts_upper(l.text) && !prev_open) {
        task_done = true;
        cells.push_back(l);
      } else {
        append_line(cells.back(), l);
      }
    }
    if (cells.empty()) return;
    row.task = cells[0];
    if (cells.size() > 1) row.lead = collapse(cells[1].text);
    if (cells.size() > 2) row.support = collapse(cells[2].text);
    app.rows.push_back(std::move(row));
  }

  void parse_table_appendix(Appendix& app, size_t header, size_t end) {
    // Column roles from the header row's cells.
    std::map<int, std::string> role;
    std::map<int, TextLine> header_cells;
    const int header_row = lines_[header].table_row;
    const bool numbered = rules_.prefix_length("appendix_header", collapse(lines_[header].text)).has_value();
    size_t k = header;
    std::string columns;
    for (; k < end && lines_[k].table_row == header_row; ++k) {
      const std::string t = collapse(lines_[k].text);
      columns += " " + t;
      header_cells[lines_[k].table_cell] = lines_[k];
      for (const char* key : {"column_task", "column_lead", "column_support", "column_time", "column_unit", "column_target",
                              "column_body"}) {
        if (rules_.prefix_length(key, t) && !role.count(lines_[k].table_cell)) {
          bool used = false;
          for (const auto& [c, r] : role) used = used || r == key;
          if (!used) role[lines_[k].table_cell] = key;
        }
      }
    }
    app.columns_text = collapse(columns);
    while (k < end) {
      const int row_id = lines_[k].table_row;
      if (row_id < 0) {
        ++k;
        continue;
      }
      AppendixRow row;
      row.start = lines_[k].start();
      row.page = lines_[k].page;
      std::map<int, TextLine> cells;
      for (; k < end && lines_[k].table_row == row_id; ++k) {
        TextLine l = lines_[k];
        collapse_spaces(l);
        auto it = cells.find(l.table_cell);
        if (it == cells.end()) {
          cells[l.table_cell] = l;
        } else {
          append_line(it->second, l);
        }
      }
      row.end = k < lines_.size() ? lines_[k].start() : lines_.back().end();
      auto first = cells.find(0);
      if (first == cells.end()) continue;
      int number = 0;
      if (!numbered) {
        // A table without "STT": rows in order, a row without a body is none.
        number = static_cast<int>(app.rows.size()) + 1;
      } else if (std::sscanf(first->second.text.c_str(), "%d", &number) != 1) {
        continue;
      }
      row.number = number;
      bool has_body = false;
      for (auto& [c, l] : cells) {
        auto r = role.find(c);
        const std::string key = r == role.end() ? "" : r->second;
        if (key == "column_task") row.task = l;
        else if (key == "column_body" && row.lead.empty()) {
          // "Đơn vị | Chỉ tiêu năm 2026 (%)": the row's target is that body's
          // task, named by the target column's heading, "(%)" its unit.
          row.lead = l.text;
          has_body = !l.text.empty() && !rules_.prefix_length("column_body_total", collapse(l.text));
          for (const auto& [hc, hr] : role) {
            if (hr != "column_target") continue;
            row.task = header_cells[hc];
            std::vector<StringPiece> g;
            if (search_key(rules_, "column_target_unit", row.task.text, g, false) && g.size() > 1) {
              row.unit = collapse(std::string(g[1]));
            }
          }
        }
        else if (key == "column_lead") row.lead = l.text;
        else if (key == "column_support") row.support = l.text;
        else if (key == "column_time") row.time = l.text;
        else if (key == "column_unit") row.unit = l.text;
        else if (key == "column_target") row.target = l.text;
        else if (c != 0) row.other_cells.push_back(l);
      }
      if (std::any_of(role.begin(), role.end(), [](const auto& r) { return r.second == "column_body"; }) &&
          !has_body) {
        continue;  // a total row ("Toàn tỉnh", "Tổng cộng") or an empty one
      }
      app.rows.push_back(std::move(row));
    }
  }
};

}  // namespace

bool is_capitals(std::string_view text) {
  int upper = 0, lower_count = 0;
  for (char32_t c : to_u32(text)) {
    if (u_isupper(static_cast<UChar32>(c))) ++upper;
    if (u_islower(static_cast<UChar32>(c))) ++lower_count;
  }
  return upper >= 2 && lower_count * 10 <= upper;
}

bool ends_sentence(std::string_view text) {
  size_t e = text.find_last_not_of(' ');
  if (e == std::string_view::npos) return false;
  const char c = text[e];
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

std::string trim_punctuation(std::string text) {
  text = collapse(text);
  while (!text.empty()) {
    const std::u32string u = to_u32(text.substr(0, 4));
    if (!u.empty() && (u[0] == '-' || u[0] == 0x2013 || u[0] == '+' || u[0] == 0x2022 || u[0] == ' ')) {
      text = trim(text.substr(to_utf8(std::u32string(1, u[0])).size()));
      continue;
    }
    break;
  }
  while (!text.empty() && (text.back() == ';' || text.back() == '.' || text.back() == ',' || text.back() == ':' ||
                           text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

LetterStructure parse_letter(const StructureRules& rules, const std::vector<TextLine>& lines) {
  return Parser(rules, lines).run();
}

}  // namespace congvan
