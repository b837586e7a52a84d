#!/usr/bin/env bash
# Mutation testing of one headless package against its own unit tests (mutmut, see
# [tool.mutmut] in pyproject.toml):   scripts/mutation.sh model|io|interop|analysis [WORKDIR]
#
# For analysis, only the modules that make the scenario weights' numbers are mutated
# (ANALYSIS_CORE below); ACH, text and search helpers are left to their own tests.
#
# Slow (about an hour a package on two cores), so it runs in a copy of the checkout,
# WORKDIR (default /tmp/argmap-mutation-PACKAGE): run it again there after changing code
# or tests and mutmut re-tests only what changed. It prints the score; then, in WORKDIR,
# `mutmut results` lists the surviving mutants and `mutmut show NAME` shows one.
# MUTMUT_CHILDREN (default 1) runs that many mutants at once. MUTATION_PROFILE=mutation
# draws 25 Hypothesis examples a property instead of CI's 100 (for a package whose
# property tests are slow, as analysis's are), and MUTMUT_TIMEOUT=N stops a mutant after N
# times its tests' own time instead of 8 (scores then count fewer kills by property, more
# timeouts). RETEST=1 also tries every mutant that survived an earlier run again (mutmut
# re-tests changed code by itself, but not old survivors against new tests).
set -euo pipefail
pkg=${1:?"usage: scripts/mutation.sh model|io|interop|analysis [WORKDIR]"}
case "$pkg" in model | io | interop | analysis) ;; *) echo "not a headless package: $pkg" >&2; exit 2;; esac
ANALYSIS_CORE="scenario_weights establishment evidence_network judgements confidence contributions"
cd "$(dirname "$0")/.."
root=$PWD
mutmut="$root/.venv/bin/mutmut"
work=${2:-/tmp/argmap-mutation-$pkg}
mkdir -p "$work"
rm -rf "$work/argmap" "$work/tests"  # no stale copies of deleted modules (mutmut keeps mutants/)
git ls-files -co --exclude-standard | grep -v '^mutants/' | tar -cf - -T - | tar -xf - -C "$work"
# The Argdown CLI (packaging/install-argdown-cli.sh), so the differential test runs there too.
if [ -d .tools ] && [ ! -e "$work/.tools" ]; then ln -s "$root/.tools" "$work/.tools"; fi

# Only this package's code is mutated, and only its unit tests are run.
"$root/.venv/bin/python" - "$work/pyproject.toml" "$pkg" "$ANALYSIS_CORE" "${MUTMUT_TIMEOUT:-}" <<'EOF'
import re, sys
path, pkg, core, timeout = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4]
text = open(path, encoding="utf-8").read()
files = [f"argmap/{pkg}/{m}.py" for m in core] if pkg == "analysis" else [f"argmap/{pkg}/*"]
text = re.sub(r"(?m)^only_mutate = .*$", "only_mutate = " + repr(files).replace("'", '"'), text)
if timeout:
    multiplier = float(timeout) / 2  # mutmut's CPU limit is twice this times the tests' time
    text = re.sub(r"(?m)^timeout_multiplier = .*$", f"timeout_multiplier = {multiplier}", text)
text = re.sub(
    r"(?m)^pytest_add_cli_args_test_selection = .*$",
    f'pytest_add_cli_args_test_selection = ["tests/unit/{pkg}"]',
    text,
)
open(path, "w", encoding="utf-8").write(text)
EOF

cd "$work"
export HYPOTHESIS_PROFILE=${MUTATION_PROFILE:-ci} QT_QPA_PLATFORM=offscreen
if ! "$mutmut" run --max-children "${MUTMUT_CHILDREN:-1}" > mutmut.log 2>&1; then
  tail -n 30 mutmut.log
  exit 1
fi
if [ "${RETEST:-0}" = 1 ]; then
  mapfile -t alive < <("$mutmut" results --all true |
    awk '/ survived$| no tests$/ { sub(":$", "", $1); print $1 }')
  if [ ${#alive[@]} -gt 0 ] &&
     ! "$mutmut" run --max-children "${MUTMUT_CHILDREN:-1}" "${alive[@]}" >> mutmut.log 2>&1; then
    tail -n 30 mutmut.log
    exit 1
  fi
fi
"$mutmut" results --all true | awk -v pkg="$pkg" '
  / killed$/ {k++} / timeout$/ {t++} / survived$/ {s++} / no tests$/ {n++} / suspicious$/ {u++}
  END {
    total = k + t + s + n + u
    printf "argmap/%s: %d mutants, %d killed, %d timed out, %d survived, %d with no test, " \
           "%d suspicious: score %.1f %%\n", pkg, total, k, t, s, n, u, 100 * (k + t) / total
  }'
