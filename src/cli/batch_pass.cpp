#include "cli/batch_pass.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <ostream>
#include <set>
#include <thread>

#include "base/files.hpp"
#include "base/regular_files.hpp"
#include "base/sha256.hpp"
#include "cli/batch_commit.hpp"
#include "cli/batch_io.hpp"
#include "cli/batch_plan.hpp"
#include "cli/batch_pool.hpp"
#include "cli/batch_progress.hpp"
#include "cli/batch_prune.hpp"
#include "cli/batch_report.hpp"
#include "cli/batch_summary.hpp"
#include "cli/build_id.hpp"
#include "cli/input_files.hpp"
#include "data/files.hpp"
#include "diag/limits.hpp"
#include "reader/reader.hpp"
#include "transform/anonymize.hpp"
#include "transform/reference.hpp"
#include "version.hpp"

namespace tailor::cli::batch {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------
// One build pass.

enum class Status { Pending, UpToDate, Built, Failed, NotBuilt };

struct OutputState {
  Status status = Status::Pending;
  std::string key;  ///< Manifest hash of everything that produces this output.
  std::string sha;  ///< SHA-256 of the bytes written (built) or found (up to date).
  std::optional<std::string> stdout_bytes;
};

struct InputState {
  std::string path;                  ///< As named on the command line ("-": stdin).
  std::optional<std::string> bytes;  ///< Read once in step 1; freed once parsed.
  std::string digest;                ///< SHA-256 of the bytes; empty when unreadable.
  std::string ref;                   ///< Candidate reference (transform/reference.hpp).
  std::string source;                ///< batch::source_id() of the path.
  bool parsed = false;               ///< Parsed before planning (doc and read_diags set).
  std::vector<std::size_t> outputs;  ///< Plan indices, in plan order.
  diag::Diagnostics read_diags;
  std::vector<diag::Diagnostics> role_diags;
  std::vector<std::string> role_notes;  ///< --explain text per role.
  std::optional<model::Document> doc;
  std::size_t roles_left = 0;
  std::size_t copies_left = 0;  ///< Role tasks yet to take the model; the last one moves it.
  bool complete = false;
  int code = 0;  ///< Worst exit code of this input's failures.
};

std::string file_digest(const std::string& path) {
  if (std::optional<std::string_view> builtin = data::builtin_text(path)) {
    return base::sha256_hex(*builtin);
  }
  std::string err;
  auto bytes = base::read_file(path, err);
  return bytes ? base::sha256_hex(*bytes) : "missing:" + err;
}

int worst(int a, int b) { return std::max(a, b); }

/// Identifies the running Tailor beyond its version number, so a rebuilt binary invalidates

/// A bug (an exception from a stage) reported against the input, so the batch goes on.
void internal_error(diag::Diagnostics& diags, const std::string& path, const std::exception& e) {
  diag::Diagnostic d;
  d.path = path;
  d.message = std::string("internal error: ") + e.what();
  d.hints.push_back("this is a bug in Tailor; please report it with this input");
  diags.add(std::move(d));
}

std::string expand_ref(const std::string& tmpl, const std::string& path, const std::string& ref) {
  // {hash}: the hex digits of a derived reference, or a given reference as it is.
  std::string hash = ref.rfind("Candidate ", 0) == 0 ? ref.substr(10) : ref;
  std::string out;
  for (std::size_t i = 0; i < tmpl.size();) {
    if (tmpl.compare(i, 6, "{hash}") == 0) {
      out += hash;
      i += 6;
    } else if (tmpl.compare(i, 6, "{stem}") == 0) {
      out += fs::path(path).stem().string();
      i += 6;
    } else {
      out += tmpl[i++];
    }
  }
  return out;
}

class Build {
 public:
  Build(Context& ctx, const BuildRequest& req, const BuildEnv& env, batch::Manifest& manifest,
        bool if_changed, bool terminal)
      : ctx_(ctx),
        req_(req),
        env_(env),
        manifest_(manifest),
        if_changed_(if_changed),
        terminal_(terminal) {}

  int run();

 private:
  /// Parses every input on the pool before planning, for its stable reference.
  void parse_all(unsigned jobs);
  /// The input as the log names it: its reference under --anonymize, else its path.
  std::string log_name(const InputState& in) const;
  /// --dry-run: the plan on standard output.
  int print_plan(const std::vector<std::string>& prune);
  /// batch::remove_output, reporting to the error stream.
  bool remove_output(const std::string& path) { return batch::remove_output(path, ctx_.err); }
  /// The --summary and --key-file record of this pass.
  Report report(const std::vector<std::string>& pruned,
                const std::vector<std::string>& removed) const;
  bool batch_mode() const { return !req_.out_dir.empty(); }
  const std::vector<std::string>& roles() const { return roles_; }

  /// What one role task made, kept until its staged outputs are committed.
  struct RoleOutcome {
    std::size_t input = 0, role = 0;
    std::vector<std::size_t> mine;  ///< Plan indices of the outputs it built.
    std::vector<Status> result;
    std::vector<std::optional<std::string>> stdout_bytes;
    std::vector<std::string> shas;
    std::vector<std::size_t> staged;  ///< Indices into mine, in the order handed over.
    int code = 0;
  };
  void parse_task(std::size_t i);
  void role_task(std::size_t i, std::size_t r);
  /// Records a role's outcome once its outputs are in place (`errors`: one per staged file).
  void finish_role(RoleOutcome& out, const std::vector<std::string>& errors);
  void fail(InputState& in, int code);
  void flush_ready();  // caller holds print_mu_
  bool stopping() const { return stop_.load() || batch::interrupt_signal() != 0; }
  /// 0 when output o may be written, else the exit code after saying why.
  int check_target(const batch::PlannedOutput& o);
  /// After printing: a failed write to stdout or stderr (a full disk, a closed pipe) stops
  /// the batch like --fail-fast, and the build ends with exit 3.
  void check_streams();

  Context& ctx_;
  const BuildRequest& req_;
  const BuildEnv& env_;
  batch::Manifest& manifest_;
  bool if_changed_, terminal_;

  std::vector<std::string> roles_;  // {""} without --role
  batch::Plan plan_;
  std::vector<OutputState> outs_;
  std::vector<InputState> ins_;
  std::unique_ptr<Progress> progress_;
  std::unique_ptr<Pool> pool_;
  /// Outputs wait here, written, until a group of them is synced at once (batch_commit.hpp).
  std::unique_ptr<CommitGroup> commits_;
  std::mutex state_mu_;  // guards ins_[*] bookkeeping and outs_[*].status
  std::mutex print_mu_;  // guards ctx_.err, ctx_.out, progress_, next_flush_
  std::size_t next_flush_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<bool> io_failed_{false};
};

int Build::run() {
  roles_.clear();
  for (const BuildEnv::Role& r : env_.roles) roles_.push_back(r.name);
  if (roles_.empty()) roles_.push_back("");

  unsigned jobs = req_.jobs > 0 ? static_cast<unsigned>(req_.jobs)
                                : std::max(1u, std::thread::hardware_concurrency());
  // 1. Read every input once, for its hash and its candidate reference.
  batch::PlanSpec spec;
  ins_.resize(req_.inputs.size());
  for (std::size_t i = 0; i < req_.inputs.size(); ++i) {
    InputState& in = ins_[i];
    in.path = req_.inputs[i];
    std::string err;
    bool too_large = false;
    // The one read of this input: a pipe cannot be read twice, so the parse uses these bytes.
    auto bytes = read_input(in.path, err, too_large, &interrupt_flag());
    if (bytes) {
      // Only a batch (--out-dir) keeps a manifest; a single -o build needs no hash.
      in.digest = batch_mode() ? base::sha256_hex(*bytes) : std::string("read");
    } else {
      diag::report_read_failure(input_display_name(in.path), "cannot read file", err, too_large,
                                ctx_.sources, in.read_diags);
      in.code = code(too_large ? diag::ExitCode::InputError : diag::ExitCode::IoError);
    }
    in.bytes = std::move(bytes);
    in.source = batch::source_id(in.path);
  }
  // References come from the resume (ref:, e-mail, name), never its bytes: with --anonymize
  // (for {ref}), or a key file or summary to record them, every input is parsed first.
  bool want_refs = req_.anonymize || !req_.key_file.empty() || !req_.summary_file.empty();
  if (want_refs) parse_all(jobs);
  for (InputState& in : ins_) {
    if (want_refs) {
      transform::CandidateReference ref =
          transform::candidate_reference(in.doc ? &*in.doc : nullptr, in.path);
      in.ref = req_.ref.empty() ? ref.text : expand_ref(req_.ref, in.path, ref.text);
    }
    spec.inputs.push_back({in.path, in.ref});
    if (!is_stdin(in.path)) spec.protected_paths.push_back(in.path);
  }

  // 2. Plan every output.
  if (!env_.roles.empty()) spec.roles = roles_;
  for (const writer::WriterInfo* w : env_.formats) {
    std::string ext = w->extensions.empty() ? "" : w->extensions.front();
    if (!ext.empty() && ext.front() == '.') ext.erase(0, 1);
    spec.formats.push_back({w->name, ext});
  }
  spec.out_dir = req_.out_dir;
  spec.output = req_.output;
  spec.name_template = req_.name_template;
  spec.style = req_.style;
  spec.anonymize = req_.anonymize;
  for (const std::string& d : env_.dependencies) spec.protected_paths.push_back(d);
  std::vector<std::string> role_digest(roles_.size());
  for (std::size_t r = 0; r < roles_.size(); ++r) {
    base::Sha256 h;
    if (r < env_.roles.size()) {
      for (const std::string& f : env_.roles[r].files) {
        spec.protected_paths.push_back(f);
        if (batch_mode()) h.field(f).field(file_digest(f));
      }
    }
    role_digest[r] = h.hex();
  }
  std::string error;
  auto plan = batch::make_plan(spec, error);
  if (!plan) return usage_error(ctx_, error);
  plan_ = std::move(*plan);
  outs_.resize(plan_.outputs.size());

  // 3. Hash what produces each output; with --if-changed skip those the manifest matches.
  // The fonts among the dependencies are megabytes, so this is skipped outside a batch.
  std::string common_hex;
  if (batch_mode()) {
    base::Sha256 common;
    common.field("tailor build 1").field(kVersion).field(tailor_identity()).field(env_.fingerprint);
    for (const std::string& d : env_.dependencies) common.field(d).field(file_digest(d));
    common_hex = common.hex();
  }
  std::size_t to_build = 0;
  std::set<std::string> dirs;
  for (std::size_t j = 0; j < plan_.outputs.size(); ++j) {
    const batch::PlannedOutput& o = plan_.outputs[j];
    InputState& in = ins_[o.input];
    in.outputs.push_back(j);
    OutputState& st = outs_[j];
    if (in.digest.empty()) {
      st.status = Status::Failed;
      ++to_build;
      continue;
    }
    st.key = base::Sha256()
                 .field(common_hex)
                 .field(in.digest)
                 .field(roles_[o.role])
                 .field(role_digest[o.role])
                 .field(env_.formats[o.format]->name)
                 .hex();
    std::error_code ec;
    std::optional<ManifestEntry> recorded = batch_mode() ? manifest_.get(o.name) : std::nullopt;
    // Up to date: the same inputs made it, and the file still holds the bytes they made (an
    // edited or damaged output is rebuilt).
    if (if_changed_ && recorded && recorded->key == st.key && fs::is_regular_file(o.path, ec) &&
        file_digest(o.path) == recorded->output) {
      st.status = Status::UpToDate;
      st.sha = recorded->output;
    } else {
      ++to_build;
      if (!o.path.empty()) dirs.insert(fs::path(o.path).parent_path().string());
      if (int rc = check_target(o); rc != 0) return rc;
    }
  }
  std::vector<std::string> prune =
      req_.prune ? prune_candidates(plan_, manifest_, req_.shard_index, req_.shard_count)
                 : std::vector<std::string>{};
  if (req_.dry_run) return print_plan(prune);
  for (const std::string& d : dirs) {
    std::error_code ec;
    if (!d.empty()) fs::create_directories(d, ec);
    if (ec) {
      ctx_.err << "tailor: error: cannot create the folder " << d << ": " << ec.message() << "\n";
      return code(diag::ExitCode::IoError);
    }
  }

  // 4. Schedule: one parse task per input with stale outputs, which then fans out per role.
  progress_ = std::make_unique<Progress>(ctx_.err, ctx_.err_raw ? *ctx_.err_raw : ctx_.err,
                                         terminal_, batch_mode(), to_build);
  std::size_t tasks = 0;
  for (InputState& in : ins_) {
    in.role_diags.resize(roles_.size());
    in.role_notes.resize(roles_.size());
    bool stale = std::any_of(in.outputs.begin(), in.outputs.end(),
                             [&](std::size_t j) { return outs_[j].status == Status::Pending; });
    if (!stale) {
      in.complete = true;
      // Parsed for its reference only: an up-to-date input says nothing, as before.
      if (in.parsed && in.doc) in.read_diags = diag::Diagnostics();
      in.doc.reset();
      for (std::size_t j : in.outputs) {
        if (outs_[j].status == Status::Failed) progress_->finished(false);
      }
    } else {
      ++tasks;
    }
  }
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(tasks, 1)));
  {
    std::lock_guard lock(print_mu_);
    flush_ready();
  }
  commits_ = std::make_unique<CommitGroup>(kCommitGroupSize);
  pool_ = std::make_unique<Pool>(jobs);
  for (std::size_t i = 0; i < ins_.size(); ++i) {
    if (!ins_[i].complete) pool_->push([this, i] { parse_task(i); });
  }
  pool_->wait();
  commits_->commit();  // the last, partial group
  {
    std::lock_guard lock(print_mu_);
    flush_ready();
  }

  // 5. Record what was built, print the summary, choose the exit code.
  int rc = 0;
  BuildSummary sum;
  sum.seconds = progress_->seconds();
  std::vector<std::string> removed, pruned;
  std::set<std::string> planned;
  for (const batch::PlannedOutput& o : plan_.outputs) planned.insert(o.name);
  for (InputState& in : ins_) {
    // --strict: an input with a warning failed; what another role of it wrote before the
    // warning does not stand either.
    std::size_t warnings = in.read_diags.warning_count();
    for (const diag::Diagnostics& d : in.role_diags) warnings += d.warning_count();
    if (ctx_.strict && warnings > 0) {
      in.code = worst(in.code, code(diag::ExitCode::InputError));
      for (std::size_t j : in.outputs) {
        if (outs_[j].status != Status::Built) continue;
        outs_[j].status = Status::Failed;
        remove_output(plan_.outputs[j].path);
      }
    }
    bool failed = false, built = false;
    for (std::size_t j : in.outputs) {
      const OutputState& st = outs_[j];
      const batch::PlannedOutput& o = plan_.outputs[j];
      switch (st.status) {
        case Status::Built:
          ++sum.built;
          built = true;
          if (batch_mode()) manifest_.set(o.name, {st.key, st.sha, in.source});
          break;
        case Status::UpToDate:
          ++sum.up_to_date;
          break;
        case Status::Failed:
          ++sum.failed_outputs;
          failed = true;
          // The output an earlier build made from this input is no longer current. --watch
          // keeps the last good one while you edit (docs/batch.md), but the manifest forgets it.
          if (batch_mode() && manifest_.get(o.name)) {
            if (!req_.watch && remove_output(o.path)) removed.push_back(o.name);
            manifest_.erase(o.name);
          }
          break;
        case Status::Pending:
        case Status::NotBuilt:
          ++sum.not_built;
          break;
      }
    }
    if (built) ++sum.inputs_built;
    if (failed) sum.failed_inputs.push_back(in.path);
    // An input that failed as a whole also loses outputs it made under other names (another
    // reference, another --name).
    if (batch_mode() && failed && !built && !req_.watch) {
      for (const std::string& name : manifest_.names()) {
        if (manifest_.get(name)->source != in.source || planned.count(name)) continue;
        if (remove_output((fs::path(req_.out_dir) / name).string())) removed.push_back(name);
        manifest_.erase(name);
      }
    }
    rc = worst(rc, in.code);
  }
  for (const std::string& name : prune) {
    if (!manifest_.get(name)) continue;  // removed above
    if (remove_output((fs::path(req_.out_dir) / name).string())) {
      pruned.push_back(name);
      manifest_.erase(name);
    } else {
      rc = worst(rc, code(diag::ExitCode::IoError));
    }
  }
  sum.pruned = pruned.size();
  sum.removed = removed.size();
  if (batch_mode()) {
    fs::path mpath = fs::path(req_.out_dir) / batch::kManifestName;
    std::string text = manifest_.serialise(), err;
    std::optional<std::string> old = base::read_file(mpath.string(), err);
    if (!old || *old != text) {
      std::error_code ec;
      fs::create_directories(req_.out_dir, ec);
      if (!batch::write_output_atomic(mpath.string(), text, err)) {
        ctx_.err << "tailor: error: cannot write the manifest: " << err << "\n";
        rc = worst(rc, code(diag::ExitCode::IoError));
      }
    }
    sum.fail_fast_stop = stop_.load() && batch::interrupt_signal() == 0 && !io_failed_.load();
    sum.output_failed = io_failed_.load();
    sum.signal = batch::interrupt_signal();
    progress_->clear();
    ctx_.err << format_summary(sum) << "\n";
  }
  if (!req_.summary_file.empty() || !req_.key_file.empty()) {
    Report rep = report(pruned, removed);
    rep.interrupted = batch::interrupt_signal() != 0 || stop_.load();
    for (const auto& [file, text] :
         {std::pair{req_.summary_file, rep.to_json()}, std::pair{req_.key_file, rep.key_csv()}}) {
      std::string err;
      if (file.empty()) continue;
      if (!batch::write_output_atomic(file, text, err)) {
        ctx_.err << "tailor: error: cannot write " << file << ": " << err << "\n";
        rc = worst(rc, code(diag::ExitCode::IoError));
      }
    }
  }
  check_streams();  // the summary is output too
  if (int sig = batch::interrupt_signal(); sig != 0) return signal_exit_code(sig);
  if (io_failed_.load()) rc = worst(rc, code(diag::ExitCode::IoError));
  return rc;
}

void Build::parse_all(unsigned jobs) {
  Pool pool(
      static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(ins_.size(), 1))));
  for (std::size_t i = 0; i < ins_.size(); ++i) {
    if (!ins_[i].bytes) continue;
    pool.push([this, i] {
      InputState& in = ins_[i];
      diag::Diagnostics diags;
      try {
        in.doc = parse_input(in.path, *in.bytes, req_.from, ctx_.sources, diags);
      } catch (const std::exception& e) {
        internal_error(diags, in.path, e);
        in.code = code(diag::ExitCode::Internal);
      }
      in.read_diags.append(diags);
      in.parsed = true;
      if (!in.doc && in.code == 0) in.code = input_failure_code(diags);
      in.bytes.reset();
    });
  }
  pool.wait();
}

std::string Build::log_name(const InputState& in) const {
  return req_.anonymize ? in.ref : input_display_name(in.path);
}

int Build::print_plan(const std::vector<std::string>& prune) {
  std::string text;
  int rc = 0;
  for (const InputState& in : ins_) {
    std::string from = log_name(in);
    for (std::size_t j : in.outputs) {
      const batch::PlannedOutput& o = plan_.outputs[j];
      std::string to = o.path.empty() ? "standard output" : o.path;
      switch (outs_[j].status) {
        case Status::UpToDate:
          text += "skip   " + from + " -> " + to + " (up to date)\n";
          break;
        case Status::Failed:
          text += "fail   " + from + " -> " + to + " (cannot read the input)\n";
          break;
        default:
          text += "build  " + from + " -> " + to + "\n";
      }
    }
    if (!in.read_diags.empty() && !in.doc) ctx_.err << ctx_.render(in.read_diags);
    rc = worst(rc, in.code);
  }
  for (const std::string& name : prune) {
    text += "prune  " + (fs::path(req_.out_dir) / name).string() + "\n";
  }
  print_text(ctx_, text);
  return rc;
}

Report Build::report(const std::vector<std::string>& pruned,
                     const std::vector<std::string>& removed) const {
  Report rep;
  for (const InputState& in : ins_) {
    ReportInput ri{input_display_name(in.path), in.ref, in.code != 0, {}};
    for (std::size_t j : in.outputs) {
      const batch::PlannedOutput& o = plan_.outputs[j];
      const OutputState& st = outs_[j];
      ReportOutput ro{batch_mode() ? o.name : o.path.empty() ? "-" : o.path, "not-built", ""};
      switch (st.status) {
        case Status::Built:
          ro.status = "built";
          ro.sha256 = st.sha;
          break;
        case Status::UpToDate:
          ro.status = "up-to-date";
          ro.sha256 = st.sha;
          break;
        case Status::Failed:
          ro.status = "failed";
          ri.failed = true;
          break;
        default:
          break;
      }
      ri.outputs.push_back(std::move(ro));
    }
    rep.inputs.push_back(std::move(ri));
  }
  rep.pruned = pruned;
  rep.removed = removed;
  rep.normalise();
  return rep;
}

int Build::check_target(const batch::PlannedOutput& o) {
  if (o.path.empty()) return 0;  // standard output
  std::string err;
  if (!base::check_output_target(o.path, err)) {
    ctx_.err << o.path << ": error: " << err << "\n"
             << "hint: remove it, or choose another output name\n";
    return code(diag::ExitCode::IoError);
  }
  // A .resume or .json in --out-dir may be a hand-written master: replace it only when the
  // manifest says Tailor wrote it, or with --force.
  std::string format = env_.formats[o.format]->name;
  std::error_code ec;
  if (batch_mode() && !req_.force && (format == "resume" || format == "json") &&
      fs::is_regular_file(o.path, ec) && !manifest_.get(o.name)) {
    ctx_.err << o.path << ": error: refusing to replace " << o.name
             << ": Tailor did not write it (it is not in " << batch::kManifestName << "), and a ."
             << (format == "json" ? "json" : "resume") << " file may be a hand-written master\n"
             << "hint: --force replaces it; or write to another --out-dir or --name\n";
    return code(diag::ExitCode::IoError);
  }
  return 0;
}

void Build::fail(InputState& in, int c) {
  in.code = worst(in.code, c);
  if (req_.fail_fast) stop_.store(true);
}

void Build::parse_task(std::size_t i) {
  InputState& in = ins_[i];
  bool finished = false;  // this task completes the input (no role task will)
  std::vector<std::size_t> stale_roles;
  if (stopping()) {
    std::lock_guard lock(state_mu_);
    for (std::size_t j : in.outputs) {
      if (outs_[j].status == Status::Pending) outs_[j].status = Status::NotBuilt;
    }
    in.complete = finished = true;
  } else {
    diag::Diagnostics diags;
    std::optional<model::Document> doc;
    bool crashed = false;
    if (in.parsed) {
      doc = std::move(in.doc);  // parsed before planning, for its reference
      crashed = in.code == code(diag::ExitCode::Internal);
      diags = in.read_diags;
      in.read_diags = diag::Diagnostics();
    } else {
      try {
        doc = parse_input(in.path, in.bytes ? *in.bytes : std::string(), req_.from, ctx_.sources,
                          diags);
      } catch (const std::exception& e) {
        internal_error(diags, in.path, e);
        crashed = true;
      }
    }
    std::lock_guard lock(state_mu_);
    in.bytes.reset();  // parsed: the model holds what is needed
    in.read_diags.append(diags);
    if (!doc) {
      fail(in, crashed ? code(diag::ExitCode::Internal) : input_failure_code(diags));
      for (std::size_t j : in.outputs) {
        if (outs_[j].status == Status::Pending) outs_[j].status = Status::Failed;
      }
      in.complete = finished = true;
    } else {
      in.doc = std::move(doc);
      for (std::size_t r = 0; r < roles_.size(); ++r) {
        for (std::size_t j : in.outputs) {
          if (plan_.outputs[j].role == r && outs_[j].status == Status::Pending) {
            stale_roles.push_back(r);
            break;
          }
        }
      }
      in.roles_left = in.copies_left = stale_roles.size();
    }
  }
  if (finished) {
    std::lock_guard lock(print_mu_);
    for (std::size_t j : in.outputs) {
      if (outs_[j].status == Status::Failed) progress_->finished(false);
    }
    flush_ready();
    return;
  }
  // The first role runs here; the others go to the front of the queue for idle workers.
  for (std::size_t k = 1; k < stale_roles.size(); ++k) {
    std::size_t r = stale_roles[k];
    pool_->push([this, i, r] { role_task(i, r); }, true);
  }
  role_task(i, stale_roles.front());
}

void Build::role_task(std::size_t i, std::size_t r) {
  InputState& in = ins_[i];
  std::vector<std::size_t> mine;
  for (std::size_t j : in.outputs) {
    if (plan_.outputs[j].role == r && outs_[j].status == Status::Pending) mine.push_back(j);
  }
  diag::Diagnostics& diags = in.role_diags[r];
  auto outcome = std::make_shared<RoleOutcome>();
  outcome->input = i;
  outcome->role = r;
  std::vector<Status>& result = outcome->result;
  std::vector<std::optional<std::string>>& stdout_bytes = outcome->stdout_bytes;
  std::vector<std::string>& shas = outcome->shas;
  int& c = outcome->code;
  std::vector<base::StagedFile> staged;
  result.assign(mine.size(), Status::NotBuilt);
  stdout_bytes.resize(mine.size());
  shas.resize(mine.size());
  bool record = batch_mode() || !req_.summary_file.empty() || !req_.key_file.empty();
  if (!stopping()) {
    model::Document doc;
    {
      // Each role tailors its own copy; the last role to start takes the parsed model
      // itself, so a one-role build never holds the model twice.
      std::lock_guard lock(state_mu_);
      if (--in.copies_left == 0) {
        doc = std::move(*in.doc);
      } else {
        doc = *in.doc;
      }
    }
    bool ok = false;
    try {
      ok = env_.tailor ? env_.tailor(doc, r, diags, in.role_notes[r]) : true;
      if (ok && req_.anonymize) transform::anonymize(doc, in.ref);
    } catch (const std::exception& e) {
      internal_error(diags, in.path, e);
      c = code(diag::ExitCode::Internal);
    }
    if (!ok) {
      c = worst(c, code(diag::ExitCode::InputError));
      std::fill(result.begin(), result.end(), Status::Failed);
    } else {
      std::vector<const writer::WriterInfo*> formats;
      for (std::size_t j : mine) formats.push_back(env_.formats[plan_.outputs[j].format]);
      std::vector<std::optional<std::string>> bytes(formats.size());
      try {
        if (env_.render) {
          env_.render(doc, formats, bytes, diags);
        } else {
          for (std::size_t k = 0; k < formats.size(); ++k) {
            std::string out;
            if (formats[k]->write(doc, env_.options, out, diags)) bytes[k] = std::move(out);
          }
        }
      } catch (const std::exception& e) {
        internal_error(diags, in.path, e);
        c = code(diag::ExitCode::Internal);
        for (auto& b : bytes) b.reset();
      }
      // --strict: a warning about this input (parsing it, or tailoring and rendering this
      // role) fails it, so its outputs are never written.
      bool strict_fail =
          ctx_.strict && (diags.warning_count() > 0 || in.read_diags.warning_count() > 0);
      if (strict_fail) c = worst(c, code(diag::ExitCode::InputError));
      for (std::size_t k = 0; k < mine.size(); ++k) {
        const batch::PlannedOutput& o = plan_.outputs[mine[k]];
        if (strict_fail) {
          result[k] = Status::Failed;
          continue;
        }
        if (!bytes[k]) {
          result[k] = Status::Failed;
          c = worst(c, code(diag::ExitCode::RenderError));
          continue;
        }
        if (batch::interrupt_signal() != 0) continue;  // NotBuilt: never start a write now
        if (record) shas[k] = base::sha256_hex(*bytes[k]);
        if (o.path.empty()) {
          stdout_bytes[k] = std::move(bytes[k]);
          result[k] = Status::Built;
          continue;
        }
        // Written now, in place once its group is durable (finish_role).
        std::string err;
        base::StagedFile f;
        if (batch::stage_output(o.path, *bytes[k], f, err)) {
          result[k] = Status::Built;
          outcome->staged.push_back(k);
          staged.push_back(std::move(f));
        } else {
          diag::Diagnostic d;
          d.path = o.path;
          d.message = "cannot write output: " + err;
          diags.add(std::move(d));
          result[k] = Status::Failed;
          c = worst(c, code(diag::ExitCode::IoError));
        }
      }
    }
  }
  outcome->mine = std::move(mine);
  if (staged.empty()) {
    finish_role(*outcome, {});
  } else {
    commits_->add(std::move(staged), [this, outcome](const std::vector<std::string>& errors) {
      finish_role(*outcome, errors);
    });
  }
}

void Build::finish_role(RoleOutcome& out, const std::vector<std::string>& errors) {
  InputState& in = ins_[out.input];
  const std::vector<std::size_t>& mine = out.mine;
  std::vector<Status>& result = out.result;
  int c = out.code;
  for (std::size_t s = 0; s < errors.size() && s < out.staged.size(); ++s) {
    if (errors[s].empty()) continue;
    std::size_t k = out.staged[s];
    diag::Diagnostic d;
    d.path = plan_.outputs[mine[k]].path;
    d.message = "cannot write output: " + errors[s];
    in.role_diags[out.role].add(std::move(d));
    result[k] = Status::Failed;
    c = worst(c, code(diag::ExitCode::IoError));
  }
  bool complete = false;
  {
    std::lock_guard lock(state_mu_);
    for (std::size_t k = 0; k < mine.size(); ++k) {
      outs_[mine[k]].status = result[k];
      outs_[mine[k]].stdout_bytes = std::move(out.stdout_bytes[k]);
      outs_[mine[k]].sha = std::move(out.shas[k]);
    }
    if (c != 0) fail(in, c);
    complete = --in.roles_left == 0;
    if (complete) {
      in.complete = true;
      in.doc.reset();  // free the model early; large batches keep memory flat
    }
  }
  std::lock_guard lock(print_mu_);
  for (Status s : result) {
    if (s == Status::Built || s == Status::Failed) progress_->finished(s == Status::Built);
  }
  if (complete) flush_ready();
}

void Build::check_streams() {
  ctx_.err.flush();
  if (ctx_.out.good() && ctx_.err.good()) return;
  io_failed_.store(true);
  stop_.store(true);
}

void Build::flush_ready() {
  for (;;) {
    InputState* in = nullptr;
    {
      std::lock_guard lock(state_mu_);
      if (next_flush_ >= ins_.size() || !ins_[next_flush_].complete) return;
      in = &ins_[next_flush_++];
    }
    // Complete inputs are no longer touched by workers: read without state_mu_.
    std::string text = ctx_.render(in->read_diags);
    for (std::size_t r = 0; r < in->role_diags.size(); ++r) {
      if (!in->role_notes[r].empty() && ins_.size() > 1) {
        text += input_display_name(in->path) + ":\n";
      }
      text += in->role_notes[r];
      text += ctx_.render(in->role_diags[r]);
    }
    if (progress_->plain_lines()) {
      for (std::size_t j : in->outputs) {
        const OutputState& st = outs_[j];
        if (st.status == Status::Built) {
          text += progress_->counter() + "wrote " + plan_.outputs[j].path + " (from " +
                  log_name(*in) + ")\n";
        } else if (st.status == Status::Failed) {
          text += progress_->counter() + "failed " + plan_.outputs[j].path + " (from " +
                  log_name(*in) + ")\n";
        }
      }
    }
    if (!text.empty()) progress_->print(text);
    for (std::size_t j : in->outputs) {
      if (!outs_[j].stdout_bytes) continue;
      // Text for a terminal goes through the sanitiser; bytes for a file or a pipe do not.
      if (stdout_is_terminal(ctx_)) {
        print_text(ctx_, *outs_[j].stdout_bytes);
      } else {
        ctx_.out << *outs_[j].stdout_bytes;
      }
      ctx_.out.flush();
    }
    check_streams();
  }
}

}  // namespace

int run_pass(Context& ctx, const BuildRequest& req, const BuildEnv& env, Manifest& manifest,
             bool if_changed, bool terminal) {
  return Build(ctx, req, env, manifest, if_changed, terminal).run();
}

}  // namespace tailor::cli::batch
