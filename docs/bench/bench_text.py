#!/usr/bin/env python3
"""Python peer of `kcwb bench text`: the seed's text path on the same file, in one process.

    /work/venv/bin/python docs/bench/bench_text.py --input FILE --model DIR [--max-len 64] [--rounds 5] [--warmups 2]

clean() is the very function the golden fixture was made with
(training/src/test/resources/fixtures/clean/make_fixture.py: emoji 2.16, re, restated soynlp
repeat_normalize), imported from there. The tokenizer is transformers' fast BertTokenizer for the folder
(what `BertTokenizer.from_pretrained` returns in transformers 5), called three ways:
  single  one text per call (tok(text, truncation=True, max_length=N))
  batch   256 texts per call (the Rust library encodes a batch on all cores)
  rust    the bare `tokenizers` object under it (tok._tokenizer.encode_batch), no transformers wrapper:
          the fastest Python can go
Input: one comment per line, or a .tsv whose first column is the comment (header skipped), as the Java side.
Every figure is the best of --rounds passes after --warmups untimed ones. Prints `RESULT python ...` lines.
"""
import argparse
import importlib.util
import os
import time

from transformers import BertTokenizer

BATCH = 256
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(ROOT, 'training/src/test/resources/fixtures/clean/make_fixture.py')


def load_clean():
    spec = importlib.util.spec_from_file_location('make_fixture', FIXTURE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.clean


def read_comments(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    lines = [line[:-1] if line.endswith('\r') else line for line in lines]
    if path.lower().endswith('.tsv'):
        return [line.split('\t')[0] for line in lines[1:]]
    return lines


def best(work, rounds, warmups):
    times = []
    for i in range(warmups + rounds):
        start = time.perf_counter()
        work()
        if i >= warmups:
            times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--input', required=True)
    parser.add_argument('--model', required=True)
    parser.add_argument('--max-len', type=int, default=64)
    parser.add_argument('--rounds', type=int, default=5)
    parser.add_argument('--warmups', type=int, default=2)
    args = parser.parse_args()

    clean = load_clean()
    start = time.perf_counter()
    tok = BertTokenizer.from_pretrained(args.model)
    print(f'python load tokenizer {args.model}: {(time.perf_counter() - start) * 1000:.0f} ms ({type(tok).__name__})')
    rust = tok._tokenizer
    rust.enable_truncation(max_length=args.max_len)
    texts = read_comments(args.input)
    n = len(texts)
    print(f'python comments {n}, max_len {args.max_len}, best of {args.rounds} after {args.warmups} warm-ups, '
          f'cores {os.cpu_count()}')

    def batches(items):
        return (items[i:i + BATCH] for i in range(0, len(items), BATCH))

    stages = {
        'clean single': lambda: [clean(t) for t in texts],
        'tokenize single': lambda: [tok(t, truncation=True, max_length=args.max_len) for t in texts],
        'tokenize batch': lambda: [tok(b, truncation=True, max_length=args.max_len) for b in batches(texts)],
        'tokenize rust': lambda: [rust.encode_batch(b) for b in batches(texts)],
        'clean+tokenize single': lambda: [tok(clean(t), truncation=True, max_length=args.max_len) for t in texts],
        'clean+tokenize batch': lambda: [tok([clean(t) for t in b], truncation=True, max_length=args.max_len)
                                         for b in batches(texts)],
        'clean+tokenize rust': lambda: [rust.encode_batch([clean(t) for t in b]) for b in batches(texts)],
    }
    for name, work in stages.items():
        stage, mode = name.split(' ')
        print(f'RESULT python {stage:<15} mode={mode:<6} comments/s={n / best(work, args.rounds, args.warmups):.0f}',
              flush=True)


if __name__ == '__main__':
    main()
