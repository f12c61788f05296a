// Extraction: from a letter's text to its header, tasks, deadlines,
// assignees, targets and references.
//
// Pure function of (rules, text): thread-safe, never fails (a letter with no
// recognisable parts gives an Extraction with empty fields).
#pragma once

#include "congvan/document_text.h"
#include "congvan/letter.h"
#include "congvan/rules.h"

namespace congvan {

Extraction extract(const Rules& rules, const DocumentText& text);

}  // namespace congvan
