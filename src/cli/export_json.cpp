// Serialising stored documents to the directive-export/1 JSON contract.
#include "cli/export_json.h"

namespace congvan {
namespace {

using json = nlohmann::ordered_json;

template <typename T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json names(const std::vector<Assignee>& people) {
  json out = json::array();
  for (const auto& p : people) out.push_back(p.name);
  return out;
}

json canonical_names(const std::vector<Assignee>& people) {
  json out = json::array();
  for (const auto& p : people) out.push_back(p.canonical ? *p.canonical : p.name);
  return out;
}

}  // namespace

json deadline_to_json(const Deadline& d) {
  json j;
  j["kind"] = d.kind;
  const bool dated = d.kind == "by_date" || d.kind == "within_month" ||
                     d.kind == "within_quarter" || d.kind == "within_year" ||
                     d.kind == "relative";
  if (dated || d.due) j["due"] = opt(d.due);
  if (d.time) j["time"] = *d.time;
  if (d.kind == "relative") {
    j["count"] = opt(d.count);
    j["unit"] = opt(d.unit);
  }
  if (d.kind == "relative" || d.kind == "on_event") j["anchor"] = opt(d.anchor);
  if (d.kind == "recurring") {
    j["every"] = opt(d.every);
    if (d.day) j["day"] = *d.day;
  }
  j["text"] = d.text;
  j["needs_review"] = d.needs_review;
  return j;
}

json task_to_json(const Task& t) {
  json j;
  j["item"] = t.item;
  j["text"] = t.text;
  j["lead"] = names(t.lead);
  j["support"] = names(t.support);
  j["lead_canonical"] = canonical_names(t.lead);
  j["support_canonical"] = canonical_names(t.support);
  j["deadlines"] = json::array();
  for (const auto& d : t.deadlines) j["deadlines"].push_back(deadline_to_json(d));
  j["targets"] = json::array();
  for (const auto& x : t.targets) {
    j["targets"].push_back({{"comparator", x.comparator},
                            {"value", x.value},
                            {"unit", x.unit},
                            {"text", x.text},
                            {"needs_review", x.needs_review}});
  }
  j["span"] = {{"page", t.span.page}, {"start", t.span.start}, {"end", t.span.end}};
  return j;
}

json document_to_json(const DocumentRecord& r) {
  const LetterHeader& h = r.extraction.header;
  json j;
  j["source"] = r.source;
  j["sha256"] = r.sha256;
  j["pages"] = r.pages;
  j["text_origin"] = to_string(r.origin);
  j["ocr_confidence"] = opt(r.ocr_confidence);
  j["issuer"] = opt(h.issuer);
  j["doc_type"] = opt(h.doc_type);
  j["number"] = opt(h.number);
  j["symbol"] = opt(h.symbol);
  j["place"] = opt(h.place);
  j["date"] = opt(h.date);
  j["subject"] = opt(h.subject);
  j["recipients"] = h.recipients;
  j["signer"] = {{"name", opt(h.signer.name)},
                 {"title", opt(h.signer.title)},
                 {"authority", opt(h.signer.authority)}};
  j["references"] = json::array();
  for (const auto& ref : r.extraction.references) {
    j["references"].push_back({{"type", ref.type},
                               {"number", ref.number},
                               {"date", opt(ref.date)},
                               {"issuer", opt(ref.issuer)}});
  }
  j["tasks"] = json::array();
  for (const auto& t : r.extraction.tasks) j["tasks"].push_back(task_to_json(t));
  j["rules_version"] = r.extraction.rules_version;
  j["path"] = r.path;
  j["ingested_at"] = r.ingested_at.empty() ? json(nullptr) : json(r.ingested_at);
  return j;
}

json deadline_hit_to_json(const DeadlineHit& r) {
  json j = deadline_to_json(r.deadline);
  j["document"] = r.doc_number ? json(*r.doc_number) : json(nullptr);
  j["source"] = r.source;
  j["item"] = r.item;
  j["lead"] = r.lead;
  j["support"] = r.support;
  j["task"] = r.task_text;
  j["status"] = r.status;
  j["task_id"] = r.task_id;
  j["effective_due"] = r.effective_due ? json(*r.effective_due) : json(nullptr);
  if (r.deadline.kind == "recurring") j["next"] = r.next;
  j["overdue"] = r.overdue;
  return j;
}

json export_to_json(const std::vector<DocumentRecord>& documents) {
  json j;
  j["schema"] = kExportSchema;
  j["documents"] = json::array();
  for (const auto& d : documents) j["documents"].push_back(document_to_json(d));
  return j;
}

void append_json(std::string& out, const json& j, int indent) {
  const std::string text = j.dump(2, ' ', false, json::error_handler_t::replace);
  const std::string pad(static_cast<size_t>(indent), ' ');
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out.append(text, from, nl + 1 - from).append(pad);
    from = nl + 1;
  }
  out.append(text, from, std::string::npos);
}

ExportJsonWriter::ExportJsonWriter(std::string& out) : out_(out) {
  out_ += "{\n  \"schema\": ";
  out_ += json(kExportSchema).dump();
  out_ += ",\n  \"documents\": [";
}

void ExportJsonWriter::add(const DocumentRecord& document) {
  out_ += any_ ? ",\n    " : "\n    ";
  append_json(out_, document_to_json(document), 4);
  any_ = true;
}

void ExportJsonWriter::end() { out_ += any_ ? "\n  ]\n}" : "]\n}"; }

}  // namespace congvan
