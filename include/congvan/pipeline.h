// The ingest pipeline: one input file → hash → read → extract → store, and
// the batch that runs it over folders and archives with several workers.
//
// An Ingestor belongs to one thread (it holds a Reader with its OCR engine
// and writes through one Store). Every outcome is a value: a bad file gives
// kFailed with a one-line message naming it, and the database is unchanged.
// The reading half (DocumentPreparer) needs no Store and may run on worker
// threads, one DocumentPreparer per thread; the storing half
// (store_prepared) runs on the one thread that owns the Store.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
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
  // kFailed because the database refused (disk full, read-only, locked),
  // not because of the file: the file is fine, try it again later.
  bool store_error = false;
  std::string sha256;        // of the bytes, when they could be read
};

const char* to_string(IngestOutcome::Kind kind);

// The reading half of an ingest: from bytes to a document ready to store
// (text and extraction), touching no database. Not thread-safe (it owns a
// Reader); use one per worker thread and reuse it across files.
class DocumentPreparer {
 public:
  DocumentPreparer(std::shared_ptr<const Rules> rules, ReadOptions options = {});

  // Reads and extracts `bytes` (whose hash is `sha256`). `path` names them
  // in messages and in the store; `source` is the file name alone.
  Result<NewDocument> prepare(std::string_view bytes, const std::string& path,
                              const std::string& source, const std::string& sha256);

  // The extraction of a text read elsewhere (a PDF whose pages several
  // workers OCR'd), as prepare would give it.
  NewDocument complete(DocumentText text, const std::string& path, const std::string& source,
                       const std::string& sha256) const;

  // This preparer's Reader (its OCR engine), for page-level work.
  Reader& reader() { return reader_; }

 private:
  std::shared_ptr<const Rules> rules_;
  Reader reader_;
};

// The storing half: writes a prepared document (one transaction) or turns
// the preparation's error into a kFailed outcome. Runs on the Store's thread.
// The outcome's milliseconds are left to the caller.
IngestOutcome store_prepared(Store& store, const std::string& path,
                             Result<NewDocument> prepared);

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
  DocumentPreparer preparer_;
};

// The file name alone of an input path ("a.pdf" for "x.zip!/dir/a.pdf").
std::string source_name(const std::string& path);

// True for archive names congvan opens (.zip, .tar, .tgz, .tar.gz, .tar.bz2,
// .tar.xz), case-insensitive.
bool is_archive_name(const std::string& file_name);

// ---- Batch: many files and archives, documents read in parallel ----------

struct BatchOptions {
  int jobs = 0;              // worker threads reading documents; 0: the number of cores
  bool dry_run = false;      // hash and look up only: nothing is read or written
  ReadOptions read;          // how each worker's Reader reads
};

// Where a batch is, for a progress bar.
struct BatchProgress {
  int files_done = 0;
  int files_total = 0;       // grows as archives are opened and counted
  int pages = 0;             // pages read so far
  int failed = 0;
  double seconds = 0;        // since the batch started
};

struct BatchSummary {
  int added = 0;
  int tasks = 0;
  int duplicates = 0;        // already stored (also: would be, in a dry run)
  int failed = 0;
  int pages = 0;
  double seconds = 0;
};

// Ingests `inputs` (files, folders already expanded by collect_inputs,
// archives whose entries are read as "x.zip!/dir/a.pdf") into `store`.
// Bytes already stored are skipped by hash before anything is read, so a
// batch stopped at any moment is resumed by running it again. Documents are
// read by `options.jobs` workers and written by the calling thread, in input
// order, one transaction each: `on_outcome` is called on the calling thread
// for every input in input order; `on_progress` after each one. In a dry run
// `store` may be null (no database yet) and outcomes say what would happen:
// kAdded "would be added", kDuplicate "already stored", kFailed "cannot be
// read" (missing, unreadable or damaged archive).
BatchSummary run_batch(Store* store, std::shared_ptr<const Rules> rules,
                       const std::vector<std::filesystem::path>& inputs,
                       const BatchOptions& options,
                       const std::function<void(const IngestOutcome&)>& on_outcome,
                       const std::function<void(const BatchProgress&)>& on_progress = {});

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
