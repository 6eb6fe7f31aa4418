package kcwb.training.tokenize;

/** The text of the special tokens a tokenizer uses, e.g. {@code [PAD] [UNK] [CLS] [SEP] [MASK]}. */
public record SpecialTokenNames(String pad, String unk, String cls, String sep, String mask) {
    static final SpecialTokenNames BERT = new SpecialTokenNames("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
}
