#!/usr/bin/env bash
# Every command shown in README.md and docs/ runs, and its output matches where the docs quote
# it (tests/docs/run_doc_commands.py describes the conventions and the skip marker).
set -u
exec python3 "$2/tests/docs/run_doc_commands.py" "$1" "$2" "$3"
