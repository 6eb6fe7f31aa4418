/**
 * A real ELECTRA fine-tuning run assembled from the parts: {@link kcwb.training.finetune.TextPipeline}
 * (cleaning + tokenizer as the engine's encoder), {@link kcwb.training.finetune.HfCheckpointIo} (checkpoints as
 * HF folders), {@link kcwb.training.finetune.BaseModel} (a folder or a from-scratch preset) and
 * {@link kcwb.training.finetune.FineTuneJob}, which writes the provenance and runs the engine. Training data from
 * files: {@link kcwb.training.finetune.FileDataset} (TSV/CSV/JSONL, single- or multi-label, every bad row reported).
 */
package kcwb.training.finetune;
