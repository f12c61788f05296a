// Who leads and who supports an item's work (models/assignees.rules), with
// each body's canonical name from the gazetteer.
#include "extract/match_util.h"
#include "extract/phrases.h"
#include "extract/vi_fold.h"

namespace congvan {
namespace {

constexpr size_t kMaxPhrase = 240;  // bytes: longer is not one body list
constexpr int kMaxNameWords = 14;  // words a listed body name may have
constexpr std::string_view kAnd = " và ";
constexpr std::string_view kWith = " với ";

bool anchored(const re2::RE2& re, std::string_view s, size_t* length = nullptr) {
  re2::StringPiece m;
  if (!re.Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), re2::RE2::ANCHOR_START, &m,
                1)) {
    return false;
  }
  if (length) *length = m.size();
  return true;
}

size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (match::is_space_byte(s[i])) {
      ++i;
    } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

class BodyReader {
 public:
  explicit BodyReader(const PhraseRules& rules) : A_(rules.assignees), gaz_(rules.gazetteer) {}

  // The bodies named at `pos` ("Sở Tư pháp, Sở Tài chính chủ trì …"), and
  // where the phrase ends. Empty when no body name starts there.
  std::vector<std::string> read(std::string_view text, size_t pos, size_t* end_out = nullptr) const {
    pos = skip_spaces(text, pos);
    std::string_view s = text.substr(pos);
    size_t len = 0;
    if (anchored(*A_.title, s, &len)) s.remove_prefix(len);
    if (!anchored(*A_.head, s)) return {};
    const size_t offset = static_cast<size_t>(s.data() - text.data());
    // "các Sở: Tư pháp, Tài chính"
    re2::StringPiece g[4];
    const re2::RE2& col = *A_.collective;
    if (col.Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), re2::RE2::ANCHOR_START, g,
                  4)) {
      size_t list_end = g[3].size();
      auto names = expand_collective(std::string_view(g[1].data(), g[1].size()),
                                     std::string_view(g[2].data(), g[2].size()),
                                     std::string_view(g[3].data(), g[3].size()), &list_end);
      if (!names.empty()) {
        // The phrase ends where the list does (before its verb), so that a
        // subject "các Bộ: Quốc phòng, Công an chỉ đạo …" keeps its predicate.
        if (end_out) *end_out = offset + static_cast<size_t>(g[3].data() - s.data()) + list_end;
        return names;
      }
    }
    size_t end = longest_known(s, phrase_end(s));
    std::string_view phrase = match::trim(s.substr(0, end), " ,-");
    for (std::string_view tail : {" và", " cùng", " với", " các", " của"}) {
      if (phrase.size() > tail.size() &&
          phrase.substr(phrase.size() - tail.size()) == tail) {
        phrase = match::trim(phrase.substr(0, phrase.size() - tail.size()), " ,");
      }
    }
    if (phrase.empty()) return {};
    if (end_out) *end_out = offset + end;
    return split(phrase);
  }

 private:
  // Where a body phrase that starts s[0] stops: a stop word, or . ; : ( ) …
  size_t phrase_end(std::string_view s) const {
    size_t end = std::min(s.size(), kMaxPhrase);
    for (size_t i = 0; i < end; ++i) {
      char c = s[i];
      if (c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '\t') {
        end = i;
        break;
      }
    }
    re2::StringPiece m;
    // Start after the first letter so that a name opening with a stop word is
    // kept; the text ends at `end` so that "$" matches there.
    if (A_.stop->Match(re2::StringPiece(s.data(), end), 1, end, re2::RE2::UNANCHORED, &m, 1)) {
      end = static_cast<size_t>(m.data() - s.data());
    }
    // "có" ends a name unless it is "có liên quan".
    constexpr std::string_view kHas = " có ";
    size_t co = s.substr(0, end).find(kHas);
    if (co != std::string_view::npos && s.substr(co + kHas.size()).rfind("liên quan", 0) != 0) {
      end = co;
    }
    return end;
  }

  // A body the gazetteer knows runs to the end of its longest listed name
  // even past a stop word ("Cục Y tế dự phòng" is not cut after "Cục Y tế").
  size_t longest_known(std::string_view s, size_t end) const {
    size_t limit = std::min(s.size(), kMaxPhrase);
    for (size_t i = 0; i < limit; ++i) {
      if (std::string_view(".;:()\"\t\n").find(s[i]) != std::string_view::npos) {
        limit = i;
        break;
      }
    }
    size_t best = end;
    std::string best_key = Gazetteer::key(s.substr(0, std::min(end, s.size())));
    int words = 0;
    for (size_t i = 1; i <= limit && words < kMaxNameWords; ++i) {
      if (i < limit && !match::is_space_byte(s[i]) && s[i] != ',') continue;
      if (match::is_space_byte(s[i - 1]) || s[i - 1] == ',') continue;  // not a word's end
      ++words;
      if (i <= best || !gaz_.find_exact(s.substr(0, i))) continue;
      // "Sở Tài chính và" has the key of "Sở Tài chính": a trailing "và"
      // (dropped from keys) is not part of the name.
      std::string k = Gazetteer::key(s.substr(0, i));
      if (k == best_key) continue;
      best = i;
      best_key = std::move(k);
    }
    return best;
  }

  // Cuts a phrase into bodies where `split` matches after a separator.
  std::vector<std::string> split(std::string_view phrase) const {
    std::vector<std::string> out;
    size_t start = 0;
    size_t i = 0;
    // A listed name is not cut at its own "và" ("Văn phòng HĐND và UBND xã").
    size_t known_end = longest_known(phrase, 0);
    while (i < phrase.size()) {
      size_t sep_len = 0;
      if (phrase[i] == ',' || phrase[i] == ';') {
        sep_len = 1;
      } else if (phrase.substr(i).rfind(kAnd, 0) == 0) {
        sep_len = kAnd.size();
      } else if (phrase.substr(i).rfind(kWith, 0) == 0) {
        sep_len = kWith.size();
      }
      if (sep_len == 0 || i < known_end) {
        i += sep_len == 0 ? 1 : sep_len;
        continue;
      }
      size_t next = skip_spaces(phrase, i + sep_len);
      std::string_view rest = phrase.substr(next);
      size_t title_len = 0;
      if (anchored(*A_.title, rest, &title_len)) rest.remove_prefix(title_len);
      if (anchored(*A_.split, rest)) {
        add(out, phrase.substr(start, i - start));
        start = static_cast<size_t>(rest.data() - phrase.data());
        i = start;
        known_end = start + longest_known(phrase.substr(start), 0);
        continue;
      }
      i += sep_len;
    }
    add(out, phrase.substr(start));
    return out;
  }

  void add(std::vector<std::string>& out, std::string_view name) const {
    std::string n = match::collapse(match::trim(name, " ,;-"));
    if (n.empty()) return;
    if (n.rfind("các ", 0) == 0 || n.rfind("mỗi ", 0) == 0) n = capitalize_first(n);
    out.push_back(std::move(n));
  }

  std::vector<std::string> expand_collective(std::string_view prefix, std::string_view type,
                                             std::string_view list, size_t* list_end) const {
    std::string head = match::collapse(prefix);
    if (!head.empty()) head += " ";
    std::string t = match::collapse(type);
    if (t == "sở") t = "Sở";
    if (t == "bộ") t = "Bộ";
    head += t + " ";
    // The list ends at a stop word like any body phrase.
    size_t end = list.size();
    re2::StringPiece m;
    if (A_.stop->Match(re2::StringPiece(list.data(), list.size()), 0, list.size(),
                       re2::RE2::UNANCHORED, &m, 1) &&
        m.data() != nullptr) {
      end = static_cast<size_t>(m.data() - list.data());
    }
    *list_end = end;
    list = match::trim(list.substr(0, end), " ,");
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      if (comma == std::string_view::npos) comma = list.size();
      std::string_view item = match::trim(list.substr(start, comma - start));
      start = comma + 1;
      if (item.rfind("và ", 0) == 0) item = match::trim(item.substr(4));
      if (item.empty()) continue;
      // Names, not a sentence: "Các sở, ban, ngành: Trong vòng 05 ngày …" is
      // a heading followed by its order.
      if (!names_only(item)) return {};
      std::string whole = head + match::collapse(item);
      size_t va = item.find(" và ");
      if (va != std::string_view::npos && !gaz_.find(whole)) {
        std::string a = head + match::collapse(item.substr(0, va));
        std::string b = head + match::collapse(item.substr(va + kAnd.size()));
        if (gaz_.find(a) || gaz_.find(b)) {
          out.push_back(a);
          out.push_back(b);
          continue;
        }
      }
      out.push_back(whole);
    }
    return out;
  }

  // A list item that can be a name: at most kMaxNameWords words, no digit.
  static bool names_only(std::string_view item) {
    int words = 1;
    for (char c : item) {
      if (c >= '0' && c <= '9') return false;
      if (c == ' ') ++words;
    }
    return words <= kMaxNameWords / 2;
  }

  const AssigneeRules& A_;
  const Gazetteer& gaz_;
};

// Start of the clause that holds `pos`: after . ; : ! ? or a line end.
size_t clause_start(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i > 0 && std::string_view(".;:!?\n").find(text[i - 1]) == std::string_view::npos) --i;
  return i;
}

// Where the subject of a sentence opened at `pos` by a clause of condition
// or time ("Trường hợp phát sinh vướng mắc, Sở Tài chính báo cáo …") starts:
// after the first of the clause's commas that a body name follows, within
// the sentence and before `limit`; `pos` when the sentence opens otherwise.
size_t after_condition(const AssigneeRules& A, std::string_view text, size_t pos, size_t limit) {
  const size_t start = skip_spaces(text, pos);
  if (start >= limit || !anchored(*A.condition, text.substr(start, limit - start))) return pos;
  for (size_t c = start; c < limit; ++c) {
    if (std::string_view(".;:!?\n").find(text[c]) != std::string_view::npos) break;
    if (text[c] != ',') continue;
    const size_t n = skip_spaces(text, c + 1);
    if (n < limit && anchored(*A.head, text.substr(n, limit - n))) return n;
  }
  return pos;
}

Assignee make_assignee(const PhraseRules& rules, std::string name) {
  Assignee a;
  a.canonical = rules.gazetteer.canonical(name);
  a.name = std::move(name);
  return a;
}

bool contains(const std::vector<Assignee>& list, const std::string& name) {
  for (const auto& a : list) {
    if (a.name == name) return true;
  }
  return false;
}

}  // namespace

Assignment find_assignees(const PhraseRules& rules, std::string_view text) {
  const AssigneeRules& A = rules.assignees;
  const BodyReader reader(rules);
  Assignment out;
  std::vector<std::string> lead;

  // 1. "Giao X …", "Đề nghị X …"
  match::for_each(*A.assign_after, text, [&](const match::Groups& g) {
    if (!lead.empty()) return;
    size_t end = static_cast<size_t>(g[0].data() - text.data()) + g[0].size();
    lead = reader.read(text, end);
  });
  // 2. "X chủ trì", "X có trách nhiệm"
  if (lead.empty()) {
    match::for_each(*A.lead_before, text, [&](const match::Groups& g) {
      if (!lead.empty()) return;
      size_t at = static_cast<size_t>(g[0].data() - text.data());
      size_t start = clause_start(text, at);
      size_t label = 0;
      anchored(*A.label, text.substr(start, at - start), &label);
      size_t end = 0;
      auto names = reader.read(text, after_condition(A, text, start + label, at), &end);
      // "Sở Tài chính (cơ quan thường trực) có trách nhiệm": skip the aside.
      size_t next = skip_spaces(text, end);
      if (next < text.size() && text[next] == '(') {
        size_t close = text.find(')', next);
        if (close != std::string_view::npos) end = skip_spaces(text, close + 1);
      }
      if (names.empty() || end + 2 < at) return;
      // "Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: A, B; Giám đốc Kho bạc …
      // chịu trách nhiệm": the subject is a list cut by ';', each part bodies
      // only, back to the sentence's start.
      while (start > 0 && text[start - 1] == ';') {
        size_t prev = start - 1;
        while (prev > 0 && std::string_view(".!?\n;").find(text[prev - 1]) == std::string_view::npos) --prev;
        size_t prev_label = 0;
        anchored(*A.label, text.substr(prev, start - 1 - prev), &prev_label);
        // Parts opened by a title ("…, Giám đốc các Sở: A, B") are read one by one.
        std::vector<size_t> starts{prev + prev_label};
        for (size_t c = prev + prev_label; c + 1 < start; ++c) {
          if (text[c] != ',') continue;
          const size_t n = skip_spaces(text, c + 1);
          if (anchored(*A.title, text.substr(n, start - 1 - n))) starts.push_back(n);
        }
        std::vector<std::string> more;
        bool whole = true;
        for (size_t k = 0; k < starts.size() && whole; ++k) {
          const size_t stop = k + 1 < starts.size() ? starts[k + 1] : start;
          size_t part_end = 0;
          auto part = reader.read(text.substr(0, stop - 1), starts[k], &part_end);
          whole = !part.empty() && skip_spaces(text, part_end) + 1 >= stop;
          more.insert(more.end(), part.begin(), part.end());
        }
        if (!whole) break;
        more.insert(more.end(), names.begin(), names.end());
        names = std::move(more);
        start = prev;
      }
      lead = std::move(names);
    });
  }
  // 3. The subject that opens the text, or a heading that is only a body.
  if (lead.empty()) {
    size_t label = 0;
    anchored(*A.label, text, &label);
    size_t end = 0;
    auto names = reader.read(text, after_condition(A, text, label, text.size()), &end);
    if (!names.empty()) {
      std::string_view rest = match::trim(text.substr(std::min(end, text.size())), " ,");
      // "Ủy ban nhân dân cấp huyện (trước khi kết thúc hoạt động) bàn giao …":
      // the predicate comes after the aside.
      if (!rest.empty() && rest[0] == '(') {
        size_t close = rest.find(')');
        if (close != std::string_view::npos) {
          std::string_view after = match::trim(rest.substr(close + 1), " ,");
          if (!after.empty() && std::string_view(".;:()").find(after[0]) == std::string_view::npos) rest = after;
        }
      }
      // A subject needs a predicate after it; a bare heading may end with ":".
      if (rest.empty() || rest[0] == ':' || (end < text.size() && !rest.empty() &&
                                             std::string_view(".;()").find(rest[0]) ==
                                                 std::string_view::npos)) {
        lead = std::move(names);
      }
    }
  }
  for (auto& n : lead) {
    if (!contains(out.lead, n)) out.lead.push_back(make_assignee(rules, std::move(n)));
  }

  // Support: every "phối hợp (với) …" that the lead itself coordinates.
  match::for_each(*A.support_after, text, [&](const match::Groups& g) {
    size_t at = static_cast<size_t>(g[0].data() - text.data());
    size_t start = text.rfind('.', at);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::string_view before = text.substr(start, at - start);
    if (re2::RE2::PartialMatch(re2::StringPiece(before.data(), before.size()),
                               *A.support_blocked)) {
      return;
    }
    auto names = reader.read(text, at + g[0].size());
    for (auto& n : names) {
      if (!contains(out.lead, n) && !contains(out.support, n)) {
        out.support.push_back(make_assignee(rules, std::move(n)));
      }
    }
  });
  return out;
}

std::optional<std::string> canonical_body(const PhraseRules& rules, std::string_view name) {
  return rules.gazetteer.canonical(name);
}

std::optional<std::string> successor_body(const PhraseRules& rules, std::string_view name) {
  return rules.gazetteer.successor(name);
}

}  // namespace congvan
