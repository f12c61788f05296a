// The ingest pipeline: hash, read, extract and store one file.
#include "congvan/pipeline.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <sstream>

#include "congvan/extract.h"
#include "util/sha256.h"

namespace congvan {

const char* to_string(IngestOutcome::Kind kind) {
  switch (kind) {
    case IngestOutcome::Kind::kAdded: return "added";
    case IngestOutcome::Kind::kDuplicate: return "duplicate";
    case IngestOutcome::Kind::kFailed: return "failed";
  }
  return "failed";
}

DocumentPreparer::DocumentPreparer(std::shared_ptr<const Rules> rules, ReadOptions options)
    : rules_(std::move(rules)), reader_(std::move(options)) {}

Result<NewDocument> DocumentPreparer::prepare(std::string_view bytes, const std::string& path,
                                              const std::string& source,
                                              const std::string& sha256) {
  auto text = reader_.read(bytes, path);
  if (!text) return text.status();
  return complete(std::move(text.value()), path, source, sha256);
}

NewDocument DocumentPreparer::complete(DocumentText text, const std::string& path, const std::string& source,
                                       const std::string& sha256) const {
  NewDocument doc;
  doc.source = source;
  doc.path = path;
  doc.sha256 = sha256;
  doc.extraction = extract(*rules_, text);
  doc.text = std::move(text);
  return doc;
}

IngestOutcome store_prepared(Store& store, const std::string& path,
                             Result<NewDocument> prepared) {
  IngestOutcome out;
  out.path = path;
  if (!prepared) {
    out.message = prepared.message();
    return out;
  }
  const NewDocument& doc = prepared.value();
  out.sha256 = doc.sha256;
  auto added = store.add_document(doc);
  if (!added) {
    out.message = path + ": not stored: " + added.message();
    out.store_error = true;
    return out;
  }
  out.kind = added->duplicate ? IngestOutcome::Kind::kDuplicate : IngestOutcome::Kind::kAdded;
  out.document_id = added->document_id;
  out.duplicate_of = added->duplicate_of;
  if (!added->duplicate) {
    out.tasks = static_cast<int>(doc.extraction.tasks.size());
    out.pages = static_cast<int>(doc.text.pages.size());
  }
  return out;
}

Ingestor::Ingestor(Store& store, std::shared_ptr<const Rules> rules, ReadOptions options)
    : store_(store), preparer_(std::move(rules), std::move(options)) {}

IngestOutcome Ingestor::ingest_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    IngestOutcome out;
    out.path = path.string();
    out.message = path.string() + ": cannot open file (missing or no permission)";
    return out;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    IngestOutcome out;
    out.path = path.string();
    out.message = path.string() + ": read error";
    return out;
  }
  return ingest_bytes(ss.str(), path.string(), path.filename().string());
}

IngestOutcome Ingestor::ingest_bytes(std::string_view bytes, const std::string& path,
                                     const std::string& source) {
  const auto start = std::chrono::steady_clock::now();
  auto finish = [&](IngestOutcome out) -> IngestOutcome {
    out.milliseconds = std::chrono::duration<double, std::milli>(
                           std::chrono::steady_clock::now() - start).count();
    return out;
  };
  const std::string sha = sha256_hex(bytes);
  auto existing = store_.find_by_sha256(sha);
  if (!existing) {
    IngestOutcome out;
    out.path = path;
    out.sha256 = sha;
    out.message = path + ": " + existing.message();
    out.store_error = true;
    return finish(std::move(out));
  }
  if (*existing) {
    // Same bytes already stored: nothing to read, nothing to write.
    IngestOutcome out;
    out.path = path;
    out.sha256 = sha;
    auto added = store_.add_document(NewDocument{source, path, sha, {}, {}});
    out.kind = IngestOutcome::Kind::kDuplicate;
    out.document_id = **existing;
    if (added) out.duplicate_of = added->duplicate_of;
    return finish(std::move(out));
  }
  IngestOutcome out = store_prepared(store_, path, preparer_.prepare(bytes, path, source, sha));
  out.sha256 = sha;
  return finish(std::move(out));
}

std::string source_name(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool is_archive_name(const std::string& file_name) {
  static constexpr std::string_view kExtensions[] = {".zip", ".tar", ".tgz", ".tar.gz",
                                                     ".tar.bz2", ".tar.xz", ".7z"};
  std::string lower;
  for (char c : file_name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (auto ext : kExtensions) {
    if (lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) {
      return true;
    }
  }
  return false;
}

bool is_ignored_name(const std::string& name) {
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (name.empty() || name[0] == '.') return true;
  if (name.rfind("~$", 0) == 0) return true;
  return ends(".part") || ends(".tmp") || ends(".crdownload") || ends("~") ||
         ends(".error.txt");
}

bool has_input_extension(const std::string& file_name) {
  static constexpr std::string_view kExtensions[] = {
      ".txt", ".text", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pnm",
      ".pbm", ".pgm", ".ppm", ".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz", ".7z"};
  std::string lower;
  for (char c : file_name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (auto ext : kExtensions) {
    if (lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) {
      return true;
    }
  }
  return false;
}

std::vector<std::filesystem::path> collect_inputs(const std::vector<std::string>& args,
                                                  std::vector<std::string>* missing) {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  for (const auto& arg : args) {
    std::error_code ec;
    fs::path p(arg);
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(
               p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (it->is_directory(ec)) {
          if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && !is_ignored_name(name) && has_input_extension(name)) {
          found.push_back(it->path());
        }
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.push_back(p);
    } else if (missing) {
      missing->push_back(arg);
    }
  }
  return out;
}

}  // namespace congvan
