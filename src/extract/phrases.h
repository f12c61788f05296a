// Phrase-level extraction inside one item's text: deadlines, targets,
// references, assignees, and the gazetteer lookup of body names.
//
// Pure functions of (rules, text); thread-safe.
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
// programme periods or start dates).
std::vector<Deadline> find_deadlines(const PhraseRules& rules, std::string_view text,
                                     const PhraseContext& context);

std::vector<Target> find_targets(const PhraseRules& rules, std::string_view text);

std::vector<Reference> find_references(const PhraseRules& rules, std::string_view text);

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

}  // namespace congvan
