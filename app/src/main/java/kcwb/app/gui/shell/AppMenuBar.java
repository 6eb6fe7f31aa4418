package kcwb.app.gui.shell;

import java.nio.file.Path;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import kcwb.app.gui.common.I18n;

/** File (workspaces), View (language, theme) and Help (about). Binding and forwarding only. */
final class AppMenuBar {
    private final MainViewModel viewModel;
    private final MenuActions actions;
    private final I18n i18n;

    AppMenuBar(MainViewModel viewModel, MenuActions actions) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.i18n = viewModel.i18n();
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(fileMenu(), viewMenu(), helpMenu());
        bar.setId("menu-bar");
        return bar;
    }

    private Menu fileMenu() {
        MenuItem create = item("menu.file.new", "menu-new-workspace", actions::chooseWorkspaceToCreate);
        create.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        MenuItem open = item("menu.file.open", "menu-open-workspace", actions::chooseWorkspaceToOpen);
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        Menu recent = new Menu(i18n.get("menu.file.recent"));
        recent.setId("menu-recent");
        fillRecent(recent);
        viewModel.recentWorkspaces().addListener((ListChangeListener<String>) change -> fillRecent(recent));
        MenuItem quit = item("menu.file.quit", "menu-quit", actions::quit);
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        Menu file = new Menu(i18n.get("menu.file"), null, create, open, recent, new SeparatorMenuItem(), quit);
        file.setId("menu-file");
        return file;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (String workspace : viewModel.recentWorkspaces()) {
            MenuItem entry = new MenuItem(workspace);
            entry.setMnemonicParsing(false);
            entry.setOnAction(event -> viewModel.openWorkspace(Path.of(workspace)));
            recent.getItems().add(entry);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem(i18n.get("menu.file.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private Menu viewMenu() {
        ToggleGroup languages = new ToggleGroup();
        RadioMenuItem korean = new RadioMenuItem(i18n.get("menu.view.language.ko"));
        korean.setId("menu-language-ko");
        korean.setToggleGroup(languages);
        korean.setSelected(i18n.isKorean());
        korean.setOnAction(event -> viewModel.changeLanguage(Locale.KOREAN));
        RadioMenuItem english = new RadioMenuItem(i18n.get("menu.view.language.en"));
        english.setId("menu-language-en");
        english.setToggleGroup(languages);
        english.setSelected(!i18n.isKorean());
        english.setOnAction(event -> viewModel.changeLanguage(Locale.ENGLISH));
        Menu language = new Menu(i18n.get("menu.view.language"), null, korean, english);
        CheckMenuItem dark = new CheckMenuItem(i18n.get("menu.view.dark"));
        dark.setId("menu-dark-theme");
        dark.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        Menu view = new Menu(i18n.get("menu.view"), null, goTo(), language, dark);
        view.setId("menu-view");
        return view;
    }

    /** Shortcut+1..n jump to the views in navigation order (plain digits are the labeling hotkeys). */
    private Menu goTo() {
        Menu goTo = new Menu(i18n.get("menu.view.goto"));
        int number = 1;
        for (String id : viewModel.viewIds()) {
            MenuItem item = item("nav." + id, "menu-goto-" + id, () -> viewModel.showView(id));
            if (number <= 9) {
                item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + number++));
            }
            goTo.getItems().add(item);
        }
        return goTo;
    }

    private Menu helpMenu() {
        Menu help = new Menu(i18n.get("menu.help"), null, item("menu.help.about", "menu-about", actions::showAbout));
        help.setId("menu-help");
        return help;
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem(i18n.get(key));
        item.setId(id);
        item.setOnAction(event -> action.run());
        return item;
    }
}
