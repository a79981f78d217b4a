#!/usr/bin/env bash
# The real binary tailors the samples to roles: headlines follow the evidence, Terraform and
# Django swap places between infrastructure and backend, --explain goes to stderr, unknown roles
# exit 1 with a suggestion.
set -u
tailor=$1 src=$2 scratch=$3
mkdir -p "$scratch"
fail=0
die() { echo "FAIL: $*"; fail=1; }
cd "$src" || exit 1

line2() { sed -n 2p "$1"; }
first() { grep -bo "$2" "$1" | head -1 | cut -d: -f1; }

for role in infrastructure backend-engineer; do
  for s in backend-infra systems aysel; do
    "$tailor" build "samples/$s.resume" --role "$role" -o "$scratch/$s-$role.txt" \
      2> "$scratch/$s-$role.err" || die "$s/$role: exit $?"
  done
done
[ "$(line2 "$scratch/backend-infra-infrastructure.txt")" = "Senior Backend & Infrastructure Engineer" ] ||
  die "backend-infra/infrastructure headline: $(line2 "$scratch/backend-infra-infrastructure.txt")"
[ "$(line2 "$scratch/backend-infra-backend-engineer.txt")" = "Senior Backend Engineer" ] ||
  die "backend-infra/backend headline"
[ "$(line2 "$scratch/systems-infrastructure.txt")" = "Systems Engineer, Linux performance and networking" ] ||
  die "systems/infrastructure headline changed: $(line2 "$scratch/systems-infrastructure.txt")"
t=$(first "$scratch/backend-infra-infrastructure.txt" Terraform)
d=$(first "$scratch/backend-infra-infrastructure.txt" Django)
[ "$t" -lt "$d" ] || die "infrastructure: Terraform ($t) should come before Django ($d)"
t=$(first "$scratch/backend-infra-backend-engineer.txt" Terraform)
d=$(first "$scratch/backend-infra-backend-engineer.txt" Django)
[ "$d" -lt "$t" ] || die "backend: Django ($d) should come before Terraform ($t)"
! grep -qw "Infrastructure" "$scratch/systems-infrastructure.txt" ||
  die "systems/infrastructure output mentions Infrastructure, which the resume lacks"

"$tailor" build samples/systems.resume --role infrastructure --explain > "$scratch/out.txt" 2> "$scratch/explain.txt"
grep -q "no evidence for Terraform" "$scratch/explain.txt" || die "--explain does not name the missing evidence"
! grep -q "^tailor: role" "$scratch/out.txt" || die "--explain leaked into stdout"

"$tailor" build samples/systems.resume --role infrastucture > /dev/null 2> "$scratch/unknown.err"
rc=$?
[ $rc -eq 1 ] || die "unknown role: exit $rc, want 1"
grep -q 'did you mean "Infrastructure Engineer"' "$scratch/unknown.err" || die "no suggestion for a misspelt role"

n=$("$tailor" roles | wc -l)
[ "$n" -eq 8 ] || die "tailor roles lists $n profiles, want 8"
[ $fail -eq 0 ] && echo "ok: tailored samples, explain, unknown role, roles list"
exit $fail
