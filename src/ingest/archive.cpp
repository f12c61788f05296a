// ArchiveReader: libarchive's read API behind an RAII owner, giving regular
// file entries one at a time.
#include "ingest/archive.h"

#include <archive.h>
#include <archive_entry.h>

namespace congvan {

struct ArchiveReader::Impl {
  struct Closer {
    void operator()(archive* a) const { archive_read_free(a); }
  };
  std::unique_ptr<archive, Closer> handle;
  std::string name;  // the archive's path, for messages

  Status error(const std::string& what) const {
    const char* msg = archive_error_string(handle.get());
    return Status::error(name + ": " + what + (msg ? std::string(": ") + msg : std::string()));
  }

  // Advances to the next regular file; nullopt at the end.
  Result<std::optional<std::string>> advance() {
    while (true) {
      archive_entry* entry = nullptr;
      int rc = archive_read_next_header(handle.get(), &entry);
      if (rc == ARCHIVE_EOF) return std::optional<std::string>();
      if (rc < ARCHIVE_WARN) return error("damaged archive");
      if (archive_entry_filetype(entry) != AE_IFREG) continue;
      if (archive_entry_is_encrypted(entry)) {
        const char* p = archive_entry_pathname(entry);
        return Status::error(name + "!/" + (p ? p : "?") +
                             ": encrypted archive entry, cannot be read without its password");
      }
      const char* path = archive_entry_pathname_utf8(entry);
      if (!path) path = archive_entry_pathname(entry);
      return std::optional<std::string>(path ? path : "");
    }
  }
};

ArchiveReader::ArchiveReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ArchiveReader::~ArchiveReader() = default;
ArchiveReader::ArchiveReader(ArchiveReader&&) noexcept = default;
ArchiveReader& ArchiveReader::operator=(ArchiveReader&&) noexcept = default;

Result<ArchiveReader> ArchiveReader::open(const std::filesystem::path& path) {
  auto impl = std::make_unique<Impl>();
  impl->name = path.string();
  impl->handle.reset(archive_read_new());
  if (!impl->handle) return Status::error(impl->name + ": out of memory opening the archive");
  archive_read_support_filter_all(impl->handle.get());
  archive_read_support_format_zip(impl->handle.get());
  archive_read_support_format_tar(impl->handle.get());
  archive_read_support_format_gnutar(impl->handle.get());
  archive_read_support_format_7zip(impl->handle.get());
  if (archive_read_open_filename(impl->handle.get(), path.c_str(), 64 * 1024) != ARCHIVE_OK) {
    return impl->error("cannot open as an archive");
  }
  return ArchiveReader(std::move(impl));
}

Result<std::optional<ArchiveEntry>> ArchiveReader::next() {
  auto name = impl_->advance();
  if (!name) return name.status();
  if (!*name) return std::optional<ArchiveEntry>();
  ArchiveEntry entry;
  entry.name = std::move(**name);
  char buf[64 * 1024];
  while (true) {
    la_ssize_t n = archive_read_data(impl_->handle.get(), buf, sizeof buf);
    if (n < 0) return impl_->error("damaged archive entry " + entry.name);
    if (n == 0) break;
    entry.bytes.append(buf, static_cast<size_t>(n));
  }
  return std::optional<ArchiveEntry>(std::move(entry));
}

Result<std::optional<std::string>> ArchiveReader::next_name() {
  return impl_->advance();
}

}  // namespace congvan
