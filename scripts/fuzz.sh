#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ with the fuzzer and address sanitizer,
# then runs each on its seed corpus (Fuzz/corpus/TARGET) for SECONDS seconds.
# Exits non-zero if any target crashes; the input that did it is kept under
# .build-fuzz/findings/TARGET/. The targets exist only when MLPLAB_FUZZ is set
# (see Package.swift), and build into .build-fuzz, apart from the usual .build.
#
#   scripts/fuzz.sh [SECONDS] [TARGET …]     (make fuzz SECONDS=N)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-idx fuzz-repl fuzz-model-file fuzz-workspace-archive fuzz-lesson fuzz-progress)
scratch=.build-fuzz

export MLPLAB_FUZZ=1
# gold stops with an internal error on the sanitized objects; lld links them.
build_flags=(-c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
mkdir -p "$scratch"
for target in "${targets[@]}"; do
    echo "building $target"
    swift build "${build_flags[@]}" --product "$target" > "$scratch/build.log" 2>&1 || {
        grep -E -A3 "error:" "$scratch/build.log" | head -40; echo "the build failed: $scratch/build.log"; exit 1; }
done

failed=()
for target in "${targets[@]}"; do
    corpus=$scratch/corpus/$target findings=$scratch/findings/$target log=$scratch/logs/$target.log
    mkdir -p "$corpus" "$findings" "$(dirname "$log")"
    options=(-max_total_time="$seconds" -timeout=30 -print_final_stats=1 -artifact_prefix="$findings/")
    [ -f "Fuzz/$target.dict" ] && options+=(-dict="Fuzz/$target.dict")
    if "$scratch/release/$target" "${options[@]}" "$corpus" "Fuzz/corpus/$target" > "$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "$target: $runs executions in $seconds s, no crash"
    else
        failed+=("$target")
        echo "$target: CRASH (log: $log)"
        grep -E "ERROR|Fatal error|Test unit written|^    #[0-9] " "$log" | head -20 | sed 's/^/    /'
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found crashes in: ${failed[*]}"
    exit 1
fi
