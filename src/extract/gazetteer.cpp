// Loading models/gazetteer.tsv and matching body names against it.
#include "congvan/gazetteer.h"

#include <algorithm>
#include <set>

#include "congvan/text.h"
#include "extract/rules_file.h"
#include "extract/vi_fold.h"

namespace congvan {
namespace {

// Splits "a | b | c" into trimmed parts, dropping empty ones.
std::vector<std::string> split_aliases(const std::string& field) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    if (bar == std::string::npos) bar = field.size();
    std::string part = field.substr(start, bar - start);
    size_t b = part.find_first_not_of(' ');
    size_t e = part.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
    start = bar + 1;
  }
  return out;
}

std::string key_of_folded(const std::string& folded) {
  std::string spaced;
  spaced.reserve(folded.size());
  for (unsigned char c : folded) {
    spaced.push_back((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80
                         ? static_cast<char>(c)
                         : ' ');
  }
  std::string out;
  size_t i = 0;
  while (i < spaced.size()) {
    while (i < spaced.size() && spaced[i] == ' ') ++i;
    size_t j = i;
    while (j < spaced.size() && spaced[j] != ' ') ++j;
    if (j > i) {
      std::string_view word(spaced.data() + i, j - i);
      if (word != "va") {
        if (!out.empty()) out.push_back(' ');
        out.append(word);
      }
    }
    i = j;
  }
  return out;
}

// Locality words after which a name may carry a place ("tỉnh Hưng Yên").
constexpr std::string_view kLocalities[] = {" tinh", " thanh pho", " huyen", " quan",
                                            " thi xa", " xa", " phuong", " tp"};

}  // namespace

std::string Gazetteer::key(std::string_view name) { return key_of_folded(fold_vi(name)); }

Result<Gazetteer> Gazetteer::load(const std::filesystem::path& tsv) {
  auto rows = read_table_file(tsv);
  if (!rows) return rows.status();
  Gazetteer g;
  std::unordered_map<std::string, std::string> where;  // key → file:line
  for (const auto& row : *rows) {
    if (row.fields.size() < 2 || row.fields[0].empty()) {
      return Status::error(row.where() + ": expected canonical name <TAB> level [<TAB> aliases"
                                         " <TAB> successor]");
    }
    BodyEntry e;
    e.canonical = to_nfc(row.fields[0]);
    e.level = row.fields[1];
    if (row.fields.size() > 2) {
      for (auto& a : split_aliases(row.fields[2])) e.aliases.push_back(to_nfc(a));
    }
    if (row.fields.size() > 3 && !row.fields[3].empty()) e.successor = to_nfc(row.fields[3]);
    // Keys use congvan::fold here, the same folding user queries get.
    std::vector<std::string> names = e.aliases;
    names.insert(names.begin(), e.canonical);
    for (const auto& n : names) {
      std::string k = key_of_folded(fold(n));
      if (k.empty()) return Status::error(row.where() + ": empty name");
      auto [it, fresh] = where.emplace(k, row.where());
      if (!fresh) {
        if (g.by_key_.at(k) == g.entries_.size()) continue;  // same entry twice
        return Status::error(row.where() + ": '" + n + "' is already listed at " + it->second);
      }
      g.by_key_[k] = g.entries_.size();
    }
    g.entries_.push_back(std::move(e));
  }
  for (const auto& e : g.entries_) {
    if (e.successor && !g.find(*e.successor)) {
      return Status::error(tsv.string() + ": successor '" + *e.successor + "' of '" +
                           e.canonical + "' is not listed");
    }
  }
  return g;
}

const BodyEntry* Gazetteer::find_key(const std::string& key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &entries_[it->second];
}

const BodyEntry* Gazetteer::find(std::string_view name) const {
  const std::string k = key(name);
  if (k.empty()) return nullptr;
  if (const BodyEntry* e = find_key(k)) return e;
  // "Sở Tài chính tỉnh Hưng Yên" → "Sở Tài chính tỉnh", then "Sở Tài chính".
  for (std::string_view loc : kLocalities) {
    size_t at = k.find(std::string(loc) + " ");
    if (at == std::string::npos || at == 0) continue;
    if (const BodyEntry* e = find_key(k.substr(0, at + loc.size()))) return e;
    if (const BodyEntry* e = find_key(k.substr(0, at))) return e;
  }
  // "Sở Tài chính và các đơn vị liên quan" is not one body: no guess.
  return nullptr;
}

const BodyEntry* Gazetteer::find_exact(std::string_view name) const {
  const std::string k = key(name);
  return k.empty() ? nullptr : find_key(k);
}

std::optional<std::string> Gazetteer::canonical(std::string_view name) const {
  const BodyEntry* e = find(name);
  if (!e) return std::nullopt;
  return e->canonical;
}

std::optional<std::string> Gazetteer::successor(std::string_view name) const {
  const BodyEntry* e = find(name);
  if (!e || !e->successor) return std::nullopt;
  std::string current = *e->successor;
  for (int hops = 0; hops < 8; ++hops) {  // chains are short; guard against cycles
    const BodyEntry* next = find(current);
    if (!next || !next->successor) break;
    current = *next->successor;
  }
  return current;
}

std::vector<std::string> Gazetteer::match(std::string_view query) const {
  std::set<std::string> out;
  const std::string q = key_of_folded(fold(query));
  if (q.empty()) return {};
  if (const BodyEntry* e = find_key(q)) return {e->canonical};
  if (const BodyEntry* e = find(query)) return {e->canonical};
  const std::string padded = " " + q + " ";
  for (const auto& [k, index] : by_key_) {
    if ((" " + k + " ").find(padded) != std::string::npos) out.insert(entries_[index].canonical);
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> Gazetteer::predecessors(std::string_view name) const {
  std::vector<std::string> out;
  const BodyEntry* target = find(name);
  if (!target) return out;
  for (const auto& e : entries_) {
    if (!e.successor) continue;
    std::optional<std::string> now = successor(e.canonical);
    if (now && *now == target->canonical) out.push_back(e.canonical);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace congvan
