package kcwb.app.gui.train;

import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import kcwb.app.gui.common.I18n;
import kcwb.storage.project.Project;

/**
 * The Train view: the form on the left, the live dashboard on the right, the run buttons below the form.
 * Binding and forwarding only; {@link TrainViewModel} decides.
 */
public final class TrainView {
    private final TrainViewModel viewModel;
    private final I18n i18n;
    private final ObservableList<Project> projects;
    private final Runnable showRuns;

    /** @param showRuns opens the runs view; null when the app has none */
    public TrainView(TrainViewModel viewModel, ObservableList<Project> projects, Runnable showRuns) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
        this.projects = projects;
        this.showRuns = showRuns;
    }

    public Parent build() {
        ScrollPane form = new ScrollPane(new TrainFormPane(viewModel, projects).build());
        form.setFitToWidth(true);
        form.setMinWidth(400);
        TrainDashboard dashboard = new TrainDashboard(viewModel.live(), i18n);
        Label title = new Label(i18n.get("train.title"));
        title.getStyleClass().add("view-title");
        Label message = new Label();
        message.setId("train-message");
        message.setWrapText(true);
        message.setPadding(new Insets(0, 0, 0, 8));
        message.textProperty().bind(viewModel.messageProperty());
        Node board = dashboard.build();
        VBox right = new VBox(8, buttons(), message, board);
        VBox.setVgrow(board, javafx.scene.layout.Priority.ALWAYS);

        SplitPane split = new SplitPane(form, right);
        split.setDividerPositions(0.38);
        BorderPane root = new BorderPane(split);
        root.setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
        root.setPadding(new Insets(12));
        return root;
    }

    /** Start, Stop, Resume, Continue N more epochs and (when finished) the runs view, in one row. */
    private HBox buttons() {
        Button start = button("train-start", "train.start", viewModel::start);
        start.disableProperty().bind(viewModel.canStartProperty().not());
        start.setDefaultButton(true);
        Button stop = button("train-stop", "train.stop", viewModel::stop);
        stop.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(TrainViewModel.RunState.RUNNING));
        Button resume = button("train-resume", "train.resume", viewModel::resume);
        resume.disableProperty().bind(viewModel.canResumeProperty().not());
        TextField more = new TextField();
        more.setId("train-more-epochs");
        more.setPrefColumnCount(3);
        more.textProperty().bindBidirectional(viewModel.moreEpochsProperty());
        Button continueRun = button("train-continue", "train.continue", viewModel::continueMoreEpochs);
        continueRun.disableProperty().bind(viewModel.canContinueProperty().not());
        Button runs = button("train-open-runs", "train.openRuns", showRuns == null ? () -> { } : showRuns);
        runs.visibleProperty().bind(viewModel.stateProperty().isEqualTo(TrainViewModel.RunState.FINISHED)
                .and(javafx.beans.binding.Bindings.createBooleanBinding(() -> showRuns != null)));
        Label moreLabel = new Label(i18n.get("train.moreEpochs"));
        moreLabel.setMinWidth(Label.USE_PREF_SIZE);
        runs.managedProperty().bind(runs.visibleProperty());
        HBox row = new HBox(8, start, stop, resume, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                continueRun, more, moreLabel, runs);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 0, 0, 8));
        return row;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(i18n.get(key));
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }
}
