#include "cli/batch_pass_plan.hpp"

#include <algorithm>
#include <filesystem>

#include "base/files.hpp"
#include "base/regular_files.hpp"
#include "base/sha256.hpp"
#include "cli/batch_io.hpp"
#include "cli/batch_pool.hpp"
#include "cli/batch_prune.hpp"
#include "cli/build_id.hpp"
#include "cli/input_files.hpp"
#include "data/files.hpp"
#include "diag/limits.hpp"
#include "transform/reference.hpp"
#include "version.hpp"

namespace tailor::cli::batch {

namespace fs = std::filesystem;

namespace {

std::string file_digest(const std::string& path) {
  if (std::optional<std::string_view> builtin = data::builtin_text(path)) {
    return base::sha256_hex(*builtin);
  }
  std::string err;
  auto bytes = base::read_file(path, err);
  return bytes ? base::sha256_hex(*bytes) : "missing:" + err;
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

/// Parses every input on a pool of workers before planning, for its stable reference.
void parse_all(Context& ctx, const BuildRequest& req, std::vector<InputState>& ins, unsigned jobs) {
  Pool pool(
      static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(ins.size(), 1))));
  for (std::size_t i = 0; i < ins.size(); ++i) {
    if (!ins[i].bytes) continue;
    pool.push([&ctx, &req, &ins, i] {
      InputState& in = ins[i];
      diag::Diagnostics diags;
      try {
        in.doc = parse_input(in.path, *in.bytes, req.from, ctx.sources, diags);
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

/// 0 when output o may be written, else the exit code after saying why.
int check_target(Context& ctx, const BuildRequest& req, const BuildEnv& env,
                 const Manifest& manifest, const PlannedOutput& o) {
  if (o.path.empty()) return 0;  // standard output
  std::string err;
  if (!base::check_output_target(o.path, err)) {
    ctx.err << o.path << ": error: " << err << "\n"
            << "hint: remove it, or choose another output name\n";
    return code(diag::ExitCode::IoError);
  }
  // A .resume or .json in --out-dir may be a hand-written master: replace it only when the
  // manifest says Tailor wrote it, or with --force.
  std::string format = env.formats[o.format]->name;
  std::error_code ec;
  if (!req.out_dir.empty() && !req.force && (format == "resume" || format == "json") &&
      fs::is_regular_file(o.path, ec) && !manifest.get(o.name)) {
    ctx.err << o.path << ": error: refusing to replace " << o.name
            << ": Tailor did not write it (it is not in " << kManifestName << "), and a ."
            << (format == "json" ? "json" : "resume") << " file may be a hand-written master\n"
            << "hint: --force replaces it; or write to another --out-dir or --name\n";
    return code(diag::ExitCode::IoError);
  }
  return 0;
}

}  // namespace

void internal_error(diag::Diagnostics& diags, const std::string& path, const std::exception& e) {
  diag::Diagnostic d;
  d.path = path;
  d.message = std::string("internal error: ") + e.what();
  d.hints.push_back("this is a bug in Tailor; please report it with this input");
  diags.add(std::move(d));
}

std::string log_name(const BuildRequest& req, const InputState& in) {
  return req.anonymize ? in.ref : input_display_name(in.path);
}

int plan_pass(Context& ctx, const BuildRequest& req, const BuildEnv& env, const Manifest& manifest,
              bool if_changed, unsigned jobs, PassPlan& out) {
  const bool batch_mode = !req.out_dir.empty();
  std::vector<std::string>& roles = out.roles;
  std::vector<InputState>& ins = out.ins;
  roles.clear();
  for (const BuildEnv::Role& r : env.roles) roles.push_back(r.name);
  if (roles.empty()) roles.push_back("");

  // 1. Read every input once, for its hash and its candidate reference.
  PlanSpec spec;
  ins.resize(req.inputs.size());
  for (std::size_t i = 0; i < req.inputs.size(); ++i) {
    InputState& in = ins[i];
    in.path = req.inputs[i];
    std::string err;
    bool too_large = false;
    // The one read of this input: a pipe cannot be read twice, so the parse uses these bytes.
    auto bytes = read_input(in.path, err, too_large, &interrupt_flag());
    if (bytes) {
      // Only a batch (--out-dir) keeps a manifest; a single -o build needs no hash.
      in.digest = batch_mode ? base::sha256_hex(*bytes) : std::string("read");
    } else {
      diag::report_read_failure(input_display_name(in.path), "cannot read file", err, too_large,
                                ctx.sources, in.read_diags);
      in.code = code(too_large ? diag::ExitCode::InputError : diag::ExitCode::IoError);
    }
    in.bytes = std::move(bytes);
    in.source = source_id(in.path);
  }
  // References come from the resume (ref:, e-mail, name), never its bytes: with --anonymize
  // (for {ref}), or a key file or summary to record them, every input is parsed first.
  bool want_refs = req.anonymize || !req.key_file.empty() || !req.summary_file.empty();
  if (want_refs) parse_all(ctx, req, ins, jobs);
  for (InputState& in : ins) {
    if (want_refs) {
      transform::CandidateReference ref =
          transform::candidate_reference(in.doc ? &*in.doc : nullptr, in.path);
      in.ref = req.ref.empty() ? ref.text : expand_ref(req.ref, in.path, ref.text);
    }
    spec.inputs.push_back({in.path, in.ref});
    if (!is_stdin(in.path)) spec.protected_paths.push_back(in.path);
  }

  // 2. Plan every output.
  if (!env.roles.empty()) spec.roles = roles;
  for (const writer::WriterInfo* w : env.formats) {
    std::string ext = w->extensions.empty() ? "" : w->extensions.front();
    if (!ext.empty() && ext.front() == '.') ext.erase(0, 1);
    spec.formats.push_back({w->name, ext});
  }
  spec.out_dir = req.out_dir;
  spec.output = req.output;
  spec.name_template = req.name_template;
  spec.style = req.style;
  spec.anonymize = req.anonymize;
  for (const std::string& d : env.dependencies) spec.protected_paths.push_back(d);
  std::vector<std::string> role_digest(roles.size());
  for (std::size_t r = 0; r < roles.size(); ++r) {
    base::Sha256 h;
    if (r < env.roles.size()) {
      for (const std::string& f : env.roles[r].files) {
        spec.protected_paths.push_back(f);
        if (batch_mode) h.field(f).field(file_digest(f));
      }
    }
    role_digest[r] = h.hex();
  }
  std::string error;
  auto plan = make_plan(spec, error);
  if (!plan) return usage_error(ctx, error);
  out.plan = std::move(*plan);
  out.outs.resize(out.plan.outputs.size());

  // 3. Hash what produces each output; with --if-changed skip those the manifest matches.
  // The fonts among the dependencies are megabytes, so this is skipped outside a batch.
  std::string common_hex;
  if (batch_mode) {
    base::Sha256 common;
    common.field("tailor build 1").field(kVersion).field(tailor_identity()).field(env.fingerprint);
    for (const std::string& d : env.dependencies) common.field(d).field(file_digest(d));
    common_hex = common.hex();
  }
  for (std::size_t j = 0; j < out.plan.outputs.size(); ++j) {
    const PlannedOutput& o = out.plan.outputs[j];
    InputState& in = ins[o.input];
    in.outputs.push_back(j);
    OutputState& st = out.outs[j];
    if (in.digest.empty()) {
      st.status = Status::Failed;
      ++out.to_build;
      continue;
    }
    st.key = base::Sha256()
                 .field(common_hex)
                 .field(in.digest)
                 .field(roles[o.role])
                 .field(role_digest[o.role])
                 .field(env.formats[o.format]->name)
                 .hex();
    std::error_code ec;
    std::optional<ManifestEntry> recorded = batch_mode ? manifest.get(o.name) : std::nullopt;
    // Up to date: the same inputs made it, and the file still holds the bytes they made (an
    // edited or damaged output is rebuilt).
    if (if_changed && recorded && recorded->key == st.key && fs::is_regular_file(o.path, ec) &&
        file_digest(o.path) == recorded->output) {
      st.status = Status::UpToDate;
      st.sha = recorded->output;
    } else {
      ++out.to_build;
      if (!o.path.empty()) out.dirs.insert(fs::path(o.path).parent_path().string());
      if (int rc = check_target(ctx, req, env, manifest, o); rc != 0) return rc;
    }
  }
  if (req.prune) {
    out.prune = prune_candidates(out.plan, manifest, req.shard_index, req.shard_count);
  }
  return 0;
}

int print_plan(Context& ctx, const BuildRequest& req, const PassPlan& pass) {
  std::string text;
  int rc = 0;
  for (const InputState& in : pass.ins) {
    std::string from = log_name(req, in);
    for (std::size_t j : in.outputs) {
      const PlannedOutput& o = pass.plan.outputs[j];
      std::string to = o.path.empty() ? "standard output" : o.path;
      switch (pass.outs[j].status) {
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
    if (!in.read_diags.empty() && !in.doc) ctx.err << ctx.render(in.read_diags);
    rc = worst(rc, in.code);
  }
  for (const std::string& name : pass.prune) {
    text += "prune  " + (fs::path(req.out_dir) / name).string() + "\n";
  }
  print_text(ctx, text);
  return rc;
}

}  // namespace tailor::cli::batch
