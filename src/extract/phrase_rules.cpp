// Loading the phrase rules from models/: macro expansion, word tables and
// one-time compilation of every pattern, with file:line on any error.
#include "extract/phrase_rules.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <re2/set.h>

#include "extract/rules_file.h"
#include "extract/vi_fold.h"

namespace congvan {
namespace {

// What one .rules file may contain.
struct FileSpec {
  std::string name;
  bool case_sensitive = false;
  std::set<std::string> pattern_kinds;  // repeatable keys, in priority order
  std::set<std::string> tables;         // "unit" for "unit.<word> = value"
  std::set<std::string> singles;        // single patterns ("self_anchor")
};

struct LoadedFile {
  std::vector<PhrasePattern> patterns;
  std::map<std::string, WordTable> tables;
  std::map<std::string, std::shared_ptr<const re2::RE2>> singles;
};

Result<PhrasePattern> compile_rule(const std::string& key, const std::string& pattern,
                                   const std::string& where, bool case_sensitive) {
  auto re = compile_pattern(pattern, where, case_sensitive);
  if (!re) return re.status();
  PhrasePattern p;
  size_t dot = key.find('.');
  p.kind = key.substr(0, dot);
  if (dot != std::string::npos) p.variant = key.substr(dot + 1);
  p.where = where;
  p.re = *re;
  for (const auto& [name, index] : (*re)->NamedCapturingGroups()) p.groups[name] = index;
  return p;
}

Result<LoadedFile> load_file(const std::filesystem::path& dir, const FileSpec& spec) {
  auto entries = read_rule_file(dir / spec.name);
  if (!entries) return entries.status();
  LoadedFile out;
  std::map<std::string, std::string> defines;
  for (const auto& e : *entries) {
    const std::string where = e.where();
    if (e.key.rfind("define.", 0) == 0) {
      auto value = expand_macros(e.value, defines, where);
      if (!value) return value.status();
      // A definition must compile on its own, so errors point at its line.
      auto check = compile_pattern(*value, where, spec.case_sensitive);
      if (!check) return check.status();
      defines[e.key.substr(7)] = "(?:" + *value + ")";
      continue;
    }
    size_t dot = e.key.find('.');
    std::string head = e.key.substr(0, dot);
    if (dot != std::string::npos && spec.tables.count(head)) {
      std::string word = fold_vi(e.key.substr(dot + 1));
      if (word.empty() || e.value.empty()) return Status::error(where + ": empty table entry");
      out.tables[head][word] = e.value;
      continue;
    }
    auto value = expand_macros(e.value, defines, where);
    if (!value) return value.status();
    if (spec.singles.count(e.key)) {
      if (out.singles.count(e.key)) return Status::error(where + ": '" + e.key + "' set twice");
      auto re = compile_pattern(*value, where, spec.case_sensitive);
      if (!re) return re.status();
      out.singles[e.key] = *re;
      continue;
    }
    if (spec.pattern_kinds.count(head)) {
      auto p = compile_rule(e.key, *value, where, spec.case_sensitive);
      if (!p) return p.status();
      out.patterns.push_back(std::move(*p));
      continue;
    }
    return Status::error(where + ": unknown key '" + e.key + "'");
  }
  for (const auto& s : spec.singles) {
    if (!out.singles.count(s)) {
      return Status::error((dir / spec.name).string() + ": missing '" + s + "'");
    }
  }
  return out;
}

// Builds the prefilter set of `patterns`; a set that does not compile is an
// error naming the file (each pattern alone compiled already).
Result<PatternSet> build_set(const std::vector<PhrasePattern>& patterns, bool case_sensitive,
                             const std::string& file) {
  re2::RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_encoding(re2::RE2::Options::EncodingUTF8);
  opts.set_case_sensitive(case_sensitive);
  opts.set_max_mem(int64_t{64} << 20);
  auto set = std::make_shared<re2::RE2::Set>(opts, re2::RE2::UNANCHORED);
  for (const auto& p : patterns) {
    std::string error;
    if (set->Add(p.re->pattern(), &error) < 0) {
      return Status::error(p.where + ": bad pattern: " + error);
    }
  }
  if (!set->Compile()) return Status::error(file + ": rules too large to compile together");
  PatternSet out;
  out.set = std::move(set);
  return out;
}

}  // namespace

bool PatternSet::match(std::string_view text, std::vector<char>& hit) const {
  if (!set) return false;
  std::vector<int> indexes;
  re2::RE2::Set::ErrorInfo info;
  bool any = set->Match(re2::StringPiece(text.data(), text.size()), &indexes, &info);
  if (!any && info.kind != re2::RE2::Set::kNoError) return false;
  for (int i : indexes) {
    if (i >= 0 && static_cast<size_t>(i) < hit.size()) hit[static_cast<size_t>(i)] = 1;
  }
  return true;
}

Result<std::string> expand_macros(const std::string& pattern,
                                  const std::map<std::string, std::string>& defines,
                                  const std::string& where) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {  // keep escapes: \{ \p{L} \x{A0}
      size_t len = 2;
      const char e = pattern[i + 1];
      if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < pattern.size() && pattern[i + 2] == '{') {
        size_t close = pattern.find('}', i + 2);
        if (close != std::string::npos) len = close - i + 1;
      }
      out.append(pattern, i, len);
      i += len;
      continue;
    }
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] >= 'A' &&
        pattern[i + 1] <= 'Z') {
      size_t close = pattern.find('}', i);
      std::string name = close == std::string::npos ? "" : pattern.substr(i + 1, close - i - 1);
      bool ok_name = !name.empty();
      for (char c : name) ok_name &= (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (ok_name) {
        auto it = defines.find(name);
        if (it == defines.end()) return Status::error(where + ": unknown macro {" + name + "}");
        out += it->second;
        i = close + 1;
        continue;
      }
    }
    out.push_back(pattern[i++]);
  }
  return out;
}

Result<PhraseRules> load_phrase_rules(const std::filesystem::path& models_dir) {
  PhraseRules rules;

  FileSpec dl{"deadlines.rules", false,
              {"none", "by_date", "within_month", "within_quarter", "within_year", "relative",
               "on_event", "recurring"},
              {"unit", "every", "number", "weekday", "festival", "lunar_month", "lunar_day"},
              {"self_anchor", "quick"}};
  auto d = load_file(models_dir, dl);
  if (!d) return d.status();
  rules.deadlines.patterns = std::move(d->patterns);
  rules.deadlines.units = d->tables["unit"];
  rules.deadlines.periods = d->tables["every"];
  rules.deadlines.numbers = d->tables["number"];
  rules.deadlines.weekdays = d->tables["weekday"];
  rules.deadlines.festival_names = d->tables["festival"];
  rules.deadlines.lunar_months_named = d->tables["lunar_month"];
  rules.deadlines.lunar_days_named = d->tables["lunar_day"];
  rules.deadlines.self_anchor = d->singles["self_anchor"];
  auto dset = build_set(rules.deadlines.patterns, dl.case_sensitive, (models_dir / dl.name).string());
  if (!dset) return dset.status();
  rules.deadlines.prefilter = std::move(*dset);
  rules.deadlines.quick = d->singles["quick"];

  FileSpec tg{"targets.rules", false, {"none", "target"}, {"comparator", "unit"}, {}};
  auto t = load_file(models_dir, tg);
  if (!t) return t.status();
  rules.targets.patterns = std::move(t->patterns);
  rules.targets.comparators = t->tables["comparator"];
  rules.targets.units = t->tables["unit"];
  auto tset = build_set(rules.targets.patterns, tg.case_sensitive, (models_dir / tg.name).string());
  if (!tset) return tset.status();
  rules.targets.prefilter = std::move(*tset);

  FileSpec rf{"references.rules", true, {},
              {"code_type", "code_issuer", "type"},
              {"number", "type_before", "list_link", "date_after", "date_before", "date_after_issuer",
               "issuer_after",
               "not_reference"}};
  auto r = load_file(models_dir, rf);
  if (!r) return r.status();
  auto& R = rules.references;
  R.number = r->singles["number"];
  R.type_before = r->singles["type_before"];
  R.list_link = r->singles["list_link"];
  R.date_after = r->singles["date_after"];
  R.date_before = r->singles["date_before"];
  R.date_after_issuer = r->singles["date_after_issuer"];
  R.issuer_after = r->singles["issuer_after"];
  R.not_reference = r->singles["not_reference"];
  // Codes are matched as written (case matters: "CT" vs "CTr"), not folded.
  auto raw = read_rule_file(models_dir / rf.name);
  if (!raw) return raw.status();
  for (const auto& e : raw.value()) {
    if (e.key.rfind("code_type.", 0) == 0) R.code_types[e.key.substr(10)] = e.value;
    if (e.key.rfind("code_issuer.", 0) == 0) R.code_issuers[e.key.substr(12)] = e.value;
  }
  R.type_names = r->tables["type"];
  if (R.number->NamedCapturingGroups().count("number") == 0) {
    return Status::error((models_dir / rf.name).string() + ": 'number' needs a group (?P<number>…)");
  }

  FileSpec as{"assignees.rules", true, {}, {},
              {"head", "title", "assign_after", "lead_before", "support_after", "support_blocked",
               "stop", "split", "collective", "label", "condition"}};
  auto a = load_file(models_dir, as);
  if (!a) return a.status();
  auto& A = rules.assignees;
  A.head = a->singles["head"];
  A.title = a->singles["title"];
  A.assign_after = a->singles["assign_after"];
  A.lead_before = a->singles["lead_before"];
  A.support_after = a->singles["support_after"];
  A.support_blocked = a->singles["support_blocked"];
  A.stop = a->singles["stop"];
  A.split = a->singles["split"];
  A.collective = a->singles["collective"];
  A.label = a->singles["label"];
  A.condition = a->singles["condition"];

  auto g = Gazetteer::load(models_dir / "gazetteer.tsv");
  if (!g) return g.status();
  rules.gazetteer = std::move(*g);
  auto h = HolidayCalendar::load(models_dir / "holidays.tsv");
  if (!h) return h.status();
  rules.holidays = std::move(*h);
  auto f = read_table_file(models_dir / "festivals.tsv");
  if (!f) return f.status();
  for (const auto& row : *f) {
    auto date = row.fields.empty() ? std::nullopt : parse_iso_date(row.fields[0]);
    if (!date || row.fields.size() < 3) {
      return Status::error(row.where() + ": expected date (YYYY-MM-DD), festival and year name separated by tabs");
    }
    rules.deadlines.festivals.push_back({*date, fold_vi(row.fields[1]), fold_vi(row.fields[2])});
  }
  std::sort(rules.deadlines.festivals.begin(), rules.deadlines.festivals.end(),
            [](const Festival& a, const Festival& b) { return a.date < b.date; });
  auto lm = read_table_file(models_dir / "lunar_months.tsv");
  if (!lm) return lm.status();
  for (const auto& row : *lm) {
    auto first = row.fields.empty() ? std::nullopt : parse_iso_date(row.fields[0]);
    int year = 0, month = 0, leap = -1, days = 0;
    if (row.fields.size() >= 6) {
      year = std::atoi(row.fields[1].c_str());
      month = std::atoi(row.fields[2].c_str());
      leap = row.fields[3] == "1" ? 1 : row.fields[3] == "0" ? 0 : -1;
      days = std::atoi(row.fields[4].c_str());
    }
    if (!first || year < 1900 || month < 1 || month > 12 || leap < 0 || (days != 29 && days != 30)) {
      return Status::error(row.where() +
                           ": expected first day (YYYY-MM-DD), lunar year, month (1-12), leap (0/1), "
                           "days (29/30) and year name separated by tabs");
    }
    rules.deadlines.lunar_months.push_back({*first, year, month, leap == 1, days, fold_vi(row.fields[5])});
  }
  std::sort(rules.deadlines.lunar_months.begin(), rules.deadlines.lunar_months.end(),
            [](const LunarMonth& a, const LunarMonth& b) { return a.first < b.first; });
  return rules;
}

}  // namespace congvan
