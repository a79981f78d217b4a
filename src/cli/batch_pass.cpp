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
#include "base/sha256.hpp"
#include "cli/batch_commit.hpp"
#include "cli/batch_io.hpp"
#include "cli/batch_pass_plan.hpp"
#include "cli/batch_plan.hpp"
#include "cli/batch_pool.hpp"
#include "cli/batch_progress.hpp"
#include "cli/batch_prune.hpp"
#include "cli/batch_report.hpp"
#include "cli/batch_summary.hpp"
#include "cli/input_files.hpp"
#include "transform/anonymize.hpp"

namespace tailor::cli::batch {

namespace fs = std::filesystem;

namespace {

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
  unsigned jobs = req_.jobs > 0 ? static_cast<unsigned>(req_.jobs)
                                : std::max(1u, std::thread::hardware_concurrency());
  // 1-3. Read, plan, and find what is up to date (batch_pass_plan.hpp).
  PassPlan pass;
  if (int rc = plan_pass(ctx_, req_, env_, manifest_, if_changed_, jobs, pass); rc != 0) {
    return rc;
  }
  if (req_.dry_run) return print_plan(ctx_, req_, pass);
  roles_ = std::move(pass.roles);
  ins_ = std::move(pass.ins);
  outs_ = std::move(pass.outs);
  plan_ = std::move(pass.plan);
  const std::size_t to_build = pass.to_build;
  const std::set<std::string>& dirs = pass.dirs;
  const std::vector<std::string>& prune = pass.prune;
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
                  log_name(req_, *in) + ")\n";
        } else if (st.status == Status::Failed) {
          text += progress_->counter() + "failed " + plan_.outputs[j].path + " (from " +
                  log_name(req_, *in) + ")\n";
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
