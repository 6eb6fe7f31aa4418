package kcwb.app.gui.models;

import kcwb.app.service.models.LocalModel;
import kcwb.app.service.models.ModelDescription;

/** One line of the models table: where the folder came from and what {@code kcwb model info} says about it. */
public record ModelRow(LocalModel model, ModelDescription description) {}
