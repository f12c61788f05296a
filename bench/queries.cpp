// Benchmark of the clerk's common queries on a database of a million tasks:
// builds it (synthetic letters made from the sample letters' sentences, the
// gazetteer's bodies, varied dates and deadline kinds) and times each query.
//
//   queries_bench DB [--tasks N] [--runs R]   (builds DB when it does not exist)
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "congvan/calendar.h"
#include "congvan/gazetteer.h"
#include "congvan/query.h"
#include "congvan/query_output.h"
#include "congvan/store.h"

namespace fs = std::filesystem;
using namespace congvan;

namespace {

constexpr int kTasksPerLetter = 20;
const char* kAsOf = "2025-06-16";  // a Monday

// Sentences of the sample letters long enough to be a task.
std::vector<std::string> sample_sentences(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.size() >= 60 && line.size() <= 600 && line.find(' ') != std::string::npos) {
        out.push_back(line);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Body {
  std::string canonical;
  std::vector<std::string> written;  // the canonical name and its aliases
};

std::vector<Body> gazetteer_bodies(const Gazetteer& g) {
  std::vector<Body> out;
  for (const auto& e : g.entries()) {
    Body b{e.canonical, {e.canonical}};
    for (const auto& a : e.aliases) b.written.push_back(a);
    out.push_back(std::move(b));
  }
  // Collective addressees the gazetteer does not list as one body.
  out.push_back({"UBND các huyện, thành phố, thị xã", {"UBND các huyện, thành phố, thị xã"}});
  return out;
}

Status build(const fs::path& db, int64_t tasks, const fs::path& source) {
  auto gazetteer = Gazetteer::load(source / "models" / "gazetteer.tsv");
  if (!gazetteer) return gazetteer.status();
  const auto bodies = gazetteer_bodies(*gazetteer);
  const auto sentences = sample_sentences(source / "samples" / "letters");
  if (sentences.empty()) return Status::error("no sample sentences");
  const std::vector<std::string> provinces = {
      "Quảng Trị", "Hưng Yên", "Thanh Hóa", "Quảng Ngãi", "Nghệ An", "Hà Tĩnh", "Lào Cai",
      "Đắk Lắk", "Cà Mau", "An Giang", "Bắc Ninh", "Thái Nguyên", "Lâm Đồng", "Gia Lai",
      "Tây Ninh", "Đồng Tháp", "Vĩnh Long", "Cần Thơ", "Đà Nẵng", "Huế"};
  const std::vector<std::string> symbols = {"UBND-KT", "UBND-VX", "UBND-NC", "UBND-KSTTHC",
                                            "KH-UBND", "CT-UBND"};
  auto store = Store::open(db);
  if (!store) return store.status();
  std::mt19937_64 rng(42);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  const int64_t first_day = to_day_number({2023, 1, 1});
  const int64_t days = to_day_number({2026, 12, 31}) - first_day + 1;
  const int64_t letters = (tasks + kTasksPerLetter - 1) / kTasksPerLetter;
  const auto started = std::chrono::steady_clock::now();
  for (int64_t n = 0; n < letters; ++n) {
    NewDocument d;
    d.source = fmt::format("letter_{:07d}.txt", n);
    d.path = "bench/" + d.source;
    d.sha256 = fmt::format("{:064x}", n + 1);
    LetterHeader& h = d.extraction.header;
    const std::string province = provinces[pick(provinces.size())];
    h.issuer = "UBND tỉnh " + province;
    h.doc_type = "Công văn";
    h.number = std::to_string(n + 1);
    h.symbol = symbols[pick(symbols.size())];
    h.place = province;
    h.date = to_iso(from_day_number(first_day + static_cast<int64_t>(pick(days))));
    // The first 120 bytes of a sentence, cut between characters.
    std::string subject = sentences[pick(sentences.size())];
    size_t cut = std::min<size_t>(subject.size(), 120);
    while (cut > 0 && cut < subject.size() && (static_cast<unsigned char>(subject[cut]) & 0xC0) == 0x80) --cut;
    h.subject = subject.substr(0, cut);
    d.extraction.rules_version = "bench";
    std::string page = *h.subject + "\n";
    for (int i = 0; i < kTasksPerLetter && n * kTasksPerLetter + i < tasks; ++i) {
      Task t;
      t.item = std::to_string(i + 1);
      t.text = sentences[pick(sentences.size())];
      if (i < 3) page += t.text + "\n";
      const Body& lead = bodies[pick(bodies.size())];
      t.lead.push_back({lead.written[pick(10) < 7 ? 0 : pick(lead.written.size())], lead.canonical});
      for (size_t s = pick(3); s > 0; --s) {
        const Body& b = bodies[pick(bodies.size())];
        t.support.push_back({b.canonical, b.canonical});
      }
      const size_t count = pick(100) < 5 ? 0 : pick(100) < 15 ? 2 : 1;
      for (size_t k = 0; k < count; ++k) {
        Deadline x;
        const Date due = from_day_number(first_day + static_cast<int64_t>(pick(days)));
        const size_t kind = pick(100);
        if (kind < 50) {
          x.kind = "by_date";
          x.due = to_iso(due);
          x.text = fmt::format("trước ngày {}/{}/{}", due.day, due.month, due.year);
        } else if (kind < 62) {
          x.kind = "within_month";
          x.due = to_iso(last_day_of_month(due.year, due.month));
          x.text = fmt::format("trong tháng {}/{}", due.month, due.year);
        } else if (kind < 70) {
          x.kind = "within_quarter";
          x.due = to_iso(last_day_of_quarter(due.year, (due.month + 2) / 3));
          x.text = fmt::format("trong quý {}/{}", (due.month + 2) / 3, due.year);
        } else if (kind < 76) {
          x.kind = "within_year";
          x.due = to_iso({due.year, 12, 31});
          x.text = fmt::format("trong năm {}", due.year);
        } else if (kind < 86) {
          x.kind = "recurring";
          const size_t every = pick(100);
          x.every = every < 50 ? "month" : every < 70 ? "quarter" : every < 85 ? "week" : every < 95 ? "year" : "day";
          if (*x.every == "week") x.day = static_cast<int>(pick(7)) + 1;
          else if (*x.every != "day" && pick(10) < 7) x.day = static_cast<int>(pick(31)) + 1;
          x.text = "định kỳ hằng " + *x.every;
        } else if (kind < 93) {
          x.kind = "relative";
          x.count = static_cast<int>(pick(30)) + 1;
          x.unit = pick(2) ? "day" : "working_day";
          x.anchor = "ngày ký văn bản";
          if (pick(2)) x.due = to_iso(due);
          x.text = fmt::format("trong {} ngày kể từ ngày ký", *x.count);
        } else {
          x.kind = "on_event";
          x.anchor = "có hướng dẫn của Bộ Tài chính";
          x.text = "ngay sau khi có hướng dẫn của Bộ Tài chính";
        }
        t.deadlines.push_back(std::move(x));
      }
      t.span = {1, i * 100, i * 100 + 99};
      d.extraction.tasks.push_back(std::move(t));
    }
    PageText p;
    p.text = page;
    d.text.pages.push_back(std::move(p));
    auto added = store->add_document(d);
    if (!added) return added.status();
    if ((n + 1) % 5000 == 0) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cerr << fmt::format("  {} letters, {} tasks, {:.0f} s\n", n + 1, (n + 1) * kTasksPerLetter, s);
    }
  }
  // Clerks close tasks one by one: 2,000 of them are done.
  for (int64_t id = 1; id <= std::min<int64_t>(tasks, 10000); id += 5) {
    if (Status s = set_task_status(*store, id, "done", std::string("bench"), "bench"); !s) return s;
  }
  return Status::ok();
}

struct Timing {
  double min_ms = 0, median_ms = 0, max_ms = 0;  // the query and its output
  double query_ms = 0;                           // median of the query alone
  double cpu_median_ms = 0;  // CPU time of this thread: what it costs without other load
  double query_cpu_ms = 0;   // median CPU ms of the query alone
  size_t rows = 0;
  size_t bytes = 0;  // of the output
};

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// What one query gives: its rows, and how to print them as the CLI does
// (returns the bytes printed).
struct Answer {
  size_t rows = 0;
  std::function<size_t()> print;
  // print() runs the query again, its rows streamed into the output as the
  // CLI does: the query and its output is then print() alone.
  bool print_repeats_query = false;
};

Timing time_query(int runs, const std::function<Answer()>& query) {
  std::vector<double> ms, cpu, alone, alone_cpu;
  size_t rows = 0, bytes = 0;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_ms();
    Answer a = query();
    alone.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    alone_cpu.push_back(thread_cpu_ms() - c0);
    rows = a.rows;
    const auto t1 = a.print_repeats_query ? std::chrono::steady_clock::now() : t0;
    const double c1 = a.print_repeats_query ? thread_cpu_ms() : c0;
    bytes = a.print ? a.print() : 0;
    cpu.push_back(thread_cpu_ms() - c1);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  std::sort(alone.begin(), alone.end());
  std::sort(alone_cpu.begin(), alone_cpu.end());
  return {ms.front(), ms[ms.size() / 2], ms.back(), alone[alone.size() / 2], cpu[cpu.size() / 2],
          alone_cpu[alone_cpu.size() / 2], rows, bytes};
}

// Writes the output where a clerk's terminal or pipe would get it, without
// a terminal's drawing time: /dev/null.
size_t emit(const std::string& text) {
  static FILE* sink = std::fopen("/dev/null", "w");
  std::fwrite(text.data(), 1, text.size(), sink);
  std::fflush(sink);
  return text.size();
}

// `congvan deadlines` as the CLI runs it: each_deadline streaming rows into
// the table, written out every 64 KB; gives the rows and bytes.
std::pair<size_t, size_t> print_deadlines(Store& store, const QueryFilter& f, int width) {
  DeadlinesTable table(width, false);
  std::string out;
  table.header(out);
  size_t rows = 0, bytes = 0;
  Status s = each_deadline(store, f, [&](const DeadlineHit& hit) {
    table.row(hit, out);
    ++rows;
    if (out.size() >= (1 << 16)) {
      bytes += emit(out);
      out.clear();
    }
  }, DeadlineFields::kShown);
  if (!s) throw std::runtime_error(s.message());
  bytes += emit(out);
  return {rows, bytes};
}

constexpr int kWidth = 120;  // the table's width, as on a wide terminal

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: queries_bench DB [--tasks N] [--runs R]\n";
    return 2;
  }
  const fs::path db = argv[1];
  int64_t tasks = 1000000;
  int runs = 7;
  std::string only;  // run only the queries whose name contains this
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string opt = argv[i];
    if (opt == "--tasks") tasks = std::stoll(argv[i + 1]);
    else if (opt == "--runs") runs = std::stoi(argv[i + 1]);
    else if (opt == "--only") only = argv[i + 1];
  }
  const fs::path source = CONGVAN_SOURCE_DIR;
  if (!fs::exists(db)) {
    std::cerr << "building " << db << " with " << tasks << " tasks\n";
    const auto t0 = std::chrono::steady_clock::now();
    if (Status s = build(db, tasks, source); !s) {
      std::cerr << "queries_bench: " << s.message() << "\n";
      return 1;
    }
    std::cerr << fmt::format("built in {:.0f} s\n", std::chrono::duration<double>(
                                                        std::chrono::steady_clock::now() - t0).count());
  }
  auto store = Store::open(db);
  if (!store) {
    std::cerr << "queries_bench: " << store.message() << "\n";
    return 1;
  }
  auto gazetteer = Gazetteer::load(source / "models" / "gazetteer.tsv");
  if (!gazetteer) {
    std::cerr << "queries_bench: " << gazetteer.message() << "\n";
    return 1;
  }
  // What the CLI does with --lead: the gazetteer's names and the merged ones.
  auto body = [&](const std::string& text) {
    BodyFilter b{text, {}};
    std::set<std::string> names;
    for (const auto& n : gazetteer->match(text)) {
      names.insert(n);
      for (const auto& old : gazetteer->predecessors(n)) names.insert(old);
    }
    b.names.assign(names.begin(), names.end());
    return b;
  };
  auto filter = [&] {
    QueryFilter f;
    f.as_of = kAsOf;
    return f;
  };
  // The query alone: each_deadline passing rows to nothing. Then the query
  // again with its table, streamed as the CLI prints it.
  auto deadlines = [&](QueryFilter f) {
    return [&store, f] {
      size_t rows = 0;
      Status s = each_deadline(*store, f, [&](const DeadlineHit&) { ++rows; }, DeadlineFields::kShown);
      if (!s) throw std::runtime_error(s.message());
      return Answer{rows, [&store, f] { return print_deadlines(*store, f, kWidth).second; }, true};
    };
  };
  auto task_rows = [&](QueryFilter f) {
    return [&store, f] {
      auto r = find_tasks(*store, f);
      if (!r) throw std::runtime_error(r.message());
      auto rows = std::make_shared<std::vector<TaskHit>>(std::move(r.value()));
      return Answer{rows->size(), [rows] { return emit(tasks_table(*rows, kWidth, false)); }};
    };
  };
  struct Case {
    std::string name;
    std::function<Answer()> run;
  };
  std::vector<Case> cases;
  {
    QueryFilter f = filter();
    f.within_days = 7;
    cases.push_back({"deadlines --within 7 (every row)", deadlines(f)});
    f.limit = 100;
    cases.push_back({"deadlines --within 7 --limit 100", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.overdue = true;
    f.limit = 100;
    cases.push_back({"deadlines --overdue --limit 100", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.lead = body("so tai chinh");
    f.within_days = 30;
    cases.push_back({"deadlines --lead 'so tai chinh' --within 30", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.lead = body("Sở TT&TT");
    f.overdue = true;
    f.limit = 100;
    cases.push_back({"deadlines --lead 'Sở TT&TT' --overdue --limit 100", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.support = body("so tu phap");
    f.within_days = 14;
    cases.push_back({"deadlines --support 'so tu phap' --within 14", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.due_after = "2025-07-01";
    f.due_before = "2025-07-31";
    f.limit = 200;
    cases.push_back({"deadlines --due-after 01/07/2025 --due-before 31/07/2025 --limit 200", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.doc = "4321";
    cases.push_back({"deadlines --doc 4321", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.issuer = "hung yen";
    f.within_days = 30;
    f.limit = 100;
    cases.push_back({"deadlines --issuer 'hung yen' --within 30 --limit 100", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.kinds = {"recurring"};
    f.within_days = 7;
    f.limit = 100;
    cases.push_back({"deadlines --kind recurring --within 7 --limit 100", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.limit = 50;
    cases.push_back({"deadlines --limit 50", deadlines(f)});
  }
  {
    // Without a date window: the lead order and a kind (an undated one, and
    // one whose rows are dated).
    QueryFilter f = filter();
    f.sort = "lead";
    f.limit = 100;
    cases.push_back({"deadlines --sort lead --limit 100", deadlines(f)});
    f.status = "all";
    cases.push_back({"deadlines --sort lead --status all --limit 100", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.kinds = {"on_event"};
    f.limit = 100;
    cases.push_back({"deadlines --kind on_event --limit 100", deadlines(f)});
    f.kinds = {"within_quarter"};
    cases.push_back({"deadlines --kind within_quarter --limit 100", deadlines(f)});
  }
  {
    QueryFilter f = filter();
    f.lead = body("ubnd cac huyen");
    f.limit = 100;
    cases.push_back({"tasks --lead 'ubnd cac huyen' --limit 100", task_rows(f)});
  }
  {
    QueryFilter f = filter();
    f.overdue = true;
    f.lead = body("Sở Nội vụ");
    f.limit = 100;
    cases.push_back({"tasks --overdue --lead 'Sở Nội vụ' --limit 100", task_rows(f)});
  }
  auto searching = [&](const std::string& q, bool exact) {
    return [&store, q, exact] {
      SearchOptions o;
      o.exact = exact;
      auto r = search(*store, q, o);
      if (!r) throw std::runtime_error(r.message());
      // What `congvan search` prints: one line and the snippet per hit.
      auto hits = std::make_shared<std::vector<SearchHit>>(std::move(r.value()));
      return Answer{hits->size(), [hits] {
                      std::string out;
                      for (const auto& h : *hits) {
                        out += h.kind + " " + std::to_string(h.task_id) + " " + h.source + " " +
                               h.doc_number.value_or("") + " " + h.item + "\n  " + h.snippet + "\n";
                      }
                      return emit(out);
                    }};
    };
  };
  cases.push_back({"search 'thu tuc hanh chinh'", searching("thu tuc hanh chinh", false)});
  cases.push_back({"search --exact 'thủ tục hành chính'", searching("thủ tục hành chính", true)});
  cases.push_back({"search '\"dich vu cong truc tuyen\"'", searching("\"dich vu cong truc tuyen\"", false)});
  cases.push_back({"show 4321", [&store] {
                     auto id = resolve_document(*store, "4321");
                     if (!id) throw std::runtime_error(id.message());
                     auto v = show_document(*store, *id);
                     if (!v) throw std::runtime_error(v.message());
                     return Answer{v->tasks.size(), nullptr};
                   }});
  // `congvan report`: the counts per lead and the 50 longest overdue.
  cases.push_back({"report (counts per lead, 50 overdue)", [&store] {
                     auto r = lead_report(*store, kAsOf, 7);
                     if (!r) throw std::runtime_error(r.message());
                     QueryFilter f;
                     f.as_of = kAsOf;
                     f.overdue = true;
                     f.limit = 50;
                     auto late = find_deadlines(*store, f);
                     if (!late) throw std::runtime_error(late.message());
                     auto rows = std::make_shared<std::vector<DeadlineHit>>(std::move(late.value()));
                     auto counts = std::make_shared<std::vector<LeadCounts>>(std::move(r.value()));
                     return Answer{counts->size(), [rows, counts] {
                                     std::string out;
                                     for (const auto& c : *counts) {
                                       out += fmt::format("{} {} {} {}\n", c.lead, c.open, c.due_soon, c.overdue);
                                     }
                                     return emit(out + deadlines_table(*rows, kWidth, false));
                                   }};
                   }});
  auto total = store->count_rows("tasks");
  std::cout << fmt::format("{} tasks, as of {}, {} runs each. Wall ms of the query and its "
                           "output (the CLI's table, to /dev/null): min / median / max; the "
                           "median of the query alone; the median CPU ms of both and of the query alone\n",
                           total ? *total : -1, kAsOf, runs);
  int slow = 0;
  for (const auto& c : cases) {
    if (!only.empty() && c.name.find(only) == std::string::npos) continue;
    Timing t;
    try {
      t = time_query(runs, c.run);
    } catch (const std::exception& e) {
      std::cerr << c.name << ": " << e.what() << "\n";
      return 1;
    }
    const bool ok = t.median_ms < 100;
    slow += !ok;
    std::cout << fmt::format("{:<66} {:>7.1f} {:>7.1f} {:>7.1f}  query {:>7.1f}  cpu {:>6.1f}  query cpu {:>6.1f}  {:>6} rows {:>9} B {}\n",
                             c.name, t.min_ms, t.median_ms, t.max_ms, t.query_ms, t.cpu_median_ms, t.query_cpu_ms,
                             t.rows, t.bytes, ok ? "" : "SLOW");
  }
  return slow == 0 ? 0 : 1;
}
