"""Python peer for CheckpointLoadBench: the same base-size checkpoint, loaded the way transformers does.

Run from the repository root (venv as in fixtures/checkpoint/make_fixture.py's header):
    /work/venv/bin/python training/src/test/java/kcwb/training/checkpoint/bench/bench_load.py make-bin /tmp/kcwb-bench
    /work/venv/bin/python training/src/test/java/kcwb/training/checkpoint/bench/bench_load.py load /tmp/kcwb-bench/model.safetensors
    /work/venv/bin/python training/src/test/java/kcwb/training/checkpoint/bench/bench_load.py load /tmp/kcwb-bench/pytorch_model.bin

make-bin writes pytorch_model.bin (torch.save zip) and legacy_model.bin (non-zip) from the model.safetensors CheckpointLoadBench generated.
load reads the file (safetensors.torch.load_file / torch.load(weights_only=True)) then copies every
tensor into preallocated zero parameters, like Java's read + StateDictLoader.load; prints times and peak RSS.
"""
import resource
import sys
import time

import torch
from safetensors.torch import load_file


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    torch.set_num_threads(2)
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "make-bin":
        sd = load_file(path + "/model.safetensors")
        torch.save(sd, path + "/pytorch_model.bin")
        torch.save(sd, path + "/legacy_model.bin", _use_new_zipfile_serialization=False)
        print("wrote", path + "/pytorch_model.bin and legacy_model.bin (torch < 1.6 format)")
        return
    t0 = time.perf_counter()
    params = None
    if path.endswith(".safetensors"):
        from safetensors import safe_open
        with safe_open(path, "pt") as f:
            params = {k: torch.zeros(f.get_slice(k).get_shape()) for k in f.keys()}
    else:
        shapes = {k: v.shape for k, v in torch.load(path, weights_only=True, mmap=not path.endswith("legacy_model.bin")).items()}
        params = {k: torch.zeros(s) for k, s in shapes.items()}
    rss_model = peak_rss_mb()
    t1 = time.perf_counter()
    sd = load_file(path) if path.endswith(".safetensors") else torch.load(path, weights_only=True)
    t2 = time.perf_counter()
    with torch.no_grad():
        for k, v in sd.items():
            params[k].copy_(v)
    t3 = time.perf_counter()
    mb = sum(v.numel() * v.element_size() for v in sd.values()) / 1e6
    print(f"python load     {path.split('/')[-1]:22s} {mb:8.1f} MB  read {1000 * (t2 - t1):6.0f} ms  copy {1000 * (t3 - t2):6.0f} ms"
          f"  total {1000 * (t3 - t1):6.0f} ms  peak RSS {peak_rss_mb():.0f} MB (with model {rss_model:.0f} MB)")


if __name__ == "__main__":
    main()
