// Numeric targets inside one item's text (models/targets.rules).
#include <cctype>

#include "extract/match_util.h"
#include "extract/phrases.h"
#include "extract/vi_fold.h"

namespace congvan {
namespace {

using match::Groups;

std::string comparator_of(const TargetRules& R, std::string_view cmp, std::string_view post) {
  for (std::string_view word : {cmp, post}) {
    if (word.empty()) continue;
    auto it = R.comparators.find(fold_vi(word));
    if (it != R.comparators.end()) return it->second;
  }
  return "=";
}

std::string unit_of(const TargetRules& R, std::string_view unit) {
  std::string written = match::collapse(unit);
  // "lần / quý" → "lần/quý"
  for (size_t at = written.find('/'); at != std::string::npos; at = written.find('/', at + 1)) {
    if (at + 1 < written.size() && written[at + 1] == ' ') written.erase(at + 1, 1);
    if (at > 0 && written[at - 1] == ' ') written.erase(--at, 1);
  }
  auto it = R.units.find(fold_vi(written));
  return it == R.units.end() ? written : it->second;
}

// The target's phrase: the match and the words after it up to punctuation.
std::string phrase_of(std::string_view text, size_t begin, size_t end) {
  size_t stop = end;
  size_t limit = std::min(text.size(), end + 90);
  while (stop < limit && std::string_view(",.;:()\n").find(text[stop]) == std::string_view::npos) {
    ++stop;
  }
  if (stop == limit && stop < text.size()) {  // cut at a word boundary
    while (stop > end && text[stop] != ' ') --stop;
  }
  return match::collapse(match::trim(text.substr(begin, stop - begin)));
}

}  // namespace

std::vector<Target> find_targets(const PhraseRules& rules, std::string_view text) {
  const TargetRules& R = rules.targets;
  std::vector<char> hit(R.patterns.size(), 0);
  if (R.prefilter.match(text, hit)) {
    bool any = false;
    for (size_t i = 0; i < hit.size(); ++i) any |= hit[i] && R.patterns[i].kind != "none";
    if (!any) return {};
  } else {
    std::fill(hit.begin(), hit.end(), 1);
  }
  std::vector<std::pair<size_t, Target>> found;
  match::Claims claims;
  for (size_t i = 0; i < R.patterns.size(); ++i) {
    if (!hit[i]) continue;
    const PhrasePattern& p = R.patterns[i];
    match::for_each(*p.re, text, [&](const Groups& g) {
      match::Range whole = match::range_of(g, 0, text);
      match::Range value = match::range_of(g, p.group("value"), text);
      if (claims.overlaps(value.empty() ? whole : value)) return;
      claims.add(whole);
      if (p.kind == "none") return;
      auto v = match::parse_number(match::group(g, p.group("value")));
      if (!v) return;
      std::string_view cmp = match::group(g, p.group("cmp"));
      std::string_view post = match::group(g, p.group("post"));
      // A rate ("2.220.000 đồng/người/lần") is fixed by the letter, not a target.
      if (!match::group(g, p.group("rate")).empty() && cmp.empty() && post.empty()) return;
      Target t;
      t.comparator = comparator_of(R, cmp, post);
      t.value = *v;
      t.unit = unit_of(R, match::group(g, p.group("unit")));
      t.text = phrase_of(text, whole.begin, whole.end);
      found.emplace_back(whole.begin, std::move(t));
    });
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Target> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

std::optional<Target> parse_target_cell(const PhraseRules& rules, std::string_view cell,
                                        std::string_view unit) {
  std::string_view t = match::trim(cell);
  if (t.empty()) return std::nullopt;
  // Symbols first, then the comparator words of targets.rules.
  std::string cmp = "=";
  size_t i = 0;
  const std::pair<std::string_view, std::string_view> kSymbols[] = {
      {"\xE2\x89\xA5", ">="}, {"\xE2\x89\xA4", "<="}, {">=", ">="}, {"<=", "<="},
      {">", ">"},             {"<", "<"},             {"=", "="}};
  for (auto [sym, c] : kSymbols) {
    if (t.substr(0, sym.size()) == sym) {
      cmp = std::string(c);
      i = sym.size();
      break;
    }
  }
  size_t digit = t.find_first_of("0123456789", i);
  if (digit == std::string_view::npos) return std::nullopt;
  std::string_view words = match::trim(t.substr(i, digit - i), ":");
  if (!words.empty()) {
    std::string w = fold_vi(words);
    if (w.size() > 3 && w.compare(w.size() - 3, 3, " la") == 0) w.resize(w.size() - 3);
    auto it = rules.targets.comparators.find(w);
    if (it == rules.targets.comparators.end()) return std::nullopt;
    cmp = it->second;
  }
  size_t end = digit;
  while (end < t.size() && (std::isdigit(static_cast<unsigned char>(t[end])) || t[end] == '.' ||
                            t[end] == ',')) {
    ++end;
  }
  auto v = match::parse_number(match::trim(t.substr(digit, end - digit), ".,"));
  if (!v) return std::nullopt;
  std::string_view rest = match::trim(t.substr(end));
  if (!rest.empty()) {
    auto it = rules.targets.comparators.find(fold_vi(rest));
    if (it == rules.targets.comparators.end()) {
      if (rest != "%") return std::nullopt;
    } else if (cmp == "=") {
      cmp = it->second;
    }
  }
  Target out;
  out.comparator = cmp;
  out.value = *v;
  out.unit = unit_of(rules.targets, unit);
  out.text = match::collapse(t);
  return out;
}

}  // namespace congvan
