# shellcheck shell=bash
# LibreOffice for the client tests: converts documents to PDF headless, in a private profile
# under SCRATCH (so parallel tests do not share one), and ends the test through the caller's
# fail() when soffice fails. Usage: office_to_pdf SCRATCH OUTDIR FILE...
office_to_pdf() {
  local scratch=$1 outdir=$2
  shift 2
  local log
  log="$outdir/soffice.log"
  timeout "${OFFICE_TIMEOUT:-300}" soffice -env:UserInstallation="file://$scratch/lo-profile" \
    --headless --convert-to pdf --outdir "$outdir" "$@" >"$log" 2>&1 ||
    fail "soffice failed: $(cat "$log")"
}
