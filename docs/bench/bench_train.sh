#!/bin/sh
# Issue 5 fine-tuning benchmark: `kcwb bench train` and HF Trainer (docs/bench/bench_train.py) on the same data,
# config and thread count, one after the other in the same run; prints both samples/s, the ratio, both dev
# accuracies and macro-F1s, and model FLOP utilisation against a measured matmul ceiling.
#
#   docs/bench/bench_train.sh [--threads N] [--epochs 3] [--max-steps N]
# Environment: KCWB_SHARED (default ../shared), PYTHON (default /work/venv/bin/python), KCWB_LAUNCHER (default
# ./kcwb; point it at a copy of the built jar to keep a long run independent of rebuilds).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${KCWB_SHARED:-$root/../shared}
python=${PYTHON:-/work/venv/bin/python}
threads=$(nproc 2>/dev/null || echo 2)
epochs=3
max_steps=0
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --max-steps) max_steps=$2; shift 2 ;;
    *) echo "usage: $0 [--threads N] [--epochs N] [--max-steps N]" >&2; exit 2 ;;
  esac
done
data="$shared/datasets/korean-hate-speech/labeled"
vocab="$shared/kcelectra/v2022"
for f in "$data/train.tsv" "$data/dev.tsv" "$vocab/vocab.txt"; do
  [ -f "$f" ] || { echo "bench_train: $f is missing (set KCWB_SHARED)" >&2; exit 2; }
done

# HF Trainer needs accelerate; install it (and psutil) beside the venv from the local wheelhouse when missing.
if ! "$python" -c "import accelerate" 2>/dev/null; then
  deps="${TMPDIR:-/tmp}/kcwb-bench-pydeps"
  if ! PYTHONPATH="$deps" "$python" -c "import accelerate" 2>/dev/null; then
    "$python" -m pip install -q --no-index --find-links /opt/wheels --find-links /opt/pypi/files \
      --find-links /opt/pypi-more/files --target "$deps" --no-deps accelerate psutil >&2
  fi
  export PYTHONPATH="$deps${PYTHONPATH:+:$PYTHONPATH}"
fi

out=$(mktemp -d)
echo "bench_train: kcwb (threads $threads, epochs $epochs, max steps $max_steps) ..." >&2
KCWB_THREADS=$threads "${KCWB_LAUNCHER:-$root/kcwb}" bench train --data-dir "$data" --vocab "$vocab" --epochs "$epochs" \
  --max-steps "$max_steps" --threads "$threads" --json >"$out/kcwb.json"
echo "bench_train: HF Trainer ..." >&2
OMP_NUM_THREADS=$threads "$python" "$root/docs/bench/bench_train.py" --data-dir "$data" --vocab "$vocab" \
  --epochs "$epochs" --max-steps "$max_steps" --threads "$threads" >"$out/hf.json"

"$python" - "$out/kcwb.json" "$out/hf.json" <<'PY'
import json, sys
k = json.load(open(sys.argv[1]))
h = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
flops = k["train_gflop_per_sample"] * 1e9
ceiling = k["matmul_ceiling_gflops"]
hf_mfu = h["samples_per_second"] * flops / 1e9 / ceiling
rows = [("", "kcwb (DJL)", "HF Trainer"),
        ("threads", k["threads"], h["threads"]),
        ("optimiser steps", k["steps"], h["steps"]),
        ("train seconds", k["train_seconds"], h["train_seconds"]),
        ("samples/s", k["samples_per_second"], h["samples_per_second"]),
        ("train CPU seconds", k["train_cpu_seconds"], h["train_cpu_seconds"]),
        ("samples/CPU-s", round(k["samples"] / k["train_cpu_seconds"], 3), round(h["steps"] * 32 / h["train_cpu_seconds"], 3)),
        ("dev accuracy", k["dev_accuracy"], h["dev_accuracy"]),
        ("dev macro-F1", k["dev_macro_f1"], h["dev_macro_f1"]),
        ("achieved GFLOP/s", round(k["achieved_gflops"], 2), round(h["samples_per_second"] * flops / 1e9, 2)),
        ("MFU", "%.1f%%" % (100 * k["mfu"]), "%.1f%%" % (100 * hf_mfu))]
for r in rows:
    print("%-18s %14s %14s" % r)
print("ratio kcwb/HF samples/s: %.2fx (goal >= 1.5x)" % (k["samples_per_second"] / h["samples_per_second"]))
print("ratio kcwb/HF samples per CPU-second: %.2fx (less sensitive to other load on the machine)" % ((k["samples"] / k["train_cpu_seconds"]) / (h["steps"] * 32 / h["train_cpu_seconds"])))
print("dev accuracy difference: %+.4f (goal within +-0.02)" % (k["dev_accuracy"] - h["dev_accuracy"]))
print("training FLOPs/sample: %.4f GFLOP (%s; mean %.1f real tokens)" % (k["train_gflop_per_sample"], k["flops_formula"], k["mean_tokens"]))
print("matmul ceiling: %.1f GFLOP/s (DJL fp32 1024x1024x1024, best of 10, %d threads)" % (ceiling, k["threads"]))
PY
rm -rf "$out"
