// The full rule set: structure rules and phrase rules, plus a version string.
#pragma once

#include <string>

#include "congvan/rules.h"
#include "extract/phrase_rules.h"
#include "parse/structure_rules.h"

namespace congvan {

struct Rules {
  std::string version;  // "r-" + first 12 hex of sha256 over the rule files
  StructureRules structure;
  PhraseRules phrases;
};

}  // namespace congvan
