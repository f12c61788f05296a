// `congvan watch INBOX`: takes letters dropped into a folder, one log line
// per file on stdout; SIGINT/SIGTERM finish the file in hand and exit 0.
#include <iostream>

#include "cli/commands.h"
#include "cli/context.h"
#include "congvan/watch.h"

namespace congvan {

void register_watch_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string inbox;
    std::string processed;
    std::string failed;
    bool keep = false;
    int settle_ms = 2000;
    double poll_seconds = 0;
    double rescan_seconds = 60;
    bool once = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "watch",
      "Watch an inbox folder: ingest each letter dropped there once, then move it to "
      "processed/YYYY/MM/ (duplicates to processed/duplicates/, unreadable files to failed/ "
      "with NAME.error.txt)");
  cmd->add_option("inbox", opts->inbox, "The folder to watch (with its subfolders)")->required();
  cmd->add_option("--processed", opts->processed, "Where processed files go (default: INBOX/processed)");
  cmd->add_option("--failed", opts->failed, "Where unreadable files go (default: INBOX/failed)");
  cmd->add_flag("--keep", opts->keep, "Leave files where they are (the journal remembers them)");
  cmd->add_option("--settle", opts->settle_ms,
                  "Milliseconds a file's size and time must stay unchanged before it is read")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--poll", opts->poll_seconds,
                  "Look every SECONDS instead of using inotify (network shares: SMB, NFS)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--rescan", opts->rescan_seconds,
                  "With inotify, also rescan the whole inbox every SECONDS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("--once", opts->once, "Take what is in the inbox now, then exit (for cron)");
  cmd->callback([&ctx, opts] {
    auto rules = open_rules(ctx);
    if (!rules) return;
    auto store = open_store(ctx);
    if (!store) return;
    WatchOptions w;
    w.inbox = opts->inbox;
    w.processed = opts->processed;
    w.failed = opts->failed;
    w.keep = opts->keep;
    w.settle_ms = opts->settle_ms;
    w.poll_seconds = opts->poll_seconds;
    w.rescan_seconds = opts->rescan_seconds;
    w.once = opts->once;
    WatchLog log;
    log.file = [](const std::string& line) { std::cout << line << std::endl; };
    log.problem = [](const std::string& line) { print_error(line); };
    if (!ctx.quiet) {
      std::cerr << "congvan: watching " << opts->inbox << (opts->once ? " (once)" : "") << std::endl;
    }
    Watcher watcher(*store, rules, w, log);
    auto summary = watcher.run();
    if (!summary) {
      print_error(summary.message());
      ctx.exit_code = 1;
      return;
    }
    if (!ctx.quiet) {
      std::cerr << "congvan: " << summary->added << " added, " << summary->duplicates
                << " duplicates, " << summary->failed << " failed" << std::endl;
    }
    if (summary->waiting > 0) ctx.exit_code = 1;
  });
}

}  // namespace congvan
