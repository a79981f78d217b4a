#include "cli/batch.hpp"

#include <elf.h>
#include <link.h>
#include <sys/stat.h>

#include <csignal>
#include <cstring>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include "base/files.hpp"
#include "base/sha256.hpp"
#include "base/watch.hpp"
#include "cli/batch_io.hpp"
#include "cli/batch_manifest.hpp"
#include "cli/batch_plan.hpp"
#include "diag/limits.hpp"
#include "reader/reader.hpp"
#include "transform/anonymize.hpp"
#include "version.hpp"
#include "writer/pdf/fonts.hpp"

namespace tailor::cli {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// ---------------------------------------------------------------------------------------------
// A small work queue. Tasks may push more tasks; wait() returns when all have run.

class Pool {
 public:
  explicit Pool(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { loop(); });
  }
  ~Pool() { wait(); }

  /// Children go to the front, so an input's roles finish before the next input starts
  /// and diagnostics can be printed early, in order.
  void push(std::function<void()> task, bool front = false) {
    {
      std::lock_guard lock(mu_);
      if (front) {
        queue_.push_front(std::move(task));
      } else {
        queue_.push_back(std::move(task));
      }
    }
    cv_.notify_one();
  }

  void wait() {
    {
      std::unique_lock lock(mu_);
      done_cv_.wait(lock, [this] { return queue_.empty() && busy_ == 0; });
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : workers_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  void loop() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;
        task = std::move(queue_.front());
        queue_.pop_front();
        ++busy_;
      }
      task();
      {
        std::lock_guard lock(mu_);
        --busy_;
        if (queue_.empty() && busy_ == 0) done_cv_.notify_all();
      }
    }
  }

  std::mutex mu_;
  std::condition_variable cv_, done_cv_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> workers_;
  int busy_ = 0;
  bool stop_ = false;
};

// ---------------------------------------------------------------------------------------------
// Progress: a redrawn bar on a terminal, plain lines otherwise.

class Progress {
 public:
  Progress(std::ostream& err, bool terminal, bool enabled, std::size_t total)
      : err_(err), terminal_(terminal), enabled_(enabled), total_(total), start_(Clock::now()) {}

  /// An output finished (any thread; caller holds the print lock).
  void finished(bool ok) {
    ++done_;
    if (!ok) ++failed_;
    if (ok) ++built_;
    if (terminal_ && enabled_) draw(false);
  }

  /// A line for the log (caller holds the print lock). On a terminal the bar is cleared
  /// first and redrawn after, so messages never mix with it.
  void print(const std::string& text) {
    if (!enabled_ && text.empty()) return;
    if (terminal_ && drawn_) err_ << "\r\x1b[K";
    err_ << text;
    drawn_ = false;
    if (terminal_ && enabled_) draw(true);
  }

  /// "[k/N] " counter for plain lines, counted in print order.
  std::string counter() {
    ++printed_;
    return "[" + std::to_string(printed_) + "/" + std::to_string(total_) + "] ";
  }

  void clear() {
    if (terminal_ && drawn_) err_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
  }

  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  bool plain_lines() const { return enabled_ && !terminal_; }

 private:
  void draw(bool force) {
    auto now = Clock::now();
    if (!force && drawn_ && done_ < total_ && now - last_draw_ < std::chrono::milliseconds(50)) {
      return;
    }
    last_draw_ = now;
    constexpr std::size_t kWidth = 30;
    std::size_t fill = total_ == 0 ? kWidth : kWidth * done_ / total_;
    double secs = seconds();
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.1f/s", secs > 0 ? static_cast<double>(built_) / secs : 0.0);
    err_ << "\r\x1b[K[" << std::string(fill, '#') << std::string(kWidth - fill, '.') << "] "
         << done_ << "/" << total_;
    if (failed_ > 0) err_ << "  " << failed_ << " failed";
    err_ << "  " << rate << std::flush;
    drawn_ = true;
  }

  std::ostream& err_;
  bool terminal_, enabled_;
  std::size_t total_, done_ = 0, failed_ = 0, built_ = 0, printed_ = 0;
  bool drawn_ = false;
  Clock::time_point start_, last_draw_{};
};

// ---------------------------------------------------------------------------------------------
// One build pass.

enum class Status { Pending, UpToDate, Built, Failed, NotBuilt };

struct OutputState {
  Status status = Status::Pending;
  std::string key;  ///< Manifest hash of everything that produces this output.
  std::optional<std::string> stdout_bytes;
};

struct InputState {
  std::string path;
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
  std::string err;
  auto bytes = base::read_file(path, err);
  return bytes ? base::sha256_hex(*bytes) : "missing:" + err;
}

int worst(int a, int b) { return std::max(a, b); }

/// Identifies the running Tailor beyond its version number, so a rebuilt binary invalidates
/// the manifest: the GNU build-id of the executable (a hash the linker computes over the
/// code), or its size and modification time when it has none.
const std::string& tailor_identity() {
  static const std::string id = [] {
    std::string out;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* data) -> int {
          auto* result = static_cast<std::string*>(data);
          for (int k = 0; k < info->dlpi_phnum; ++k) {
            const ElfW(Phdr)& ph = info->dlpi_phdr[k];
            if (ph.p_type != PT_NOTE) continue;
            const auto* p = reinterpret_cast<const unsigned char*>(info->dlpi_addr + ph.p_vaddr);
            const unsigned char* end = p + ph.p_memsz;
            while (p + sizeof(ElfW(Nhdr)) <= end) {
              const auto* nh = reinterpret_cast<const ElfW(Nhdr)*>(p);
              const unsigned char* name = p + sizeof(ElfW(Nhdr));
              const unsigned char* desc = name + ((nh->n_namesz + 3) & ~3u);
              if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
                  std::memcmp(name, "GNU", 4) == 0 && desc + nh->n_descsz <= end) {
                static constexpr char kHex[] = "0123456789abcdef";
                for (unsigned i = 0; i < nh->n_descsz; ++i) {
                  *result += kHex[desc[i] >> 4];
                  *result += kHex[desc[i] & 15];
                }
                return 1;
              }
              p = desc + ((nh->n_descsz + 3) & ~3u);
            }
          }
          return 1;  // only the first object: the executable itself
        },
        &out);
    if (out.empty()) {
      struct stat st {};
      if (::stat("/proc/self/exe", &st) == 0) {
        out = "size " + std::to_string(st.st_size) + " mtime " + std::to_string(st.st_mtime);
      }
    }
    return out;
  }();
  return id;
}

/// A bug (an exception from a stage) reported against the input, so the batch goes on.
void internal_error(diag::Diagnostics& diags, const std::string& path, const std::exception& e) {
  diag::Diagnostic d;
  d.path = path;
  d.message = std::string("internal error: ") + e.what();
  d.hints.push_back("this is a bug in Tailor; please report it with this input");
  diags.add(std::move(d));
}

/// 130 after SIGINT, 143 after SIGTERM (docs/exit-codes.md).
int signal_exit_code(int sig) {
  return code(sig == SIGTERM ? diag::ExitCode::Terminated : diag::ExitCode::Interrupted);
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
    auto bytes = base::read_file(in.path, err, base::kMaxInputBytes, &too_large);
    if (bytes) {
      // Only a batch (--out-dir) keeps a manifest; a single -o build needs no hash.
      in.digest = batch_mode() ? base::sha256_hex(*bytes) : std::string("read");
      if (req_.anonymize) {
        in.ref = req_.ref.empty() ? transform::candidate_reference(*bytes)
                                  : expand_ref(req_.ref, in.path, *bytes);
      }
    } else {
      diag::report_read_failure(in.path, "cannot read file", err, too_large, ctx_.sources,
                                in.read_diags);
      in.code = code(too_large ? diag::ExitCode::InputError : diag::ExitCode::IoError);
    }
    spec.inputs.push_back({in.path, in.ref});
    spec.protected_paths.push_back(in.path);
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
  progress_ = std::make_unique<Progress>(ctx_.err, terminal_, batch_mode(), to_build);
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
    sum.fail_fast_stop = stop_.load() && batch::interrupt_signal() == 0;
    sum.signal = batch::interrupt_signal();
    progress_->clear();
    ctx_.err << format_summary(sum) << "\n";
  }
  if (int sig = batch::interrupt_signal(); sig != 0) return signal_exit_code(sig);
  return rc;
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
      doc = reader::read_document(in.path, ctx_.sources, diags);
    } catch (const std::exception& e) {
      internal_error(diags, in.path, e);
      crashed = true;
    }
    std::lock_guard lock(state_mu_);
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
      if (!in->role_notes[r].empty() && ins_.size() > 1) text += in->path + ":\n";
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
      if (outs_[j].stdout_bytes) ctx_.out << *outs_[j].stdout_bytes;
    }
  }
}

}  // namespace

std::string format_summary(const BuildSummary& s) {
  char time[64];
  double rate = s.seconds > 0 ? static_cast<double>(s.built) / s.seconds : 0;
  std::snprintf(time, sizeof time, "%.2f s (%.0f/s)", s.seconds, rate);
  auto plural = [](std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  std::string out;
  if (s.built > 0) {
    out = "built " + plural(s.built, "output") + " from " + plural(s.inputs_built, "input") +
          " in " + time;
    if (s.up_to_date > 0) out += "; " + std::to_string(s.up_to_date) + " up to date";
  } else if (s.up_to_date > 0) {
    out = "nothing to build: " + plural(s.up_to_date, "output") + " up to date";
  } else {
    out = "built nothing";
  }
  if (!s.failed_inputs.empty()) {
    out += "; " + plural(s.failed_inputs.size(), "input") + " failed: ";
    for (std::size_t k = 0; k < s.failed_inputs.size() && k < 5; ++k) {
      out += (k ? ", " : "") + s.failed_inputs[k];
    }
    if (s.failed_inputs.size() > 5)
      out += ", and " + std::to_string(s.failed_inputs.size() - 5) + " more";
  }
  if (s.signal != 0) {
    out += std::string("; interrupted by ") + (s.signal == SIGINT ? "SIGINT" : "SIGTERM") + ", " +
           plural(s.not_built, "output") + " not built";
  } else if (s.fail_fast_stop) {
    out += "; stopped at the first failure (--fail-fast), " + plural(s.not_built, "output") +
           " not built";
  }
  return out;
}

std::vector<std::string> style_dependencies(const style::Style& style, bool with_fonts) {
  std::vector<std::string> files;
  auto add = [&](const std::string& f) {
    if (!f.empty() && std::find(files.begin(), files.end(), f) == files.end()) files.push_back(f);
  };
  add(style.source_path);
  add(style.logo);
  if (!with_fonts) return files;
  for (const std::string& family : {style.body_font, style.heading_font}) {
    for (bool bold : {false, true}) {
      for (bool italic : {false, true}) {
        add(writer::pdf::match_font(writer::pdf::FaceKey{family, bold, italic}).file);
      }
    }
  }
  return files;
}

std::string request_fingerprint(const BuildRequest& req) {
  std::ostringstream s;
  s << "style=" << req.style << "\nlang=" << req.lang << "\npaper=" << req.paper
    << "\nmax-pages=" << req.max_pages << "\nrules=" << req.rules_file << "\njob=" << req.job_file
    << "\nmax-skills=" << req.max_skills << "\nmax-bullets=" << req.max_bullets
    << "\nkeep-order=" << req.keep_order << "\nanonymize=" << req.anonymize << "\nref=" << req.ref;
  // Dates in PDF and DOCX metadata follow SOURCE_DATE_EPOCH.
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  s << "\nsource-date-epoch=" << (epoch ? epoch : "");
  return s.str();
}

namespace {
int run_unique(Context& ctx, const BuildRequest& req, const LoadEnvFn& load_env, bool terminal);
}  // namespace

int run_build(Context& ctx, const BuildRequest& req, const LoadEnvFn& load_env, bool terminal) {
  if (req.jobs < 0) return usage_error(ctx, "--jobs must be 1 or more (0: one per core)");
  if (req.if_changed && req.out_dir.empty()) {
    return usage_error(ctx, "--if-changed needs --out-dir (the manifest lives there)");
  }
  if (req.watch && req.out_dir.empty() && req.output.empty()) {
    return usage_error(ctx, "--watch needs -o or --out-dir");
  }
  if (!req.ref.empty() && !req.anonymize) return usage_error(ctx, "--ref needs --anonymize");
  if (req.anonymize && req.inputs.size() > 1 && !req.ref.empty() &&
      req.ref.find("{hash}") == std::string::npos && req.ref.find("{stem}") == std::string::npos) {
    return usage_error(ctx, "--ref '" + req.ref +
                                "' would give every candidate the same reference; add {hash} or "
                                "{stem}, or leave --ref out");
  }

  // The same file named twice (a shell glob plus an explicit name) is built once.
  BuildRequest unique = req;
  unique.inputs.clear();
  std::set<std::string> seen;
  std::set<std::pair<dev_t, ino_t>> seen_ids;
  for (const std::string& in : req.inputs) {
    std::error_code ec;
    std::string key = fs::absolute(in, ec).lexically_normal().string();
    struct stat st {};
    bool has_id = ::stat(in.c_str(), &st) == 0;
    if (!seen.insert(key).second || (has_id && !seen_ids.insert({st.st_dev, st.st_ino}).second)) {
      ctx.err << "tailor: warning: " << in << " is named twice; building it once\n";
      continue;
    }
    unique.inputs.push_back(in);
  }
  return run_unique(ctx, unique, load_env, terminal);
}

namespace {

int run_unique(Context& ctx, const BuildRequest& req, const LoadEnvFn& load_env, bool terminal) {
  batch::InterruptGuard guard;
  batch::Manifest manifest;
  if (!req.out_dir.empty()) {
    std::string err;
    if (auto text = base::read_file((fs::path(req.out_dir) / batch::kManifestName).string(), err)) {
      manifest = batch::Manifest::parse(*text);
    }
  }
  int rc = 0;
  std::shared_ptr<const BuildEnv> env = load_env(rc);
  if (!env) return rc;
  rc = Build(ctx, req, *env, manifest, req.if_changed, terminal).run();
  if (!req.watch || batch::interrupt_signal() != 0 || rc == code(diag::ExitCode::UsageError)) {
    return rc;
  }

  // --watch: rebuild what changed on every save until interrupted.
  std::vector<std::string> files = req.inputs;
  auto add_deps = [&](const BuildEnv& e) {
    for (const std::string& d : e.dependencies) files.push_back(d);
    for (const BuildEnv::Role& role : e.roles) {
      files.insert(files.end(), role.files.begin(), role.files.end());
    }
  };
  add_deps(*env);
  std::set<std::string> inputs(req.inputs.begin(), req.inputs.end());
  base::FileWatcher watcher;
  std::string err;
  if (!watcher.start(files, err)) {
    ctx.err << "tailor: error: " << err << "\n";
    return code(diag::ExitCode::IoError);
  }
  ctx.err << "watching " << files.size() << (files.size() == 1 ? " file" : " files")
          << " for changes; press Ctrl-C to stop\n"
          << std::flush;
  for (;;) {
    std::set<std::string> changed;
    auto ev = watcher.wait(batch::interrupt_wake_fd(), 100, changed, err);
    if (ev == base::FileWatcher::Event::Error) {
      ctx.err << "tailor: error: " << err << "\n";
      return code(diag::ExitCode::IoError);
    }
    if (batch::interrupt_signal() != 0 || ev == base::FileWatcher::Event::Woken) break;
    std::string list;
    bool dependency_changed = false;
    for (const std::string& f : changed) {
      list += (list.empty() ? "" : ", ") + f;
      dependency_changed = dependency_changed || !inputs.count(f);
    }
    ctx.err << "changed: " << list << "\n";
    if (dependency_changed) {
      int load_rc = 0;
      auto fresh = load_env(load_rc);
      if (!fresh) {
        ctx.err << "tailor: keeping the previous settings until this is fixed\n" << std::flush;
        continue;
      }
      env = fresh;
    }
    // Always incremental: only outputs whose inputs changed are rewritten.
    rc = Build(ctx, req, *env, manifest, true, terminal).run();
    ctx.err << std::flush;
    if (batch::interrupt_signal() != 0) break;
  }
  return signal_exit_code(batch::interrupt_signal() != 0 ? batch::interrupt_signal() : SIGINT);
}

}  // namespace

}  // namespace tailor::cli
