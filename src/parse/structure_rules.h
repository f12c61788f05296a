// Rules for the letter's structure (header, item labels, signer, appendix),
// loaded from models/structure.rules.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include <re2/re2.h>

#include "congvan/result.h"

namespace congvan {

struct StructureRules {
  // Filled by load_structure_rules; compiled patterns, keyword lists.
};

Result<StructureRules> load_structure_rules(const std::filesystem::path& models_dir);

}  // namespace congvan
