// Cited documents inside a text (models/references.rules): number, type,
// date (shared across a list) and issuer.
#include <unordered_map>

#include "extract/match_util.h"
#include "extract/phrases.h"
#include "extract/vi_fold.h"

namespace congvan {
namespace {

struct Mention {
  size_t begin = 0;
  size_t end = 0;
  Reference ref;
  bool linked_to_previous = false;  // only a list separator before it
};

// "1085/QĐ-\nTTg" → "1085/QĐ-TTg".
std::string join_number(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!match::is_space_byte(c)) out.push_back(c);
  }
  while (!out.empty() && (out.back() == '.' || out.back() == '-')) out.pop_back();
  return out;
}

// The codes of a number: "30/2020/NĐ-CP" → {"NĐ", "CP"}; "11-CT/TU" → {"CT", "TU"}.
std::vector<std::string> codes_of(const std::string& number) {
  std::vector<std::string> out;
  std::string cur;
  bool letters = false;
  for (char c : number) {
    if (c == '/' || c == '-') {
      if (letters && !cur.empty()) out.push_back(cur);
      cur.clear();
      letters = false;
      continue;
    }
    cur.push_back(c);
    if (!(c >= '0' && c <= '9')) letters = true;
  }
  if (letters && !cur.empty()) out.push_back(cur);
  return out;
}

std::string strip_trailing_digits(std::string s) {
  while (!s.empty() && s.back() >= '0' && s.back() <= '9') s.pop_back();
  return s;
}

std::optional<std::string> iso_of(std::string_view date) {
  auto n = match::integers(date);
  if (n.size() < 3 || !is_valid_date(n[2], n[1], n[0])) return std::nullopt;
  return to_iso(Date{n[2], n[1], n[0]});
}

// Cuts an issuer phrase at the first word that starts the document's title.
std::string clean_issuer(std::string_view s) {
  static constexpr std::string_view kStops[] = {
      " về ", " ban hành", " phê duyệt", " quy định", " hướng dẫn", " V/v", " v/v", " về việc",
      " triển khai", " thực hiện", " sửa đổi", " tại ", " đã ", " giao ", " chỉ đạo", " đối với",
      " trong ", " nhằm ", " để ", " theo ", " và các ", " thì ", " là ", " có ", " được ", " cho ",
      " gửi ", " yêu cầu", " đề nghị", " nay ", " quy chế", " kế hoạch", " tăng cường",
      " thông báo", " tổ chức", " đẩy mạnh", " năm 20", " số ", " và Nghị", " và Quyết",
      " và Chỉ thị", " và Kết luận", " và Công văn", " và Thông", " và Kế hoạch", " và Luật",
      " và Văn bản", " và Chương trình", " và Hướng dẫn", " và các ", " và Đề án",
      " và Công điện", " và Báo cáo", " và Tờ trình", " và Thông báo"};
  std::string t = match::collapse(s) + " ";
  size_t cut = t.size();
  for (auto stop : kStops) {
    size_t at = t.find(stop);
    if (at != std::string::npos && at < cut) cut = at;
  }
  std::string out(match::trim(std::string_view(t).substr(0, cut), " ,"));
  if (out.empty() || out.size() > 100) return "";
  return out;
}

// "của Bộ Chính trị, Ban Bí thư": a document issued jointly names its
// issuers one after another. After an issuer that ends at `pos`, the central
// bodies the gazetteer knows that follow a comma, each ending the clause or
// followed by "về", "ngày", "và" (so "của Bộ Y tế, Sở Y tế hướng dẫn …" adds
// nothing): ", Ban Bí thư".
std::string joint_issuers(const Gazetteer& gaz, std::string_view text, size_t pos) {
  constexpr size_t kMaxName = 100;  // bytes: a central body's name is shorter
  std::string out;
  for (;;) {
    size_t at = pos;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    if (at >= text.size() || text[at] != ',') break;
    ++at;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    const std::string_view rest = text.substr(at, std::min(kMaxName, text.size() - at));
    const size_t limit = std::min(rest.size(), rest.find_first_of(".;:()\n"));
    size_t best = 0;
    for (size_t i = 1; i <= limit; ++i) {
      if (i < limit && rest[i] != ' ' && rest[i] != ',') continue;
      const std::string_view after = rest.substr(i);
      const bool ends = i == limit && (limit < rest.size() || at + limit == text.size());
      const bool boundary = ends || (i < limit && after[0] == ',') || after.rfind(" về ", 0) == 0 ||
                            after.rfind(" ngày", 0) == 0 || after.rfind(" và ", 0) == 0;
      if (!boundary) continue;
      const BodyEntry* e = gaz.find_exact(rest.substr(0, i));
      if (e && e->level == "central") best = i;
    }
    if (best == 0) break;
    out += ", ";
    out += match::collapse(rest.substr(0, best));
    pos = at + best;
  }
  return out;
}

}  // namespace

std::vector<Reference> find_references(const PhraseRules& rules, std::string_view text) {
  const ReferenceRules& R = rules.references;
  std::vector<Mention> mentions;
  const int number_group = R.number->NamedCapturingGroups().at("number");
  match::for_each(*R.number, text, [&](const match::Groups& g) {
    match::Range r = match::range_of(g, number_group, text);
    Mention m;
    m.begin = r.begin;
    m.end = r.end;
    m.ref.number = join_number(text.substr(r.begin, r.end - r.begin));
    mentions.push_back(std::move(m));
  });
  std::vector<Mention> kept;
  for (size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    const size_t back = m.begin >= 120 ? m.begin - 120 : 0;
    std::string_view before = text.substr(back, m.begin - back);
    // Re-align `before` on a UTF-8 boundary.
    while (!before.empty() && (static_cast<unsigned char>(before[0]) & 0xC0) == 0x80) {
      before.remove_prefix(1);
    }
    const re2::StringPiece before_piece(before.data(), before.size());
    if (re2::RE2::PartialMatch(before_piece, *R.not_reference)) continue;
    // Only a list separator since the previous number?
    if (!kept.empty() && kept.back().end <= m.begin) {
      std::string_view gap = text.substr(kept.back().end, m.begin - kept.back().end);
      if (re2::RE2::PartialMatch(re2::StringPiece(gap.data(), gap.size()), *R.list_link)) {
        m.linked_to_previous = true;
      }
    }
    re2::StringPiece type;
    if (re2::RE2::PartialMatch(before_piece, *R.type_before, &type) && type.data() != nullptr) {
      std::string t = match::collapse(std::string_view(type.data(), type.size()));
      auto it = R.type_names.find(fold_vi(t));
      m.ref.type = it != R.type_names.end() ? it->second : capitalize_first(t);
    } else if (m.linked_to_previous) {
      m.ref.type = kept.back().ref.type;
    }
    auto codes = codes_of(m.ref.number);
    if (m.ref.type.empty()) {
      m.ref.type = "Công văn";
      if (!codes.empty()) {
        auto it = R.code_types.find(codes.front());
        bool numbered = false;  // "QH13": a code with its term number stands alone
        if (it == R.code_types.end()) {
          it = R.code_types.find(strip_trailing_digits(codes.front()));
          numbered = it != R.code_types.end() && codes.size() == 1 &&
                     strip_trailing_digits(codes.front()).size() < codes.front().size();
        }
        if (it != R.code_types.end() && (codes.size() > 1 || numbered)) m.ref.type = it->second;
      }
    }
    // Date right after the number.
    std::string_view after = text.substr(m.end, std::min<size_t>(80, text.size() - m.end));
    const re2::StringPiece after_piece(after.data(), after.size());
    re2::StringPiece date;
    size_t issuer_from = m.end;
    if (re2::RE2::PartialMatch(after_piece, *R.date_after, &date) && date.data() != nullptr) {
      m.ref.date = iso_of(std::string_view(date.data(), date.size()));
      issuer_from = static_cast<size_t>(date.data() - text.data()) + date.size();
    }
    if (!m.ref.date &&
        re2::RE2::PartialMatch(after_piece, *R.date_after_issuer, &date) && date.data() != nullptr) {
      m.ref.date = iso_of(std::string_view(date.data(), date.size()));
    }
    // Issuer: "của …" after the date or number, else from the code.
    std::string_view tail = text.substr(issuer_from, std::min<size_t>(160, text.size() - issuer_from));
    re2::StringPiece issuer;
    if (re2::RE2::PartialMatch(re2::StringPiece(tail.data(), tail.size()), *R.issuer_after,
                               &issuer) &&
        issuer.data() != nullptr) {
      std::string who = clean_issuer(std::string_view(issuer.data(), issuer.size()));
      if (!who.empty() && who == match::trim(match::collapse(std::string_view(issuer.data(), issuer.size())), " ,")) {
        who += joint_issuers(rules.gazetteer, text,
                             static_cast<size_t>(issuer.data() - text.data()) + issuer.size());
      }
      if (!who.empty()) m.ref.issuer = who;
    }
    if (!m.ref.issuer && !codes.empty()) {
      auto it = R.code_issuers.find(codes.back());
      if (it == R.code_issuers.end()) it = R.code_issuers.find(strip_trailing_digits(codes.back()));
      if (it != R.code_issuers.end()) m.ref.issuer = it->second;
    }
    kept.push_back(std::move(m));
  }
  // A date (and issuer) after the last number of a list applies to the others.
  for (size_t i = kept.size(); i-- > 1;) {
    if (!kept[i].linked_to_previous) continue;
    Mention& prev = kept[i - 1];
    if (!prev.ref.date && kept[i].ref.date && match::date_fits_number(*kept[i].ref.date, prev.ref.number)) {
      prev.ref.date = kept[i].ref.date;
      if (!prev.ref.issuer) prev.ref.issuer = kept[i].ref.issuer;
    }
  }
  // "Ngày 09/4/2013, Chính phủ đã ban hành Nghị định số …": date before.
  for (Mention& m : kept) {
    if (m.ref.date) continue;
    size_t start = m.begin;
    while (start > 0 && std::string_view(".;\n").find(text[start - 1]) == std::string_view::npos &&
           m.begin - start < 200) {
      --start;
    }
    while (start < m.begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
    std::string_view sentence = text.substr(start, m.begin - start);
    re2::StringPiece date;
    if (re2::RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), *R.date_before,
                               &date) &&
        date.data() != nullptr) {
      m.ref.date = iso_of(std::string_view(date.data(), date.size()));
    }
  }
  std::vector<Reference> out;
  for (auto& m : kept) out.push_back(std::move(m.ref));
  return merge_references(out);
}

std::vector<Reference> merge_references(const std::vector<Reference>& references) {
  std::vector<Reference> out;
  std::unordered_map<std::string, size_t> index;
  for (const Reference& r : references) {
    std::string key = fold_vi(r.number);
    key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
    auto it = index.find(key);
    if (it == index.end()) {
      index.emplace(key, out.size());
      out.push_back(r);
      continue;
    }
    Reference& first = out[it->second];
    if (!first.date && r.date) first.date = r.date;
    if (!first.issuer && r.issuer) first.issuer = r.issuer;
  }
  return out;
}

}  // namespace congvan
