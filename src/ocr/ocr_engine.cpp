// OcrEngine: Leptonica pre-processing (orientation, coloured ink, scale,
// background, deskew, borders), Tesseract recognition word by word, and the
// page text rebuilt from the words with two-column zones as separate blocks.
#include "ocr/ocr_engine.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <numbers>
#include <vector>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "congvan/text.h"
#include "ocr/ocr_correction.h"
#include "util/utf8.h"
#include "ocr/vi_lexicon.h"

namespace congvan::ocr {
namespace {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;
struct PixaDeleter {
  void operator()(Pixa* p) const { pixaDestroy(&p); }
};
using PixaPtr = std::unique_ptr<Pixa, PixaDeleter>;
struct TessDeleter {
  void operator()(tesseract::TessBaseAPI* api) const {
    api->End();
    delete api;
  }
};
using TessPtr = std::unique_ptr<tesseract::TessBaseAPI, TessDeleter>;

// Leptonica's warnings go to stderr: keep only its errors. OMP_THREAD_LIMIT
// is read by libgomp at program load: congvan::limit_ocr_threads_or_reexec
// (reader.h) sets it before that; here it only reaches child processes.
// Both once, process-wide.
void limit_openmp_threads() {
  static std::once_flag once;
  std::call_once(once, [] {
    setenv("OMP_THREAD_LIMIT", "1", 0);
    setMsgSeverity(L_SEVERITY_ERROR);
  });
}

struct BoxaDeleter {
  void operator()(Boxa* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<Boxa, BoxaDeleter>;

// The resolution stored in an image file, when it can be believed: not 0,
// not 72 (the default of programs that write none), and giving a page of
// 3 to 24 inches on its long side. 0 otherwise.
int file_resolution(Pix* pix) {
  const int res = pixGetYRes(pix);
  if (res < 50 || res > 1200 || res == 72) return 0;
  const double inches = static_cast<double>(std::max(pixGetWidth(pix), pixGetHeight(pix))) / res;
  return inches >= 3.0 && inches <= 24.0 ? res : 0;
}

// Height in pixels of the short letters (x-height) on a gray page: of the
// connected components of dark ink of letter shape, without the small ones
// (Vietnamese tone marks, dots, noise), the 30th percentile, which falls on
// the short letters (a, c, e, n, o …) before those with ascenders. 0 when
// there are too few to tell.
int letter_x_height(Pix* gray) {
  PixPtr binary(pixConvertTo1(gray, 128));
  if (!binary) return 0;
  BoxaPtr boxes(pixConnCompBB(binary.get(), 8));
  if (!boxes) return 0;
  const int max_height = std::max(8, pixGetHeight(gray) / 25);
  std::vector<int> heights;
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    if (h >= 3 && h <= max_height && w <= 3 * h) heights.push_back(h);
  }
  if (heights.size() < 100) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const int median = heights[heights.size() / 2];
  std::vector<int> letters;
  for (int h : heights) {
    if (2 * h >= median) letters.push_back(h);
  }
  if (letters.size() < 100) return 0;
  std::nth_element(letters.begin(), letters.begin() + letters.size() * 3 / 10, letters.end());
  return letters[letters.size() * 3 / 10];
}

// x-height per inch of page of the 12-14 pt Times New Roman of Nghị định 30
// letters, measured on the sample letters rendered at 300 dpi (26 px) and
// 200 dpi (17 px) by samples/render.
constexpr double kXHeightInches = 0.086;

// Resolution of a page image: the file's when plausible; else estimated from
// the height of its short letters; else from its size as an A4/Letter page (the
// long side is 11-11.7 in).
int page_dpi(Pix* original, Pix* gray) {
  if (int res = file_resolution(original)) return res;
  if (int h = letter_x_height(gray); h > 0) {
    return std::clamp(static_cast<int>(std::lround(h / kXHeightInches)), 50, 1200);
  }
  int long_side = std::max(pixGetWidth(original), pixGetHeight(original));
  return std::clamp(static_cast<int>(std::lround(long_side / 11.5)), 70, 1200);
}

// Colour page to gray with coloured ink (red seals, blue stamps and
// signatures) turned to paper: strongly coloured pixels that are bright in
// their strongest channel (seal red about 215, stamp blue about 190) become
// white, the others take their brightest channel. That keeps black text under
// a seal, including its strokes that a JPEG scan's coarse chroma tints red or
// blue (about 110,30,30: coloured but dark, so ink, not seal).
constexpr int kInkChroma = 70;        // max - min channel of seal/stamp ink
constexpr int kSealBrightness = 150;  // strongest channel of seal/stamp ink
PixPtr gray_without_coloured_ink(Pix* rgb) {
  const int w = pixGetWidth(rgb), h = pixGetHeight(rgb);
  PixPtr gray(pixCreate(w, h, 8));
  const l_uint32* src = pixGetData(rgb);
  l_uint32* dst = pixGetData(gray.get());
  const int swpl = pixGetWpl(rgb), dwpl = pixGetWpl(gray.get());
  for (int y = 0; y < h; ++y) {
    const l_uint32* s = src + static_cast<size_t>(y) * swpl;
    l_uint32* d = dst + static_cast<size_t>(y) * dwpl;
    for (int x = 0; x < w; ++x) {
      l_uint32 v = s[x];
      int r = (v >> L_RED_SHIFT) & 0xff, g = (v >> L_GREEN_SHIFT) & 0xff, b = (v >> L_BLUE_SHIFT) & 0xff;
      int hi = std::max({r, g, b}), lo = std::min({r, g, b});
      int out = hi - lo >= kInkChroma && hi >= kSealBrightness ? 255 : hi;
      SET_DATA_BYTE(d, x, out);
    }
  }
  pixCopyResolution(gray.get(), rgb);
  return gray;
}

// Stage timings on stderr when CONGVAN_OCR_TRACE is set (for bench/ocr).
class StageTimer {
 public:
  StageTimer() : on_(std::getenv("CONGVAN_OCR_TRACE") != nullptr), last_(std::chrono::steady_clock::now()) {}
  void mark(const char* stage) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "ocr %-12s %7.1f ms\n", stage, std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

// One recognised word before the page text is assembled.
struct Word {
  std::vector<SymbolReading> symbols;  // per-symbol alternatives (empty when not asked for)
  std::string text, raw;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float confidence = 0;
  int block = 0, line = 0;
  bool needs_review = false;
};

// Background normalisation (pixBackgroundNormSimple) maps the paper to this level.
constexpr int kNormalisedBackground = 200;

// The paper's level on a page whose paper is already white (a rendered page,
// a scanner that clips the paper to white): the background of tiles of 128 px
// (the median of their pixels lighter than ink, sampled every second row and
// column) is 254 or 255 on 98 % of them; 0 otherwise. There the background
// map of the normalisation is flat, and it only scales the page by
// 200/level. (Noisy or tinted paper keeps the normalisation: on the rendered
// degraded scans, paper about 252, scaling alone read worse, block-truth CER
// deg300 1.189 -> 1.319 %.)
int even_white_background(Pix* gray) {
  constexpr int kTile = 128, kStep = 2, kInk = 60, kWhite = 254;
  const int w = pixGetWidth(gray), h = pixGetHeight(gray), wpl = pixGetWpl(gray);
  const int tx = (w + kTile - 1) / kTile, ty = (h + kTile - 1) / kTile;
  std::vector<std::array<uint16_t, 256>> hist(static_cast<size_t>(tx) * ty);
  for (auto& hst : hist) hst.fill(0);
  const l_uint32* data = pixGetData(gray);
  for (int y = 0; y < h; y += kStep) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    auto* row = &hist[static_cast<size_t>(y / kTile) * tx];
    for (int x = 0; x < w; x += kStep) ++row[x / kTile][GET_DATA_BYTE(line, x)];
  }
  std::vector<int> levels;
  for (const auto& hst : hist) {
    int light = 0, all = 0;
    for (int v = 0; v < 256; ++v) {
      all += hst[v];
      if (v >= kInk) light += hst[v];
    }
    if (light == 0 || 2 * light < all) continue;  // mostly ink or a picture
    for (int v = kInk, seen = 0; v < 256; ++v) {
      seen += hst[v];
      if (2 * seen >= light) {
        levels.push_back(v);
        break;
      }
    }
  }
  if (levels.size() < 8) return 0;
  std::sort(levels.begin(), levels.end());
  if (levels[levels.size() * 2 / 100] < kWhite) return 0;
  return levels[levels.size() / 2];
}

// What the normalisation gives on a flat background `level`: every pixel
// scaled by 200/level (Leptonica's inverse map, 8.8 fixed point).
PixPtr scale_to_normalised(Pix* gray, int level) {
  PixPtr out(pixCreateTemplate(gray));
  if (!out) return nullptr;
  const int factor = kNormalisedBackground * 256 / level;
  std::array<l_uint8, 256> table{};
  for (int v = 0; v < 256; ++v) table[v] = static_cast<l_uint8>(std::min(255, v * factor / 256));
  // Bytes one by one: the order of the samples inside a word does not matter.
  const auto* src = reinterpret_cast<const l_uint8*>(pixGetData(gray));
  auto* dst = reinterpret_cast<l_uint8*>(pixGetData(out.get()));
  const size_t bytes = static_cast<size_t>(pixGetWpl(gray)) * 4 * pixGetHeight(gray);
  for (size_t i = 0; i < bytes; ++i) dst[i] = table[src[i]];
  return out;
}

// Half-resolution copy of a gray page for the ascender count: 2x2 area
// averages while over 200 dpi (300 dpi gives 150 dpi, what the count wants).
PixPtr half_resolution(Pix* gray, int dpi, int* out_dpi) {
  PixPtr small(pixClone(gray));
  *out_dpi = dpi;
  while (*out_dpi > 200) {
    PixPtr half(pixScaleAreaMap2(small.get()));
    if (!half) break;
    small = std::move(half);
    *out_dpi /= 2;
  }
  return small;
}

// Orientation by Leptonica's ascender/descender count: kUpright when clear;
// kLikelyUpright when the count leans upright but weakly (a page of capitals,
// figures or tables), which the recognition's confidence then settles;
// kUnsure otherwise (for Tesseract's OSD model).
using Upright = OrientationTrace::Ascenders;
Upright ascender_orientation(Pix* small) {
  PixPtr binary{pixConvertTo1(small, 128)};
  if (!binary) return Upright::kUnsure;
  l_float32 up = 0, left = 0;
  int failed = pixOrientDetect(binary.get(), &up, &left, 0, 0);
  if (std::getenv("CONGVAN_OCR_TRACE")) std::fprintf(stderr, "ocr orient up=%.1f left=%.1f\n", up, left);
  if (failed != 0) return Upright::kUnsure;
  if (up >= 4.0f && std::fabs(up) >= 2.0f * std::fabs(left)) return Upright::kUpright;
  if (up >= 2.0f && up > std::fabs(left)) return Upright::kLikelyUpright;
  return Upright::kUnsure;
}

// Words of a reading that is right side up: their mean confidence is over
// this (upright pages of the rendered scans 85-95; a page read upside down
// 40-50: tests/data/ocr/003_p2-upside-down.png 41). OrientationTrace (the
// header) says 70 too.
constexpr double kUprightConfidence = 70.0;

double mean_confidence(const std::vector<Word>& words) {
  if (words.empty()) return 0;
  double sum = 0;
  for (const Word& w : words) sum += w.confidence;
  return sum / words.size();
}

}  // namespace

struct OcrEngine::Impl {
  OcrOptions options;
  const ViLexicon* lexicon = nullptr;
  const DocTypeAbbreviations* doc_types = nullptr;
  TessPtr api;      // the Vietnamese recogniser, initialised on first use
  TessPtr osd;      // orientation detection (osd model), initialised on first use
  bool osd_missing = false;
  OrientationTrace orientation;  // of the page being read

  Status ensure_api();
  int osd_quads(Pix* small, int small_dpi, int* rotation);
  PixPtr preprocess(Pix* input, int* dpi, PageText* page, bool* check_upright);
  Result<std::vector<Word>> read_words(Pix* pix, int dpi);
  Result<PageText> recognise(PixPtr pix, int dpi, PageText page, bool check_upright);
  void assemble(std::vector<Word>& words, int page_width, PageText* page) const;
};

Status OcrEngine::Impl::ensure_api() {
  if (api) return Status::ok();
  limit_openmp_threads();
  TessPtr t(new tesseract::TessBaseAPI());
  const char* dir = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
  if (t->Init(dir, options.language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    delete t.release();
    return Status::error("cannot start OCR: Tesseract language '" + options.language +
                         "' not found (install tesseract-ocr-" + options.language + ")");
  }
  t->SetPageSegMode(tesseract::PSM_AUTO);
  t->SetVariable("debug_file", "/dev/null");
  // Per-symbol alternatives from the LSTM (ChoiceIterator) for the tone-mark correction.
  // One iteration of the choice search gives the strong alternatives at a
  // few per cent of CPU (five, the default, cost 15 %).
  if (options.alternatives) {
    t->SetVariable("lstm_choice_mode", "2");
    t->SetVariable("lstm_choice_iterations", "1");
  }
  api = std::move(t);
  return Status::ok();
}

// Tesseract's OSD model on a half-resolution copy: the clockwise quarter
// turns that make the page upright, 0 when it is or OSD cannot tell;
// `rotation` gets them in degrees when OSD answered, else -1.
int OcrEngine::Impl::osd_quads(Pix* small, int small_dpi, int* rotation) {
  *rotation = -1;
  if (osd_missing) return 0;
  if (!osd) {
    TessPtr t(new tesseract::TessBaseAPI());
    const char* dir = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
    if (t->Init(dir, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
      delete t.release();
      osd_missing = true;
      return 0;
    }
    t->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    t->SetVariable("debug_file", "/dev/null");
    osd = std::move(t);
  }
  osd->SetImage(small);
  osd->SetSourceResolution(small_dpi);
  int degrees = 0;
  float orient_conf = 0, script_conf = 0;
  const char* script = nullptr;
  bool ok = osd->DetectOrientationScript(&degrees, &orient_conf, &script, &script_conf);
  osd->Clear();
  if (!ok || orient_conf < 1.5f) return 0;
  // OSD gives the page's clockwise rotation: turn it back by the rest of a turn.
  const int quads = (4 - ((degrees / 90) % 4 + 4) % 4) % 4;
  *rotation = quads * 90;
  return quads;
}

PixPtr OcrEngine::Impl::preprocess(Pix* input, int* dpi, PageText* page, bool* check_upright) {
  *check_upright = false;
  orientation = OrientationTrace{};
  StageTimer timer;
  PixPtr pix(pixClone(input));
  if (pixGetColormap(pix.get())) pix.reset(pixRemoveColormap(pix.get(), REMOVE_CMAP_BASED_ON_SRC));
  PixPtr gray;
  int depth = pixGetDepth(pix.get());
  if (depth == 32 && options.preprocess) {
    gray = gray_without_coloured_ink(pix.get());
  } else if (depth == 8) {
    gray.reset(pixClone(pix.get()));
  } else {
    gray.reset(pixConvertTo8(pix.get(), 0));
  }
  if (!gray) return nullptr;
  timer.mark("gray");
  *dpi = page_dpi(input, gray.get());
  if (std::getenv("CONGVAN_OCR_TRACE")) {
    std::fprintf(stderr, "ocr dpi %d (file %d, x-height %d px)\n", *dpi, pixGetYRes(input),
                 letter_x_height(gray.get()));
  }
  timer.mark("resolution");
  // Pages under 200 dpi are scaled up to 300: the model needs x-heights of ~20 px.
  if (*dpi < 200) {
    float f = 300.0f / *dpi;
    PixPtr up(pixScaleGrayLI(gray.get(), f, f));
    if (up) {
      gray = std::move(up);
      *dpi = 300;
    }
  }
  if (!options.preprocess) return gray;
  // Background to one level (200): uneven photocopy backgrounds, tinted
  // paper. An even white page needs no background map: a table scales it.
  const int white = even_white_background(gray.get());
  if (std::getenv("CONGVAN_OCR_TRACE")) std::fprintf(stderr, "ocr even white background %d\n", white);
  if (PixPtr norm{white > 0 ? scale_to_normalised(gray.get(), white)
                            : PixPtr(pixBackgroundNormSimple(gray.get(), nullptr, nullptr))}) {
    gray = std::move(norm);
  }
  timer.mark("background");
  // Orientation: the ascender count settles most pages cheaply; OSD only
  // when it cannot tell, and after the recognition when that reads poorly.
  int small_dpi = 0;
  PixPtr small = half_resolution(gray.get(), *dpi, &small_dpi);
  if (!small) return nullptr;
  const Upright upright = ascender_orientation(small.get());
  int quads = 0;
  orientation.ascenders = upright;
  if (upright == Upright::kUnsure) {
    quads = osd_quads(small.get(), small_dpi, &orientation.osd_rotation);
    orientation.osd_before = true;
  }
  // Every page OSD has not seen is checked by its reading's confidence, even
  // one the count calls clearly upright: the count can be wrong on some
  // typefaces and text (tests/data/ocr/003_p2-band-upside-down.png, a band
  // of body text upside down: up 7.4, left -2.6), and the check costs
  // nothing on a page that reads well.
  *check_upright = !orientation.osd_before;
  small.reset();
  if (quads != 0) {
    if (PixPtr turned{pixRotateOrth(gray.get(), quads)}) {
      gray = std::move(turned);
      page->rotation = quads * 90;
    }
  }
  timer.mark("orientation");
  // Deskew as pixFindSkewAndDeskew does (threshold 130, rotation when the
  // angle is at least 0.1 degree with confidence 3), keeping the binary
  // image for the borders when the page needs no turn.
  PixPtr binary(pixConvertTo1(gray.get(), 130));
  l_float32 angle = 0, conf = 0;
  if (binary && pixFindSkew(binary.get(), &angle, &conf) == 0 && conf >= 3.0f && std::fabs(angle) >= 0.1f) {
    const auto radians = static_cast<l_float32>(angle * std::numbers::pi / 180.0);
    if (PixPtr straight{pixRotate(gray.get(), radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)}) {
      page->skew_degrees = angle;
      gray = std::move(straight);
      binary.reset(pixConvertTo1(gray.get(), 130));
    }
  }
  timer.mark("deskew");
  // Scanner borders and the dark wedges of rotation: dark regions touching the edge.
  if (binary) {
    PixPtr border(pixExtractBorderConnComps(binary.get(), 8));
    if (border) pixSetMasked(gray.get(), border.get(), 255);
  }
  timer.mark("borders");
  return gray;
}

Result<std::vector<Word>> OcrEngine::Impl::read_words(Pix* pix, int dpi) {
  api->SetImage(pix);
  api->SetSourceResolution(dpi);
  if (api->Recognize(nullptr) != 0) {
    api->Clear();
    return Status::error("OCR failed on the page image");
  }
  std::vector<Word> words;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  int block = -1, line = -1;
  // Walks the page symbol by symbol: a word starts at its first symbol; its
  // symbols' alternatives are kept for the correction.
  const tesseract::PageIteratorLevel step = options.alternatives ? tesseract::RIL_SYMBOL : tesseract::RIL_WORD;
  bool in_word = false;
  if (it && !it->Empty(tesseract::RIL_WORD)) {
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) ++block;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
      if (it->IsAtBeginningOf(tesseract::RIL_WORD)) {
        in_word = false;
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!text || text[0] == 0) continue;
        Word w;
        w.raw = to_nfc(text.get());
        it->BoundingBox(tesseract::RIL_WORD, &w.x0, &w.y0, &w.x1, &w.y1);
        w.confidence = it->Confidence(tesseract::RIL_WORD);
        w.block = block;
        w.line = line;
        // Only words the lexicon does not know may use their alternatives.
        in_word = options.correct && (wants_alternatives(w.raw, lexicon) || maybe_long_year(w.raw));
        words.push_back(std::move(w));
      }
      if (step != tesseract::RIL_SYMBOL || !in_word) continue;
      std::unique_ptr<char[]> symbol(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (!symbol) continue;
      SymbolReading s;
      s.text = to_nfc(symbol.get());
      s.confidence = it->Confidence(tesseract::RIL_SYMBOL);
      tesseract::ChoiceIterator choice(*it);
      do {
        const char* alt = choice.GetUTF8Text();
        if (alt == nullptr || alt[0] == 0) continue;
        s.choices.push_back({to_nfc(alt), choice.Confidence()});
      } while (choice.Next());
      words.back().symbols.push_back(std::move(s));
    } while (it->Next(step));
  }
  it.reset();
  api->Clear();
  return words;
}

Result<PageText> OcrEngine::Impl::recognise(PixPtr pix, int dpi, PageText page, bool check_upright) {
  StageTimer timer;
  // Words with their symbols' alternatives on stderr when CONGVAN_OCR_CHOICES is set.
  const bool trace_choices = std::getenv("CONGVAN_OCR_CHOICES") != nullptr;
  auto read = read_words(pix.get(), dpi);
  if (!read) return read.status();
  std::vector<Word> words = std::move(read.value());
  // A nearly empty page (a last page with only the signature, on a noisy
  // background): Otsu's global threshold can split the background and lose
  // the text; Sauvola's local one finds it. Only then: on full pages it
  // reads slightly worse (bench: clean300 CER 0.586 -> 0.638 %).
  if (words.size() < 8) {
    api->SetVariable("thresholding_method", "2");
    auto again = read_words(pix.get(), dpi);
    api->SetVariable("thresholding_method", "0");
    if (again && again->size() > words.size()) words = std::move(again.value());
  }
  timer.mark("recognise");
  // A page OSD has not seen (the ascender count called it upright, clearly
  // or weakly): a confident reading confirms it; otherwise OSD decides, and
  // the turned page is read again and kept when it reads more confidently.
  // Whatever the count said: it can be wrong on some typefaces and text.
  if (std::getenv("CONGVAN_OCR_TRACE")) {
    std::fprintf(stderr, "ocr %zu words, mean confidence %.1f%s\n", words.size(), mean_confidence(words),
                 check_upright ? " (orientation to confirm)" : "");
  }
  orientation.first_confidence = mean_confidence(words);
  if (check_upright && mean_confidence(words) < kUprightConfidence) {
    int small_dpi = 0;
    PixPtr small = half_resolution(pix.get(), dpi, &small_dpi);
    orientation.osd_fallback = true;
    const int quads = small ? osd_quads(small.get(), small_dpi, &orientation.osd_rotation) : 0;
    PixPtr turned(quads != 0 ? pixRotateOrth(pix.get(), quads) : nullptr);
    if (turned) {
      auto again = read_words(turned.get(), dpi);
      if (again && mean_confidence(again.value()) > mean_confidence(words)) {
        words = std::move(again.value());
        pix = std::move(turned);
        page.rotation = (page.rotation + quads * 90) % 360;
      }
    }
    timer.mark("orientation2");
  }
  page.width = pixGetWidth(pix.get());
  page.height = pixGetHeight(pix.get());
  page.dpi = dpi;
  page.origin = TextOrigin::kOcr;
  for (size_t i = 0; i < words.size(); ++i) {
    Word& w = words[i];
    w.text = w.raw;
    if (options.correct) {
      WordFix fix = correct_ocr_word(w.raw, lexicon, w.symbols.empty() ? nullptr : &w.symbols, doc_types);
      if (fix.changed) w.text = fix.text;
      w.needs_review = fix.number_fix;
      const bool after_nam = i > 0 && words[i - 1].line == w.line && lower_vietnamese(words[i - 1].text) == "năm";
      if (!w.symbols.empty() && maybe_long_year(w.text)) {
        if (auto year = drop_extra_year_digit(w.text, w.symbols, after_nam)) {
          w.text = *year;
          w.needs_review = true;
        }
      }
    }
    if (has_digit(w.text) && w.confidence < options.low_confidence) w.needs_review = true;
    if (trace_choices) {
      std::fprintf(stderr, "word\t%s\t%s\t%.1f", w.raw.c_str(), w.text.c_str(), w.confidence);
      for (const auto& s : w.symbols) {
        std::fprintf(stderr, "\t%s:%.1f", s.text.c_str(), s.confidence);
        for (const auto& c : s.choices) std::fprintf(stderr, "|%s:%.3f", c.text.c_str(), c.confidence);
      }
      std::fprintf(stderr, "\n");
    }
  }
  assemble(words, page.width, &page);
  timer.mark("words");
  return page;
}

// Builds the page text from the words: one text line per line, a blank line
// between blocks; a run of lines split by a wide gap into a left and a right
// part (the letter's header, the signature area) gives the left column as one
// block and then the right column as another.
void OcrEngine::Impl::assemble(std::vector<Word>& words, int page_width, PageText* page) const {
  struct Segment {
    std::vector<size_t> words;
    int x0 = 0, x1 = 0;
  };
  struct Line {
    int block = 0, y0 = 0, y1 = 0;
    std::vector<Segment> segments;
  };
  std::vector<Line> lines;
  for (size_t i = 0; i < words.size(); ++i) {
    if (lines.empty() || words[i].line != words[i - 1].line) {
      lines.push_back(Line{words[i].block, words[i].y0, words[i].y1, {}});
    }
    Line& l = lines.back();
    l.y0 = std::min(l.y0, words[i].y0);
    l.y1 = std::max(l.y1, words[i].y1);
    l.segments.empty() ? void(l.segments.push_back({{i}, words[i].x0, words[i].x1}))
                       : l.segments.back().words.push_back(i);
  }
  // Split lines at wide gaps (over 3 line heights).
  for (Line& l : lines) {
    std::vector<size_t> ws = l.segments[0].words;
    std::vector<int> heights;
    for (size_t i : ws) heights.push_back(words[i].y1 - words[i].y0);
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    int h = std::max(1, heights[heights.size() / 2]);
    l.segments.clear();
    for (size_t k = 0; k < ws.size(); ++k) {
      const Word& w = words[ws[k]];
      if (k == 0 || !options.split_columns || w.x0 - words[ws[k - 1]].x1 > 3 * h) {
        l.segments.push_back({{ws[k]}, w.x0, w.x1});
      } else {
        l.segments.back().words.push_back(ws[k]);
        l.segments.back().x1 = w.x1;
      }
    }
  }
  const double mid = page_width / 2.0;
  auto side = [&](const Segment& s) {  // -1 left, 1 right, 0 across the middle
    if (s.x1 <= mid * 1.04) return -1;
    if (s.x0 >= mid * 0.85) return 1;
    return 0;
  };
  // Mark two-column zones: from a split line to the last split line after it,
  // through lines that stay on one side.
  std::vector<int> zone(lines.size(), -1);
  int zones = 0;
  for (size_t i = 0; i < lines.size();) {
    bool split = lines[i].segments.size() >= 2;
    if (!split || !options.split_columns) {
      ++i;
      continue;
    }
    size_t last = i;
    for (size_t j = i + 1; j < lines.size(); ++j) {
      if (lines[j].segments.size() >= 2) {
        last = j;
        continue;
      }
      if (side(lines[j].segments[0]) == 0) break;
    }
    // Lines just before the first split line that stay on one side belong too.
    size_t first = i;
    while (first > 0 && zone[first - 1] < 0 && lines[first - 1].segments.size() == 1 &&
           side(lines[first - 1].segments[0]) != 0 && lines[first - 1].block == lines[i].block) {
      --first;
    }
    for (size_t j = first; j <= last; ++j) zone[j] = zones;
    ++zones;
    i = last + 1;
  }

  auto column = [&](const Segment& s) {  // -1 left, 1 right
    int sd = side(s);
    return sd != 0 ? sd : (s.x0 + s.x1) / 2.0 < mid ? -1 : 1;
  };
  // Bands of the zone of lines [i, j): a vertical gap of a blank line or more
  // (taller than the zone's median line) in both columns, one of them empty
  // for three lines or more, closes a band. So the header and a "Kính gửi:"
  // row with the recipients on the right below a long subject line are read
  // one after the other, each left column then right column, while the
  // header's own rows (issuer | motto, then number | place and date, one blank
  // line apart) stay one band. Returns each line's band.
  auto zone_bands = [&](size_t i, size_t j) {
    std::vector<int> heights;
    std::vector<size_t> order;
    for (size_t k = i; k < j; ++k) {
      heights.push_back(lines[k].y1 - lines[k].y0);
      order.push_back(k);
    }
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    const int h = std::max(1, heights[heights.size() / 2]);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lines[a].y0 < lines[b].y0; });
    // Vertical extent of a line's words in one column (false when none).
    auto extent = [&](size_t k, int col, int* top, int* bottom) {
      bool any = false;
      for (const Segment& s : lines[k].segments) {
        if (column(s) != col) continue;
        for (size_t w : s.words) {
          *top = any ? std::min(*top, words[w].y0) : words[w].y0;
          *bottom = any ? std::max(*bottom, words[w].y1) : words[w].y1;
          any = true;
        }
      }
      return any;
    };
    // Gap in one column between the lines order[from, p) and order[p, end).
    constexpr int kNone = 1 << 30;
    auto column_gap = [&](size_t from, size_t p, int col) {
      int above = -kNone, below = kNone;
      for (size_t q = from; q < order.size(); ++q) {
        int top = 0, bottom = 0;
        if (!extent(order[q], col, &top, &bottom)) continue;
        if (q < p) above = std::max(above, bottom);
        else below = std::min(below, top);
      }
      return above == -kNone || below == kNone ? kNone : below - above;
    };
    std::vector<int> band(j - i, 0);
    int current = 0;
    size_t from = 0;
    for (size_t p = 1; p < order.size(); ++p) {
      int left = column_gap(from, p, -1), right = column_gap(from, p, 1);
      if (std::min(left, right) > h && std::max(left, right) >= 3 * h) {
        ++current;
        from = p;
      }
      band[order[p] - i] = current;
    }
    return band;
  };
  std::string text, raw;
  int64_t offset = 0;
  bool review = false;
  auto put_words = [&](const std::vector<size_t>& ids) {
    for (size_t n = 0; n < ids.size(); ++n) {
      Word& w = words[ids[n]];
      if (n) {
        text += ' ';
        raw += ' ';
        ++offset;
      }
      OcrWord out;
      out.text = w.text;
      if (w.raw != w.text) out.raw_text = w.raw;
      out.x = w.x0;
      out.y = w.y0;
      out.width = w.x1 - w.x0;
      out.height = w.y1 - w.y0;
      out.confidence = w.confidence;
      out.start = offset;
      offset += code_points(w.text);
      out.end = offset;
      out.needs_review = w.needs_review;
      review |= w.needs_review;
      text += w.text;
      raw += w.raw;
      page->words.push_back(std::move(out));
    }
  };
  auto newline = [&](int count) {
    // Ends the current line; `count` 2 leaves a blank line (never more than one).
    if (text.empty()) return;
    int have = 0;
    for (auto r = text.rbegin(); r != text.rend() && *r == '\n'; ++r) ++have;
    for (int k = have; k < count; ++k) {
      text += '\n';
      raw += '\n';
      ++offset;
    }
  };
  for (size_t i = 0; i < lines.size();) {
    if (zone[i] < 0) {
      if (i > 0 && lines[i].block != lines[i - 1].block) newline(2);
      std::vector<size_t> ids;
      for (const Segment& s : lines[i].segments) ids.insert(ids.end(), s.words.begin(), s.words.end());
      put_words(ids);
      newline(1);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < lines.size() && zone[j] == zone[i]) ++j;
    newline(2);
    // Each band of the zone: its left column, then its right column.
    const std::vector<int> band = zone_bands(i, j);
    const int bands = *std::max_element(band.begin(), band.end()) + 1;
    for (int b = 0; b < bands; ++b) {
      for (int want : {-1, 1}) {
        for (size_t k = i; k < j; ++k) {
          if (band[k - i] != b) continue;
          std::vector<size_t> ids;
          for (const Segment& s : lines[k].segments) {
            if (column(s) == want) ids.insert(ids.end(), s.words.begin(), s.words.end());
          }
          if (ids.empty()) continue;
          put_words(ids);
          newline(1);
        }
        newline(2);
      }
    }
    i = j;
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  while (!raw.empty() && raw.back() == '\n') raw.pop_back();
  page->text = std::move(text);
  page->raw_text = std::move(raw);
  page->needs_review = review;
  double sum = 0;
  for (const auto& w : page->words) sum += w.confidence;
  if (!page->words.empty()) page->confidence = sum / page->words.size();
  else page->confidence = 0.0;
}

int image_resolution(std::string_view bytes) {
  limit_openmp_threads();
  PixPtr pix(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
  if (!pix) return 0;
  PixPtr gray(pixConvertTo8(pix.get(), 0));
  if (!gray) return 0;
  return page_dpi(pix.get(), gray.get());
}

OcrEngine::OcrEngine(OcrOptions options, const ViLexicon* lexicon, const DocTypeAbbreviations* doc_types)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->lexicon = lexicon;
  impl_->doc_types = doc_types;
}
OcrEngine::~OcrEngine() = default;

const OrientationTrace& OcrEngine::last_orientation() const { return impl_->orientation; }

Result<PageText> OcrEngine::read_raster(const uint8_t* pixels, int width, int height, int stride, int dpi,
                                        bool argb32) {
  if (Status s = impl_->ensure_api(); !s) return s;
  PixPtr pix(pixCreate(width, height, argb32 ? 32 : 8));
  if (!pix) return Status::error("page image too large to OCR");
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < height; ++y) {
    const uint8_t* row = pixels + static_cast<size_t>(y) * stride;
    l_uint32* dst = data + static_cast<size_t>(y) * wpl;
    if (argb32) {
      for (int x = 0; x < width; ++x) {
        uint32_t v;
        std::memcpy(&v, row + 4 * x, 4);
        composeRGBPixel((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, dst + x);
      }
    } else {
      std::memcpy(dst, row, width);
    }
  }
  // Leptonica keeps 8-bit samples big-endian inside 32-bit words.
  if (!argb32) pixEndianByteSwap(pix.get());
  pixSetResolution(pix.get(), dpi, dpi);
  PageText page;
  int used_dpi = dpi;
  bool check_upright = false;
  PixPtr ready = impl_->preprocess(pix.get(), &used_dpi, &page, &check_upright);
  if (!ready) return Status::error("cannot prepare the page image for OCR");
  return impl_->recognise(std::move(ready), used_dpi, std::move(page), check_upright);
}

Result<std::vector<PageText>> OcrEngine::read_image_file(std::string_view bytes, const std::vector<int>& pages,
                                                         std::vector<int>* unreadable) {
  if (Status s = impl_->ensure_api(); !s) return s;
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  std::vector<PixPtr> frames;
  const bool tiff = bytes.substr(0, 4) == std::string_view("II*\0", 4) ||
                    bytes.substr(0, 4) == std::string_view("MM\0*", 4);
  if (tiff) {
    PixaPtr pixa(pixaReadMemMultipageTiff(data, bytes.size()));
    if (pixa) {
      for (int i = 0; i < pixaGetCount(pixa.get()); ++i) frames.emplace_back(pixaGetPix(pixa.get(), i, L_CLONE));
    }
  } else {
    frames.emplace_back(pixReadMem(data, bytes.size()));
  }
  if (frames.empty() || (frames.size() == 1 && !frames[0])) {
    return Status::error("damaged or unsupported image, cannot be decoded");
  }
  std::vector<PageText> out;
  for (size_t i = 0; i < frames.size(); ++i) {
    int number = static_cast<int>(i) + 1;
    if (!pages.empty() && std::find(pages.begin(), pages.end(), number) == pages.end()) continue;
    if (!frames[i]) {
      if (unreadable) unreadable->push_back(number);
      continue;
    }
    PageText page;
    int dpi = 0;
    bool check_upright = false;
    PixPtr ready = impl_->preprocess(frames[i].get(), &dpi, &page, &check_upright);
    if (!ready) {
      if (unreadable) unreadable->push_back(number);
      continue;
    }
    auto r = impl_->recognise(std::move(ready), dpi, std::move(page), check_upright);
    if (!r) return r.status();
    out.push_back(std::move(r.value()));
  }
  return out;
}

}  // namespace congvan::ocr
