"""Python peer for NativeMemoryTest's throughput line: the same stand-in model (vocab 40, hidden 16,
3 labels, dropout 0.1), batch 8 of 3–30 character texts (max_len 16), AdamW + linear schedule +
clip_grad_norm_(1.0), one optimiser step per batch, on CPU with the same thread count.

    /work/venv/bin/python training/src/test/python/tiny_step_peer.py [steps] [threads]
Prints steps/s. Compare with the 'NativeMemoryTest: … steps/s' line of
    ./mvnw -q -B -pl training -am test -Dtest=NativeMemoryTest -Dsurefire.failIfNoSpecifiedTests=false
"""
import random
import sys
import time

import torch
from torch import nn
from transformers import get_linear_schedule_with_warmup


class Tiny(nn.Module):
    def __init__(self, vocab=40, hidden=16, labels=3, dropout=0.1):
        super().__init__()
        self.emb = nn.Embedding(vocab, hidden)
        self.dense = nn.Linear(hidden, hidden)
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.drop = nn.Dropout(dropout)
        self.classifier = nn.Linear(hidden, labels)

    def forward(self, ids, mask):
        m = mask.unsqueeze(-1).float()
        pooled = (self.emb(ids) * m).sum(1) / m.sum(1)
        return self.classifier(self.drop(self.norm(torch.tanh(self.dense(pooled)))))


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 240
    torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
    rng = random.Random(4)
    model = Tiny()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(opt, 0, steps)
    batches = []
    for _ in range(8):
        lengths = [min(16, 2 + rng.randint(3, 30)) for _ in range(8)]
        t = max(lengths)
        ids = torch.tensor([[rng.randint(4, 39) for _ in range(n)] + [0] * (t - n) for n in lengths])
        mask = torch.tensor([[1] * n + [0] * (t - n) for n in lengths])
        batches.append((ids, mask, torch.tensor([rng.randint(0, 2) for _ in lengths])))
    model.train()
    start = time.perf_counter()
    for step in range(steps):
        ids, mask, labels = batches[step % len(batches)]
        loss = nn.functional.cross_entropy(model(ids, mask), labels)
        loss.item()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
    seconds = time.perf_counter() - start
    print(f"torch peer: {steps} steps in {seconds:.2f} s = {steps / seconds:.1f} steps/s ({steps * 8 / seconds:.0f} samples/s)")


if __name__ == "__main__":
    main()
