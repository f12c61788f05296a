// run_batch: files, folders and archive entries ingested by several reading
// workers and one writer (the calling thread), in input order. The OCR pages
// of one scanned PDF are shared among the workers.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "congvan/pipeline.h"
#include "ingest/archive.h"
#include "util/sha256.h"

namespace congvan {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// One input in the batch, from the moment it is hashed until it is written.
struct Slot {
  enum class State { kResolved, kReading, kRead, kSameAsEarlier };
  State state = State::kResolved;
  IngestOutcome outcome;                      // kResolved: final
  std::optional<Result<NewDocument>> prepared;  // kRead: the worker's result
  std::string sha256;
  std::string path;
  double read_ms = 0;
};

struct Job {
  int64_t seq = 0;
  std::string bytes;
  std::string path;
  std::string sha256;
};

// A scanned PDF whose OCR pages the workers share: each takes the next page,
// the one that finishes the last puts the document together.
struct SplitDocument {
  Job job;
  PdfReading reading;
  size_t next = 0;      // the next pending page to hand out (under Shared::mutex)
  size_t finished = 0;  // pending pages done (under Shared::mutex)
  Clock::time_point start;
};

// Shared between the workers and the writer; everything under `mutex`.
struct Shared {
  std::mutex mutex;
  std::condition_variable work_ready;
  std::condition_variable slot_done;
  std::deque<Job> jobs;
  std::deque<std::shared_ptr<SplitDocument>> split;  // documents with pages left to hand out
  std::map<int64_t, Slot> slots;
  bool closing = false;
};

// Hands a worker's result to the writer.
void publish(Shared& shared, int64_t seq, std::optional<Result<NewDocument>> result, double elapsed) {
  {
    std::lock_guard lock(shared.mutex);
    Slot& slot = shared.slots[seq];
    slot.prepared = std::move(result);
    slot.read_ms = elapsed;
    slot.state = Slot::State::kRead;
  }
  shared.slot_done.notify_all();
}

// OCRs one page of a split document; the last page done finishes it.
void read_split_page(Shared& shared, DocumentPreparer& preparer, const std::shared_ptr<SplitDocument>& doc,
                     size_t page) {
  try {
    preparer.reader().ocr_pending_page(doc->job.bytes, doc->reading, page);
  } catch (const std::exception& e) {
    doc->reading.pending[page].done = true;
    doc->reading.pending[page].error =
        Status::error(doc->job.path + ": internal error while reading: " + e.what());
  }
  {
    std::lock_guard lock(shared.mutex);
    if (++doc->finished < doc->reading.pending.size()) return;
  }
  std::optional<Result<NewDocument>> result;
  try {
    auto text = Reader::finish_pdf(std::move(doc->reading));
    if (text) {
      result.emplace(preparer.complete(std::move(text.value()), doc->job.path, source_name(doc->job.path),
                                       doc->job.sha256));
    } else {
      result.emplace(text.status());
    }
  } catch (const std::exception& e) {
    result.emplace(Status::error(doc->job.path + ": internal error while reading: " + e.what()));
  }
  publish(shared, doc->job.seq, std::move(result), ms_since(doc->start));
}

// Reads one document. With other workers, a PDF with two or more pages to
// OCR is split: its pages are queued for every worker and nothing is
// published here.
void read_document(Shared& shared, DocumentPreparer& preparer, Job job, int workers) {
  const auto start = Clock::now();
  std::optional<Result<NewDocument>> result;
  try {
    if (workers > 1 && sniff_file_kind(job.bytes) == FileKind::kPdf) {
      auto reading = preparer.reader().start_pdf(job.bytes, job.path);
      if (reading && reading->pending.size() >= 2) {
        auto doc = std::make_shared<SplitDocument>();
        doc->job = std::move(job);
        doc->reading = std::move(reading.value());
        doc->start = start;
        {
          std::lock_guard lock(shared.mutex);
          shared.split.push_back(std::move(doc));
        }
        shared.work_ready.notify_all();
        return;
      }
    }
    result.emplace(preparer.prepare(job.bytes, job.path, source_name(job.path), job.sha256));
  } catch (const std::exception& e) {
    result.emplace(Status::error(job.path + ": internal error while reading: " + e.what()));
  }
  publish(shared, job.seq, std::move(result), ms_since(start));
}

void worker_loop(Shared& shared, const std::shared_ptr<const Rules>& rules, const ReadOptions& options,
                 int workers) {
  DocumentPreparer preparer(rules, options);
  while (true) {
    Job job;
    std::shared_ptr<SplitDocument> doc;
    size_t page = 0;
    {
      std::unique_lock lock(shared.mutex);
      shared.work_ready.wait(lock, [&] { return shared.closing || !shared.jobs.empty() || !shared.split.empty(); });
      // Pages of a split document first: it is written before later inputs.
      if (!shared.split.empty()) {
        doc = shared.split.front();
        page = doc->next++;
        if (doc->next == doc->reading.pending.size()) shared.split.pop_front();
      } else if (!shared.jobs.empty()) {
        job = std::move(shared.jobs.front());
        shared.jobs.pop_front();
      } else {
        return;
      }
    }
    if (doc) {
      read_split_page(shared, preparer, doc, page);
    } else {
      read_document(shared, preparer, std::move(job), workers);
    }
  }
}

Result<std::string> read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path.string() + ": cannot open file (missing or no permission)");
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::error(path.string() + ": read error");
  return ss.str();
}

IngestOutcome failed(const std::string& path, const std::string& message) {
  IngestOutcome out;
  out.path = path;
  out.message = message;
  return out;
}

class Batch {
 public:
  Batch(Store* store, std::shared_ptr<const Rules> rules, const BatchOptions& options,
        const std::function<void(const IngestOutcome&)>& on_outcome,
        const std::function<void(const BatchProgress&)>& on_progress)
      : store_(store), rules_(std::move(rules)), options_(options), on_outcome_(on_outcome),
        on_progress_(on_progress) {
    jobs_ = options.jobs > 0 ? options.jobs
                             : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    capacity_ = 2 * jobs_ + 2;
  }

  BatchSummary run(const std::vector<std::filesystem::path>& inputs) {
    start_ = Clock::now();
    progress_.files_total = count_inputs(inputs);
    std::vector<std::thread> workers;
    if (!options_.dry_run) {
      for (int i = 0; i < jobs_; ++i) {
        workers.emplace_back(worker_loop, std::ref(shared_), std::cref(rules_),
                             std::cref(options_.read), jobs_);
      }
    }
    for (const auto& input : inputs) {
      if (is_archive_name(input.filename().string())) {
        add_archive(input);
      } else {
        auto bytes = read_whole_file(input);
        if (!bytes) {
          submit_resolved(failed(input.string(), bytes.message()));
        } else {
          submit_bytes(std::move(bytes.value()), input.string());
        }
      }
    }
    {
      std::unique_lock lock(shared_.mutex);
      while (next_write_ < next_seq_) {
        write_ready(lock);
        if (next_write_ < next_seq_) shared_.slot_done.wait(lock);
      }
      shared_.closing = true;
    }
    shared_.work_ready.notify_all();
    for (auto& w : workers) w.join();
    summary_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    return summary_;
  }

 private:
  // Files count one each; archives count their entries (when progress is shown).
  int count_inputs(const std::vector<std::filesystem::path>& inputs) {
    int total = 0;
    for (const auto& input : inputs) {
      if (!on_progress_ || !is_archive_name(input.filename().string())) {
        ++total;
        continue;
      }
      auto reader = ArchiveReader::open(input);
      if (!reader) {
        ++total;
        continue;
      }
      int entries = 0;
      while (true) {
        auto name = reader->next_name();
        if (!name || !*name) break;
        if (wanted_entry(**name)) ++entries;
      }
      total += std::max(entries, 1);
    }
    return total;
  }

  static bool wanted_entry(const std::string& name) {
    const std::string file = source_name(name);
    return !is_ignored_name(file) && has_input_extension(file);
  }

  void add_archive(const std::filesystem::path& input) {
    auto reader = ArchiveReader::open(input);
    if (!reader) {
      submit_resolved(failed(input.string(), reader.message()));
      return;
    }
    while (true) {
      auto entry = reader->next();
      if (!entry) {
        submit_resolved(failed(input.string(), entry.message()));
        return;
      }
      if (!*entry) return;
      ArchiveEntry& e = **entry;
      if (!wanted_entry(e.name)) continue;
      const std::string path = input.string() + "!/" + e.name;
      if (is_archive_name(source_name(e.name))) {
        submit_resolved(failed(path, path + ": an archive inside an archive is not read; "
                                            "extract it and ingest it on its own"));
        continue;
      }
      submit_bytes(std::move(e.bytes), path);
    }
  }

  // Hashes and looks up the bytes, then queues them for a worker unless
  // they are already stored or repeat an earlier input of this batch.
  void submit_bytes(std::string bytes, const std::string& path) {
    const auto start = Clock::now();
    Slot slot;
    slot.path = path;
    slot.sha256 = sha256_hex(bytes);
    slot.outcome.path = path;
    slot.outcome.sha256 = slot.sha256;
    if (store_) {
      auto existing = store_->find_by_sha256(slot.sha256);
      if (!existing) {
        slot.outcome.message = path + ": " + existing.message();
        slot.outcome.store_error = true;
        submit(std::move(slot), std::nullopt);
        return;
      }
      if (*existing) {
        slot.outcome.kind = IngestOutcome::Kind::kDuplicate;
        slot.outcome.document_id = **existing;
        if (auto doc = store_->load_document(**existing)) slot.outcome.duplicate_of = doc->path;
        slot.outcome.milliseconds = ms_since(start);
        submit(std::move(slot), std::nullopt);
        return;
      }
    }
    if (auto it = first_path_.find(slot.sha256); it != first_path_.end()) {
      if (options_.dry_run) {
        slot.outcome.kind = IngestOutcome::Kind::kDuplicate;
        slot.outcome.duplicate_of = it->second;
      } else {
        slot.state = Slot::State::kSameAsEarlier;
      }
      submit(std::move(slot), std::nullopt);
      return;
    }
    first_path_.emplace(slot.sha256, path);
    if (options_.dry_run) {
      slot.outcome.kind = IngestOutcome::Kind::kAdded;
      submit(std::move(slot), std::nullopt);
      return;
    }
    slot.state = Slot::State::kReading;
    Job job{0, std::move(bytes), path, slot.sha256};
    submit(std::move(slot), std::move(job));
  }

  void submit_resolved(IngestOutcome outcome) {
    Slot slot;
    slot.path = outcome.path;
    slot.outcome = std::move(outcome);
    submit(std::move(slot), std::nullopt);
  }

  // Adds a slot (and its job); waits while too many are in flight, writing
  // what is ready meanwhile.
  void submit(Slot slot, std::optional<Job> job) {
    std::unique_lock lock(shared_.mutex);
    const int64_t seq = next_seq_++;
    shared_.slots[seq] = std::move(slot);
    if (job) {
      job->seq = seq;
      shared_.jobs.push_back(std::move(*job));
      shared_.work_ready.notify_one();
    }
    write_ready(lock);
    while (next_seq_ - next_write_ >= capacity_) {
      shared_.slot_done.wait(lock);
      write_ready(lock);
    }
  }

  // Writes and reports the slots that are ready, in input order. Called
  // with the lock held; releases it while writing.
  void write_ready(std::unique_lock<std::mutex>& lock) {
    while (true) {
      auto it = shared_.slots.find(next_write_);
      if (it == shared_.slots.end() || it->second.state == Slot::State::kReading) return;
      Slot slot = std::move(it->second);
      shared_.slots.erase(it);
      lock.unlock();
      IngestOutcome outcome = finish(std::move(slot));
      report(outcome);
      lock.lock();
      ++next_write_;
    }
  }

  IngestOutcome finish(Slot slot) {
    switch (slot.state) {
      case Slot::State::kResolved:
      case Slot::State::kReading:
        return std::move(slot.outcome);
      case Slot::State::kRead: {
        const auto start = Clock::now();
        IngestOutcome out = store_prepared(*store_, slot.path, std::move(*slot.prepared));
        out.sha256 = slot.sha256;
        out.milliseconds = slot.read_ms + ms_since(start);
        if (out.kind == IngestOutcome::Kind::kFailed) failure_of_.emplace(slot.sha256, out.message);
        return out;
      }
      case Slot::State::kSameAsEarlier: {
        IngestOutcome out = std::move(slot.outcome);
        auto existing = store_->find_by_sha256(slot.sha256);
        if (existing && *existing) {
          out.kind = IngestOutcome::Kind::kDuplicate;
          out.document_id = **existing;
          out.duplicate_of = first_path_[slot.sha256];
        } else if (!existing) {
          out.message = slot.path + ": " + existing.message();
          out.store_error = true;
        } else {
          auto reason = failure_of_.find(slot.sha256);
          out.message = slot.path + ": same bytes as " + first_path_[slot.sha256] +
                        (reason != failure_of_.end() ? ", which failed: " + reason->second
                                                     : ", which failed");
        }
        return out;
      }
    }
    return std::move(slot.outcome);
  }

  void report(const IngestOutcome& outcome) {
    switch (outcome.kind) {
      case IngestOutcome::Kind::kAdded:
        ++summary_.added;
        summary_.tasks += outcome.tasks;
        break;
      case IngestOutcome::Kind::kDuplicate:
        ++summary_.duplicates;
        break;
      case IngestOutcome::Kind::kFailed:
        ++summary_.failed;
        break;
    }
    summary_.pages += outcome.pages;
    if (on_outcome_) on_outcome_(outcome);
    ++progress_.files_done;
    progress_.files_total = std::max(progress_.files_total, progress_.files_done);
    progress_.pages = summary_.pages;
    progress_.failed = summary_.failed;
    progress_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (on_progress_) on_progress_(progress_);
  }

  Store* store_;
  std::shared_ptr<const Rules> rules_;
  const BatchOptions& options_;
  const std::function<void(const IngestOutcome&)>& on_outcome_;
  const std::function<void(const BatchProgress&)>& on_progress_;
  int jobs_ = 1;
  int64_t capacity_ = 4;
  Shared shared_;
  int64_t next_seq_ = 0;    // the next input's number (producer)
  int64_t next_write_ = 0;  // the next input to write (writer)
  std::unordered_map<std::string, std::string> first_path_;  // sha256 → first path in this batch
  std::unordered_map<std::string, std::string> failure_of_;  // sha256 → why it failed
  BatchProgress progress_;
  BatchSummary summary_;
  Clock::time_point start_;
};

}  // namespace

BatchSummary run_batch(Store* store, std::shared_ptr<const Rules> rules,
                       const std::vector<std::filesystem::path>& inputs,
                       const BatchOptions& options,
                       const std::function<void(const IngestOutcome&)>& on_outcome,
                       const std::function<void(const BatchProgress&)>& on_progress) {
  Batch batch(store, std::move(rules), options, on_outcome, on_progress);
  return batch.run(inputs);
}

}  // namespace congvan
