// Archives (zip, tar, tar.gz, tar.bz2, tar.xz) read entry by entry through
// libarchive, the only code that includes it. An ArchiveReader owns its
// archive handle and is used by one thread; errors name the archive.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "congvan/result.h"

namespace congvan {

struct ArchiveEntry {
  std::string name;   // path inside the archive ("dir/a.pdf")
  std::string bytes;  // the entry's content
};

class ArchiveReader {
 public:
  // Opens `path`; a file that is not an archive libarchive knows is an error.
  static Result<ArchiveReader> open(const std::filesystem::path& path);
  ~ArchiveReader();
  ArchiveReader(ArchiveReader&&) noexcept;
  ArchiveReader& operator=(ArchiveReader&&) noexcept;

  // The next regular file (folders, links and devices are skipped); nullopt
  // at the end; an error when the archive is damaged or encrypted.
  Result<std::optional<ArchiveEntry>> next();

  // Like next() but without reading the content (for counting entries).
  Result<std::optional<std::string>> next_name();

 private:
  struct Impl;
  explicit ArchiveReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace congvan
