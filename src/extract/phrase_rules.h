// Rules for phrases inside items (deadlines, assignees, targets, references),
// the gazetteer and the holiday table, loaded from models/.
//
// Files (formats in models/README.md): deadlines.rules, targets.rules,
// references.rules, assignees.rules (RE2 patterns and word tables, "key =
// value"), gazetteer.tsv, holidays.tsv, festivals.tsv, lunar_months.tsv. Every pattern is compiled once here;
// a broken one fails the load with "<file>:<line>: bad pattern: …". The
// loaded rules are immutable and safe to share between threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>

#include "congvan/calendar.h"
#include "congvan/gazetteer.h"
#include "congvan/result.h"

namespace congvan {

// One compiled pattern with its rule key ("by_date", "recurring.month" →
// kind "recurring", variant "month") and the indexes of its named groups.
struct PhrasePattern {
  std::string kind;
  std::string variant;
  std::string where;  // file:line
  std::shared_ptr<const re2::RE2> re;
  std::map<std::string, int> groups;  // group name → index (1-based)
  int group(const std::string& name) const {
    auto it = groups.find(name);
    return it == groups.end() ? -1 : it->second;
  }
};

// Word → value tables ("unit.ngày làm việc = working_day"), keyed by the
// folded word (fold_vi).
using WordTable = std::unordered_map<std::string, std::string>;

// All patterns of one file in one RE2::Set, so that a text is scanned once to
// learn which rules can match at all (most texts match none).
struct PatternSet {
  std::shared_ptr<const re2::RE2::Set> set;  // index i = patterns[i]
  // Fills `hit` (one flag per pattern); false when the set cannot answer
  // (then every pattern must be tried).
  bool match(std::string_view text, std::vector<char>& hit) const;
};

// A festival on a given day ("Tết Nguyên đán" of the year "Ất Tỵ" on
// 2025-01-29), from festivals.tsv; names folded (fold_vi).
struct Festival {
  Date date;
  std::string name;
  std::string year_name;
};

// One month of the lunar calendar (lunar_months.tsv): its first solar day,
// lunar year (2025 = Ất Tỵ, from Tết 2025), month 1-12, whether it is the
// leap month (tháng nhuận) that repeats `month`, and its length (29 or 30).
struct LunarMonth {
  Date first;
  int year = 0;
  int month = 0;
  bool leap = false;
  int days = 0;
  std::string year_name;  // folded: "at ty"
};

struct DeadlineRules {
  std::vector<PhrasePattern> patterns;  // in priority order; kind "none" excludes
  PatternSet prefilter;
  WordTable units;                      // relative units → hour, day, working_day, month, week, year
  WordTable periods;                    // recurrence words → day, week, month, …
  WordTable numbers;                    // number words → digits
  WordTable weekdays;                   // "thứ năm" → 4
  WordTable festival_names;             // "tết" → "Tết Nguyên đán"
  std::vector<Festival> festivals;      // in date order
  WordTable lunar_months_named;         // "giêng" → 1, "chạp" → 12
  WordTable lunar_days_named;           // "rằm" → 15
  std::vector<LunarMonth> lunar_months;  // in date order
  std::shared_ptr<const re2::RE2> self_anchor;  // anchors meaning the letter itself
  std::shared_ptr<const re2::RE2> quick;        // cheap prefilter: no match, no deadline
};

struct TargetRules {
  std::vector<PhrasePattern> patterns;  // kinds: target, none
  PatternSet prefilter;
  WordTable comparators;                // "ít nhất" → ">="
  WordTable units;                      // unit as written → unit stored ("phần trăm" → "%")
};

struct ReferenceRules {
  std::shared_ptr<const re2::RE2> number;       // a document number, group "number"
  std::shared_ptr<const re2::RE2> type_before;  // type word ending right before a number
  std::shared_ptr<const re2::RE2> list_link;    // between two numbers of one list
  std::shared_ptr<const re2::RE2> date_after;   // date right after a number, group "date"
  std::shared_ptr<const re2::RE2> date_before;  // "Ngày dd/mm/yyyy, … ban hành" before it
  std::shared_ptr<const re2::RE2> date_after_issuer;  // "… của <issuer> ngày dd/mm/yyyy"
  std::shared_ptr<const re2::RE2> issuer_after;  // "của <issuer>", group "issuer"
  std::shared_ptr<const re2::RE2> not_reference;  // the letter's own "Số: …" and the like
  WordTable code_types;                 // "QĐ" → "Quyết định"
  WordTable code_issuers;               // "TTg" → "Thủ tướng Chính phủ"
  WordTable type_names;                 // folded type word → type as stored
};

struct AssigneeRules {
  std::shared_ptr<const re2::RE2> head;          // anchored: a body name starts here
  std::shared_ptr<const re2::RE2> title;         // anchored: "Thủ trưởng ", "Giám đốc " …
  std::shared_ptr<const re2::RE2> assign_after;  // "Giao", "Đề nghị" …: body follows
  std::shared_ptr<const re2::RE2> lead_before;   // "chủ trì", "có trách nhiệm": body precedes
  std::shared_ptr<const re2::RE2> support_after;  // "phối hợp với": bodies follow
  std::shared_ptr<const re2::RE2> support_blocked;  // text before "phối hợp" that cancels it
  std::shared_ptr<const re2::RE2> stop;          // ends a body phrase
  std::shared_ptr<const re2::RE2> split;         // anchored after a list separator: new body
  std::shared_ptr<const re2::RE2> collective;    // "các Sở: Tư pháp, Tài chính"
  std::shared_ptr<const re2::RE2> label;         // anchored item label to skip
  std::shared_ptr<const re2::RE2> condition;     // anchored: "Trường hợp …,", "Nếu …,": subject after a comma
};

struct PhraseRules {
  DeadlineRules deadlines;
  TargetRules targets;
  ReferenceRules references;
  AssigneeRules assignees;
  Gazetteer gazetteer;
  HolidayCalendar holidays;
};

Result<PhraseRules> load_phrase_rules(const std::filesystem::path& models_dir);

// Expands {NAME} macros defined earlier with "define.NAME = …" (exposed for
// tests). Unknown names are an error naming `where`.
Result<std::string> expand_macros(const std::string& pattern,
                                  const std::map<std::string, std::string>& defines,
                                  const std::string& where);

}  // namespace congvan
