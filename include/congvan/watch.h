// The inbox watcher: takes letters dropped into a folder, ingests each one
// once, and moves it out of the way.
//
// A file is taken when its size and mtime have not changed for
// `settle_ms`; temporary and hidden names are never taken. Each file is
// hashed, journalled (congvan/journal.h), ingested in one transaction and
// then moved: processed/YYYY/MM/<subfolder>/NAME when added,
// processed/duplicates/NAME when its bytes were already stored,
// failed/NAME plus failed/NAME.error.txt (one line: why) when it cannot be
// read. A database error (disk full, read-only) leaves the file where it is
// and the watcher retries it with back-off. SIGINT/SIGTERM end the run after
// the file in hand. The Watcher owns no thread: run() works on the caller's
// thread and uses the Store it was given (the one writer connection).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "congvan/reader.h"
#include "congvan/result.h"
#include "congvan/rules.h"
#include "congvan/store.h"

namespace congvan {

struct WatchOptions {
  std::filesystem::path inbox;        // the folder watched, with its subfolders
  std::filesystem::path processed;    // empty: <inbox>/processed
  std::filesystem::path failed;       // empty: <inbox>/failed
  bool keep = false;                  // leave files where they are (remembered by the journal)
  int settle_ms = 2000;               // size and mtime unchanged this long before a file is taken
  double poll_seconds = 0;            // > 0: no inotify, look every N seconds (network shares)
  double rescan_seconds = 60;         // full rescan this often with inotify (missed events)
  bool once = false;                  // take what is in the inbox now, then return
  int max_backoff_ms = 60000;         // longest wait between retries after a database error
  ReadOptions read;                   // how letters are read
};

// One line of log per file, and messages about the watcher itself.
struct WatchLog {
  std::function<void(const std::string&)> file;     // "time  result  file  tasks  ms  → where"
  std::function<void(const std::string&)> problem;  // retries, inbox errors
};

struct WatchSummary {
  int added = 0;
  int duplicates = 0;
  int failed = 0;
  int waiting = 0;  // left in the inbox after a database error (only with `once`)
};

class Watcher {
 public:
  Watcher(Store& store, std::shared_ptr<const Rules> rules, WatchOptions options, WatchLog log);
  ~Watcher();

  // Watches until SIGINT/SIGTERM (or, with `once`, until the inbox is done).
  // Errors are those that stop the watcher at start (inbox missing, no
  // inotify); per-file problems are logged and never stop it.
  Result<WatchSummary> run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace congvan
