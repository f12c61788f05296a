// The inbox watcher: inotify or polling, the settle check, and the journal
// protocol that moves a file only after its document is committed.
#include "congvan/watch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "congvan/journal.h"
#include "congvan/pipeline.h"
#include "util/sha256.h"
#include "watch/unique_fd.h"

namespace congvan {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

std::string local_time(const char* format) {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

struct FileStamp {
  uintmax_t size = 0;
  fs::file_time_type mtime{};
  bool operator==(const FileStamp&) const = default;
};

std::optional<FileStamp> stamp_of(const fs::path& path) {
  std::error_code ec;
  FileStamp s;
  if (!fs::is_regular_file(path, ec) || ec) return std::nullopt;
  s.size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  s.mtime = fs::last_write_time(path, ec);
  if (ec) return std::nullopt;
  return s;
}

// A file seen in the inbox, waiting until it has settled (or for a retry).
struct Candidate {
  FileStamp stamp;
  Clock::time_point stable_since;
  Clock::time_point due;
  int attempts = 0;  // database errors so far
};

// Blocks SIGINT/SIGTERM for this thread and reads them from a signalfd
// instead; restores the mask when it goes away.
class SignalCatcher {
 public:
  SignalCatcher() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
    fd_ = UniqueFd(signalfd(-1, &set_, SFD_NONBLOCK | SFD_CLOEXEC));
  }
  ~SignalCatcher() {
    drain();
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SignalCatcher(const SignalCatcher&) = delete;
  SignalCatcher& operator=(const SignalCatcher&) = delete;

  int fd() const { return fd_.get(); }
  bool valid() const { return fd_.valid(); }
  // True when a signal arrived (and consumes it).
  bool drain() {
    bool got = false;
    signalfd_siginfo info{};
    while (fd_.valid() && ::read(fd_.get(), &info, sizeof info) == sizeof info) got = true;
    return got;
  }

 private:
  sigset_t set_{};
  sigset_t old_{};
  UniqueFd fd_;
};

enum class Step { kDone, kRetry };

}  // namespace

struct Watcher::Impl {
  Store& store;
  Journal journal;
  Ingestor ingestor;
  WatchOptions opt;
  WatchLog log;
  fs::path inbox, processed, failed;      // as used in paths
  fs::path inbox_key, processed_key, failed_key;  // canonical, for comparisons
  UniqueFd inotify;
  std::unordered_map<int, fs::path> watched;  // inotify watch → folder
  std::map<fs::path, Candidate> candidates;
  std::map<fs::path, FileStamp> kept;  // --keep: handled files, not to hash again
  WatchSummary summary;
  bool stopping = false;
  std::string retry_reason;  // why the last file must be retried

  Impl(Store& s, std::shared_ptr<const Rules> rules, WatchOptions o, WatchLog l)
      : store(s), journal(s), ingestor(s, std::move(rules), o.read), opt(std::move(o)),
        log(std::move(l)) {}

  void problem(const std::string& message) {
    if (log.problem) log.problem(message);
  }

  bool excluded_folder(const fs::path& dir) const {
    const std::string name = dir.filename().string();
    if (!name.empty() && name[0] == '.') return true;
    std::error_code ec;
    const fs::path key = fs::weakly_canonical(dir, ec);
    return key == processed_key || key == failed_key;
  }

  static bool wanted_name(const std::string& name) {
    return !is_ignored_name(name) && has_input_extension(name);
  }

  void add_watch(const fs::path& dir) {
    if (!inotify.valid()) return;
    int wd = inotify_add_watch(inotify.get(), dir.c_str(),
                               IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ONLYDIR);
    if (wd < 0) {
      problem(fmt::format("{}: cannot watch this folder ({}); it is still rescanned every {} s",
                          dir.string(), std::strerror(errno), opt.rescan_seconds));
      return;
    }
    watched[wd] = dir;
  }

  // Notes a file seen (event or scan): new, changed, or unchanged.
  void note(const fs::path& path) {
    auto stamp = stamp_of(path);
    if (!stamp) {
      candidates.erase(path);
      return;
    }
    if (opt.keep) {
      auto k = kept.find(path);
      if (k != kept.end() && k->second == *stamp) return;
    }
    const auto now = Clock::now();
    auto [it, inserted] = candidates.try_emplace(path);
    Candidate& c = it->second;
    if (inserted || !(c.stamp == *stamp)) {
      c.stamp = *stamp;
      c.stable_since = now;
      c.due = std::max(c.due, now + std::chrono::milliseconds(opt.settle_ms));
    }
  }

  // Every file below `dir` (and, with inotify, a watch on every folder).
  void scan(const fs::path& dir) {
    std::error_code ec;
    if (excluded_folder(dir) && dir != inbox) return;
    add_watch(dir);
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code e2;
      if (it->is_directory(e2)) {
        if (excluded_folder(p)) {
          it.disable_recursion_pending();
        } else {
          bool known = false;
          for (const auto& [wd, d] : watched) known = known || d == p;
          if (!known) add_watch(p);
        }
        continue;
      }
      if (it->is_regular_file(e2) && wanted_name(p.filename().string())) note(p);
    }
    if (ec) problem(fmt::format("{}: cannot read folder: {}", dir.string(), ec.message()));
  }

  // Journal entries a kill -9 left open whose file is no longer in the inbox:
  // it was moved (or removed) after its document was committed.
  void recover() {
    auto entries = journal.open_entries();
    if (!entries) {
      problem("journal: " + entries.message());
      return;
    }
    for (const auto& e : *entries) {
      std::error_code ec;
      if (fs::exists(e.path, ec) || ec) continue;
      if (Status s = journal.mark_moved(e.id); !s) problem("journal: " + s.message());
    }
  }

  void handle_events() {
    alignas(inotify_event) char buf[64 * 1024];
    while (true) {
      ssize_t n = ::read(inotify.get(), buf, sizeof buf);
      if (n <= 0) return;
      for (char* p = buf; p < buf + n;) {
        auto* ev = reinterpret_cast<inotify_event*>(p);
        p += sizeof(inotify_event) + ev->len;
        if (ev->mask & IN_Q_OVERFLOW) {
          scan(inbox);
          continue;
        }
        if (ev->mask & IN_IGNORED) {
          watched.erase(ev->wd);
          continue;
        }
        auto dir = watched.find(ev->wd);
        if (dir == watched.end() || ev->len == 0) continue;
        const fs::path path = dir->second / ev->name;
        if (ev->mask & IN_ISDIR) {
          if ((ev->mask & (IN_CREATE | IN_MOVED_TO)) && !excluded_folder(path)) scan(path);
          continue;
        }
        if ((ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) && wanted_name(ev->name)) note(path);
      }
    }
  }

  fs::path relative_to_inbox(const fs::path& path) const {
    fs::path rel = path.lexically_relative(inbox);
    return rel.empty() ? path.filename() : rel;
  }

  // A destination no file and no open journal entry uses yet.
  Result<fs::path> free_destination(const fs::path& wanted) {
    fs::path dest = wanted;
    for (int n = 2;; ++n) {
      std::error_code ec;
      const bool taken_on_disk =
          fs::exists(dest, ec) || fs::exists(dest.string() + ".error.txt", ec);
      auto reserved = journal.destination_reserved(dest.string());
      if (!reserved) return reserved.status();
      if (!taken_on_disk && !*reserved) return dest;
      dest = wanted.parent_path() /
             (wanted.stem().string() + "-" + std::to_string(n) + wanted.extension().string());
    }
  }

  Result<fs::path> destination_for(JournalOutcome outcome, const fs::path& path) {
    if (opt.keep) return fs::path();
    const fs::path rel = relative_to_inbox(path);
    switch (outcome) {
      case JournalOutcome::kAdded:
        return free_destination(processed / local_time("%Y") / local_time("%m") / rel);
      case JournalOutcome::kDuplicate:
        return free_destination(processed / "duplicates" / rel.filename());
      case JournalOutcome::kFailed:
        return free_destination(failed / rel);
    }
    return fs::path();
  }

  // Moves a file, across file systems too (copy, then rename into place).
  static Status move_file(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec) return Status::error(to.parent_path().string() + ": cannot create folder: " + ec.message());
    if (::rename(from.c_str(), to.c_str()) == 0) return Status::ok();
    if (errno != EXDEV) {
      return Status::error(from.string() + ": cannot move to " + to.string() + ": " +
                           std::strerror(errno));
    }
    const fs::path part = to.string() + ".part";
    fs::copy_file(from, part, fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::rename(part, to, ec);
    if (!ec) fs::remove(from, ec);
    if (ec) return Status::error(from.string() + ": cannot move to " + to.string() + ": " + ec.message());
    return Status::ok();
  }

  static Status write_reason(const fs::path& error_file, const std::string& reason) {
    std::error_code ec;
    fs::create_directories(error_file.parent_path(), ec);
    const fs::path part = error_file.string() + ".part";
    {
      std::ofstream out(part, std::ios::binary | std::ios::trunc);
      out << reason << "\n";
      if (!out) return Status::error(error_file.string() + ": cannot write the reason");
    }
    fs::rename(part, error_file, ec);
    if (ec) return Status::error(error_file.string() + ": cannot write the reason: " + ec.message());
    return Status::ok();
  }

  // The reason a clerk reads: the message with the file's own name first.
  static std::string clerk_reason(const std::string& message, const fs::path& path) {
    const std::string prefix = path.string() + ": ";
    if (message.rfind(prefix, 0) == 0) return path.filename().string() + ": " + message.substr(prefix.size());
    return message;
  }

  // Carries out a decided entry: the reason file, the move, the journal.
  Step complete(const JournalEntry& e, const fs::path& path) {
    if (e.destination.empty()) {
      if (e.outcome == JournalOutcome::kFailed) {
        Status s = write_reason(failed / (relative_to_inbox(path).string() + ".error.txt"),
                                clerk_reason(e.message, path));
        if (!s) problem(s.message());
      }
    } else {
      if (e.outcome == JournalOutcome::kFailed) {
        if (Status s = write_reason(e.destination + ".error.txt", clerk_reason(e.message, path)); !s) {
          retry_reason = s.message();
          return Step::kRetry;
        }
      }
      if (Status s = move_file(path, e.destination); !s) {
        retry_reason = s.message();
        return Step::kRetry;
      }
    }
    if (Status s = journal.mark_moved(e.id); !s) {
      // The file is where it belongs; the next recover() closes the entry.
      problem("journal: " + s.message());
    }
    if (opt.keep) {
      if (auto st = stamp_of(path)) kept[path] = *st;
    }
    return Step::kDone;
  }

  void log_file(const fs::path& path, const char* result, int tasks, double ms,
                const std::string& where) {
    if (!log.file) return;
    log.file(fmt::format("{}  {:<9}  {}  {} tasks  {:.0f} ms{}", local_time("%Y-%m-%d %H:%M:%S"),
                         result, relative_to_inbox(path).string(), tasks, ms,
                         where.empty() ? "" : "  " + where));
  }

  void count(JournalOutcome outcome) {
    switch (outcome) {
      case JournalOutcome::kAdded: ++summary.added; break;
      case JournalOutcome::kDuplicate: ++summary.duplicates; break;
      case JournalOutcome::kFailed: ++summary.failed; break;
    }
  }

  // One file, from the inbox to its destination; kRetry leaves it waiting.
  Step process(const fs::path& path) {
    const auto start = Clock::now();
    auto ms = [&] { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); };
    std::string bytes;
    {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::error_code ec;
        if (!fs::exists(path, ec)) return Step::kDone;  // gone meanwhile
        retry_reason = path.string() + ": cannot open file (no permission?)";
        return Step::kRetry;
      }
      std::stringstream ss;
      ss << in.rdbuf();
      bytes = ss.str();
    }
    const std::string sha = sha256_hex(bytes);
    if (opt.keep) {
      auto done = journal.finished(path.string(), sha);
      if (!done) {
        retry_reason = "journal: " + done.message();
        return Step::kRetry;
      }
      if (*done) {
        if (auto st = stamp_of(path)) kept[path] = *st;
        return Step::kDone;
      }
    }
    auto open = journal.open_entry(path.string());
    if (!open) {
      retry_reason = "journal: " + open.message();
      return Step::kRetry;
    }
    JournalEntry entry;
    int tasks = 0;
    bool outcome_known = false;  // stored by a run that was killed before the move
    if (*open && (*open)->sha256 == sha) {
      entry = **open;
      if (entry.decided) {
        // A restart after kill -9: the document was committed and the
        // destination chosen; only the move was missing.
        Step step = complete(entry, path);
        if (step == Step::kDone) {
          count(entry.outcome);
          log_file(path, to_string(entry.outcome), 0, ms(), resumed_where(entry));
        }
        return step;
      }
      auto existing = store.find_by_sha256(sha);
      if (!existing) {
        retry_reason = path.string() + ": " + existing.message();
        return Step::kRetry;
      }
      if (*existing) {
        // Stored by the run that was killed (or by another before it).
        auto doc = store.load_document(**existing);
        if (!doc) {
          retry_reason = path.string() + ": " + doc.message();
          return Step::kRetry;
        }
        const bool ours = doc->path == path.string();
        entry.outcome = ours ? JournalOutcome::kAdded : JournalOutcome::kDuplicate;
        entry.document_id = **existing;
        entry.message = ours ? "" : "same bytes as document " + std::to_string(**existing) + " (" + doc->path + ")";
        tasks = ours ? static_cast<int>(doc->extraction.tasks.size()) : 0;
        outcome_known = true;
      }
    } else {
      auto id = journal.take(path.string(), sha);
      if (!id) {
        retry_reason = "journal: " + id.message();
        return Step::kRetry;
      }
      entry.id = *id;
      entry.path = path.string();
      entry.sha256 = sha;
    }
    if (!outcome_known) {
      if (is_archive_name(path.filename().string())) {
        entry.outcome = JournalOutcome::kFailed;
        entry.message = path.string() +
                        ": an archive is not read by the watcher; run `congvan ingest` on it";
      } else {
        IngestOutcome r = ingestor.ingest_bytes(bytes, path.string(), path.filename().string());
        if (r.store_error) {
          retry_reason = r.message;
          return Step::kRetry;
        }
        tasks = r.tasks;
        entry.document_id = r.document_id;
        switch (r.kind) {
          case IngestOutcome::Kind::kAdded:
            entry.outcome = JournalOutcome::kAdded;
            break;
          case IngestOutcome::Kind::kDuplicate:
            entry.outcome = JournalOutcome::kDuplicate;
            entry.message = "same bytes as document " + std::to_string(r.document_id) + " (" +
                            r.duplicate_of + ")";
            break;
          case IngestOutcome::Kind::kFailed:
            entry.outcome = JournalOutcome::kFailed;
            entry.message = r.message;
            break;
        }
      }
    }
    auto dest = destination_for(entry.outcome, path);
    if (!dest) {
      retry_reason = "journal: " + dest.message();
      return Step::kRetry;
    }
    entry.destination = dest->string();
    if (Status s = journal.decide(entry.id, entry.outcome, entry.destination, entry.document_id,
                                  entry.message);
        !s) {
      retry_reason = "journal: " + s.message();
      return Step::kRetry;
    }
    entry.decided = true;
    Step step = complete(entry, path);
    if (step == Step::kDone) {
      count(entry.outcome);
      log_file(path, to_string(entry.outcome), tasks, ms(),
               where(entry, path) + (outcome_known ? " (finished after a restart)" : ""));
    }
    return step;
  }

  std::string where(const JournalEntry& e, const fs::path& path) const {
    std::string w = e.destination.empty() ? std::string("kept in place") : "-> " + e.destination;
    if (e.outcome == JournalOutcome::kFailed) {
      const std::string reason = clerk_reason(e.message, path);
      const std::string name = path.filename().string() + ": ";
      w += ": " + (reason.rfind(name, 0) == 0 ? reason.substr(name.size()) : reason);
    }
    if (e.outcome == JournalOutcome::kDuplicate) w += " (" + e.message + ")";
    return w;
  }

  std::string resumed_where(const JournalEntry& e) const {
    return where(e, e.path) + " (finished after a restart)";
  }

  int backoff_ms(int attempts) const {
    int64_t ms = 1000;
    for (int i = 1; i < attempts && ms < opt.max_backoff_ms; ++i) ms *= 2;
    return static_cast<int>(std::min<int64_t>(ms, opt.max_backoff_ms));
  }

  // Takes every candidate that is due and settled; returns early on a signal.
  void process_due(SignalCatcher& signals) {
    const auto now = Clock::now();
    std::vector<fs::path> due;
    for (const auto& [path, c] : candidates) {
      if (c.due <= now) due.push_back(path);
    }
    for (const auto& path : due) {
      if (signals.drain()) {
        stopping = true;
        return;
      }
      auto it = candidates.find(path);
      if (it == candidates.end()) continue;
      Candidate& c = it->second;
      auto stamp = stamp_of(path);
      const auto t = Clock::now();
      if (!stamp) {
        candidates.erase(it);
        continue;
      }
      if (!(*stamp == c.stamp)) {
        c.stamp = *stamp;
        c.stable_since = t;
        c.due = t + std::chrono::milliseconds(opt.settle_ms);
        continue;
      }
      if (t - c.stable_since < std::chrono::milliseconds(opt.settle_ms)) {
        c.due = c.stable_since + std::chrono::milliseconds(opt.settle_ms);
        continue;
      }
      if (process(path) == Step::kDone) {
        candidates.erase(path);
        continue;
      }
      ++c.attempts;
      if (opt.once) {
        problem(fmt::format("{}: left in the inbox: {}", path.string(), retry_reason));
        ++summary.waiting;
        candidates.erase(path);
        continue;
      }
      const int wait = backoff_ms(c.attempts);
      problem(fmt::format("{}: will retry in {} s: {}", path.string(), (wait + 999) / 1000,
                          retry_reason));
      c.due = Clock::now() + std::chrono::milliseconds(wait);
    }
  }

  Clock::time_point next_due() const {
    auto t = Clock::time_point::max();
    for (const auto& [path, c] : candidates) t = std::min(t, c.due);
    return t;
  }

  Result<WatchSummary> run() {
    std::error_code ec;
    inbox = fs::absolute(opt.inbox, ec).lexically_normal();
    if (!inbox.has_filename()) inbox = inbox.parent_path();
    if (!fs::is_directory(inbox, ec)) {
      return Status::error(opt.inbox.string() + ": inbox folder does not exist");
    }
    processed = opt.processed.empty() ? inbox / "processed" : fs::absolute(opt.processed).lexically_normal();
    failed = opt.failed.empty() ? inbox / "failed" : fs::absolute(opt.failed).lexically_normal();
    inbox_key = fs::weakly_canonical(inbox, ec);
    processed_key = fs::weakly_canonical(processed, ec);
    failed_key = fs::weakly_canonical(failed, ec);
    SignalCatcher signals;
    if (!signals.valid()) return Status::error(std::string("cannot catch signals: ") + std::strerror(errno));
    const bool polling = opt.poll_seconds > 0;
    if (!polling) {
      inotify = UniqueFd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
      if (!inotify.valid()) {
        return Status::error(std::string("cannot watch the inbox (inotify: ") + std::strerror(errno) +
                             "); use --poll SECONDS");
      }
    }
    const auto interval = std::chrono::milliseconds(
        static_cast<int64_t>(1000 * (polling ? opt.poll_seconds : opt.rescan_seconds)));
    recover();
    scan(inbox);
    auto next_scan = Clock::now() + interval;
    while (!stopping) {
      if (opt.once && candidates.empty()) break;
      const auto now = Clock::now();
      const auto wake = std::min(next_scan, next_due());
      const int64_t wait_ms = std::max<int64_t>(
          0, std::chrono::duration_cast<std::chrono::milliseconds>(wake - now).count() + 1);
      pollfd fds[2] = {{signals.fd(), POLLIN, 0}, {inotify.get(), POLLIN, 0}};
      const int nfds = inotify.valid() ? 2 : 1;
      int rc = ::poll(fds, nfds, static_cast<int>(std::min<int64_t>(wait_ms, 3600 * 1000)));
      if (rc < 0 && errno != EINTR) return Status::error(std::string("poll: ") + std::strerror(errno));
      if (signals.drain()) break;
      if (nfds == 2 && rc > 0 && (fds[1].revents & POLLIN)) handle_events();
      if (Clock::now() >= next_scan) {
        recover();
        scan(inbox);
        next_scan = Clock::now() + interval;
      }
      process_due(signals);
    }
    return summary;
  }
};

Watcher::Watcher(Store& store, std::shared_ptr<const Rules> rules, WatchOptions options,
                 WatchLog log)
    : impl_(std::make_unique<Impl>(store, std::move(rules), std::move(options), std::move(log))) {}
Watcher::~Watcher() = default;

Result<WatchSummary> Watcher::run() { return impl_->run(); }

}  // namespace congvan
