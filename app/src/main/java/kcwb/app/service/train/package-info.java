/**
 * Fine-tuning for the CLI and the GUI: {@link kcwb.app.service.train.TrainService} runs a
 * {@link kcwb.app.service.train.TrainRequest} (data from a workspace or files via
 * {@link kcwb.app.service.train.TrainingDataLoader}); {@link kcwb.app.service.train.RunRecorder} stores every event in
 * the workspace; {@link kcwb.app.service.train.RunLiveness} tells live runs from dead ones;
 * {@link kcwb.app.service.train.ModelUseService} evaluates and predicts; {@link kcwb.app.service.train.ModelExportService}
 * exports with a model card.
 */
package kcwb.app.service.train;
