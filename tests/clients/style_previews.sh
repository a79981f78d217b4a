#!/usr/bin/env bash
# The style previews in docs/previews/ are current: each style's PDF of the preview sample
# hashes to what scripts/previews recorded beside its PNG.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -euo pipefail
exec bash "$2/scripts/previews" --check "$1" "$3"
