// The data model of an extracted letter: header fields, tasks with their
// assignees, deadlines and targets, and cited documents.
//
// These are plain values shared by every stage: the extractor fills them, the
// store saves and loads them, the exporters print them. All strings are UTF-8
// NFC. Optional fields are std::nullopt when unknown (exported as null).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace congvan {

// Where a task stands in the document text: page (1-based) and code-point
// offsets [start, end) into the whole document text (pages joined by '\f').
struct Span {
  int page = 1;
  int64_t start = 0;
  int64_t end = 0;
};

// One time limit attached to a task. `kind` is one of the contract's kinds:
// by_date, within_month, within_quarter, within_year, relative, on_event,
// recurring.
struct Deadline {
  std::string kind;
  std::optional<std::string> due;     // YYYY-MM-DD
  std::optional<std::string> time;    // HH:MM when a time of day is given
  std::optional<int> count;           // relative: how many units
  std::optional<std::string> unit;    // relative: hour, day, working_day, month
  std::optional<std::string> anchor;  // relative / on_event: the event
  std::optional<std::string> every;   // recurring: day, week, month, quarter, half_year, year
  std::optional<int> day;             // recurring: day of month, or 1-7 (Mon-Sun) for week
  std::string text;                   // the phrase as found
  bool needs_review = false;          // read with low OCR confidence
};

// A numeric target the task must reach.
struct Target {
  std::string comparator = "=";  // >=, >, <=, <, =
  double value = 0;
  std::string unit;              // "%" or the unit named
  std::string text;
  bool needs_review = false;
};

// A body that must do (lead) or help with (support) a task.
struct Assignee {
  std::string name;                     // as written in the letter
  std::optional<std::string> canonical;  // gazetteer name, when known
};

struct Task {
  std::string item;  // "1.a", "II.2.b", "1.-2", "PL.3"
  std::string text;
  std::vector<Assignee> lead;
  std::vector<Assignee> support;
  std::vector<Deadline> deadlines;
  std::vector<Target> targets;
  Span span;
};

// A cited legal or administrative document.
struct Reference {
  std::string type;                    // Quyết định, Nghị định, Công văn ...
  std::string number;                  // "1085/QĐ-TTg" as written
  std::optional<std::string> date;     // ISO
  std::optional<std::string> issuer;
};

struct Signer {
  std::optional<std::string> name;
  std::optional<std::string> title;
  std::optional<std::string> authority;
};

// The header and closing parts of the letter.
struct LetterHeader {
  std::optional<std::string> issuer;
  std::optional<std::string> doc_type;
  std::optional<std::string> number;
  std::optional<std::string> symbol;
  std::optional<std::string> place;
  std::optional<std::string> date;  // ISO, possibly partial ("2023", "2024-04")
  std::optional<std::string> subject;
  std::vector<std::string> recipients;
  Signer signer;
};

// Everything the extractor finds in one letter.
struct Extraction {
  LetterHeader header;
  std::vector<Reference> references;
  std::vector<Task> tasks;
  std::string rules_version;
};

}  // namespace congvan
