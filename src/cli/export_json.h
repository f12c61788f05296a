// The JSON export contract (directive-export/1, shared/spec/export-json.md).
#pragma once

#include <string>
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

// Appends `j` as dump(2) gives it, every line after the first indented by
// `indent` more spaces: an element of an array printed one at a time. A
// string that is not valid UTF-8 is written with U+FFFD for its bad bytes
// rather than failing the whole output.
void append_json(std::string& out, const nlohmann::ordered_json& j, int indent);

// The same text as export_to_json(documents).dump(2), written a document
// at a time: begin, then add() each document, then end().
class ExportJsonWriter {
 public:
  explicit ExportJsonWriter(std::string& out);
  void add(const DocumentRecord& document);
  void end();

 private:
  std::string& out_;
  bool any_ = false;
};

}  // namespace congvan
