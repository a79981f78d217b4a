#!/usr/bin/env bash
# docs/ci.md cannot drift from the command line: the build command of each CI example (GitHub
# Actions and GitLab CI) is extracted from the page and run in a scratch resume repository,
# twice: the second run must touch nothing. Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR.
set -uo pipefail
T=$1 SRC=$2 W=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$W" && mkdir -p "$W" && cd "$W" || exit 1

# Split the page's ```yaml blocks into files.
awk '/^```yaml$/ {n++; on=1; next} /^```$/ {on=0} on {print > ("block" n ".yml")}' "$SRC/docs/ci.md"
[[ -f block1.yml && -f block2.yml ]] || fail "expected two yaml blocks in docs/ci.md"
if /usr/bin/python3 -P -c 'import yaml' 2>/dev/null; then
  for b in block*.yml; do
    /usr/bin/python3 -P -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$b" \
      || fail "$b is not valid YAML"
  done
  echo "ok: both examples are valid YAML"
else
  echo "note: python3-yaml is not installed; YAML syntax not checked"
fi

for b in block1.yml block2.yml; do
  # The command: the line that runs tailor build, and the lines indented under it.
  cmd=$(awk '
    /\/opt\/tailor\/build\/src\/tailor build/ && !found { found=1; match($0, /^ */); ind=RLENGTH }
    found { match($0, /^ */); if (RLENGTH < ind || $0 ~ /^ *$/ || $0 ~ /^ *- /) exit; print }' "$b" \
    | sed -e 's/\\$//' | tr '\n' ' ')
  roles=$(sed -nE 's/^ *ROLES: *(.*[^ ]) *$/\1/p' "$b")
  [[ -n $cmd && -n $roles ]] || fail "no build command or ROLES in $b"
  cmd=${cmd//\/opt\/tailor\/build\/src\/tailor/\"\$T\"}
  echo "$b: $cmd"

  rm -rf repo && mkdir -p repo/resumes && cp "$SRC"/samples/*.resume repo/resumes/
  n_in=$(ls repo/resumes | wc -l)
  n_roles=$(tr ',' '\n' <<< "$roles" | wc -l)
  run() { (cd repo && T=$T ROLES=$roles bash -c "$cmd"'; exit ${status:-$?}') 2> "$1"; }
  run first.err || { cat first.err; fail "$b: the documented build failed"; }
  n=$(find repo/out -type f ! -name .tailor-manifest | wc -l)
  [[ $n == $(( n_in * n_roles * 2 )) ]] || fail "$b: $n outputs for $n_in resumes x $n_roles roles x 2 formats"
  [[ -f repo/out/.tailor-manifest ]] || fail "$b: no manifest"
  before=$(find repo/out -type f -printf '%P %i %T@ %s\n' | sort)
  run second.err || fail "$b: second run failed"
  grep -q "nothing to build: $n outputs up to date" second.err || fail "$b: $(tail -1 second.err)"
  [[ $before == "$(find repo/out -type f -printf '%P %i %T@ %s\n' | sort)" ]] || fail "$b: second run touched files"
  echo "ok: $b builds $n outputs, then touches nothing"
done
