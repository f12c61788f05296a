// The extraction rules: patterns, keyword lists, the gazetteer of state
// bodies and the holiday table, loaded from the `models/` folder.
//
// Rules are immutable once loaded and safe to share between threads. A broken
// rule file is an error naming the file and line, never a silent non-match.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "congvan/result.h"

namespace congvan {

struct Rules;  // defined in src/extract/rules.h

// Loads and compiles every rule file under `models_dir`.
Result<std::shared_ptr<const Rules>> load_rules(const std::filesystem::path& models_dir);

// A short fingerprint of the loaded rule files (stored with each extraction).
const std::string& rules_version(const Rules& rules);

// $CONGVAN_MODELS, else the source tree's models/ compiled in, else
// <prefix>/share/congvan/models next to the installed binary.
std::filesystem::path default_models_dir();

}  // namespace congvan
