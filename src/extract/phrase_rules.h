// Rules for phrases inside items (deadlines, assignees, targets, references),
// the gazetteer and the holiday table, loaded from models/.
#pragma once

#include <filesystem>

#include "congvan/result.h"

namespace congvan {

struct PhraseRules {
  // Filled by load_phrase_rules.
};

Result<PhraseRules> load_phrase_rules(const std::filesystem::path& models_dir);

}  // namespace congvan
