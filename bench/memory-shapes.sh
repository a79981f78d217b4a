#!/usr/bin/env bash
# Peak RSS and time of `tailor check` and of PDF and DOCX builds for 1 and 10 MiB inputs of
# several shapes, and for the largest tiny-item inputs the limits accept
# (docs/limits.md, "Memory: linear, with a small constant"). Each figure is followed by the
# increment over the same command on a minimal resume, as a multiple of the input size.
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

def paragraph(n):  # the same prose as one paragraph: no blank line
    return prose(n).replace('\n\n', '\n')

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
                     ('prose', prose, 'resume'), ('paragraph', paragraph, 'resume'),
                     ('bullets', bullets, 'resume'),
                     ('keywords', keywords, 'json'), ('highlights', highlights, 'json')]:
    for mib in (1, 10):
        n = MiB if mib == 1 else 10 * MiB - 64
        open(f'{name}-{mib}m.{ext}', 'w').write(f(n))

# The largest inputs of tiny items within the limits (50,000 pieces, 50,000 JSON values,
# 10,000 blocks): 49,000 one-letter skills in lines of 16,000, the same as a JSON keywords
# array, and 9,000 one-letter JSON highlights.
open('tiny-skills.resume', 'w').write('name: Ada\n\n== Skills\n' + ''.join(
    f'L{k}: ' + ', '.join(['a'] * m) + '\n' for k, m in enumerate([16000, 16000, 16000, 1000])))
open('tiny-keywords.json', 'w').write(json.dumps(
    {"basics": {"name": "Ada"}, "skills": [{"name": "L", "keywords": ["a"] * 49000}]}))
open('tiny-highlights.json', 'w').write(json.dumps(
    {"basics": {"name": "Ada"},
     "work": [{"name": "Acme", "position": "Eng", "highlights": ["a"] * 9000}]}))
open('minimal.resume', 'w').write('name: Ada\n\n== Skills\nL: a\n')
PY
measure() {  # WHAT INPUT -> "peak_kb seconds"
  rm -rf out/*
  local cmd
  if [[ $1 == check ]]; then cmd=("$tailor" check "$2"); else
    cmd=("$tailor" build "$2" --format "$1" --out-dir out -j 1); fi
  /usr/bin/time -f '%M %e' -o time.txt "${cmd[@]}" >/dev/null 2>&1 || true
  tail -1 time.txt
}
declare -A base
for what in check pdf docx; do read -r kb _ < <(measure $what minimal.resume); base[$what]=$kb; done
printf '%-20s %9s | %-24s | %-24s | %-24s\n' input bytes check pdf docx
printf '%-20s %9s | %7s MB %15s | %7s MB %15s | %7s MB %15s\n' minimal.resume \
  "$(stat -c %s minimal.resume)" $((base[check] / 1024)) '' $((base[pdf] / 1024)) '' \
  $((base[docx] / 1024)) ''
for in in skills-1m.resume skills-10m.resume blanks-1m.resume blanks-10m.resume \
  prose-1m.resume prose-10m.resume paragraph-1m.resume paragraph-10m.resume bullets-1m.resume bullets-10m.resume keywords-1m.json \
  keywords-10m.json highlights-1m.json highlights-10m.json tiny-skills.resume \
  tiny-keywords.json tiny-highlights.json; do
  bytes=$(stat -c %s "$in")
  printf '%-20s %9s' "$in" "$bytes"
  for what in check pdf docx; do
    read -r kb s < <(measure "$what" "$in")
    # The increment over the minimal resume, as a multiple of the input's size.
    ratio=$(awk -v k="$kb" -v b="${base[$what]}" -v n="$bytes" \
      'BEGIN { r = (k - b) * 1024 / n; printf "%.1f", r < 0 ? 0 : r }')
    printf ' | %7s MB %5ss %6sx' $((kb / 1024)) "$s" "$ratio"
  done
  printf '\n'
done
