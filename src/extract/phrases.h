// Phrase-level extraction inside one item's text: deadlines, targets,
// references, assignees, and the gazetteer lookup of body names.
//
// Pure functions of (rules, text); thread-safe. Every pattern was compiled
// when the rules were loaded: nothing here builds a regex or calls ICU.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "congvan/letter.h"
#include "extract/phrase_rules.h"

namespace congvan {

struct PhraseContext {
  std::optional<std::string> letter_date;  // ISO, possibly partial ("2023")
};

// Every time limit in `text` (never dates of cited documents, meeting dates,
// programme periods or start dates), in text order, without duplicates. A
// date without a year takes the letter's year (the next one when it would
// fall before the letter's date); a relative limit from the letter itself
// ("kể từ ngày ký") gets its due date; an explicit date before a fully known
// letter date is background, not a deadline, and is dropped.
std::vector<Deadline> find_deadlines(const PhraseRules& rules, std::string_view text,
                                     const PhraseContext& context);

// Quantitative targets ("ít nhất 50%", "1.200 tỷ đồng", "tối đa 10 ngày").
std::vector<Target> find_targets(const PhraseRules& rules, std::string_view text);

// A target from an appendix table cell ("Tối thiểu 80", "100", "≥ 90") whose
// unit is given by its column; nullopt when the cell holds no number.
std::optional<Target> parse_target_cell(const PhraseRules& rules, std::string_view cell,
                                        std::string_view unit);

// Cited documents with a number, each listed once (the first mention; a
// later mention fills a missing date or issuer).
std::vector<Reference> find_references(const PhraseRules& rules, std::string_view text);

// Merges references found in several parts of one letter: one per number
// (compared without spaces, case or diacritics), keeping the first full date.
std::vector<Reference> merge_references(const std::vector<Reference>& references);

// Who leads and who supports the work described in `text`; empty lead when
// the text names nobody (the caller then inherits from the parent item).
struct Assignment {
  std::vector<Assignee> lead;
  std::vector<Assignee> support;
};
Assignment find_assignees(const PhraseRules& rules, std::string_view text);

// The gazetteer's canonical name for a body as written ("Sở TT&TT" →
// "Sở Thông tin và Truyền thông"), nullopt when unknown.
std::optional<std::string> canonical_body(const PhraseRules& rules, std::string_view name);

// The body that now does the work of `name` after the 2025 mergers ("Sở
// Kế hoạch và Đầu tư" → "Sở Tài chính"), nullopt when unchanged or unknown.
std::optional<std::string> successor_body(const PhraseRules& rules, std::string_view name);

}  // namespace congvan
