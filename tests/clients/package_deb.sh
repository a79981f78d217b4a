#!/usr/bin/env bash
# The Debian package as a user gets it: CPack builds the .deb from this build tree, dpkg -i
# installs it, and with the source and build trees hidden (a private mount namespace with empty
# folders over them) the installed tailor renders a tailored PDF from /tmp, `man tailor` shows
# the page and bash completes `tailor <TAB>`. dpkg -r removes it again. Needs root (dpkg);
# skipped (exit 77) as another user, or in a build without packaging (the sanitizer builds).
set -u
tailor=$1 src=$2 scratch=$3
build=$(cd "$(dirname "$tailor")/.." && pwd)
fail=0
die() { echo "FAIL: $*"; fail=1; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: dpkg -i needs root"; exit 77; }
[ -f "$build/CPackConfig.cmake" ] || { echo "SKIP: no CPackConfig.cmake in $build"; exit 77; }
for tool in cpack dpkg-shlibdeps unshare pdftotext man; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing"; exit 77; }
done
if dpkg-query -W -f='${Status}' tailor 2>/dev/null | grep -q 'install ok installed'; then
  echo "SKIP: a tailor package is already installed; this test would remove it"
  exit 77
fi
rm -rf "$scratch" && mkdir -p "$scratch"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch" >"$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$scratch"/tailor_*.deb)

# Dependencies: dpkg-shlibdeps found the shared libraries' packages, with versions.
depends=$(dpkg-deb -f "$deb" Depends)
wanted="libc6 libhpdf-2.3.0 libzip4 fonts-liberation2"
if [ "${TAILOR_STATIC_PDF_STACK:-0}" = 1 ]; then
  # HarfBuzz, fontconfig and FreeType are in the binary; fontconfig's configuration is not.
  wanted+=" fontconfig-config"
  [[ "$depends" != *libharfbuzz* && "$depends" != *libfontconfig* && "$depends" != *libfreetype* ]] ||
    die "Depends names a library of the static PDF stack: $depends"
  grep -q 'HarfBuzz' <(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/tailor/copyright) ||
    die "the copyright file lacks HarfBuzz's notice"
else
  wanted+=" libharfbuzz-subset0 libfontconfig1"
fi
for pkg in $wanted; do
  [[ ", $depends," == *", $pkg"[\ ,]* ]] || die "Depends lacks $pkg: $depends"
done
# Statically linked: no ICU, Boost or libstdc++ package may be needed.
[[ "$depends" != *libicu* && "$depends" != *libboost* && "$depends" != *libstdc++* &&
  "$depends" != *libyaml-cpp* && "$depends" != *libssl* ]] ||
  die "Depends names a library that is linked statically: $depends"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/tailor ./usr/share/man/man1/tailor.1 ./usr/share/bash-completion/completions/tailor \
  ./usr/share/zsh/vendor-completions/_tailor ./usr/share/fish/vendor_completions.d/tailor.fish \
  ./usr/share/doc/tailor/copyright ./usr/share/doc/tailor/THIRD-PARTY.md; do
  grep -q " $f\( \|$\)" <<<"$contents" || grep -q " $f.gz\( \|$\)" <<<"$contents" || die "the package lacks $f"
done

trap 'dpkg -r tailor >/dev/null 2>&1' EXIT
dpkg -i "$deb" >"$scratch/dpkg.log" 2>&1 || { cat "$scratch/dpkg.log"; die "dpkg -i"; exit 1; }
tmp=$(mktemp -d /tmp/tailor-deb.XXXXXX)
cp "$src/samples/aysel.resume" "$src/tests/fixtures/import/linkedin/maximilian.zip" "$tmp/"
# Empty folders over the trees: the build tree first, then the source tree (which may hold it).
unshare --mount --propagation private bash -euc '
  mount -t tmpfs none "$1"
  mount -t tmpfs none "$2" 2>/dev/null || true
  [ -z "$(ls -A "$2")" ] && [ -z "$(ls -A "$1")" ]
  cd "$3"
  unset TAILOR_DATA_DIR
  export HOME="$3" XDG_DATA_HOME="$3/xdg"
  /usr/bin/tailor build aysel.resume --role "Infrastructure Engineer" --style modern -o aysel.pdf
  pdftotext aysel.pdf aysel.txt
  /usr/bin/tailor build aysel.resume --lang de > aysel-de.txt
  /usr/bin/tailor build aysel.resume -o aysel.docx
  /usr/bin/tailor build maximilian.zip --format text -o linkedin.txt   # libzip, opened on first use
  MANPAGER=cat MANWIDTH=80 man tailor > man.txt 2>&1
  bash -c "source /usr/share/bash-completion/bash_completion
    _completion_loader tailor
    COMP_WORDS=(tailor \"\"); COMP_CWORD=1; _tailor; echo \"\${COMPREPLY[*]}\"
    COMP_WORDS=(tailor build --sty); COMP_CWORD=2; _tailor; echo \"\${COMPREPLY[*]}\"
    COMP_WORDS=(tailor build --style \"\"); COMP_CWORD=3; _tailor; echo \"\${COMPREPLY[*]}\"" > complete.txt
' hide "$build" "$src" "$tmp" >"$scratch/run.log" 2>&1 || { cat "$scratch/run.log"; die "the installed tailor failed with the trees hidden"; }

grep -q "Infrastructure" "$tmp/aysel.txt" 2>/dev/null || die "the PDF's text lacks the tailored headline"
grep -q "Berufserfahrung" "$tmp/aysel-de.txt" 2>/dev/null || die "the German locale is not built in"
[ "$(head -c 2 "$tmp/aysel.docx" 2>/dev/null)" = "PK" ] || die "the DOCX is not a ZIP package"
grep -q "Maximilian" "$tmp/linkedin.txt" 2>/dev/null || die "the LinkedIn export was not read"
grep -q "tailor build" "$tmp/man.txt" 2>/dev/null || die "man tailor: $(head -3 "$tmp/man.txt")"
grep -q "TAILOR_DATA_DIR" "$tmp/man.txt" 2>/dev/null || die "man tailor lacks ENVIRONMENT"
read -r commands < <(sed -n 1p "$tmp/complete.txt")
[[ " $commands " == *" build "* && " $commands " == *" match "* ]] || die "tailor <TAB>: $commands"
[ "$(sed -n 2p "$tmp/complete.txt")" = "--style" ] || die "tailor build --sty<TAB>: $(sed -n 2p "$tmp/complete.txt")"
[[ " $(sed -n 3p "$tmp/complete.txt") " == *" classic "* ]] || die "--style <TAB>: $(sed -n 3p "$tmp/complete.txt")"

dpkg -r tailor >"$scratch/dpkg-r.log" 2>&1 || die "dpkg -r"
trap - EXIT
[ ! -e /usr/bin/tailor ] || die "dpkg -r left /usr/bin/tailor"
rm -rf "$tmp"
[ $fail -eq 0 ] && echo "package: OK ($(basename "$deb"), $(stat -c %s "$deb") bytes)"
exit $fail
