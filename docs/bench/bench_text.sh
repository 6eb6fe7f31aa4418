#!/bin/sh
# Runs `kcwb bench text` and its Python peer (bench_text.py) on the same file, back to back, and prints the
# ratios. Usage (repository root):
#   docs/bench/bench_text.sh [--input FILE] [--model DIR] [--max-len N] [--rounds N] [--warmups N]
# Defaults: ../shared/datasets/korean-hate-speech/labeled/train.tsv, ../shared/kcelectra/v2022, 64, 5, 2.
# PYTHON (default /work/venv/bin/python) needs transformers, tokenizers and emoji (see bench_text.py).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
input="$root/../shared/datasets/korean-hate-speech/labeled/train.tsv"
model="$root/../shared/kcelectra/v2022"
max_len=64 rounds=5 warmups=2
while [ $# -gt 0 ]; do
  case "$1" in
    --input) input=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    --max-len) max_len=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --warmups) warmups=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
python=${PYTHON:-/work/venv/bin/python}
out=$(mktemp); trap 'rm -f "$out"' EXIT
"$root/kcwb" bench text --input "$input" --model "$model" --max-len "$max_len" --rounds "$rounds" \
  --warmups "$warmups" 2>/dev/null | tee "$out"
"$python" "$root/docs/bench/bench_text.py" --input "$input" --model "$model" --max-len "$max_len" \
  --rounds "$rounds" --warmups "$warmups" | tee -a "$out"
awk '
  /^RESULT java/   { split($4, t, "="); split($5, v, "="); java[$3 "/" t[2]] = v[2] + 0; if (t[2] + 0 > cores) cores = t[2] + 0 }
  /^RESULT python/ { split($5, v, "="); split($4, m, "="); py[$3 "/" m[2]] = v[2] + 0
                     if (v[2] + 0 > best[$3] + 0) { best[$3] = v[2]; bestmode[$3] = m[2] } }
  END {
    print ""
    n = split("clean tokenize clean+tokenize", stages, " ")
    for (i = 1; i <= n; i++) {
      s = stages[i]
      printf "RATIO %-15s java 1 thread / python single: %6.2fx   java %d threads / python best (%s): %6.2fx\n",
        s, java[s "/1"] / py[s "/single"], cores, bestmode[s], java[s "/" cores] / best[s]
    }
  }' "$out"
