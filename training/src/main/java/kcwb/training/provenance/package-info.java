/**
 * Where a trained model came from: {@link kcwb.training.provenance.RunProvenance} and its parts, written as
 * {@code kcwb-provenance.json} into every run, checkpoint and export folder ({@link kcwb.training.provenance.ProvenanceJson}).
 */
package kcwb.training.provenance;
