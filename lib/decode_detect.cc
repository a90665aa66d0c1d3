#include "decode_detect.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/ucsdet.h>

#include "decode_convert.h"
#include "utf8.h"

namespace fengong {
namespace {

// Detection reads this much of the input: enough for any statistics, cheap on a huge file.
constexpr size_t kSampleBytes = 64 * 1024;
// ICU's detector counts frequent characters; below this many non-ASCII bytes its guess is noise.
constexpr size_t kDetectorMinimumBytes = 512;

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

bool Contains(std::string_view bytes, std::string_view part) {
  return bytes.find(part) != std::string_view::npos;
}

// A name inside an OLE compound file, as its directory stores it (UTF-16LE).
std::string OleName(std::string_view ascii) {
  std::string name;
  for (char c : ascii) name += {c, '\0'};
  return name;
}

std::string SniffZip(std::string_view bytes) {
  // Part names sit uncompressed in each local header and the central directory.
  if (Contains(bytes, "word/document.xml")) return "a Word document (DOCX)";
  if (Contains(bytes, "xl/workbook.xml")) return "an Excel workbook (XLSX)";
  if (Contains(bytes, "ppt/presentation.xml")) return "a PowerPoint presentation (PPTX)";
  if (Contains(bytes, "application/vnd.oasis.opendocument.text"))
    return "an OpenDocument text (ODT)";
  if (Contains(bytes, "application/vnd.oasis.opendocument.spreadsheet")) {
    return "an OpenDocument spreadsheet (ODS)";
  }
  return "a ZIP archive";
}

std::string SniffOle(std::string_view bytes) {
  if (Contains(bytes, OleName("WordDocument"))) return "an old Word document (DOC or WPS)";
  if (Contains(bytes, OleName("Workbook")) || Contains(bytes, OleName("Book"))) {
    return "an old Excel workbook (XLS or ET)";
  }
  if (Contains(bytes, OleName("PowerPoint Document"))) return "an old PowerPoint file (PPT)";
  return "an old Office file (DOC, XLS or PPT)";
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool ContainsNoCase(std::string_view text, std::string_view lower_part) {
  auto it = std::search(text.begin(), text.end(), lower_part.begin(), lower_part.end(),
                        [](char a, char b) { return LowerAscii(a) == b; });
  return it != text.end();
}

struct Candidate {
  const char* encoding;
  size_t implausible = 0;  // bad sequences and implausible characters in the sample
  size_t characters = 0;
};

// The sample a candidate is judged on. Multi-byte text is sampled from its first non-ASCII byte
// (an ASCII preamble tells the candidates apart in nothing); UTF-16 from the start, whole units.
std::string_view Sample(std::string_view bytes, bool utf16) {
  if (utf16) return bytes.substr(0, std::min(bytes.size(), kSampleBytes) & ~size_t{1});
  size_t first = 0;
  while (first < bytes.size() && static_cast<unsigned char>(bytes[first]) < 0x80) ++first;
  return bytes.substr(first, kSampleBytes);
}

void Judge(std::string_view sample, bool prefix_only, Candidate* candidate) {
  ConvertOptions options;
  options.prefix_only = prefix_only;
  options.max_recorded = 0;
  Result<Converted> converted = ConvertToUtf8(sample, candidate->encoding, options);
  if (!converted.ok()) {
    candidate->implausible = sample.size() + 1;
    return;
  }
  const std::string& text = converted.value().text;
  for (size_t pos = 0; pos < text.size();) {
    candidate->implausible += IsImplausibleInText(NextCodePoint(text, &pos));
    ++candidate->characters;
  }
}

size_t NonAsciiBytes(std::string_view bytes) {
  return std::count_if(bytes.begin(), bytes.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// ICU's detector's confidence (0–100) in each encoding it considers for `sample`.
std::map<std::string, int> DetectorConfidences(std::string_view sample) {
  std::map<std::string, int> confidences;
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(ucsdet_open(&error),
                                                                          ucsdet_close);
  if (U_FAILURE(error)) return confidences;
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &error);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &error);
  if (U_FAILURE(error)) return confidences;
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode match_error = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &match_error);
    int confidence = ucsdet_getConfidence(matches[i], &match_error);
    if (U_SUCCESS(match_error) && name != nullptr) confidences.emplace(name, confidence);
  }
  return confidences;
}

// Among the candidates that tie with the first, the one ICU's detector is most confident in.
const Candidate& DetectorPick(const std::vector<Candidate>& ranked, std::string_view sample) {
  std::map<std::string, int> confidences = DetectorConfidences(sample);
  const Candidate* pick = &ranked.front();
  int best = -1;
  for (const Candidate& tied : ranked) {
    if (tied.implausible != ranked.front().implausible) break;
    auto it = confidences.find(tied.encoding);
    int confidence = it == confidences.end() ? 0 : it->second;
    if (confidence > best) pick = &tied, best = confidence;
  }
  return *pick;
}

}  // namespace

std::string SniffContainer(std::string_view bytes) {
  struct Magic {
    std::string_view bytes;
    const char* what;
  };
  static const Magic kMagic[] = {
      {"%PDF-", "a PDF file"},
      {"{\\rtf", "an RTF document"},
      {"\x89PNG\r\n\x1A\n", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF87a", "a GIF image"},
      {"GIF89a", "a GIF image"},
      {"\x1F\x8B", "a gzip archive"},
      {"Rar!\x1A\x07", "a RAR archive"},
      {"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"},
      {"\x7F"
       "ELF",
       "a program (ELF)"},
  };
  if (StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06")) return SniffZip(bytes);
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return SniffOle(bytes);
  for (const Magic& magic : kMagic) {
    if (StartsWith(bytes, magic.bytes)) return magic.what;
  }
  return "";
}

std::string SniffMarkup(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.front() != '<') return "";
  std::string_view head = text.substr(0, 1024);
  if (ContainsNoCase(head, "<!doctype html") || ContainsNoCase(head, "<html") ||
      ContainsNoCase(head, "<head") || ContainsNoCase(head, "<body")) {
    return "an HTML page";
  }
  if (StartsWith(head, "<?xml")) return "an XML file";
  return "";
}

Bom SniffBom(std::string_view bytes) {
  // UTF-32LE before UTF-16LE: its mark starts with the UTF-16LE one.
  static const struct {
    std::string_view bytes;
    const char* encoding;
  } kBoms[] = {{"\xEF\xBB\xBF", "UTF-8"},
               {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
               {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
               {"\xFF\xFE", "UTF-16LE"},
               {"\xFE\xFF", "UTF-16BE"},
               {"\x84\x31\x95\x33", "GB18030"}};
  for (const auto& bom : kBoms) {
    if (StartsWith(bytes, bom.bytes)) return Bom{bom.encoding, bom.bytes.size()};
  }
  return Bom{};
}

std::string DetectEncoding(std::string_view bytes) {
  const bool has_nul = std::memchr(bytes.data(), '\0', bytes.size()) != nullptr;
  if (!has_nul && IsValidUtf8(bytes)) return "UTF-8";
  // Only UTF-16 puts NUL bytes in text (the high byte of every ASCII character), and UTF-16 comes
  // in whole 2-byte units.
  if (has_nul && bytes.size() % 2 != 0) return "";
  std::vector<Candidate> candidates =
      has_nul ? std::vector<Candidate>{{"UTF-16LE"}, {"UTF-16BE"}}
              : std::vector<Candidate>{{"UTF-8"}, {"GB18030"}, {"Big5"}};
  std::string_view sample = Sample(bytes, has_nul);
  const bool prefix_only = sample.data() + sample.size() < bytes.data() + bytes.size();
  for (Candidate& candidate : candidates) Judge(sample, prefix_only, &candidate);
  auto fewer = [](const Candidate& a, const Candidate& b) { return a.implausible < b.implausible; };
  std::stable_sort(candidates.begin(), candidates.end(), fewer);
  const Candidate& best = candidates.front();
  // UTF-16 text in the right byte order has hardly any; NUL-laden binary data has them anywhere.
  if (has_nul && (best.characters == 0 || best.implausible * 10 > best.characters)) return "";
  if (candidates[1].implausible == best.implausible &&
      NonAsciiBytes(sample) >= kDetectorMinimumBytes) {
    return DetectorPick(candidates, sample).encoding;
  }
  return best.encoding;
}

bool IsImplausibleInText(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
  if (c >= 0x7F && c <= 0x9F) return true;
  if (c == 0xFFFD) return true;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UNASSIGNED:
    case U_PRIVATE_USE_CHAR:
    case U_SURROGATE:
      return true;
    default:
      return false;
  }
}

}  // namespace fengong
