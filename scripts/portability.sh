#!/bin/bash
# Runs the numeric test targets and every lesson's verification under each of the
# processor kernels Debian's OpenBLAS can pick (OPENBLAS_CORETYPE), to show that no
# expectation depends on one kernel's order of summation.
#
# Usage: scripts/portability.sh [CORETYPE ...]     (default: Prescott Haswell SkylakeX Zen unset)
# Prints one line per core type and exits non-zero if any run failed; the full
# output of each run is kept in .build/portability/CORETYPE.log.
set -uo pipefail
cd "$(dirname "$0")/.."

core_types=("$@")
[ ${#core_types[@]} -eq 0 ] && core_types=(Prescott Haswell SkylakeX Zen unset)
numeric_targets='TensorTests|NetworkTests|InterpreterTests|NotebookTests|ExercisesTests|DatasetsTests|PlotsTests'
logs=.build/portability
mkdir -p "$logs"

make --no-print-directory build-tests >/dev/null || { echo "the build failed: run make test to see why"; exit 1; }
mlplab=$(swift build -c release --show-bin-path)/mlplab

# Runs "$@" with OPENBLAS_CORETYPE set to $1 (or removed for "unset").
with_core_type() {
    local core=$1; shift
    if [ "$core" = unset ]; then env -u OPENBLAS_CORETYPE "$@"; else OPENBLAS_CORETYPE=$core "$@"; fi
}

failed=0
for core in "${core_types[@]}"; do
    log="$logs/$core.log"
    : >"$log"
    tests="tests ok"
    with_core_type "$core" swift test -c release --skip-build --filter "$numeric_targets" >>"$log" 2>&1 \
        || { tests="TESTS FAILED"; failed=1; }
    lessons="lessons ok"
    for lang in en ko; do
        with_core_type "$core" "$mlplab" run --verify --lang "$lang" >>"$log" 2>&1 \
            || { lessons="LESSONS FAILED ($lang)"; failed=1; }
    done
    lessons="$lessons ($(grep -c 'every output matches' "$log") lessons match)"
    summary=$(grep -A1 -E "Suite 'Selected tests' (passed|failed)" "$log" | grep -Eo 'Executed .* failures?')
    printf '%-9s %s (%s), %s\n' "$core" "$tests" "${summary:-no summary}" "$lessons"
done
exit $failed
