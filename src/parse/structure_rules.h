// Rules for the letter's structure (header, item labels, signer, appendix),
// loaded from models/structure.rules.
//
// Every key of the file holds one or more RE2 patterns (case-insensitive),
// optionally mapped to a value ("pattern => value"). Unknown keys and broken
// patterns are load errors naming the file and line. Immutable after load,
// safe to share between threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "congvan/result.h"

namespace congvan {

struct StructurePattern {
  std::shared_ptr<const re2::RE2> re;
  std::string value;  // the "=> value" part, empty when none
};

struct StructureRules {
  std::map<std::string, std::vector<StructurePattern>> patterns;

  // The patterns under `key` (empty when the key is absent).
  const std::vector<StructurePattern>& get(const std::string& key) const;
  // True when any pattern under `key` matches somewhere in `text`.
  bool matches(const std::string& key, std::string_view text) const;
  // The first pattern under `key` that matches `text` (partial match).
  const StructurePattern* find(const std::string& key, std::string_view text) const;
  // Length in bytes of the match of the first pattern under `key` anchored
  // at the start of `text` (nullopt when none matches).
  std::optional<size_t> prefix_length(const std::string& key, std::string_view text) const;
};

Result<StructureRules> load_structure_rules(const std::filesystem::path& models_dir);

}  // namespace congvan
