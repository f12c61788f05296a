// Deadlines inside one item's text: the rules of models/deadlines.rules run
// in order, each match turned into a Deadline of the contract's kinds.
#include <cstdlib>
#include <cstring>
#include <set>
#include <tuple>

#include "extract/match_util.h"
#include "extract/phrases.h"
#include "extract/vi_fold.h"

namespace congvan {
namespace {

using match::Groups;
using match::Range;

// The letter's date as far as it is known ("2024", "2024-04", "2024-04-12").
struct LetterDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

LetterDate parse_letter_date(const std::optional<std::string>& iso) {
  LetterDate ld;
  if (!iso) return ld;
  auto n = match::integers(*iso);
  if (!n.empty() && n[0] >= 1900 && n[0] <= 2100) ld.year = n[0];
  if (n.size() > 1 && n[1] >= 1 && n[1] <= 12) ld.month = n[1];
  if (n.size() > 2 && is_valid_date(ld.year, ld.month, n[2])) ld.day = n[2];
  return ld;
}

int full_year(int y) { return y < 100 ? 2000 + y : y; }

// Year for a month/day written without one: the letter's, or the next when
// the date would fall before the letter's date. 0 when unknown.
int infer_year(const LetterDate& ld, int month, int day) {
  if (ld.year == 0) return 0;
  if (ld.month == 0) return ld.year;
  if (month < ld.month) return ld.year + 1;
  if (month == ld.month && ld.day != 0 && day != 0 && day < ld.day) return ld.year + 1;
  return ld.year;
}

// "15/12/2023", "15 tháng 12 năm 2023", "15/12" → date; nullopt if invalid.
std::optional<Date> parse_day(std::string_view text, const LetterDate& ld, bool* explicit_year) {
  auto n = match::integers(text);
  if (n.size() < 2) return std::nullopt;
  int d = n[0], m = n[1];
  int y = n.size() > 2 ? full_year(n[2]) : infer_year(ld, m, d);
  if (explicit_year) *explicit_year = n.size() > 2;
  if (y == 0 || !is_valid_date(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

// "3/2024", "6 năm 2024", "10" → (month, year).
std::optional<std::pair<int, int>> parse_month(std::string_view text, const LetterDate& ld) {
  auto n = match::integers(text);
  if (n.empty() || n[0] < 1 || n[0] > 12) return std::nullopt;
  int y = n.size() > 1 ? full_year(n[1]) : infer_year(ld, n[0], 0);
  if (y == 0) return std::nullopt;
  return std::make_pair(n[0], y);
}

std::optional<std::string> parse_time(std::string_view clock, std::string_view ampm) {
  auto n = match::integers(clock);
  if (n.empty()) return std::nullopt;
  int h = n[0], m = n.size() > 1 ? n[1] : 0;
  std::string part = fold_vi(ampm);
  if ((part == "chieu" || part == "toi") && h < 12) h += 12;
  if (h > 24 || m > 59) return std::nullopt;
  std::string out = std::to_string(h / 10) + std::to_string(h % 10) + ":";
  return out + std::to_string(m / 10) + std::to_string(m % 10);
}

std::optional<std::string> lookup(const WordTable& table, std::string_view word) {
  auto it = table.find(fold_vi(word));
  if (it == table.end()) return std::nullopt;
  return it->second;
}

std::optional<int> to_int(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  auto n = match::integers(*s);
  if (n.empty()) return std::nullopt;
  return n[0];
}

// An anchor phrase, cut at a word boundary when a rule let it run long.
std::string anchor_text(std::string_view raw) {
  constexpr size_t kMaxAnchor = 160;
  std::string a = match::collapse(match::trim(raw));
  if (a.size() > kMaxAnchor) {
    size_t cut = a.rfind(' ', kMaxAnchor);
    a.resize(cut == std::string::npos ? kMaxAnchor : cut);
  }
  return a;
}

// The part of a match that a later rule may not reuse: the date, month,
// quarter or year group; for rules with an anchor, the text before it.
Range value_range(const PhrasePattern& p, const Groups& g, std::string_view text) {
  Range whole = match::range_of(g, 0, text);
  Range anchor = match::range_of(g, p.group("anchor"), text);
  if (!anchor.empty()) return {whole.begin, anchor.begin};
  for (const char* name : {"date", "month", "quarter", "year"}) {
    Range r = match::range_of(g, p.group(name), text);
    if (!r.empty()) return r;
  }
  return whole;
}

class DeadlineBuilder {
 public:
  DeadlineBuilder(const PhraseRules& rules, const LetterDate& ld) : rules_(rules), ld_(ld) {}

  // The phrase as found: the group "phrase" when the rule has one, else the
  // whole match.
  static std::string text_of(const PhrasePattern& p, const Groups& g) {
    std::string_view phrase = match::group(g, p.group("phrase"));
    if (phrase.empty()) phrase = match::group(g, 0);
    return match::collapse(match::trim(phrase, ".,;:-+*•"));
  }

  // Every deadline of one match: one, except for a list of periods
  // ("định kỳ hằng quý, 6 tháng, năm"), which gives one recurrence each.
  void build_all(const PhrasePattern& p, const Groups& g, std::vector<Deadline>& out) const {
    const std::string_view list = match::group(g, p.group("every_list"));
    if (p.kind != "recurring" || list.empty()) {
      if (auto d = build(p, g)) out.push_back(std::move(*d));
      return;
    }
    Deadline d;
    d.kind = p.kind;
    d.text = text_of(p, g);
    std::string folded = fold_vi(list);
    for (const char* word : {" va ", " hoac "}) {
      for (size_t at; (at = folded.find(word)) != std::string::npos;) folded.replace(at, std::strlen(word), ",");
    }
    size_t begin = 0;
    while (begin <= folded.size()) {
      size_t end = folded.find_first_of(",;", begin);
      if (end == std::string::npos) end = folded.size();
      std::string piece = match::collapse(match::trim(std::string_view(folded).substr(begin, end - begin)));
      for (const char* each : {"hang ", "moi "}) {
        if (piece.rfind(each, 0) == 0) piece.erase(0, std::strlen(each));
      }
      if (auto every = lookup(rules_.deadlines.periods, piece)) {
        d.every = *every;
        out.push_back(d);
      }
      begin = end + 1;
    }
  }

  std::optional<Deadline> build(const PhrasePattern& p, const Groups& g) const {
    auto grp = [&](const char* name) { return match::group(g, p.group(name)); };
    Deadline d;
    d.kind = p.kind;
    d.text = text_of(p, g);
    if (p.kind == "by_date") return by_date(p, grp, std::move(d));
    if (p.kind == "within_month") {
      auto my = parse_month(grp("month"), ld_);
      if (!my) return std::nullopt;
      d.due = to_iso(last_day_of_month(my->second, my->first));
      return d;
    }
    if (p.kind == "within_quarter") {
      std::string_view q = grp("quarter");
      int quarter = match::quarter_number(q);
      auto n = match::integers(q);
      int year = 0;
      for (int v : n) {
        if (v >= 1900) year = v;
      }
      if (year == 0) year = infer_year(ld_, quarter * 3, 0);
      if (quarter == 0 || year == 0) return std::nullopt;
      d.due = to_iso(last_day_of_quarter(year, quarter));
      return d;
    }
    if (p.kind == "within_year") {
      auto n = match::integers(grp("year"));
      int year = n.empty() ? ld_.year : n[0];
      if (year == 0) return std::nullopt;
      d.due = to_iso(Date{year, 12, 31});
      return d;
    }
    if (p.kind == "relative") return relative(grp, std::move(d));
    if (p.kind == "on_event") {
      std::string anchor = anchor_text(grp("anchor"));
      if (anchor.size() < 3) return std::nullopt;
      d.anchor = anchor;
      return d;
    }
    if (p.kind == "recurring") {
      std::string every = p.variant;
      if (every.empty()) {
        auto e = lookup(rules_.deadlines.periods, grp("every"));
        if (!e) return std::nullopt;
        every = *e;
      }
      d.every = every;
      if (!grp("weekday").empty()) d.day = to_int(lookup(rules_.deadlines.weekdays, grp("weekday")));
      if (!grp("day").empty()) {
        auto n = match::integers(grp("day"));
        if (!n.empty()) d.day = n[0];
      }
      if (!grp("time").empty()) d.time = parse_time(grp("time"), grp("ampm"));
      return d;
    }
    return std::nullopt;
  }

 private:
  template <typename G>
  std::optional<Deadline> by_date(const PhrasePattern& p, const G& grp, Deadline d) const {
    if (p.variant == "before_month") {
      auto my = parse_month(grp("month"), ld_);
      if (!my) return std::nullopt;
      d.due = to_iso(add_days(Date{my->second, my->first, 1}, -1));
      return d;
    }
    if (p.variant == "before_quarter") {
      std::string_view q = grp("quarter");
      const int quarter = match::quarter_number(q);
      int year = 0;
      for (int v : match::integers(q)) {
        if (v >= 1900) year = v;
      }
      if (year == 0) year = infer_year(ld_, quarter * 3, 0);
      if (quarter == 0 || year == 0) return std::nullopt;
      d.due = to_iso(add_days(Date{year, (quarter - 1) * 3 + 1, 1}, -1));
      return d;
    }
    if (p.variant == "before_year") {
      auto y = match::integers(grp("year"));
      if (y.empty()) return std::nullopt;
      d.due = to_iso(Date{y[0] - 1, 12, 31});
      return d;
    }
    if (p.variant == "festival") {
      auto day = festival_day(grp("festival"), grp("year"), grp("yearname"));
      if (!day) return std::nullopt;
      d.due = to_iso(add_days(*day, -1));  // before the festival begins
      return d;
    }
    if (p.variant == "lunar") {
      auto day = lunar_day(grp("lday"), grp("lmonth"), grp("lyear"), grp("yearname"));
      if (!day) return std::nullopt;
      d.due = to_iso(*day);
      return d;
    }
    if (p.variant == "months_of_year") {
      std::string_view c = grp("count");
      auto n = match::integers(c);
      std::optional<int> months = n.empty() ? to_int(lookup(rules_.deadlines.numbers, c)) : n[0];
      auto y = match::integers(grp("year"));
      int year = y.empty() ? ld_.year : y[0];
      if (!months || *months < 1 || *months > 12 || year == 0) return std::nullopt;
      d.due = to_iso(last_day_of_month(year, *months));
      return d;
    }
    auto date = parse_day(grp("date"), ld_, nullptr);
    if (!date) return std::nullopt;
    d.due = to_iso(*date);
    if (!grp("time").empty()) d.time = parse_time(grp("time"), grp("ampm"));
    return d;
  }

  // The day of a festival: of the year written ("Tết Nguyên đán 2025", "Tết
  // Ất Tỵ"), else the first one after the letter's date.
  std::optional<Date> festival_day(std::string_view festival, std::string_view year,
                                   std::string_view year_name) const {
    const DeadlineRules& R = rules_.deadlines;
    std::string name = fold_vi(match::collapse(std::string(festival)));
    if (auto canonical = lookup(R.festival_names, name)) name = fold_vi(*canonical);
    std::string wanted_name = fold_vi(match::collapse(std::string(year_name)));
    if (wanted_name.size() > 3 && wanted_name.compare(wanted_name.size() - 3, 3, " ti") == 0) {
      wanted_name.back() = 'y';  // "Tị" is written "Tỵ" too
    }
    const auto y = match::integers(year);
    std::optional<Date> best;
    for (const Festival& f : R.festivals) {
      if (f.name != name) continue;
      if (!y.empty()) {
        if (f.date.year == y[0]) return f.date;
      } else if (!wanted_name.empty()) {
        // The nearest year of that name (they repeat every 60 years).
        if (f.year_name != wanted_name) continue;
        if (!best || (ld_.year != 0 && std::abs(f.date.year - ld_.year) < std::abs(best->year - ld_.year))) {
          best = f.date;
        }
      } else if (ld_.year != 0) {
        const Date from{ld_.year, ld_.month ? ld_.month : 1, ld_.day ? ld_.day : 1};
        if (f.date > from) return f.date;
      }
    }
    return best;
  }

  // A lunar date ("23 tháng Chạp", "Rằm tháng Giêng", "10 tháng 3 âm lịch")
  // in the solar calendar, by models/lunar_months.tsv: of the lunar year
  // written ("năm Bính Ngọ", "năm 2026"), else the first one on or after the
  // letter's date.
  std::optional<Date> lunar_day(std::string_view day_text, std::string_view month_text,
                                std::string_view year, std::string_view year_name) const {
    const DeadlineRules& R = rules_.deadlines;
    auto number = [](std::string_view text, const WordTable& names) -> int {
      auto n = match::integers(text);
      if (!n.empty()) return n.back();
      auto v = to_int(lookup(names, match::collapse(std::string(text))));
      return v ? *v : 0;
    };
    const int day = number(day_text, R.lunar_days_named);
    const int month = number(month_text, R.lunar_months_named);
    if (day < 1 || day > 30 || month < 1 || month > 12) return std::nullopt;
    std::string wanted_name = fold_vi(match::collapse(std::string(year_name)));
    if (wanted_name.size() > 3 && wanted_name.compare(wanted_name.size() - 3, 3, " ti") == 0) {
      wanted_name.back() = 'y';  // "Tị" is written "Tỵ" too
    }
    const auto y = match::integers(year);
    const Date from{ld_.year, ld_.month ? ld_.month : 1, ld_.day ? ld_.day : 1};
    std::optional<Date> best;
    for (const LunarMonth& m : R.lunar_months) {
      if (m.leap || m.month != month || day > m.days) continue;
      const Date date = add_days(m.first, day - 1);
      if (!y.empty()) {
        if (m.year == y[0]) return date;
      } else if (!wanted_name.empty()) {
        // The nearest year of that name (they repeat every 60 years).
        if (m.year_name != wanted_name) continue;
        if (!best || (ld_.year != 0 && std::abs(m.year - ld_.year) < std::abs(best->year - ld_.year))) {
          best = date;
        }
      } else if (ld_.year != 0 && date >= from) {
        return date;
      }
    }
    return best;
  }

  template <typename G>
  std::optional<Deadline> relative(const G& grp, Deadline d) const {
    std::optional<int> count;
    if (!grp("count").empty()) count = to_int(std::string(grp("count")));
    if (!count && !grp("count_paren").empty()) count = to_int(std::string(grp("count_paren")));
    if (!count && !grp("count_word").empty()) {
      count = to_int(lookup(rules_.deadlines.numbers, grp("count_word")));
    }
    auto unit = lookup(rules_.deadlines.units, grp("unit"));
    if (!count || *count <= 0 || !unit) return std::nullopt;
    // The contract's units are hour, day, working_day and month.
    if (*unit == "week") {
      unit = "day";
      *count *= 7;
    } else if (*unit == "year") {
      unit = "month";
      *count *= 12;
    }
    d.count = *count;
    d.unit = *unit;
    std::string anchor = anchor_text(grp("anchor"));
    if (!anchor.empty()) d.anchor = anchor;
    // Due date when the anchor is the letter itself or a date.
    std::optional<Date> start;
    if (!anchor.empty() && re2::RE2::PartialMatch(anchor, *rules_.deadlines.self_anchor) &&
        ld_.day != 0) {
      start = Date{ld_.year, ld_.month, ld_.day};
    } else if (!anchor.empty()) {
      auto n = match::integers(anchor);
      if (n.size() >= 3 && fold_vi(anchor).rfind("ngay", 0) == 0 && n[2] >= 1900) {
        if (is_valid_date(n[2], n[1], n[0])) start = Date{n[2], n[1], n[0]};
      }
    }
    if (start) {
      Date due = *start;
      if (*unit == "working_day") due = add_working_days(*start, *count, rules_.holidays);
      else if (*unit == "day") due = add_days(*start, *count);
      else if (*unit == "hour") due = add_days(*start, (*count + 23) / 24);
      else if (*unit == "month") due = add_months(*start, *count);
      d.due = to_iso(due);
    }
    return d;
  }

  const PhraseRules& rules_;
  const LetterDate& ld_;
};

// A due date that has passed when the letter was written is background
// ("đã giao … trước ngày 30/11/2012", "Năm 2023, tỉnh đã …"), compared at the
// precision the letter's date is known.
bool before_letter(const Deadline& d, const LetterDate& ld) {
  if (!d.due || d.kind == "relative" || ld.year == 0) return false;
  auto due = parse_iso_date(*d.due);
  if (!due) return false;
  if (ld.month == 0) return due->year < ld.year;
  if (ld.day == 0) return *due < Date{ld.year, ld.month, 1};
  return *due < Date{ld.year, ld.month, ld.day};
}

using DeadlineKey = std::tuple<std::string, std::optional<std::string>, std::optional<int>,
                               std::optional<std::string>, std::optional<std::string>,
                               std::optional<int>>;

}  // namespace

std::vector<Deadline> find_deadlines(const PhraseRules& rules, std::string_view text,
                                     const PhraseContext& context) {
  const DeadlineRules& R = rules.deadlines;
  if (text.empty()) return {};
  const re2::StringPiece piece(text.data(), text.size());
  if (R.quick && !re2::RE2::PartialMatch(piece, *R.quick)) return {};
  const LetterDate ld = parse_letter_date(context.letter_date);
  const DeadlineBuilder builder(rules, ld);
  // One pass over the text tells which rules can match at all.
  std::vector<char> hit(R.patterns.size(), 0);
  if (R.prefilter.match(text, hit)) {
    bool any = false;
    for (size_t i = 0; i < hit.size(); ++i) any |= hit[i] && R.patterns[i].kind != "none";
    if (!any) return {};
  } else {
    std::fill(hit.begin(), hit.end(), 1);
  }
  match::Claims claims;
  std::vector<std::pair<size_t, Deadline>> found;
  std::vector<Deadline> built;
  for (size_t i = 0; i < R.patterns.size(); ++i) {
    if (!hit[i]) continue;
    const PhrasePattern& p = R.patterns[i];
    match::for_each(*p.re, text, [&](const Groups& g) {
      Range value = value_range(p, g, text);
      if (claims.overlaps(value)) return;
      claims.add(match::range_of(g, 0, text));
      if (p.kind == "none") return;
      built.clear();
      builder.build_all(p, g, built);
      for (Deadline& d : built) {
        if (!before_letter(d, ld)) found.emplace_back(value.begin, std::move(d));
      }
    });
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // "hằng quý (trước ngày 20 của tháng cuối quý)": the recurrence with its
  // day says all the one without a day says.
  std::set<std::string> with_day;
  for (const auto& f : found) {
    if (f.second.kind == "recurring" && f.second.day) with_day.insert(*f.second.every);
  }
  std::vector<Deadline> out;
  std::set<DeadlineKey> seen;
  for (auto& [pos, d] : found) {
    if (d.kind == "recurring" && !d.day && with_day.count(*d.every)) continue;
    DeadlineKey key{d.kind, d.due, d.count, d.unit, d.every, d.day};
    if (!seen.insert(key).second) continue;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace congvan
