// `congvan ingest PATH...`: reads files, folders and archives into the
// database with several workers; a progress bar on a terminal, log lines
// otherwise, a summary at the end.
#include <unistd.h>

#include <cmath>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "congvan/pipeline.h"

namespace congvan {
namespace {

std::string clock_text(double seconds) {
  const long s = std::lround(seconds);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

// The one-line bar redrawn on stderr: files, pages, pages/s, ETA, failures.
std::string progress_line(const BatchProgress& p) {
  const int total = std::max(p.files_total, 1);
  constexpr int kWidth = 24;
  const int filled = kWidth * p.files_done / total;
  const double pages_per_s = p.seconds > 0 ? p.pages / p.seconds : 0;
  std::string eta = "--:--";
  if (p.files_done > 0 && p.files_done < p.files_total) {
    eta = clock_text(p.seconds / p.files_done * (p.files_total - p.files_done));
  } else if (p.files_done >= p.files_total) {
    eta = "0:00";
  }
  return fmt::format("[{}{}] {}/{} files, {} pages, {:.1f} pages/s, ETA {}, {} failed",
                     std::string(filled, '#'), std::string(kWidth - filled, '.'), p.files_done,
                     p.files_total, p.pages, pages_per_s, eta, p.failed);
}

}  // namespace

void register_ingest_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::vector<std::string> paths;
    int jobs = 0;
    bool dry_run = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read letters (text, PDF, images; files, folders recursively, zip/tar/tar.gz archives) "
      "into the database. Bytes already stored are skipped, so an interrupted run is resumed "
      "by running it again.");
  cmd->add_option("paths", opts->paths, "Files, folders or archives to ingest")->required();
  cmd->add_option("-j,--jobs", opts->jobs, "Documents read in parallel (default: the cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("-n,--dry-run", opts->dry_run,
                "List what would be added or skipped; read and write nothing");
  cmd->callback([&ctx, opts] {
    std::vector<std::string> missing;
    auto inputs = collect_inputs(opts->paths, &missing);
    int missing_count = 0;
    for (const auto& m : missing) {
      print_error(m + ": no such file or folder");
      ++missing_count;
    }
    std::shared_ptr<const Rules> rules;
    std::optional<Store> store;
    if (opts->dry_run) {
      // A dry run never creates a database: without one, everything is new.
      std::error_code ec;
      const std::string db = ctx.db_path.empty() ? default_database_path().string() : ctx.db_path;
      if (std::filesystem::exists(db, ec)) {
        store = open_store(ctx);
        if (!store) return;
      }
    } else {
      rules = open_rules(ctx);
      if (!rules) return;
      store = open_store(ctx);
      if (!store) return;
    }
    const bool bar = !ctx.quiet && isatty(STDERR_FILENO) == 1;
    bool bar_drawn = false;
    auto clear_bar = [&] {
      if (bar_drawn) std::cerr << "\r\033[K";
      bar_drawn = false;
    };
    auto on_outcome = [&](const IngestOutcome& r) {
      if (r.kind == IngestOutcome::Kind::kFailed) {
        clear_bar();
        print_error(r.message);
        return;
      }
      if (ctx.quiet || bar) return;
      if (opts->dry_run) {
        if (r.kind == IngestOutcome::Kind::kAdded) {
          std::cerr << fmt::format("would add  {}\n", r.path);
        } else {
          std::cerr << fmt::format("skip       {} (same bytes as {})\n", r.path, r.duplicate_of);
        }
      } else if (r.kind == IngestOutcome::Kind::kAdded) {
        std::cerr << fmt::format("added      {} ({} tasks, {:.0f} ms)\n", r.path, r.tasks,
                                 r.milliseconds);
      } else {
        std::cerr << fmt::format("duplicate  {} (same bytes as {})\n", r.path, r.duplicate_of);
      }
    };
    std::function<void(const BatchProgress&)> on_progress;
    if (bar) {
      // Redrawn at most ten times a second, and once at the end.
      on_progress = [&, last = -1.0](const BatchProgress& p) mutable {
        if (p.files_done < p.files_total && bar_drawn && p.seconds - last < 0.1) return;
        last = p.seconds;
        std::cerr << "\r\033[K" << progress_line(p) << std::flush;
        bar_drawn = true;
      };
    }
    BatchOptions batch;
    batch.jobs = opts->jobs;
    batch.dry_run = opts->dry_run;
    BatchSummary s = run_batch(store ? &*store : nullptr, rules, inputs, batch, on_outcome,
                               on_progress);
    if (bar_drawn) std::cerr << "\n";
    const int failed = s.failed + missing_count;
    if (!ctx.quiet) {
      if (opts->dry_run) {
        std::cerr << fmt::format("dry run: {} to add, {} already stored, {} failed\n", s.added,
                                 s.duplicates, failed);
      } else {
        std::cerr << fmt::format("{} added ({} tasks), {} already stored, {} failed\n", s.added,
                                 s.tasks, s.duplicates, failed);
        const double secs = std::max(s.seconds, 1e-3);
        std::cerr << fmt::format("{} pages in {:.1f} s ({:.1f} documents/s, {:.1f} pages/s)\n",
                                 s.pages, s.seconds, (s.added + s.duplicates + s.failed) / secs,
                                 s.pages / secs);
      }
    }
    if (failed > 0) ctx.exit_code = 1;
  });
}

}  // namespace congvan
