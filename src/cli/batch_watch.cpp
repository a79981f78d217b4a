#include "cli/batch_watch.hpp"

#include <csignal>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "base/watch.hpp"
#include "cli/batch_io.hpp"
#include "cli/batch_pass.hpp"
#include "data/files.hpp"

namespace tailor::cli::batch {

int watch_and_rebuild(Context& ctx, const BuildRequest& req, const LoadEnvFn& load_env,
                      std::shared_ptr<const BuildEnv> env, Manifest& manifest, bool terminal) {
  std::vector<std::string> files = req.inputs;
  auto add_deps = [&](const BuildEnv& e) {
    for (const std::string& d : e.dependencies) files.push_back(d);
    for (const BuildEnv::Role& role : e.roles) {
      files.insert(files.end(), role.files.begin(), role.files.end());
    }
  };
  add_deps(*env);
  // Built-in data lives in the binary: nothing to watch.
  std::erase_if(files, [](const std::string& f) { return data::is_builtin(f); });
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
    auto ev = watcher.wait(interrupt_wake_fd(), 100, changed, err);
    if (ev == base::FileWatcher::Event::Error) {
      ctx.err << "tailor: error: " << err << "\n";
      return code(diag::ExitCode::IoError);
    }
    if (interrupt_signal() != 0 || ev == base::FileWatcher::Event::Woken) break;
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
    run_pass(ctx, req, *env, manifest, true, terminal);
    ctx.err << std::flush;
    if (interrupt_signal() != 0) break;
  }
  return signal_exit_code(interrupt_signal() != 0 ? interrupt_signal() : SIGINT);
}

}  // namespace tailor::cli::batch
