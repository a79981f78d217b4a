#!/usr/bin/env bash
# Peak RSS and time of `tailor check` and of a PDF build for 1 and 10 MiB inputs of several
# shapes (docs/limits.md, "Memory: linear, with a small constant").
# Usage: bench/memory-shapes.sh [TAILOR] [SCRATCH]   (default: build/src/tailor, a temp dir)
set -euo pipefail
tailor=$(realpath "${1:-build/src/tailor}")
dir=${2:-$(mktemp -d)}
mkdir -p "$dir/out"
cd "$dir"
python3 - <<'PY'
import json, random
MiB = 1 << 20
WORDS = ['service', 'latency', 'Kubernetes', 'migrated', 'the', 'and', 'reduced', 'pipeline',
         'Go', 'cluster']

def cut(s, n):  # whole lines, at most n bytes
    return s[:s.rfind('\n', 0, n) + 1]

def skills(n):  # one-letter items, 20,000 to a 64 KiB line
    line = 'L: ' + ', '.join(['a'] * 20000) + '\n'
    return cut('name: Ada\n\n== Skills\n' + line * (n // len(line) + 1), n)

def blanks(n):
    return 'name: Ada\n' + '\n' * (n - 11)

def prose(n):  # 150-word lines, 20 to a paragraph
    random.seed(1)
    s, k = ['name: Ada\n\n== Summary\n'], 0
    while sum(map(len, s)) < n:
        s.append(' '.join(random.choice(WORDS) for _ in range(150)) + '\n')
        k += 1
        if k % 20 == 0:
            s.append('\n')
    return cut(''.join(s), n)

def bullets(n):  # one 56 KiB line a bullet
    random.seed(2)
    s = ['name: Ada\n\n== Experience\n=== Engineer | Acme | | 2021\n']
    while sum(map(len, s)) < n:
        s.append('- ' + ' '.join(random.choice(WORDS) for _ in range(7000)) + '\n')
    return cut(''.join(s), n)

def keywords(n):  # ["a", "a", ...]
    return ('{"basics":{"name":"Ada"},"skills":[{"name":"L","keywords":['
            + ','.join(['"a"'] * (n // 4 - 20)) + ']}]}')

def highlights(n):  # 8,000-word highlights
    random.seed(3)
    hl, size = [], 0
    while size < n - 70000:
        h = ' '.join(random.choice(WORDS) for _ in range(8000))
        hl.append(h)
        size += len(h) + 4
    return json.dumps({"basics": {"name": "Ada"},
                       "work": [{"name": "Acme", "position": "Eng", "highlights": hl}]})

for name, f, ext in [('skills', skills, 'resume'), ('blanks', blanks, 'resume'),
                     ('prose', prose, 'resume'), ('bullets', bullets, 'resume'),
                     ('keywords', keywords, 'json'), ('highlights', highlights, 'json')]:
    for mib in (1, 10):
        n = MiB if mib == 1 else 10 * MiB - 64
        open(f'{name}-{mib}m.{ext}', 'w').write(f(n))
PY
printf '%-22s %10s %12s %8s\n' input bytes 'peak RSS' time
for f in skills blanks prose bullets keywords highlights; do
  for m in 1 10; do
    in=$(ls "$f-${m}m".*)
    for what in check pdf; do
      rm -rf out/*
      if [[ $what == check ]]; then cmd=("$tailor" check "$in"); else
        cmd=("$tailor" build "$in" --format pdf --out-dir out -j 1); fi
      /usr/bin/time -f '%M %e' -o time.txt "${cmd[@]}" >/dev/null 2>&1 || true
      read -r kb s < <(tail -1 time.txt)
      printf '%-22s %10s %9s MB %7ss\n' "$in $what" "$(stat -c %s "$in")" $((kb / 1024)) "$s"
    done
  done
done
