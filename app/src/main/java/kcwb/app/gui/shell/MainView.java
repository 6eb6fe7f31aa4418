package kcwb.app.gui.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import kcwb.app.gui.common.TaskRunner;

/**
 * The main window's content: menu bar on top, navigation on the left, the selected view in the middle,
 * status bar at the bottom. Binds to {@link MainViewModel} only; views are built lazily on first show.
 */
public final class MainView {
    private final MainViewModel viewModel;
    private final ViewContext context;
    private final Map<String, WorkbenchView> views = new HashMap<>();
    private final Map<String, Node> builtViews = new HashMap<>();
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();

    public MainView(MainViewModel viewModel, TaskRunner taskRunner, List<WorkbenchView> workbenchViews,
            MenuActions menuActions) {
        this.viewModel = viewModel;
        this.context = new ViewContext(viewModel.i18n(), taskRunner, viewModel);
        workbenchViews.forEach(view -> views.put(view.id(), view));
        root.setTop(new AppMenuBar(viewModel, menuActions).build());
        root.setLeft(navigation(workbenchViews));
        content.getStyleClass().add("view-content");
        root.setCenter(content);
        root.setBottom(new StatusBar(viewModel).build());
        root.getStyleClass().add("kcwb-root");
        viewModel.selectedViewProperty().addListener((obs, old, id) -> show(id));
        show(viewModel.selectedViewProperty().get());
    }

    public Parent root() {
        return root;
    }

    /** The project the label, items and progress views work on ({@code project-switcher}). */
    private Node projectSwitcher() {
        javafx.scene.control.ComboBox<kcwb.storage.project.Project> box =
                new javafx.scene.control.ComboBox<>(viewModel.projects());
        box.setId("project-switcher");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setTooltip(new javafx.scene.control.Tooltip(viewModel.i18n().get("shell.project.tooltip")));
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(kcwb.storage.project.Project project) {
                return project == null ? "" : project.name();
            }

            @Override
            public kcwb.storage.project.Project fromString(String name) {
                return viewModel.projects().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            }
        });
        box.valueProperty().bindBidirectional(viewModel.currentProjectProperty());
        box.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.projects()));
        return box;
    }

    private Node navigation(List<WorkbenchView> workbenchViews) {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(4);
        nav.getStyleClass().add("kcwb-nav");
        Label appName = new Label(viewModel.i18n().get("app.name"));
        appName.getStyleClass().add("kcwb-nav-title");
        nav.getChildren().add(appName);
        nav.getChildren().add(projectSwitcher());
        for (WorkbenchView view : workbenchViews) {
            ToggleButton button = new ToggleButton(viewModel.i18n().get(view.titleKey()));
            button.setId("nav-" + view.id());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add("kcwb-nav-button");
            button.setSelected(view.id().equals(viewModel.selectedViewProperty().get()));
            button.setOnAction(event -> {
                button.setSelected(true); // a nav toggle cannot be switched off by clicking it again
                viewModel.showView(view.id());
            });
            viewModel.selectedViewProperty().addListener((obs, old, id) -> button.setSelected(view.id().equals(id)));
            nav.getChildren().add(button);
        }
        return nav;
    }

    private void show(String id) {
        Node node = builtViews.computeIfAbsent(id, key -> {
            Node built = views.get(key).createContent(context);
            built.setId("view-" + key);
            return built;
        });
        content.getChildren().setAll(node);
    }
}
