#include "model_simplify.h"

#include <algorithm>
#include <map>
#include <memory>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace fengong {
namespace {

// One transliterator per thread: building one compiles its rules (milliseconds), and ICU does not
// promise that one instance may be used from several threads at once.
const icu::Transliterator* HantHans() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, error));
    if (U_FAILURE(error)) made.reset();
    return made;
  }();
  return instance.get();
}

class Simplifier {
 public:
  explicit Simplifier(const icu::Transliterator* hant_hans) : hant_hans_(hant_hans) {}

  void Rewrite(std::string* text) const {
    if (IsAscii(*text)) return;
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(*text);
    hant_hans_->transliterate(unicode);
    text->clear();
    unicode.toUTF8String(*text);
  }
  void Rewrite(std::optional<std::string>* text) const {
    if (*text) Rewrite(&**text);
  }
  void Rewrite(std::vector<std::string>* texts) const {
    for (std::string& text : *texts) Rewrite(&text);
  }
  void Rewrite(Target* target) const {
    Rewrite(&target->unit);
    Rewrite(&target->metric);
    Rewrite(&target->text);
  }

 private:
  static bool IsAscii(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  }

  const icu::Transliterator* hant_hans_;
};

void Deduplicate(std::vector<std::string>* names) {
  std::vector<std::string> kept;
  for (std::string& name : *names) {
    if (std::find(kept.begin(), kept.end(), name) == kept.end()) kept.push_back(std::move(name));
  }
  *names = std::move(kept);
}

// Unit entries the rewrite made equal become one, naming their tasks in document order.
void MergeUnits(const std::vector<Task>& tasks, std::vector<UnitEntry>* units) {
  std::map<std::string, size_t> task_order;
  for (size_t i = 0; i < tasks.size(); ++i) task_order.emplace(tasks[i].id, i);
  std::map<std::string, size_t> by_name;
  std::vector<UnitEntry> merged;
  for (UnitEntry& entry : *units) {
    auto [it, inserted] = by_name.emplace(entry.name, merged.size());
    if (inserted) {
      merged.push_back(std::move(entry));
      continue;
    }
    std::vector<std::string>& ids = merged[it->second].tasks;
    for (std::string& id : entry.tasks) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
    }
    std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
      return task_order[a] < task_order[b];
    });
  }
  *units = std::move(merged);
}

}  // namespace

void ToSimplified(Document* document) {
  const icu::Transliterator* hant_hans = HantHans();
  if (hant_hans == nullptr) return;  // an ICU built without transliterators: nothing to do
  Simplifier simplifier(hant_hans);
  DocumentMeta& meta = document->meta;
  for (auto* text : {&meta.title, &meta.region, &meta.issuer, &meta.doc_number, &meta.date}) {
    simplifier.Rewrite(text);
  }
  for (Target& goal : document->goals) simplifier.Rewrite(&goal);
  for (Task& task : document->tasks) {
    simplifier.Rewrite(&task.number);
    simplifier.Rewrite(&task.path);
    simplifier.Rewrite(&task.theme);
    simplifier.Rewrite(&task.title);
    simplifier.Rewrite(&task.text);
    simplifier.Rewrite(&task.lead);
    simplifier.Rewrite(&task.responsible);
    Deduplicate(&task.lead);
    Deduplicate(&task.responsible);
    for (Target& target : task.targets) simplifier.Rewrite(&target);
  }
  for (UnitEntry& unit : document->units) {
    simplifier.Rewrite(&unit.name);
    simplifier.Rewrite(&unit.canonical);
    simplifier.Rewrite(&unit.level);
    simplifier.Rewrite(&unit.role);
  }
  MergeUnits(document->tasks, &document->units);
  for (Warning& warning : document->warnings) simplifier.Rewrite(&warning.message);
}

}  // namespace fengong
