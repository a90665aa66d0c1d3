// fengong parse INPUT... : plans to canonical YAML, JSON, JSON lines, CSV or SQLite, one file or
// a whole folder at a time, on every core.
#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

#include "atomic_file.h"
#include "commands.h"
#include "emit_csv.h"
#include "exit_codes.h"
#include "inputs.h"
#include "io.h"
#include "ordered_pool.h"
#include "parse_job.h"
#include "pipeline.h"
#include "progress.h"
#include "rules.h"
#include "sqlite_store.h"

namespace fengong::cli {
namespace {

namespace fs = std::filesystem;

// What the flags say, parsed before anything runs.
struct ParseFlags {
  std::vector<std::string> inputs;  // files, folders, "-"
  std::vector<std::string> globs;   // --glob
  std::vector<std::string> lists;   // --files-from
  std::string output;               // -o: a folder (yaml, json) or a file (jsonl, csv)
  std::string format = "yaml";
  bool format_given = false;   // --format on the command line
  std::string sqlite;          // --sqlite FILE
  int jobs = 0;                // 0: every core
  std::string grammar_dir;     // empty: the built-in grammars
  std::string encoding;        // empty: detect
  bool strict = false;         // invalid bytes fail the input instead of becoming U+FFFD
  bool to_simplified = false;  // output strings in Simplified characters
  size_t max_input_mb = kDefaultMaxInputMb;
  bool quiet = false;
};

// Set by SIGINT/SIGTERM, or when the batch's stream or database cannot be written: no new input
// starts, running ones finish, nothing half-written stays.
std::atomic<bool> g_stop_batch{false};

extern "C" void OnInterrupt(int) { g_stop_batch.store(true); }

// Catches SIGINT and SIGTERM for the life of the object; a second signal acts as usual.
class InterruptGuard {
 public:
  InterruptGuard() {
    struct sigaction action = {};
    action.sa_handler = OnInterrupt;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~InterruptGuard() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }

 private:
  struct sigaction old_int_ = {};
  struct sigaction old_term_ = {};
};

OutputFormat FormatOf(const std::string& name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonLines;
  if (name == "csv") return OutputFormat::kCsv;
  return OutputFormat::kYaml;
}

// JSON lines and CSV are one stream for the whole batch; YAML and JSON are one file per input.
bool IsStream(OutputFormat format) {
  return format == OutputFormat::kJsonLines || format == OutputFormat::kCsv;
}

// The output file of `input` below the folder `dir`: its relative path, extension replaced.
std::string OutputPathIn(const std::string& dir, const InputFile& input, OutputFormat format) {
  fs::path relative(input.relative);
  relative.replace_extension(format == OutputFormat::kJson ? ".json" : ".yaml");
  return (fs::path(dir) / relative).lexically_normal().string();
}

// Where the text of the whole batch goes: standard output, or one file written atomically.
class Stream {
 public:
  static Result<std::unique_ptr<Stream>> Open(const std::string& path) {
    auto stream = std::unique_ptr<Stream>(new Stream);
    if (path.empty()) return stream;
    Result<std::unique_ptr<AtomicFile>> file = AtomicFile::Create(path);
    if (!file.ok()) return file.status();
    stream->file_ = std::move(file.value());
    return stream;
  }

  Status Append(const std::string& text) {
    if (file_) return file_->Append(text);
    std::cout << text;
    if (!std::cout) return Status::Error(Status::Code::kIo, "cannot write to standard output");
    return Status::Ok();
  }

  Status Close() {
    if (file_) return file_->Commit();
    std::cout.flush();
    return Status::Ok();
  }

 private:
  std::unique_ptr<AtomicFile> file_;  // null: standard output
};

class ParseCommand {
 public:
  explicit ParseCommand(ParseFlags flags)
      : flags_(std::move(flags)), format_(FormatOf(flags_.format)) {}

  int Run() {
    std::vector<GrammarFile> files;
    Result<RuleSet> rules = LoadRules(flags_.grammar_dir, &files);
    if (!rules.ok()) {
      std::cerr << FormatError(rules.status(), GrammarText(files, rules.status().pos().file));
      return kExitBadGrammar;
    }
    rules_ = &rules.value();
    InputList inputs = ExpandInputs(InputOptionsFromFlags());
    if (int usage = CheckUsage(inputs); usage != kExitOk) return usage;
    std::vector<Job> jobs = PlanJobs(std::move(inputs.files));
    if (int prepared = PrepareOutputs(); prepared != kExitOk) return prepared;
    return RunBatch(jobs, inputs.problems);
  }

 private:
  InputOptions InputOptionsFromFlags() const {
    InputOptions options;
    options.paths = flags_.inputs;
    options.globs = flags_.globs;
    options.lists = flags_.lists;
    for (const std::string& own : {flags_.output, flags_.sqlite}) {
      if (!own.empty()) options.skip.push_back(own);
    }
    return options;
  }

  bool WritesFolder() const { return !flags_.output.empty() && !IsStream(format_); }
  // With --sqlite alone, nothing goes to standard output unless --format asks for it.
  bool WritesStream() const {
    if (WritesFolder()) return false;
    return !flags_.output.empty() || flags_.sqlite.empty() || flags_.format_given;
  }

  int Usage(const std::string& message) const {
    std::cerr << "fengong parse: " << message << "\n";
    return kExitUsage;
  }

  int CheckUsage(const InputList& inputs) const {
    size_t stdin_uses = 0;
    for (const std::string& list : flags_.lists) stdin_uses += list == "-";
    for (const InputFile& file : inputs.files) stdin_uses += file.path == "-";
    if (stdin_uses > 1) return Usage("standard input (-) can be read only once");
    if (inputs.files.empty() && inputs.problems.empty()) return Usage("no input files");
    if (!flags_.encoding.empty() && inputs.files.size() > 1) {
      // An encoding ICU does not know would fail every input of a batch alike: say so once.
      Diagnostics ignored;
      DecodeOptions options;
      options.encoding = flags_.encoding;
      Result<DecodedText> probe = Decode("a\n", options, &ignored);
      if (probe.status().code() == Status::Code::kInvalidArgument) {
        return Usage(probe.status().message());
      }
    }
    std::error_code error;
    if (IsStream(format_) && !flags_.output.empty() && fs::is_directory(flags_.output, error)) {
      return Usage(
          fmt::format("{} is a folder; --format {} writes one file", flags_.output, flags_.format));
    }
    if (format_ == OutputFormat::kJson && WritesStream() && inputs.files.size() > 1) {
      return Usage("several inputs as JSON need -o DIR (or --format jsonl for one stream)");
    }
    return kExitOk;
  }

  // One job per file; with -o DIR, a file whose output path an earlier input already has is
  // refused rather than allowed to overwrite it.
  std::vector<Job> PlanJobs(std::vector<InputFile> files) const {
    std::vector<Job> jobs;
    jobs.reserve(files.size());
    for (InputFile& file : files) {
      std::string output = WritesFolder() ? OutputPathIn(flags_.output, file, format_) : "";
      jobs.push_back(Job{std::move(file), std::move(output), ""});
    }
    if (WritesFolder()) RefuseCollisions(&jobs);
    return jobs;
  }

  static void RefuseCollisions(std::vector<Job>* jobs) {
    std::vector<size_t> order(jobs->size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return (*jobs)[a].output < (*jobs)[b].output; });
    size_t owner = 0;  // the first input (in input order) of a run of equal outputs
    for (size_t k = 1; k < order.size(); ++k) {
      Job& job = (*jobs)[order[k]];
      const Job& first = (*jobs)[order[owner]];
      if (job.output != first.output) {
        owner = k;
        continue;
      }
      job.refused = fmt::format(
          "its output {} is also the output of {}; give the folder (or --glob) so that outputs "
          "mirror subfolders",
          job.output, first.input.path);
    }
  }

  int PrepareOutputs() {
    if (!WritesFolder()) return kExitOk;
    std::error_code error;
    fs::create_directories(flags_.output, error);
    if (error || !fs::is_directory(flags_.output)) {
      std::cerr << fmt::format("{}: error: cannot create the output folder{}\n", flags_.output,
                               error ? ": " + error.message() : "");
      return kExitUnwritable;
    }
    return kExitOk;
  }

  // Creates the subfolders the outputs mirror, before any worker writes into them.
  void CreateOutputFolders(std::vector<Job>* jobs) const {
    for (Job& job : *jobs) {
      if (job.output.empty() || !job.refused.empty()) continue;
      std::error_code error;
      fs::create_directories(fs::path(job.output).parent_path(), error);
      if (error) job.refused = fmt::format("cannot create the folder for {}", job.output);
    }
  }

  JobSettings Settings() const {
    JobSettings settings;
    settings.rules = rules_;
    settings.decode.encoding = flags_.encoding;
    if (flags_.strict) settings.decode.invalid_bytes = InvalidBytes::kFail;
    if (flags_.to_simplified) settings.script = OutputScript::kSimplified;
    settings.max_input_bytes = flags_.max_input_mb * 1000 * 1000;
    settings.format = format_;
    settings.keep_text = WritesStream();
    settings.keep_document = !flags_.sqlite.empty();
    settings.echo_warnings = !flags_.quiet;
    return settings;
  }

  // A bar on a terminal for a batch, unless documents go to the same terminal.
  bool ShowBar(size_t total) const {
    bool text_on_terminal = WritesStream() && flags_.output.empty() && isatty(STDOUT_FILENO);
    return !flags_.quiet && total > 1 && isatty(STDERR_FILENO) && !text_on_terminal;
  }

  std::string InterruptedMessage(size_t done, size_t total) const {
    std::string untouched;
    if (WritesStream() && !flags_.output.empty()) untouched = flags_.output;
    if (!flags_.sqlite.empty()) untouched += (untouched.empty() ? "" : " and ") + flags_.sqlite;
    return fmt::format("fengong parse: interrupted after {} of {} files{}\n", done, total,
                       untouched.empty() ? "" : "; " + untouched + " left as they were");
  }

  int Threads(size_t files) const {
    int threads =
        flags_.jobs > 0 ? flags_.jobs : static_cast<int>(std::thread::hardware_concurrency());
    return static_cast<int>(std::min<size_t>(std::max(threads, 1), std::max<size_t>(files, 1)));
  }

  int Fatal(const Status& status) {
    progress_->Print(FormatError(status));
    progress_->Finish();
    return kExitUnwritable;
  }

  int RunBatch(std::vector<Job>& jobs, const std::vector<Status>& problems) {
    CreateOutputFolders(&jobs);
    const size_t total = jobs.size() + problems.size();
    counts_.files = total;
    uint64_t bytes_total = 0;
    for (const Job& job : jobs) bytes_total += job.input.size;
    progress_ = std::make_unique<Progress>(jobs.size(), bytes_total, ShowBar(total));
    for (const Status& problem : problems) {
      progress_->Print(FormatError(problem));
      Fail(kExitUnreadable, fmt::format("{}: {}", problem.pos().file, problem.message()));
    }
    if (int opened = OpenSinks(); opened != kExitOk) return opened;

    JobSettings settings = Settings();
    OrderedPool<JobResult>::Options options;
    options.threads = Threads(jobs.size());
    options.window = 4 * static_cast<size_t>(options.threads);
    options.stop = &g_stop_batch;
    Status sink_error;
    size_t done = 0;
    InterruptGuard guard;
    OrderedPool<JobResult>::Run(
        jobs.size(), options, [&](size_t i) { return RunJob(jobs[i], settings); },
        [&](size_t, JobResult&& result) {
          if (sink_error.ok()) sink_error = Consume(std::move(result));
          if (!sink_error.ok()) g_stop_batch.store(true);
          ++done;
          progress_->Update(done, counts_.bytes);
        },
        [&](size_t) { progress_->Update(done, counts_.bytes); });
    if (!sink_error.ok()) return Fatal(sink_error);
    if (g_stop_batch.load()) {
      progress_->Finish();
      std::cerr << InterruptedMessage(done, jobs.size());
      return kExitInterrupted;
    }
    if (Status closed = CloseSinks(); !closed.ok()) return Fatal(closed);
    progress_->Finish();
    return Finish(total);
  }

  int OpenSinks() {
    if (WritesStream()) {
      Result<std::unique_ptr<Stream>> stream = Stream::Open(flags_.output);
      if (!stream.ok()) return Fatal(stream.status());
      stream_ = std::move(stream.value());
      if (format_ == OutputFormat::kCsv) {
        if (Status s = stream_->Append(CsvHeader()); !s.ok()) return Fatal(s);
      }
    }
    if (!flags_.sqlite.empty()) {
      Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(flags_.sqlite);
      if (!store.ok()) return Fatal(store.status());
      store_ = std::move(store.value());
    }
    return kExitOk;
  }

  Status CloseSinks() {
    if (stream_) {
      if (Status s = stream_->Close(); !s.ok()) return s;
    }
    if (store_) return store_->Commit();
    return Status::Ok();
  }

  void Fail(int exit_code, const std::string& reason) {
    ++counts_.failed;
    failure_code_ = exit_code;
    failures_.push_back(reason);
  }

  // Takes one input's result, in input order: messages, the stream, the database.
  Status Consume(JobResult&& result) {
    counts_.bytes += result.bytes;
    progress_->Print(result.messages);
    if (result.exit_code != kExitOk) {
      Fail(result.exit_code, result.reason);
      return Status::Ok();
    }
    if (store_ && result.document) {
      Status stored = store_->Put(*result.document);
      if (!stored.ok()) {
        progress_->Print(FormatError(stored));
        Fail(kExitUnwritable, stored.ToString());
        return Status::Ok();
      }
    }
    if (stream_) {
      if (format_ == OutputFormat::kYaml && counts_.ok > 0) {
        if (Status s = stream_->Append("---\n"); !s.ok()) return s;
      }
      if (Status s = stream_->Append(result.text); !s.ok()) return s;
    }
    ++counts_.ok;
    if (result.warnings > 0) ++counts_.with_warnings;
    return Status::Ok();
  }

  int Finish(size_t total) {
    if (total > 1 && !flags_.quiet) {
      std::string summary = SummaryLine(counts_, progress_->Elapsed());
      for (const std::string& reason : failures_) summary += "  failed: " + reason + "\n";
      std::cerr << summary;
    }
    if (counts_.failed == 0) return kExitOk;
    return total > 1 ? kExitSomeFailed : failure_code_;
  }

  ParseFlags flags_;
  OutputFormat format_;
  const RuleSet* rules_ = nullptr;
  std::unique_ptr<Progress> progress_;
  std::unique_ptr<Stream> stream_;
  std::unique_ptr<SqliteStore> store_;
  BatchCounts counts_;
  int failure_code_ = kExitOk;
  std::vector<std::string> failures_;
};

}  // namespace

Runner SetUpParse(CLI::App* app) {
  auto flags = std::make_shared<ParseFlags>();
  app->add_option("inputs", flags->inputs,
                  "plan files, or folders to read recursively (- for standard input)");
  app->add_option("--glob", flags->globs,
                  "also read the files matching PATTERN (* ? [..] in a name, ** for any folders; "
                  "quote it); repeatable")
      ->allow_extra_args(false)  // one pattern per --glob: the next word is an input
      ->type_name("PATTERN");
  app->add_option("--files-from", flags->lists,
                  "also read the files (or folders) listed in LIST, one a line (- for standard "
                  "input); repeatable")
      ->allow_extra_args(false)
      ->type_name("LIST");
  app->add_option("-o,--output", flags->output,
                  "yaml/json: write into folder DIR, mirroring the inputs' paths below the "
                  "folder they came from; jsonl/csv: write FILE (atomically)")
      ->type_name("DIR|FILE");
  app->add_option("--format", flags->format, "output format")
      ->check(CLI::IsMember({"yaml", "json", "jsonl", "csv"}))
      ->capture_default_str();
  app->add_option("--sqlite", flags->sqlite,
                  "also store every document in the SQLite database FILE (created if needed; a "
                  "document already there, by sha256, is replaced)")
      ->type_name("FILE");
  app->add_option("-j,--jobs", flags->jobs, "parse N files at a time (default: every core)")
      ->check(CLI::PositiveNumber)
      ->type_name("N");
  app->add_option("--grammars", flags->grammar_dir,
                  "read grammar files from DIR in place of the built-in ones of the same name");
  app->add_option(
      "--encoding", flags->encoding,
      "read inputs in this encoding (UTF-8, GB18030, UTF-16LE, Big5 …); default: detect");
  app->add_flag("--strict", flags->strict,
                "refuse an input with bytes invalid in its encoding (default: replace them with "
                "U+FFFD and warn)");
  app->add_flag("--to-simplified", flags->to_simplified,
                "write every output string in Simplified characters");
  app->add_option("--max-input-mb", flags->max_input_mb, "refuse inputs larger than this")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_flag("-q,--quiet", flags->quiet,
                "no warnings echoed on stderr, no progress bar, no summary (errors still show)");
  app->footer(
      "Examples:\n"
      "  fengong parse plan.txt                          # YAML on standard output\n"
      "  fengong parse samples/*.txt -o out/             # out/<stem>.yaml for each input\n"
      "  fengong parse plans/ -o out/                    # out/ mirrors plans/\n"
      "  fengong parse --glob 'plans/**/*.txt' --format jsonl -o all.jsonl\n"
      "  fengong parse plans/ --format csv -o targets.csv --sqlite plans.db\n"
      "  fengong parse - --format json < plan.txt\n");
  return [flags, app] {
    flags->format_given = app->count("--format") > 0;
    return ParseCommand(*flags).Run();
  };
}

}  // namespace fengong::cli
