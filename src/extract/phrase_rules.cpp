// Loading the phrase rules from models/.
#include "extract/phrase_rules.h"

namespace congvan {

Result<PhraseRules> load_phrase_rules(const std::filesystem::path&) {
  return PhraseRules{};
}

}  // namespace congvan
