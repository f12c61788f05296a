// Assembles an Extraction from a letter's text: clean-up, structure, then the
// phrase functions per item, lead inheritance and document-wide references.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "congvan/extract.h"
#include "congvan/text.h"
#include "extract/match_util.h"
#include "extract/phrases.h"
#include "extract/rules.h"
#include "parse/letter_parser.h"
#include "text/cleanup.h"

namespace congvan {
namespace {

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(' ');
  return s.substr(b, e - b + 1);
}

std::vector<Assignee> as_assignees(const PhraseRules& phrases, const std::vector<std::string>& names) {
  std::vector<Assignee> out;
  for (const auto& n : names) {
    if (n.empty()) continue;
    out.push_back({n, canonical_body(phrases, n)});
  }
  return out;
}

// Splits a cell or heading that lists bodies: at ';', and at ',' when the
// next part starts a new body with a capital ("Các Sở, ngành, UBND cấp huyện").
std::vector<std::string> split_bodies(const StructureRules& rules, const std::string& text) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from <= text.size()) {
    const size_t semi = text.find(';', from);
    const std::string part = text.substr(from, semi == std::string::npos ? std::string::npos : semi - from);
    std::string cur;
    size_t f = 0;
    while (f <= part.size()) {
      const size_t comma = part.find(',', f);
      const std::string p = trim(part.substr(f, comma == std::string::npos ? std::string::npos : comma - f));
      const bool new_body = !cur.empty() && !p.empty() && starts_upper(p) && rules.prefix_length("body_word", p);
      if (cur.empty()) {
        cur = p;
      } else if (new_body) {
        out.push_back(trim_punctuation(cur));
        cur = p;
      } else {
        cur += ", " + p;
      }
      if (comma == std::string::npos) break;
      f = comma + 1;
    }
    if (!trim_punctuation(cur).empty()) out.push_back(trim_punctuation(cur));
    if (semi == std::string::npos) break;
    from = semi + 1;
  }
  return out;
}

// Vietnamese number ("1.200", "2,5") to double.
std::optional<double> parse_number(std::string s) {
  std::string t;
  for (char c : s) {
    if (c == '.') continue;
    t.push_back(c == ',' ? '.' : c);
  }
  if (t.empty()) return std::nullopt;
  try {
    return std::stod(t);
  } catch (...) {
    return std::nullopt;
  }
}

std::string number_key(const std::string& number) {
  std::string f = fold(number);
  f.erase(std::remove(f.begin(), f.end(), ' '), f.end());
  return f;
}

bool full_date(const std::optional<std::string>& d) { return d && d->size() == 10; }

class Assembler {
 public:
  Assembler(const Rules& rules, const LetterStructure& st)
      : rules_(rules), phrases_(rules.phrases), structure_(rules.structure), st_(st) {
    context_.letter_date = st.header.date;
    recipients_ = as_assignees(phrases_, st.header.recipients);
    if (recipients_.empty()) recipients_ = attendees();
  }

  // The bodies one attendee bullet names: "Lãnh đạo các sở, ngành: Sở A, Sở B"
  // → A, B; "UBND các huyện: X, Y; Phòng Z" → UBND huyện X, UBND huyện Y,
  // Phòng Z; "Trưởng Ban X, Phòng … thuộc Ban X" → Ban X. A person named
  // with "Đồng chí" is kept as written.
  std::vector<std::string> attendee_bodies(std::string text) const {
    const size_t paren = text.find(" (");
    if (paren != std::string::npos) text = text.substr(0, paren);
    text = trim_punctuation(text);
    if (fold(text).rfind("dong chi", 0) == 0) return {text};
    if (auto role = structure_.prefix_length("attendee_role", text)) text = trim(text.substr(*role));
    std::vector<std::string> out;
    const size_t colon = text.find(':');
    if (colon != std::string::npos) {
      const std::string head = trim(text.substr(0, colon));
      const std::string list = trim(text.substr(colon + 1));
      std::vector<re2::StringPiece> g(3);
      const auto& units = structure_.get("attendee_unit_list");
      for (const auto& p : units) {
        re2::StringPiece input(head);
        if (!p.re->Match(input, 0, input.size(), re2::RE2::ANCHOR_START, g.data(), 3)) continue;
        const std::string unit = std::string(g[2]);
        // Names up to the first ';', then whole bodies.
        const size_t semi = list.find(';');
        for (const auto& name : split_bodies(structure_, list.substr(0, semi == std::string::npos ? list.size() : semi))) {
          for (size_t from = 0; from <= name.size();) {
            const size_t comma = name.find(',', from);
            const std::string one = trim(name.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
            if (!one.empty()) out.push_back("UBND " + unit + " " + one);
            if (comma == std::string::npos) break;
            from = comma + 1;
          }
        }
        if (semi != std::string::npos) {
          for (auto& b : split_bodies(structure_, list.substr(semi + 1))) out.push_back(b);
        }
        return out;
      }
      return split_bodies(structure_, list);
    }
    for (auto& b : split_bodies(structure_, text)) {
      if (fold(b).find(" thuoc ") != std::string::npos && !out.empty()) continue;  // a unit of the body before it
      out.push_back(b);
    }
    return out;
  }

  // A notice or invitation has no Kính gửi: its addressees are the
  // attendees its "Thành phần" item lists, one per bullet.
  std::vector<Assignee> attendees() const {
    std::vector<std::string> names;
    for (size_t i = 0; i < st_.blocks.size(); ++i) {
      const Block& b = st_.blocks[i];
      if (b.kind == BlockKind::kBullet || b.kind == BlockKind::kParagraph) continue;
      if (!structure_.matches("component_list_cue", b.text.text)) continue;
      for (size_t k = i + 1; k < st_.blocks.size() && st_.blocks[k].parent == static_cast<int>(i); ++k) {
        if (st_.blocks[k].kind != BlockKind::kBullet) break;
        for (auto& n : attendee_bodies(st_.blocks[k].text.text)) names.push_back(std::move(n));
      }
      if (!names.empty()) break;
    }
    return as_assignees(phrases_, names);
  }

  Extraction run() {
    Extraction out;
    out.header = st_.header;
    // The issuer as the gazetteer writes it ("Văn phòng Chính phủ"), except
    // the contract's "UBND tỉnh X" form (and "HĐND tỉnh X" after it).
    if (out.header.issuer && out.header.issuer->rfind("UBND ", 0) != 0 &&
        out.header.issuer->rfind("HĐND ", 0) != 0) {
      if (auto c = canonical_body(phrases_, *out.header.issuer)) out.header.issuer = *c;
    }
    build_body_tasks();
    build_appendix_tasks();
    if (recipients_.empty()) lead_unnamed_from_parts();
    assign_spans();
    for (auto& d : drafts_) out.tasks.push_back(std::move(d.task));
    make_labels_unique(out.tasks);
    out.references = collect_references();
    return out;
  }

 private:
  const Rules& rules_;
  const PhraseRules& phrases_;
  const StructureRules& structure_;
  const LetterStructure& st_;
  PhraseContext context_;
  std::vector<Assignee> recipients_;
  struct Draft {
    int block = -1;        // index into st_.blocks; -1 for appendix rows
    int parent = -1;       // index of the parent draft
    int64_t end_hint = -1;  // for appendix rows: their own end
    std::string text;      // own text incl. continuation paragraphs (searched for phrases)
    std::string display;   // the same plus component bullets (the task's text)
    Task task;
  };
  std::vector<Draft> drafts_;
  std::map<int, int> draft_of_block_;   // block index → draft index
  std::map<std::string, int> dash_counter_;  // parent path → last "-N"
  std::vector<int64_t> stops_;          // offsets where a closing paragraph ends a span

  // --- which blocks are tasks -------------------------------------------------

  bool lead_near_start(const std::string& text, const Assignment& a) const {
    if (a.lead.empty()) return false;
    if (structure_.prefix_length("assign_start", text)) return true;
    const std::string ft = fold(text.substr(0, std::min<size_t>(text.size(), 400)));
    for (const auto& l : a.lead) {
      const size_t at = ft.find(fold(l.name));
      if (at != std::string::npos && at < 60) return true;
    }
    return structure_.prefix_length("body_word", text) && starts_upper(text) &&
           !structure_.prefix_length("directive_verb", text);
  }

  bool same_people(const std::vector<Assignee>& a, const std::vector<Assignee>& b) const {
    for (const auto& x : a) {
      for (const auto& y : b) {
        const std::string fx = fold(x.canonical.value_or(x.name)), fy = fold(y.canonical.value_or(y.name));
        if (fx == fy || fold(x.name) == fold(y.name)) return true;
        if (fx.find(fy) != std::string::npos || fy.find(fx) != std::string::npos) return true;
      }
    }
    return false;
  }

  bool is_directive_bullet(const Block& b, int parent_block) const {
    const std::string& t = b.text.text;
    if (parent_block >= 0) {
      const Block& p = st_.blocks[static_cast<size_t>(parent_block)];
      if (structure_.matches("component_list_cue", p.text.text)) return false;
    }
    if (!find_deadlines(phrases_, t, context_).empty()) return true;
    if (structure_.prefix_length("directive_verb", t)) return true;
    const Assignment a = find_assignees(phrases_, t);
    return !a.lead.empty() && lead_near_start(t, a);
  }

  // Lead and support an item states itself; empty lead when it names nobody.
  Assignment own_assignment(const Block& b, bool has_parent_lead, bool strict) const {
    const std::string& t = b.text.text;
    Assignment a = find_assignees(phrases_, t);
    if (!a.lead.empty() && (!strict || !has_parent_lead || lead_near_start(t, a))) return a;
    if (b.heading && (b.kind == BlockKind::kArabic || b.kind == BlockKind::kRoman)) {
      // "1. Sở Công Thương:", "2. Các sở, ban, ngành; UBND cấp huyện".
      std::string h = trim_punctuation(t);
      if (auto g = structure_.prefix_length("assign_start", h)) h = trim(h.substr(*g));
      if (structure_.prefix_length("body_word", h) && starts_upper(h)) {
        Assignment out;
        out.support = a.support;
        out.lead = as_assignees(phrases_, split_bodies(structure_, h));
        return out;
      }
    }
    Assignment none;
    none.support = a.support;
    return none;
  }

  int new_draft(int block, int parent, const std::string& label) {
    Draft d;
    d.block = block;
    d.parent = parent;
    const Block& b = st_.blocks[static_cast<size_t>(block)];
    d.text = b.text.text;
    d.display = b.text.text;
    d.task.item = label;
    d.task.span.page = b.page;
    d.task.span.start = b.start;
    drafts_.push_back(std::move(d));
    draft_of_block_[block] = static_cast<int>(drafts_.size()) - 1;
    return static_cast<int>(drafts_.size()) - 1;
  }

  std::string dash_label(const std::string& parent_path) {
    const int n = ++dash_counter_[parent_path];
    return (parent_path.empty() ? "" : parent_path + ".") + "-" + std::to_string(n);
  }

  // The draft of the nearest labelled ancestor that is a task.
  int parent_draft(int parent_block) const {
    for (int p = parent_block; p >= 0; p = st_.blocks[static_cast<size_t>(p)].parent) {
      auto it = draft_of_block_.find(p);
      if (it != draft_of_block_.end()) return it->second;
    }
    return -1;
  }

  // The item path "-N" labels hang under: the nearest ancestor that is a task,
  // or a section heading that is not one ("I.-1" under "I. MỤC ĐÍCH").
  std::string parent_path(int parent_block) const {
    for (int p = parent_block; p >= 0; p = st_.blocks[static_cast<size_t>(p)].parent) {
      auto it = draft_of_block_.find(p);
      if (it != draft_of_block_.end()) return drafts_[static_cast<size_t>(it->second)].task.item;
      if (!st_.blocks[static_cast<size_t>(p)].path.empty()) return st_.blocks[static_cast<size_t>(p)].path;
    }
    return "";
  }

  // "I. MỤC ĐÍCH, YÊU CẦU", "II. Nội dung", "III. TỔ CHỨC THỰC HIỆN": a
  // heading that has items or bullets under it and names a section of the
  // letter, not a body: a roman one with a section title, or one in capitals.
  // An arabic item in sentence case ("4. Phân công nhiệm vụ:") stays a task.
  bool is_section_heading(size_t i) const {
    if (!st_.blocks[i].section) return false;
    if (st_.blocks[i].table_after) return true;  // "II. NHIỆM VỤ" over a task table
    for (size_t k = i + 1; k < st_.blocks.size(); ++k) {
      if (st_.blocks[k].parent == static_cast<int>(i)) return true;
    }
    return false;
  }


  void build_body_tasks() {
    const auto& blocks = st_.blocks;
    int current = -1;  // the task that continuation text belongs to
    for (size_t i = 0; i < blocks.size(); ++i) {
      const Block& b = blocks[i];
      const int bi = static_cast<int>(i);
      switch (b.kind) {
        case BlockKind::kRoman:
        case BlockKind::kArabic:
        case BlockKind::kLetter: {
          if (is_section_heading(i)) {
            current = -1;  // "II. NỘI DUNG": its items are the tasks
            break;
          }
          current = new_draft(bi, parent_draft(b.parent), b.path);
          break;
        }
        case BlockKind::kBullet: {
          if (current >= 0 && structure_.prefix_length("field_bullet", b.text.text)) {
            // "- Cơ quan chủ trì: Sở Nội vụ.": a field of the item, searched with it.
            drafts_[static_cast<size_t>(current)].text += " " + b.text.text;
            drafts_[static_cast<size_t>(current)].display += " " + b.text.text;
          } else if (is_directive_bullet(b, b.parent)) {
            const int parent = parent_draft(b.parent);
            current = new_draft(bi, parent, dash_label(parent_path(b.parent)));
          } else if (current >= 0) {
            // A list of components or names stays in the item's text only.
            drafts_[static_cast<size_t>(current)].display += " " + b.text.text;
          }
          break;
        }
        case BlockKind::kParagraph: {
          const std::string& t = b.text.text;
          const Assignment a = find_assignees(phrases_, t);
          const bool passes_on = structure_.matches("closing_notice", t) && find_deadlines(phrases_, t, context_).empty();
          if (b.before_items) {
            const bool lead_in = !t.empty() && t.back() == ':';
            // "… đề nghị Quý Ủy ban chỉ đạo …": an order to the addressees themselves.
            const bool to_addressees = a.lead.empty() && structure_.matches("addressee_order", t);
            if (!lead_in && !passes_on && (!a.lead.empty() || to_addressees) && !is_background(t) &&
                fold(t).rfind("can cu", 0) != 0) {
              current = new_draft(bi, -1, dash_label(""));
            }
            break;
          }
          if (b.closing) {
            const bool generic = structure_.prefix_length("closing_generic", t).has_value() || passes_on;
            const bool gives = t.rfind("Giao", 0) == 0;
            if (!generic && !a.lead.empty() && (gives || !find_deadlines(phrases_, t, context_).empty())) {
              current = new_draft(bi, -1, dash_label(""));
            } else {
              stops_.push_back(b.start);
              current = -1;
            }
            break;
          }
          // Inside the items: a paragraph that hands work to another body.
          const int parent = parent_draft(b.parent);
          const std::vector<Assignee> context_lead = current >= 0 ? effective_lead(current) : recipients_;
          // Right under a section title ("III. TỔ CHỨC THỰC HIỆN") there is no
          // item to continue: a paragraph that orders something is a task.
          const bool under_section = current < 0 && b.parent >= 0 && st_.blocks[static_cast<size_t>(b.parent)].section;
          const bool orders = !a.lead.empty() || !find_deadlines(phrases_, t, context_).empty() ||
                              structure_.prefix_length("directive_verb", t).has_value();
          if (under_section && orders && !passes_on && !is_background(t)) {
            current = new_draft(bi, parent, dash_label(parent_path(b.parent)));
          } else if (lead_near_start(t, a) && !same_people(a.lead, context_lead) && !passes_on && !is_background(t)) {
            current = new_draft(bi, parent, dash_label(parent_path(b.parent)));
          } else if (current >= 0) {
            drafts_[static_cast<size_t>(current)].text += " " + t;
            drafts_[static_cast<size_t>(current)].display += " " + t;
          }
          break;
        }
      }
    }
    // Leads, deadlines and targets, in document order (parents first).
    for (size_t k = 0; k < drafts_.size(); ++k) {
      Draft& d = drafts_[k];
      const Block& b = blocks[static_cast<size_t>(d.block)];
      d.task.text = d.display;
      const bool has_parent = d.parent >= 0 && !drafts_[static_cast<size_t>(d.parent)].task.lead.empty();
      Block probe = b;
      probe.text.text = d.text;
      Assignment a = own_assignment(probe, has_parent, true);
      if (b.heading && (b.kind == BlockKind::kArabic || b.kind == BlockKind::kRoman) && d.text != b.text.text) {
        // "2. Sở Xây dựng" on its own line, then "Hướng dẫn …": the heading
        // alone names the lead.
        Assignment h = own_assignment(b, false, false);
        if (!h.lead.empty()) {
          h.support = a.support;
          a = std::move(h);
        }
      }
      if (!a.lead.empty()) {
        d.task.lead = a.lead;
        d.task.support = a.support;
      } else if (has_parent) {
        d.task.lead = drafts_[static_cast<size_t>(d.parent)].task.lead;
        d.task.support = a.support.empty() ? drafts_[static_cast<size_t>(d.parent)].task.support : a.support;
      } else {
        d.task.lead = recipients_;
        d.task.support = a.support;
      }
      d.task.deadlines = find_deadlines(phrases_, d.text, context_);
      d.task.targets = find_targets(phrases_, d.text);
    }
  }

  // A letter without Kính gửi (a plan, a decision, a notice): the items that
  // name nobody are for the bodies named in the part its Nơi nhận points to
  // ("Như mục III", "Như Điều 3"), else in its part that says who carries it
  // out ("III. TỔ CHỨC THỰC HIỆN", "Điều 3. … chịu trách nhiệm thi hành
  // Quyết định này"). Without such a part they keep no lead.
  void lead_unnamed_from_parts() {
    int part = -1;
    for (const auto& entry : st_.copies_to) {
      std::vector<re2::StringPiece> g(2);
      const auto* p = structure_.find("same_as_part", entry);
      if (!p) continue;
      re2::StringPiece input(entry);
      if (!p->re->Match(input, 0, input.size(), re2::RE2::UNANCHORED, g.data(), 2)) continue;
      const std::string label = fold(std::string(g[1]));
      for (size_t i = 0; i < st_.blocks.size() && part < 0; ++i) {
        const Block& b = st_.blocks[i];
        if (b.parent < 0 && b.kind != BlockKind::kParagraph && b.kind != BlockKind::kBullet && fold(b.label) == label) {
          part = static_cast<int>(i);
        }
      }
      if (part >= 0) break;
    }
    for (size_t i = 0; i < st_.blocks.size() && part < 0; ++i) {
      const Block& b = st_.blocks[i];
      const bool top = b.parent < 0 && (b.kind == BlockKind::kRoman || b.kind == BlockKind::kArabic);
      if ((top || b.kind == BlockKind::kParagraph) && !b.before_items &&
          structure_.matches("implementing_section", b.text.text)) {
        part = static_cast<int>(i);  // the part, or the top-level part holding the paragraph
        while (st_.blocks[static_cast<size_t>(part)].parent >= 0) part = st_.blocks[static_cast<size_t>(part)].parent;
      }
    }
    if (part < 0) {
      lead_unnamed_from_copies();
      return;
    }
    auto inside = [&](int block) {
      for (int p = block; p >= 0; p = st_.blocks[static_cast<size_t>(p)].parent) {
        if (p == part) return true;
      }
      return false;
    };
    std::vector<Assignee> bodies;
    std::set<std::string> seen;
    for (const auto& d : drafts_) {
      if (d.block < 0 || !inside(d.block)) continue;
      for (const auto& l : d.task.lead) {
        if (seen.insert(fold(l.canonical.value_or(l.name))).second) bodies.push_back(l);
      }
    }
    for (auto& d : drafts_) {
      if (d.task.lead.empty()) d.task.lead = bodies;
    }
  }

  // Nor such a part: the Nơi nhận list, when it leaves no doubt who the
  // letter is for. Its entries marked for execution ("Sở Xây dựng (để thực
  // hiện)"), else its one entry that is no copy for information (not "Lưu",
  // "Như trên", "(để b/c)", the leaders, the press). Several entries without
  // marks: no lead (the list mixes addressees and copies).
  void lead_unnamed_from_copies() {
    std::vector<std::string> executors, others;
    for (const auto& entry : st_.copies_to) {
      if (structure_.matches("copies_executor", entry)) {
        const size_t paren = entry.rfind('(');
        executors.push_back(trim_punctuation(trim(entry.substr(0, paren))));
      } else if (!structure_.matches("copies_not_addressee", entry)) {
        others.push_back(entry);
      }
    }
    std::vector<std::string> names;
    if (!executors.empty()) {
      for (const auto& e : executors) {
        for (auto& b : split_bodies(structure_, e)) names.push_back(std::move(b));
      }
    } else if (others.size() == 1) {
      names = split_bodies(structure_, others.front());
    }
    const std::vector<Assignee> bodies = as_assignees(phrases_, names);
    if (bodies.empty()) return;
    for (auto& d : drafts_) {
      if (d.task.lead.empty()) d.task.lead = bodies;
    }
  }

  std::vector<Assignee> effective_lead(int draft) const {
    for (int d = draft; d >= 0; d = drafts_[static_cast<size_t>(d)].parent) {
      const Draft& x = drafts_[static_cast<size_t>(d)];
      Block probe = st_.blocks[static_cast<size_t>(x.block)];
      Assignment a = own_assignment(probe, false, false);
      if (!a.lead.empty()) return a.lead;
    }
    return recipients_;
  }

  // A paragraph that recounts an earlier assignment, or whose time limits
  // have all passed by the letter's date.
  bool is_background(const std::string& t) const {
    if (structure_.matches("background_cue", t)) return true;
    const auto deadlines = find_deadlines(phrases_, t, context_);
    if (deadlines.empty() || !context_.letter_date) return false;
    for (const auto& d : deadlines) {
      if (!d.due || *d.due >= *context_.letter_date) return false;
    }
    return true;
  }

  // --- appendix ---------------------------------------------------------------

  void build_appendix_tasks() {
    for (const auto& app : st_.appendices) {
      const auto column_deadlines = find_deadlines(phrases_, app.columns_text, context_);
      for (const auto& row : app.rows) {
        Draft d;
        d.task.item = "PL." + std::to_string(row.number);
        d.task.text = row.task.text;
        d.task.span = {row.page, row.start, row.end};
        d.end_hint = row.end;
        d.task.lead = as_assignees(phrases_, split_bodies(structure_, row.lead));
        d.task.support = as_assignees(phrases_, split_bodies(structure_, row.support));
        if (d.task.lead.empty()) d.task.lead = recipients_;
        d.task.deadlines = row.time.empty() ? column_deadlines : find_deadlines(phrases_, row.time, context_);
        if (d.task.deadlines.empty() && !row.time.empty()) d.task.deadlines = column_deadlines;
        if (auto t = row_target(row)) d.task.targets.push_back(*t);
        const auto more = find_targets(phrases_, row.task.text);
        for (const auto& t : more) {
          if (d.task.targets.empty()) d.task.targets.push_back(t);
        }
        drafts_.push_back(std::move(d));
      }
    }
  }

  std::optional<Target> row_target(const AppendixRow& row) const {
    if (row.target.empty()) return std::nullopt;
    Target t;
    std::string value = row.target;
    for (const auto& p : structure_.get("appendix_comparator")) {
      re2::StringPiece input(value), m;
      if (p.re->Match(input, 0, input.size(), re2::RE2::ANCHOR_START, &m, 1)) {
        t.comparator = p.value;
        value = trim(value.substr(m.size()));
        break;
      }
    }
    size_t e = 0;
    while (e < value.size() && (std::isdigit(static_cast<unsigned char>(value[e])) || value[e] == '.' || value[e] == ',')) ++e;
    auto v = parse_number(value.substr(0, e));
    if (!v) return std::nullopt;
    t.value = *v;
    t.unit = row.unit.empty() ? "%" : row.unit;
    t.text = trim(row.target + " " + row.unit);
    return t;
  }

  // --- spans ------------------------------------------------------------------

  void assign_spans() {
    std::vector<int64_t> starts;
    for (const auto& d : drafts_) {
      if (d.block >= 0) starts.push_back(d.task.span.start);
    }
    for (auto& d : drafts_) {
      if (d.block < 0) continue;
      // Items of a document issued with the letter stand after the signature.
      int64_t end = d.task.span.start >= st_.body_end && st_.attached_end > st_.body_end ? st_.attached_end : st_.body_end;
      for (int64_t s : starts) {
        if (s > d.task.span.start && s < end) end = s;
      }
      for (int64_t s : stops_) {
        if (s > d.task.span.start && s < end) end = s;
      }
      d.task.span.end = end;
    }
  }

  static void make_labels_unique(std::vector<Task>& tasks) {
    std::map<std::string, int> seen;
    for (auto& t : tasks) {
      const int n = seen[t.item]++;
      if (n > 0) t.item += "#" + std::to_string(n + 1);
    }
  }

  // --- references -------------------------------------------------------------

  // A date shared by a list ("số 01/NQ-CP, số 02/NQ-CP ngày 05/01/2024").
  static void share_dates(const std::string& text, std::vector<Reference>& refs) {
    std::vector<size_t> pos;
    size_t from = 0;
    for (const auto& r : refs) {
      size_t at = text.find(r.number, from);
      if (at == std::string::npos) at = text.find(r.number);
      pos.push_back(at);
      if (at != std::string::npos) from = at + r.number.size();
    }
    for (size_t i = refs.size(); i-- > 0;) {
      if (refs[i].date || i + 1 >= refs.size()) continue;
      const Reference& next = refs[i + 1];
      if (!next.date || pos[i] == std::string::npos || pos[i + 1] == std::string::npos || pos[i + 1] < pos[i]) continue;
      const std::string between = text.substr(pos[i] + refs[i].number.size(), pos[i + 1] - pos[i] - refs[i].number.size());
      if (between.size() > 60 || fold(between).find("ngay") != std::string::npos) continue;
      bool digits = false;
      for (char c : between) digits = digits || std::isdigit(static_cast<unsigned char>(c));
      if (digits) continue;
      // "Thông tư số 01/2011/TT-BNV và văn bản số 1234/BNV-CCVC ngày
      // 02/10/2025": a number with its own year is not of the other's date.
      if (!match::date_fits_number(*next.date, refs[i].number)) continue;
      refs[i].date = next.date;
      if (!refs[i].issuer) refs[i].issuer = next.issuer;
    }
  }

  std::vector<Reference> collect_references() const {
    std::vector<std::string> texts;
    for (const auto& t : st_.header_texts) texts.push_back(t.text);
    for (const auto& b : st_.blocks) texts.push_back(b.text.text);
    for (const auto& app : st_.appendices) {
      for (const auto& t : app.texts) texts.push_back(t.text);
      for (const auto& row : app.rows) {
        texts.push_back(row.task.text);
        for (const auto& c : row.other_cells) texts.push_back(c.text);
      }
    }
    std::string own;
    if (st_.header.symbol) own = number_key(st_.header.number.value_or("") + "/" + *st_.header.symbol);
    std::vector<Reference> out;
    std::map<std::string, size_t> index;
    for (const auto& text : texts) {
      auto refs = find_references(phrases_, text);
      share_dates(text, refs);
      for (auto& r : refs) {
        const std::string key = number_key(r.number);
        if (key.empty() || key == own || key.front() == '/') continue;
        auto it = index.find(key);
        if (it == index.end()) {
          index[key] = out.size();
          out.push_back(std::move(r));
          continue;
        }
        Reference& have = out[it->second];
        if (!full_date(have.date) && full_date(r.date)) {
          have.date = r.date;
          if (r.issuer) have.issuer = r.issuer;
        } else if (!have.date && r.date) {
          have.date = r.date;
        }
        if (!have.issuer && r.issuer) have.issuer = r.issuer;
      }
    }
    return out;
  }
};

}  // namespace

Extraction extract(const Rules& rules, const DocumentText& text) {
  const std::string joined = text.joined();
  CleanupOptions options;
  options.is_stamp_line = [&rules](std::string_view line) { return rules.structure.matches("stamp_line", line); };
  options.is_table_header = [&rules](std::string_view line) {
    return rules.structure.prefix_length("appendix_header", line).has_value();
  };
  const std::vector<TextLine> lines = clean_letter_text(joined, options);
  const LetterStructure structure = parse_letter(rules.structure, lines);
  Extraction out = Assembler(rules, structure).run();
  out.rules_version = rules.version;
  return out;
}

}  // namespace congvan
