// Build tool: writes the Traditional → Simplified table the matching view folds with
// (lib/normalize_script.cc includes it). Usage: hant_hans_table OUT.inc
//
// The table is ICU's "Hant-Hans" transliterator applied to every ideograph on its own, kept
// where the Simplified form is one other code point, so that folding stays a per-character
// lookup that keeps the offset map exact. Punctuation it also changes (「」 to “”) is a matter of
// style, not script, and is left out. Generated at build time, so that the table always matches
// the ICU the library is built with, and no run pays for compiling the transliterator.
#include <cstdio>
#include <memory>
#include <string>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/unistr.h>

namespace {

// Every ideograph, each followed by '\n', so one transliteration call covers them all.
icu::UnicodeString AllIdeographs() {
  icu::UnicodeString all;
  for (UChar32 c = 0x2E80; c <= 0x3FFFF; ++c) {
    if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) {
      all.append(c);
      all.append(static_cast<UChar>('\n'));
    }
  }
  return all;
}

int Write(const char* path, const icu::UnicodeString& from, const icu::UnicodeString& to) {
  FILE* out = std::fopen(path, "w");
  if (out == nullptr) {
    std::perror(path);
    return 1;
  }
  std::fprintf(out,
               "// GENERATED FROM ICU %s's Hant-Hans transliterator by tools/hant_hans_table.cc;"
               " DO NOT EDIT.\n",
               U_ICU_VERSION);
  int32_t i = 0, j = 0, pairs = 0;
  while (i < from.length() && j < to.length()) {
    int32_t i_end = from.indexOf(static_cast<UChar>('\n'), i);
    int32_t j_end = to.indexOf(static_cast<UChar>('\n'), j);
    if (i_end < 0 || j_end < 0) break;
    icu::UnicodeString traditional = from.tempSubStringBetween(i, i_end);
    icu::UnicodeString simplified = to.tempSubStringBetween(j, j_end);
    if (simplified != traditional && simplified.countChar32() == 1) {
      std::fprintf(out, "{0x%04X, 0x%04X},\n", static_cast<unsigned>(traditional.char32At(0)),
                   static_cast<unsigned>(simplified.char32At(0)));
      ++pairs;
    }
    i = i_end + 1;
    j = j_end + 1;
  }
  std::fclose(out);
  return pairs > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: hant_hans_table OUT.inc\n");
    return 2;
  }
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> hant_hans(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, error));
  if (U_FAILURE(error)) {
    std::fprintf(stderr, "hant_hans_table: ICU has no Hant-Hans transliterator: %s\n",
                 u_errorName(error));
    return 1;
  }
  icu::UnicodeString traditional = AllIdeographs();
  icu::UnicodeString simplified = traditional;
  hant_hans->transliterate(simplified);
  int status = Write(argv[1], traditional, simplified);
  hant_hans.reset();
  u_cleanup();
  return status;
}
