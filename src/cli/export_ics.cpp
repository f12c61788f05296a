// Deadlines as iCalendar (RFC 5545) to-dos: one VTODO per dated deadline,
// a stable UID per (document, item, deadline), lines folded at 75 octets.
#include <fmt/format.h>

#include "cli/export_rows.h"
#include "cli/query_options.h"
#include "text/display.h"

namespace congvan {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// Folds a content line at 75 octets without cutting a UTF-8 sequence.
std::string fold_line(const std::string& line) {
  std::string out;
  size_t used = 0;
  for (size_t i = 0; i < line.size();) {
    size_t len = 1;
    const auto c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    if (used + len > 75) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line, i, len);
    used += len;
    i += len;
  }
  return out + "\r\n";
}

std::string ics_date(const std::string& iso) {
  std::string out;
  for (char c : iso) {
    if (c != '-') out += c;
  }
  return out;
}

// The RRULE of a recurring deadline, empty when none fits.
std::string rrule(const Deadline& d) {
  if (!d.every) return "";
  const std::string& e = *d.every;
  if (e == "day") return "FREQ=DAILY";
  if (e == "week") {
    static const char* kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    const int day = d.day && *d.day >= 1 && *d.day <= 7 ? *d.day : 5;
    return std::string("FREQ=WEEKLY;BYDAY=") + kDays[day - 1];
  }
  int interval = e == "month" ? 1 : e == "quarter" ? 3 : e == "half_year" ? 6 : e == "year" ? 12 : 0;
  if (interval == 0) return "";
  return fmt::format("FREQ=MONTHLY;INTERVAL={};BYMONTHDAY={}", interval,
                     d.day ? std::to_string(*d.day) : "-1");
}

std::string cut_summary(const std::string& text) {
  constexpr int kMax = 120;
  if (grapheme_count(text) <= kMax) return text;
  return take_graphemes(text, kMax - 1) + "…";
}

}  // namespace

std::string deadlines_to_ics(const std::vector<DeadlineHit>& deadlines, const std::string& stamp) {
  std::string out;
  auto put = [&](const std::string& line) { out += fold_line(line); };
  put("BEGIN:VCALENDAR");
  put("VERSION:2.0");
  put("PRODID:-//congvan//deadlines//VI");
  put("CALSCALE:GREGORIAN");
  for (const auto& h : deadlines) {
    if (!h.effective_due) continue;
    const Deadline& d = h.deadline;
    put("BEGIN:VTODO");
    put(fmt::format("UID:{}-{}-{}@congvan", h.sha256.substr(0, 16), h.item, h.deadline_position));
    put("DTSTAMP:" + stamp);
    const std::string due = ics_date(*h.effective_due);
    if (d.kind == "recurring") put("DTSTART;VALUE=DATE:" + due);
    if (d.time && d.time->size() == 5) {
      put(fmt::format("DUE:{}T{}{}00", due, d.time->substr(0, 2), d.time->substr(3, 2)));
    } else {
      put("DUE;VALUE=DATE:" + due);
    }
    if (d.kind == "recurring") {
      if (std::string rule = rrule(d); !rule.empty()) put("RRULE:" + rule);
    }
    const std::string lead = h.lead.empty() ? "" : join_names(h.lead) + ": ";
    put("SUMMARY:" + escape(lead + cut_summary(h.task_text)));
    std::string description = h.task_text + "\nThời hạn: " + d.text;
    if (!h.support.empty()) description += "\nPhối hợp: " + join_names(h.support);
    description += "\nVăn bản: " + h.doc_number.value_or(h.source) + ", mục " + h.item;
    put("DESCRIPTION:" + escape(description));
    put(std::string("STATUS:") + (h.status == "done" ? "COMPLETED" : "NEEDS-ACTION"));
    put("END:VTODO");
  }
  put("END:VCALENDAR");
  return out;
}

}  // namespace congvan
