// The ingest pipeline: one input file → hash → read → extract → store.
//
// An Ingestor belongs to one thread (it holds a Reader with its OCR engine
// and writes through one Store). Every outcome is a value: a bad file gives
// kFailed with a one-line message naming it, and the database is unchanged.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "congvan/reader.h"
#include "congvan/rules.h"
#include "congvan/store.h"

namespace congvan {

struct IngestOutcome {
  enum class Kind { kAdded, kDuplicate, kFailed };
  Kind kind = Kind::kFailed;
  std::string path;          // as given ("inbox/a.pdf", "x.zip!/a.pdf")
  std::string message;       // failure reason, one line, names the file
  int64_t document_id = 0;   // added or the stored duplicate
  std::string duplicate_of;  // path of the stored document, for duplicates
  int tasks = 0;
  int pages = 0;
  double milliseconds = 0;
};

const char* to_string(IngestOutcome::Kind kind);

class Ingestor {
 public:
  Ingestor(Store& store, std::shared_ptr<const Rules> rules, ReadOptions options = {});

  // Ingests one file from disk.
  IngestOutcome ingest_file(const std::filesystem::path& path);
  // Ingests bytes read elsewhere (an archive entry); `path` names them in
  // messages and the store, `source` is the file name without folders.
  IngestOutcome ingest_bytes(std::string_view bytes, const std::string& path,
                             const std::string& source);

 private:
  Store& store_;
  std::shared_ptr<const Rules> rules_;
  Reader reader_;
};

// Expands files and folders into the list of input files. Files named on the
// command line are taken as they are; inside folders (recursively, sorted)
// only files with an input extension (has_input_extension) are taken, and
// temporary or hidden ones are left out. Paths that do not exist are
// reported in `missing`.
std::vector<std::filesystem::path> collect_inputs(const std::vector<std::string>& args,
                                                  std::vector<std::string>* missing);

// True for the extensions of letters and archives congvan reads (.txt, .pdf,
// images, .zip, .tar, .tar.gz …), case-insensitive.
bool has_input_extension(const std::string& file_name);

// True for names the pipeline never reads: temporary or hidden files.
bool is_ignored_name(const std::string& file_name);

}  // namespace congvan
