package kcwb.training.tokenize;

/** Ids of the special tokens; -1 where the vocabulary has no such token (byte-level BPE has no [UNK]). */
public record SpecialTokenIds(int pad, int unk, int cls, int sep, int mask) {}
