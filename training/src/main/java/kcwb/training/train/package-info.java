/**
 * The fine-tuning engine: HF-Trainer-exact optimisation on any {@link kcwb.training.model.HfModule}.
 *
 * <p>Read in this order: {@link kcwb.training.train.TrainingConfig} (what a run is) →
 * {@link kcwb.training.train.FineTuner} (build with {@code FineTuner.builder()}, then {@code run()},
 * {@code resume(dir)}, {@code cancel()}) → {@link kcwb.training.train.TrainingRun} (the loop) →
 * {@link kcwb.training.train.TrainStep} (forward/backward, clip, {@link kcwb.training.train.AdamW}).
 * Data flows {@link kcwb.training.train.ExampleSource} → {@link kcwb.training.train.Batcher} (via a
 * {@link kcwb.training.train.TextEncoder}) → {@link kcwb.training.train.PrefetchingBatches} →
 * {@link kcwb.training.train.HostBatch} → per-step NDManager.
 *
 * <p>What plugs in from elsewhere: the model (an {@code HfModule} whose forward takes
 * {@code (inputIds, attentionMask, tokenTypeIds)} and returns logits), the tokenizer (one lambda to
 * {@code TextEncoder}), HF folder I/O ({@link kcwb.training.train.CheckpointWriter} and
 * {@link kcwb.training.train.CheckpointReader}), and persistence of events (a
 * {@link kcwb.training.train.TrainingListener}). {@code kcwb.training.finetune} wires these for ELECTRA
 * (tokenizer + cleaning, HF folders, base models, provenance).
 */
package kcwb.training.train;
