// Parsing idea. A tiny hand-written UTF-8 reader turns the text into "glyphs",
// recognizing only the few dozen characters numbers are made of; anything else
// is kOther and simply ends the number. A number is then read in three stages:
//   1. an optional 百分之 prefix, which makes the result a percentage;
//   2. a core: either Arabic digits (thousands groups, a decimal part, then
//      scale words 十/百/千 + 万/亿 folded into a decimal exponent), or Chinese
//      numerals, read digit by digit when they spell a year (二〇二五) and with
//      the usual positional grammar otherwise (a section below 万, then 万 and
//      亿 parts);
//   3. suffixes: 余/多 (approximate, optionally followed by the 万/亿 they
//      modify, as in "20余万"), then a % sign; or 分之 and a second core, a
//      fraction (三分之一) read as the percentage it is, to two decimals.
// Every stage only moves a byte offset past what it accepted, so text that
// turns malformed halfway just ends the number before the offending glyph.
// Nothing on this path allocates, and no byte at or past text.size() is read.

#include "extract_number.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace fengong {
namespace {

constexpr std::string_view kPercentPrefix = "百分之";
constexpr std::string_view kFractionOf = "分之";  // N分之M: M parts of N

// Past this the mantissa would overflow on the next digit; later digits only
// move the exponent (integer part) or are dropped (fraction), far below the
// precision of the double we return anyway.
constexpr uint64_t kMantissaLimit = 100000000000000000ULL;  // 1e17

enum class GlyphKind : uint8_t {
  kOther,
  kArabicDigit,   // 0-9 ０-９
  kChineseDigit,  // 零〇一二两三四五六七八九
  kSmallUnit,     // 十百千
  kBigUnit,       // 万亿
  kHalf,          // 半
  kApprox,        // 余多
  kPercentSign,   // % ％
  kDecimalPoint,  // . ．
  kComma,         // , ，
};

struct Glyph {
  GlyphKind kind = GlyphKind::kOther;
  int value = 0;                // digit value, or the power of ten of a unit
  size_t length = 0;            // bytes; 0 only at the end of the text
  bool sequence_digit = false;  // 两 counts things but never spells a year
};

double Pow10(int n) {
  // Powers up to 1e22 are exact doubles, so dividing or multiplying by them
  // rounds once: "8.9" is 89 / 10, the same double the compiler gives 8.9.
  static constexpr double kExact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  return n <= 22 ? kExact[n] : std::pow(10.0, n);
}

uint64_t Pow10Int(int n) {
  uint64_t result = 1;
  for (int i = 0; i < n; ++i) result *= 10;
  return result;
}

Glyph ReadAsciiGlyph(unsigned char c) {
  if (c >= '0' && c <= '9') return {GlyphKind::kArabicDigit, c - '0', 1};
  switch (c) {
    case '.':
      return {GlyphKind::kDecimalPoint, 0, 1};
    case ',':
      return {GlyphKind::kComma, 0, 1};
    case '%':
      return {GlyphKind::kPercentSign, 0, 1};
    default:
      return {GlyphKind::kOther, 0, 1};
  }
}

Glyph ClassifyWide(char32_t cp) {
  constexpr size_t kLen = 3;
  if (cp >= 0xFF10 && cp <= 0xFF19) {  // ０-９
    return {GlyphKind::kArabicDigit, static_cast<int>(cp - 0xFF10), kLen};
  }
  switch (cp) {
    case 0x96F6:
    case 0x3007:
      return {GlyphKind::kChineseDigit, 0, kLen, true};  // 零〇
    case 0x4E00:
      return {GlyphKind::kChineseDigit, 1, kLen, true};  // 一
    case 0x4E8C:
      return {GlyphKind::kChineseDigit, 2, kLen, true};  // 二
    case 0x4E24:
      return {GlyphKind::kChineseDigit, 2, kLen, false};  // 两
    case 0x4E09:
      return {GlyphKind::kChineseDigit, 3, kLen, true};  // 三
    case 0x56DB:
      return {GlyphKind::kChineseDigit, 4, kLen, true};  // 四
    case 0x4E94:
      return {GlyphKind::kChineseDigit, 5, kLen, true};  // 五
    case 0x516D:
      return {GlyphKind::kChineseDigit, 6, kLen, true};  // 六
    case 0x4E03:
      return {GlyphKind::kChineseDigit, 7, kLen, true};  // 七
    case 0x516B:
      return {GlyphKind::kChineseDigit, 8, kLen, true};  // 八
    case 0x4E5D:
      return {GlyphKind::kChineseDigit, 9, kLen, true};  // 九
    case 0x5341:
      return {GlyphKind::kSmallUnit, 1, kLen};  // 十
    case 0x767E:
      return {GlyphKind::kSmallUnit, 2, kLen};  // 百
    case 0x5343:
      return {GlyphKind::kSmallUnit, 3, kLen};  // 千
    case 0x4E07:
      return {GlyphKind::kBigUnit, 4, kLen};  // 万
    case 0x4EBF:
      return {GlyphKind::kBigUnit, 8, kLen};  // 亿
    case 0x534A:
      return {GlyphKind::kHalf, 0, kLen};  // 半
    case 0x4F59:
    case 0x591A:
      return {GlyphKind::kApprox, 0, kLen};  // 余多
    case 0xFF05:
      return {GlyphKind::kPercentSign, 0, kLen};  // ％
    case 0xFF0E:
      return {GlyphKind::kDecimalPoint, 0, kLen};  // ．
    case 0xFF0C:
      return {GlyphKind::kComma, 0, kLen};  // ，
    default:
      return {GlyphKind::kOther, 0, kLen};
  }
}

Glyph ReadGlyph(std::string_view text, size_t pos) {
  if (pos >= text.size()) return Glyph{};
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return ReadAsciiGlyph(lead);
  // Every non-ASCII character of interest (U+3007..U+FF19) is 3 bytes long,
  // so other lengths need no decoding: they can only be kOther.
  if ((lead & 0xF0) != 0xE0 || text.size() - pos < 3) {
    return {GlyphKind::kOther, 0, 1};
  }
  const auto b1 = static_cast<unsigned char>(text[pos + 1]);
  const auto b2 = static_cast<unsigned char>(text[pos + 2]);
  if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) {
    return {GlyphKind::kOther, 0, 1};
  }
  return ClassifyWide(
      static_cast<char32_t>(((lead & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)));
}

// What stage 2 produced; stage 3 decides from it which suffixes may follow.
struct Core {
  double value = 0;
  size_t length = 0;  // 0: no number here
  bool chinese = false;
  bool digit_sequence = false;
  bool has_big_unit = false;  // 万/亿 already used, so "余万" cannot scale again
  bool takes_approx = true;
  bool takes_percent_sign = true;
};

// ---------------------------------------------------------------------------
// Arabic numerals.

// Mantissa and decimal exponent kept apart so that "13.3亿" becomes 133e7,
// exactly 1330000000, instead of 13.3 * 1e8 with two roundings.
struct Decimal {
  uint64_t mantissa = 0;
  int exponent = 0;

  void AddIntegerDigit(int digit) {
    if (mantissa < kMantissaLimit) {
      mantissa = mantissa * 10 + static_cast<uint64_t>(digit);
    } else {
      ++exponent;
    }
  }
  void AddFractionDigit(int digit) {
    if (mantissa < kMantissaLimit) {
      mantissa = mantissa * 10 + static_cast<uint64_t>(digit);
      --exponent;
    }
  }
  double ToDouble() const {
    const auto m = static_cast<double>(mantissa);
    return exponent >= 0 ? m * Pow10(exponent) : m / Pow10(-exponent);
  }
};

struct Scale {
  int exponent = 0;
  size_t length = 0;
  bool has_big_unit = false;
};

// Scale words after digits: an optional 十/百/千, then 万, 亿 or 万亿
// ("3千", "5百亿", "2万亿"). 亿万 is an idiom for "countless", so 万 never
// follows 亿.
Scale ReadScaleWords(std::string_view text, size_t pos, bool allow_small_unit) {
  Scale scale;
  Glyph glyph = ReadGlyph(text, pos);
  if (allow_small_unit && glyph.kind == GlyphKind::kSmallUnit) {
    scale.exponent += glyph.value;
    scale.length += glyph.length;
    glyph = ReadGlyph(text, pos + scale.length);
  }
  if (glyph.kind != GlyphKind::kBigUnit) return scale;
  scale.has_big_unit = true;
  scale.exponent += glyph.value;
  scale.length += glyph.length;
  if (glyph.value == 4) {
    const Glyph next = ReadGlyph(text, pos + scale.length);
    if (next.kind == GlyphKind::kBigUnit && next.value == 8) {
      scale.exponent += next.value;
      scale.length += next.length;
    }
  }
  return scale;
}

// Appends the run of Arabic digits at *pos to `number`; returns how many.
size_t ReadDigitRun(std::string_view text, size_t* pos, bool fraction, Decimal* number) {
  size_t count = 0;
  for (Glyph glyph = ReadGlyph(text, *pos); glyph.kind == GlyphKind::kArabicDigit;
       glyph = ReadGlyph(text, *pos)) {
    if (fraction) {
      number->AddFractionDigit(glyph.value);
    } else {
      number->AddIntegerDigit(glyph.value);
    }
    *pos += glyph.length;
    ++count;
  }
  return count;
}

// True when a comma at `pos` is followed by exactly three digits, i.e. it
// groups thousands rather than separating list items ("1,2").
bool IsThousandsGroup(std::string_view text, size_t pos) {
  const Glyph comma = ReadGlyph(text, pos);
  if (comma.kind != GlyphKind::kComma) return false;
  pos += comma.length;
  for (int i = 0; i < 3; ++i) {
    const Glyph digit = ReadGlyph(text, pos);
    if (digit.kind != GlyphKind::kArabicDigit) return false;
    pos += digit.length;
  }
  return ReadGlyph(text, pos).kind != GlyphKind::kArabicDigit;
}

Core ParseArabic(std::string_view text) {
  Decimal number;
  size_t pos = 0;
  const size_t leading_digits = ReadDigitRun(text, &pos, false, &number);
  // With more than three leading digits a comma is punctuation
  // ("2025,100"), never grouping.
  if (leading_digits <= 3) {
    while (IsThousandsGroup(text, pos)) {
      pos += ReadGlyph(text, pos).length;
      ReadDigitRun(text, &pos, false, &number);
    }
  }
  const Glyph point = ReadGlyph(text, pos);
  if (point.kind == GlyphKind::kDecimalPoint &&
      ReadGlyph(text, pos + point.length).kind == GlyphKind::kArabicDigit) {
    pos += point.length;
    ReadDigitRun(text, &pos, true, &number);
  }
  const Scale scale = ReadScaleWords(text, pos, true);
  number.exponent += scale.exponent;
  Core core;
  core.value = number.ToDouble();
  core.length = pos + scale.length;
  core.chinese = scale.length > 0;
  core.has_big_unit = scale.has_big_unit;
  return core;
}

// ---------------------------------------------------------------------------
// Chinese numerals.

// The positional grammar (一百零五, 三万五千, 三亿五千万), fed one glyph at a
// time. Accept() refuses, without changing state, the first glyph that cannot
// continue the number, so the caller's offset is then the number's length.
class PositionalReader {
 public:
  bool Accept(const Glyph& glyph, const Glyph& next) {
    switch (glyph.kind) {
      case GlyphKind::kChineseDigit:
        return AcceptDigit(glyph.value, next);
      case GlyphKind::kSmallUnit:
        return AcceptSmallUnit(glyph.value);
      case GlyphKind::kBigUnit:
        return AcceptBigUnit(glyph.value);
      default:
        return false;
    }
  }

  uint64_t Value() const { return yi_part_ + wan_part_ + section_ + PendingValue(); }

  bool saw_unit() const { return last_unit_ > 0; }

 private:
  enum class Last { kStart, kDigit, kZero, kUnit };

  bool AcceptDigit(int digit, const Glyph& next) {
    if (digit == 0) {
      // 零 only bridges a gap (一百零五): a unit must precede it and a digit
      // follow, otherwise it belongs to the text after the number.
      if (last_ != Last::kUnit || next.kind != GlyphKind::kChineseDigit || next.value == 0) {
        return false;
      }
      last_ = Last::kZero;
      return true;
    }
    if (last_ == Last::kDigit) return false;  // "十三五": the 五 is not ours
    unit_before_digit_ = last_ == Last::kUnit ? last_unit_ : 0;
    pending_digit_ = static_cast<uint64_t>(digit);
    last_ = Last::kDigit;
    return true;
  }

  bool AcceptSmallUnit(int exponent) {
    // Within a section units strictly descend: 二十三百 is 23 then text.
    if (exponent >= section_cap_) return false;
    if (pending_digit_ > 0) {
      section_ += pending_digit_ * Pow10Int(exponent);
    } else if (last_ == Last::kStart) {
      section_ += Pow10Int(exponent);  // a leading 十/百/千 means one of it
    } else {
      return false;
    }
    pending_digit_ = 0;
    section_cap_ = exponent;
    MarkUnit(exponent);
    return true;
  }

  bool AcceptBigUnit(int exponent) {
    const uint64_t below = section_ + PendingValue();
    if (exponent == 4) {
      // A bare leading 万 is the unit in 万元, not ten thousand.
      if (seen_wan_ || below == 0) return false;
      wan_part_ = below * 10000;
      seen_wan_ = true;
    } else {
      const uint64_t multiplier = wan_part_ + below;  // 一万亿 = 1e4 * 1e8
      if (seen_yi_ || multiplier == 0) return false;
      yi_part_ = multiplier * 100000000;
      wan_part_ = 0;
      seen_yi_ = true;
      seen_wan_ = false;  // 三亿五千万 has a fresh 万 part
    }
    section_ = 0;
    pending_digit_ = 0;
    section_cap_ = 4;
    MarkUnit(exponent);
    return true;
  }

  void MarkUnit(int exponent) {
    last_unit_ = exponent;
    last_ = Last::kUnit;
  }

  // A digit right after a unit is worth one place lower, as in the common
  // shortenings 一百五 = 150 and 三万五 = 35000; after 十 that is the ones.
  uint64_t PendingValue() const {
    if (unit_before_digit_ == 0) return pending_digit_;
    return pending_digit_ * Pow10Int(unit_before_digit_ - 1);
  }

  uint64_t yi_part_ = 0;
  uint64_t wan_part_ = 0;
  uint64_t section_ = 0;  // the part below 万 still being read
  uint64_t pending_digit_ = 0;
  int unit_before_digit_ = 0;
  int last_unit_ = 0;
  int section_cap_ = 4;
  Last last_ = Last::kStart;
  bool seen_wan_ = false;
  bool seen_yi_ = false;
};

Core MakeChineseCore(double value, size_t length) {
  Core core;
  core.value = value;
  core.length = length;
  core.chinese = true;
  return core;
}

// Years and codes spell digits one by one: 二〇二五 = 2025.
Core ParseDigitSequence(std::string_view text) {
  double value = 0;
  size_t pos = 0;
  int count = 0;
  Glyph glyph = ReadGlyph(text, pos);
  for (; glyph.kind == GlyphKind::kChineseDigit && glyph.sequence_digit;
       glyph = ReadGlyph(text, pos)) {
    value = value * 10 + glyph.value;
    pos += glyph.length;
    ++count;
  }
  // A following unit makes it a range such as 五六十 ("fifty or sixty"),
  // which is not a sequence; the positional reader takes what it can.
  if (count < 2 || glyph.kind == GlyphKind::kSmallUnit || glyph.kind == GlyphKind::kBigUnit) {
    return Core{};
  }
  Core core = MakeChineseCore(value, pos);
  core.digit_sequence = true;
  core.takes_approx = false;  // a year is never "2025-odd"
  core.takes_percent_sign = false;
  return core;
}

Core ParsePositional(std::string_view text) {
  PositionalReader reader;
  size_t pos = 0;
  Glyph glyph = ReadGlyph(text, pos);
  while (glyph.length > 0) {
    const Glyph next = ReadGlyph(text, pos + glyph.length);
    if (!reader.Accept(glyph, next)) break;
    pos += glyph.length;
    glyph = next;
  }
  if (pos == 0) return Core{};
  Core core = MakeChineseCore(static_cast<double>(reader.Value()), pos);
  // "三多" or "一余" is not Chinese for "three-odd"; refusing it keeps 统一多元
  // from yielding an approximate 1.
  core.takes_approx = reader.saw_unit();
  return core;
}

Core ParseChinese(std::string_view text, bool allow_sequence) {
  const Glyph first = ReadGlyph(text, 0);
  if (first.kind == GlyphKind::kHalf) {
    Core core = MakeChineseCore(0.5, first.length);
    core.takes_approx = false;
    core.takes_percent_sign = false;
    return core;
  }
  if (first.kind != GlyphKind::kChineseDigit && first.kind != GlyphKind::kSmallUnit) {
    return Core{};  // includes a leading 万/亿, see AcceptBigUnit
  }
  if (allow_sequence) {
    const Core sequence = ParseDigitSequence(text);
    if (sequence.length > 0) return sequence;
  }
  if (first.kind == GlyphKind::kChineseDigit && first.value == 0) {
    Core core = MakeChineseCore(0, first.length);  // a lone 零
    core.takes_approx = false;
    return core;
  }
  return ParsePositional(text);
}

Core ParseCore(std::string_view text, bool allow_sequence) {
  if (ReadGlyph(text, 0).kind == GlyphKind::kArabicDigit) {
    return ParseArabic(text);
  }
  return ParseChinese(text, allow_sequence);
}

// ---------------------------------------------------------------------------
// Suffixes and the entry point.

void ApplySuffixes(std::string_view text, const Core& core, ParsedNumber* number) {
  size_t pos = core.length;
  Glyph glyph = ReadGlyph(text, pos);
  if (core.takes_approx && glyph.kind == GlyphKind::kApprox) {
    number->approximate = true;
    pos += glyph.length;
    // 余/多 sit before the big unit they approximate: 20余万 = 200000-odd.
    if (!core.has_big_unit) {
      const Scale scale = ReadScaleWords(text, pos, false);
      if (scale.length > 0) {
        number->value *= Pow10(scale.exponent);
        number->chinese = true;
        pos += scale.length;
      }
    }
    glyph = ReadGlyph(text, pos);
  }
  if (core.takes_percent_sign && glyph.kind == GlyphKind::kPercentSign) {
    number->percent = true;
    pos += glyph.length;
  }
  number->length = pos;
}

// 三分之一: the denominator `core` is read; past it 分之 and the numerator make a share, kept as
// a percentage rounded to two decimals (33.33) as a plan would print it.
bool ApplyFraction(std::string_view text, const Core& core, ParsedNumber* number) {
  if (core.value <= 0 || text.substr(core.length, kFractionOf.size()) != kFractionOf) return false;
  const size_t numerator_at = core.length + kFractionOf.size();
  const Core numerator = ParseCore(text.substr(numerator_at), false);
  if (numerator.length == 0 || numerator.value > core.value) return false;
  number->value = std::round(numerator.value / core.value * 10000.0) / 100.0;
  number->chinese = core.chinese || numerator.chinese;
  number->percent = true;
  number->length = numerator_at + numerator.length;
  return true;
}

ParsedNumber FromCore(const Core& core) {
  ParsedNumber number;
  number.value = core.value;
  number.length = core.length;
  number.chinese = core.chinese;
  number.digit_sequence = core.digit_sequence;
  return number;
}

}  // namespace

std::string ParsedNumber::Dump() const {
  char value_text[32];
  std::snprintf(value_text, sizeof value_text, "%.15g", value);
  std::string out = "num{";
  out += value_text;
  out += " len=";
  out += std::to_string(length);
  if (chinese) out += " zh";
  if (approximate) out += " approx";
  if (percent) out += " %";
  if (digit_sequence) out += " seq";
  out += "}";
  return out;
}

std::optional<ParsedNumber> ParseNumberPrefix(std::string_view text) {
  if (text.substr(0, kPercentPrefix.size()) == kPercentPrefix) {
    // Suffixes are not read here: 百分之十% would say "percent" twice.
    const Core inner = ParseCore(text.substr(kPercentPrefix.size()), false);
    if (inner.length == 0) return std::nullopt;
    ParsedNumber number = FromCore(inner);
    number.length += kPercentPrefix.size();
    number.percent = true;
    return number;
  }
  const Core core = ParseCore(text, true);
  if (core.length == 0) return std::nullopt;
  ParsedNumber number = FromCore(core);
  if (!ApplyFraction(text, core, &number)) ApplySuffixes(text, core, &number);
  return number;
}

}  // namespace fengong
