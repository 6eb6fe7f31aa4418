"""HF transformers peer of `kcwb bench train` (issue 5, "Bars"): the same from-scratch fine-tune with HF Trainer.

Run through docs/bench/bench_train.sh (which runs both sides in the same run), or alone:

    PYTHONPATH=/tmp/kcwb-bench-pydeps /work/venv/bin/python docs/bench/bench_train.py \
        --data-dir ../shared/datasets/korean-hate-speech/labeled --vocab ../shared/kcelectra/v2022 \
        --threads 2 [--epochs 3] [--max-steps 100]

Venv: transformers 5.17, torch 2.13 CPU (python3 -m venv V && V/bin/pip install --no-index --find-links /opt/wheels
--find-links /opt/pypi/files --find-links /opt/pypi-more/files transformers==5.17.0 torch==2.13.0+cpu accelerate psutil).
HF Trainer needs `accelerate`; the wrapper installs it (and psutil) with --target into /tmp when the venv lacks it.

Same as the Java side: ElectraForSequenceClassification from hidden 256 / 4 layers / 4 heads / intermediate 1024 with
the KcELECTRA v2022 vocabulary (BertTokenizerFast from the vocab folder, cased), max_len 64, batch 32, lr 5e-4, AdamW
(weight decay 0.0, betas 0.9/0.999, eps 1e-8), linear schedule without warmup, clip 1.0, dynamic padding
(DataCollatorWithPadding), seed 42, torch.set_num_threads(N) and one interop thread. We use HF Trainer because that is
what users run (a plain torch loop would be a little faster than Trainer). Checkpoints and evaluation are off during
training on both sides; dev is evaluated once after training. Prints one JSON line.
"""

import argparse
import json
import os
import sys
import time

LABELS = ["none", "offensive", "hate"]


def read_tsv(path):
    """comments<TAB>contain_gender_bias<TAB>bias<TAB>hate, header first; the label column is `hate`."""
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        text_col, label_col = header.index("comments"), header.index("hate")
        for line in f:
            fields = line.rstrip("\n").rstrip("\r").split("\t")
            if len(fields) < len(header):
                continue
            texts.append(fields[text_col])
            labels.append(LABELS.index(fields[label_col]))
    return texts, labels


def macro_f1(gold, pred, k):
    scores = []
    for c in range(k):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / k


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--vocab", required=True)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--max-steps", type=int, default=0)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    import torch
    torch.set_num_threads(args.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    from transformers import (BertTokenizerFast, DataCollatorWithPadding, ElectraConfig,
                              ElectraForSequenceClassification, Trainer, TrainingArguments, set_seed)
    from transformers.utils import logging as hf_logging
    hf_logging.set_verbosity_error()

    tokenizer = BertTokenizerFast.from_pretrained(args.vocab, do_lower_case=False, strip_accents=False)
    train_texts, train_labels = read_tsv(os.path.join(args.data_dir, "train.tsv"))
    dev_texts, dev_labels = read_tsv(os.path.join(args.data_dir, "dev.tsv"))

    class Encoded(torch.utils.data.Dataset):
        def __init__(self, texts, labels):
            self.enc = tokenizer(texts, truncation=True, max_length=64)
            self.labels = labels

        def __len__(self):
            return len(self.labels)

        def __getitem__(self, i):
            return {"input_ids": self.enc["input_ids"][i], "token_type_ids": self.enc["token_type_ids"][i],
                    "attention_mask": self.enc["attention_mask"][i], "labels": self.labels[i]}

    train, dev = Encoded(train_texts, train_labels), Encoded(dev_texts, dev_labels)
    set_seed(args.seed)
    config = ElectraConfig(vocab_size=len(tokenizer), embedding_size=256, hidden_size=256, num_hidden_layers=4,
                           num_attention_heads=4, intermediate_size=1024, max_position_embeddings=512,
                           num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
                           label2id={l: i for i, l in enumerate(LABELS)},
                           problem_type="single_label_classification")
    model = ElectraForSequenceClassification(config)
    training_args = TrainingArguments(
        output_dir=os.path.join(os.environ.get("TMPDIR", "/tmp"), "kcwb-bench-train-hf"),
        per_device_train_batch_size=32, per_device_eval_batch_size=64, learning_rate=5e-4, weight_decay=0.0,
        adam_beta1=0.9, adam_beta2=0.999, adam_epsilon=1e-8, max_grad_norm=1.0, lr_scheduler_type="linear",
        warmup_steps=0, num_train_epochs=args.epochs, max_steps=args.max_steps if args.max_steps > 0 else -1,
        seed=args.seed, save_strategy="no", eval_strategy="no", logging_strategy="no", report_to=[],
        use_cpu=True, dataloader_num_workers=0, disable_tqdm=True)
    trainer = Trainer(model=model, args=training_args, train_dataset=train,
                      data_collator=DataCollatorWithPadding(tokenizer))
    cpu_start = time.process_time()
    result = trainer.train()
    train_cpu_seconds = time.process_time() - cpu_start
    metrics = result.metrics
    steps = result.global_step
    samples = metrics.get("train_samples", None)
    started = time.perf_counter()
    prediction = trainer.predict(dev)
    eval_seconds = time.perf_counter() - started
    predicted = prediction.predictions.argmax(-1).tolist()
    accuracy = sum(1 for g, p in zip(dev_labels, predicted) if g == p) / len(dev_labels)
    params = sum(p.numel() for p in model.parameters())
    print(json.dumps({
        "side": "hf", "threads": torch.get_num_threads(), "steps": steps,
        "train_seconds": round(metrics["train_runtime"], 3),
        "samples_per_second": round(metrics["train_samples_per_second"], 3),
        "steps_per_second": round(metrics["train_steps_per_second"], 4),
        "train_loss": round(metrics["train_loss"], 5), "train_cpu_seconds": round(train_cpu_seconds, 3),
        "dev_accuracy": round(accuracy, 4), "dev_macro_f1": round(macro_f1(dev_labels, predicted, len(LABELS)), 4),
        "eval_seconds": round(eval_seconds, 3), "parameters": params, "vocab_size": len(tokenizer),
        "train_examples": len(train), "dev_examples": len(dev)}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
