// The gazetteer of Vietnamese state bodies: canonical names, abbreviations
// and old names with the bodies that took them over (the 2025 mergers).
//
// Matching ignores case, diacritics (đ = d), punctuation and the word "và",
// so "Sở TT&TT", "so tt va tt" and "SỞ TT-TT" are the same key. Immutable
// after loading and safe to share between threads. Loading fails with
// "<file>:<line>: …".
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "congvan/result.h"

namespace congvan {

struct BodyEntry {
  std::string canonical;               // "Sở Thông tin và Truyền thông"
  std::string level;                   // central, province, district, commune, group
  std::vector<std::string> aliases;    // "Sở TT&TT", "Sở TTTT" …
  std::optional<std::string> successor;  // body that took it over, if merged
};

class Gazetteer {
 public:
  Gazetteer() = default;  // empty: knows no body

  // Reads models/gazetteer.tsv: canonical <TAB> level <TAB> aliases joined by
  // " | " <TAB> successor (may be empty).
  static Result<Gazetteer> load(const std::filesystem::path& tsv);

  // Canonical name of a body as written ("Sở TT&TT" → "Sở Thông tin và
  // Truyền thông"; "Sở Tài chính tỉnh Hưng Yên" → "Sở Tài chính"), nullopt
  // when unknown.
  std::optional<std::string> canonical(std::string_view name) const;

  // The current body for an old name, following chains of mergers ("Sở
  // Kế hoạch và Đầu tư" → "Sở Tài chính"); nullopt when the body still
  // exists or is unknown.
  std::optional<std::string> successor(std::string_view name) const;

  // The canonical names a user's search string means, diacritic-insensitive:
  // an exact name or alias ("so tai chinh", "Sở TC") or, failing that, every
  // body whose name or alias contains the string as whole words ("tai
  // chinh" → Bộ Tài chính, Sở Tài chính). Sorted, without duplicates.
  std::vector<std::string> match(std::string_view query) const;

  // Canonical names whose successor (directly or through a chain) is `name`:
  // "Sở Tài chính" → {"Sở Kế hoạch và Đầu tư"}.
  std::vector<std::string> predecessors(std::string_view name) const;

  const BodyEntry* find(std::string_view name) const;
  // The entry whose name or alias is exactly `name` under the matching key
  // (no place suffix dropped); nullptr when there is none.
  const BodyEntry* find_exact(std::string_view name) const;
  const std::vector<BodyEntry>& entries() const { return entries_; }

  // The matching key of a name: folded, punctuation and "và" dropped.
  static std::string key(std::string_view name);

 private:
  const BodyEntry* find_key(const std::string& key) const;
  std::vector<BodyEntry> entries_;
  std::unordered_map<std::string, size_t> by_key_;  // key of name/alias → entry
};

}  // namespace congvan
