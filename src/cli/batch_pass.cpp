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
#include "cli/batch_io.hpp"
#include "cli/batch_plan.hpp"
#include "cli/batch_pool.hpp"
#include "cli/batch_progress.hpp"
#include "cli/batch_summary.hpp"
#include "cli/build_id.hpp"
#include "cli/input_files.hpp"
#include "data/files.hpp"
#include "diag/limits.hpp"
#include "reader/reader.hpp"
#include "transform/anonymize.hpp"
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
  std::optional<std::string> stdout_bytes;
};

struct InputState {
  std::string path;                  ///< As named on the command line ("-": stdin).
  std::optional<std::string> bytes;  ///< Read once in step 1; freed once parsed.
  std::string digest;                ///< SHA-256 of the bytes; empty when unreadable.
  std::string ref;                   ///< Candidate reference for --anonymize.
  std::vector<std::size_t> outputs;  ///< Plan indices, in plan order.
  diag::Diagnostics read_diags;
  std::vector<diag::Diagnostics> role_diags;
  std::vector<std::string> role_notes;  ///< --explain text per role.
  std::optional<model::Document> doc;
  std::size_t roles_left = 0;
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

std::string expand_ref(const std::string& tmpl, const std::string& path, const std::string& bytes) {
  std::string hash = transform::candidate_reference(bytes).substr(std::string("Candidate ").size());
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
  bool batch_mode() const { return !req_.out_dir.empty(); }
  const std::vector<std::string>& roles() const { return roles_; }

  void parse_task(std::size_t i);
  void role_task(std::size_t i, std::size_t r);
  void fail(InputState& in, int code);
  void finish_role(std::size_t i);
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
      if (req_.anonymize) {
        in.ref = req_.ref.empty() ? transform::candidate_reference(*bytes)
                                  : expand_ref(req_.ref, in.path, *bytes);
      }
    } else {
      diag::report_read_failure(input_display_name(in.path), "cannot read file", err, too_large,
                                ctx_.sources, in.read_diags);
      in.code = code(too_large ? diag::ExitCode::InputError : diag::ExitCode::IoError);
    }
    in.bytes = std::move(bytes);
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
    if (if_changed_ && batch_mode() && manifest_.get(o.name) == st.key &&
        fs::is_regular_file(o.path, ec)) {
      st.status = Status::UpToDate;
    } else {
      ++to_build;
      if (!o.path.empty()) dirs.insert(fs::path(o.path).parent_path().string());
      if (int rc = check_target(o); rc != 0) return rc;
    }
  }
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
  unsigned jobs = req_.jobs > 0 ? static_cast<unsigned>(req_.jobs)
                                : std::max(1u, std::thread::hardware_concurrency());
  std::size_t tasks = 0;
  for (InputState& in : ins_) {
    in.role_diags.resize(roles_.size());
    in.role_notes.resize(roles_.size());
    bool stale = std::any_of(in.outputs.begin(), in.outputs.end(),
                             [&](std::size_t j) { return outs_[j].status == Status::Pending; });
    if (!stale) {
      in.complete = true;
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
  pool_ = std::make_unique<Pool>(jobs);
  for (std::size_t i = 0; i < ins_.size(); ++i) {
    if (!ins_[i].complete) pool_->push([this, i] { parse_task(i); });
  }
  pool_->wait();
  {
    std::lock_guard lock(print_mu_);
    flush_ready();
  }

  // 5. Record what was built, print the summary, choose the exit code.
  int rc = 0;
  BuildSummary sum;
  sum.seconds = progress_->seconds();
  for (const InputState& in : ins_) {
    bool failed = false, built = false;
    for (std::size_t j : in.outputs) {
      const OutputState& st = outs_[j];
      const batch::PlannedOutput& o = plan_.outputs[j];
      switch (st.status) {
        case Status::Built:
          ++sum.built;
          built = true;
          if (batch_mode()) manifest_.set(o.name, st.key);
          break;
        case Status::UpToDate:
          ++sum.up_to_date;
          break;
        case Status::Failed:
          ++sum.failed_outputs;
          failed = true;
          if (batch_mode()) manifest_.erase(o.name);
          break;
        case Status::Pending:
        case Status::NotBuilt:
          ++sum.not_built;
          break;
      }
    }
    if (built) ++sum.inputs_built;
    if (failed) sum.failed_inputs.push_back(in.path);
    rc = worst(rc, in.code);
  }
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
  check_streams();  // the summary is output too
  if (int sig = batch::interrupt_signal(); sig != 0) return signal_exit_code(sig);
  if (io_failed_.load()) rc = worst(rc, code(diag::ExitCode::IoError));
  return rc;
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
    try {
      doc = parse_input(in.path, in.bytes ? *in.bytes : std::string(), req_.from, ctx_.sources,
                        diags);
    } catch (const std::exception& e) {
      internal_error(diags, in.path, e);
      crashed = true;
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
      in.roles_left = stale_roles.size();
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
  std::vector<Status> result(mine.size(), Status::NotBuilt);
  std::vector<std::optional<std::string>> stdout_bytes(mine.size());
  int c = 0;
  if (!stopping()) {
    model::Document doc = *in.doc;
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
      for (std::size_t k = 0; k < mine.size(); ++k) {
        const batch::PlannedOutput& o = plan_.outputs[mine[k]];
        if (!bytes[k]) {
          result[k] = Status::Failed;
          c = worst(c, code(diag::ExitCode::RenderError));
          continue;
        }
        if (batch::interrupt_signal() != 0) continue;  // NotBuilt: never start a write now
        if (o.path.empty()) {
          stdout_bytes[k] = std::move(bytes[k]);
          result[k] = Status::Built;
          continue;
        }
        std::string err;
        if (batch::write_output_atomic(o.path, *bytes[k], err)) {
          result[k] = Status::Built;
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
  bool complete = false;
  {
    std::lock_guard lock(state_mu_);
    for (std::size_t k = 0; k < mine.size(); ++k) {
      outs_[mine[k]].status = result[k];
      outs_[mine[k]].stdout_bytes = std::move(stdout_bytes[k]);
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
    std::string text = diag::render_all(in->read_diags, ctx_.sources, ctx_.diag_format);
    for (std::size_t r = 0; r < in->role_diags.size(); ++r) {
      if (!in->role_notes[r].empty() && ins_.size() > 1) {
        text += input_display_name(in->path) + ":\n";
      }
      text += in->role_notes[r];
      text += diag::render_all(in->role_diags[r], ctx_.sources, ctx_.diag_format);
    }
    if (progress_->plain_lines()) {
      for (std::size_t j : in->outputs) {
        const OutputState& st = outs_[j];
        if (st.status == Status::Built) {
          text += progress_->counter() + "wrote " + plan_.outputs[j].path + "\n";
        } else if (st.status == Status::Failed) {
          text += progress_->counter() + "failed " + plan_.outputs[j].path + "\n";
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
