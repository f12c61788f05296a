// Loading models/structure.rules into compiled, case-insensitive RE2 patterns.
#include "parse/structure_rules.h"

#include <set>

#include "extract/rules_file.h"

namespace congvan {
namespace {

const std::set<std::string>& known_keys() {
  static const std::set<std::string> keys = {
      "stamp_line", "motto", "number", "place_date", "subject_marker", "recipients_marker",
      "doc_type", "symbol_type", "issuer_body_start", "issuer_ubnd", "issuer_ubnd_short",
      "body_start", "label_roman", "label_arabic", "label_arabic_multi", "label_letter",
      "label_letter_dot", "label_bullet", "closing_cue", "closing_generic", "background_cue",
      "assign_start", "body_word", "component_list_cue", "directive_verb", "closing_start",
      "end_mark", "signer_prefix", "head_title", "recipients_list_item", "appendix_start",
      "appendix_header", "appendix_comparator", "appendix_unit_value", "column_task",
      "column_lead", "column_support", "continues_line", "attendee_role", "attendee_unit_list", "column_time", "column_unit", "column_target",
      "closing_notice", "section_title", "deputy_title", "addressee_order", "field_bullet",
      "label_article", "same_as_part", "implementing_section", "attached_marker", "heading_role",
      "copies_executor", "copies_not_addressee", "column_body", "column_target_unit", "column_body_total", "urgency_mark", "issuer_hdnd"};
  return keys;
}

// Keys whose patterns are matched case-sensitively (labels, capital lines).
bool case_sensitive_key(const std::string& key) {
  return key == "number" || key == "label_roman" || key == "label_letter" || key == "label_letter_dot" ||
         key == "doc_type" || key == "issuer_body_start" || key == "signer_prefix" ||
         key == "head_title" || key == "deputy_title" || key == "symbol_type" || key == "appendix_header" ||
         key == "body_start" || key == "closing_cue" || key == "closing_generic" ||
         key == "assign_start" || key == "directive_verb" || key == "label_article";
}

}  // namespace

const std::vector<StructurePattern>& StructureRules::get(const std::string& key) const {
  static const std::vector<StructurePattern> kEmpty;
  auto it = patterns.find(key);
  return it == patterns.end() ? kEmpty : it->second;
}

bool StructureRules::matches(const std::string& key, std::string_view text) const {
  return find(key, text) != nullptr;
}

const StructurePattern* StructureRules::find(const std::string& key, std::string_view text) const {
  for (const auto& p : get(key)) {
    if (re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *p.re)) return &p;
  }
  return nullptr;
}

std::optional<size_t> StructureRules::prefix_length(const std::string& key, std::string_view text) const {
  for (const auto& p : get(key)) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    if (p.re->Match(input, 0, input.size(), re2::RE2::ANCHOR_START, &match, 1)) return match.size();
  }
  return std::nullopt;
}

Result<StructureRules> load_structure_rules(const std::filesystem::path& models_dir) {
  const auto path = models_dir / "structure.rules";
  auto entries = read_rule_file(path);
  if (!entries) return entries.status();
  StructureRules rules;
  for (const auto& e : *entries) {
    if (!known_keys().count(e.key)) return Status::error(e.where() + ": unknown key '" + e.key + "'");
    std::string pattern = e.value;
    std::string value;
    if (auto arrow = pattern.rfind(" => "); arrow != std::string::npos) {
      value = pattern.substr(arrow + 4);
      pattern = pattern.substr(0, arrow);
      while (!pattern.empty() && pattern.back() == ' ') pattern.pop_back();
    }
    auto re = compile_pattern(pattern, e.where(), case_sensitive_key(e.key));
    if (!re) return re.status();
    rules.patterns[e.key].push_back({std::move(re.value()), std::move(value)});
  }
  for (const char* required : {"motto", "number", "place_date", "label_arabic", "closing_start"}) {
    if (rules.get(required).empty()) {
      return Status::error(path.string() + ": missing required key '" + required + "'");
    }
  }
  return rules;
}

}  // namespace congvan
