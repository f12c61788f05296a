// The JSON export contract (directive-export/1, shared/spec/export-json.md).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "congvan/query.h"
#include "congvan/store.h"

namespace congvan {

inline constexpr const char* kExportSchema = "directive-export/1";

nlohmann::ordered_json deadline_to_json(const Deadline& deadline);
nlohmann::ordered_json task_to_json(const Task& task);
nlohmann::ordered_json document_to_json(const DocumentRecord& document);
// One row of `deadlines --format json`: the deadline, its task and document.
nlohmann::ordered_json deadline_hit_to_json(const DeadlineHit& hit);
// {"schema": ..., "documents": [...]}
nlohmann::ordered_json export_to_json(const std::vector<DocumentRecord>& documents);

}  // namespace congvan
