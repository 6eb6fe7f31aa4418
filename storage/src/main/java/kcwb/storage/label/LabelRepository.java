package kcwb.storage.label;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kcwb.storage.StorageException;
import kcwb.storage.workspace.Workspace;

/** A project's label set, in display order. */
public final class LabelRepository {
    private static final String COLUMNS = "id, project_id, name, display_name, color, hotkey, position";
    private static final String[] PALETTE = {"#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F",
        "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"};
    private final Workspace workspace;

    public LabelRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Adds a label at the end with a default colour and hotkey ("1".."9", then none). */
    public Label add(long projectId, String name) {
        int position = list(projectId).size();
        String hotkey = position < 9 ? Integer.toString(position + 1) : null;
        return add(projectId, name, name, PALETTE[position % PALETTE.length], hotkey);
    }

    public Label add(long projectId, String name, String displayName, String color, String hotkey) {
        if (name == null || name.isBlank()) {
            throw new StorageException("a label needs a non-blank name");
        }
        return workspace.inTransaction(() -> {
            if (find(projectId, name).isPresent()) {
                throw new StorageException("label '" + name + "' already exists in this project");
            }
            int position = list(projectId).size();
            PreparedStatement insert = workspace.prepared("INSERT INTO labels(project_id, name, display_name, color, hotkey, position)"
                    + " VALUES (?, ?, ?, ?, ?, ?)");
            insert.setLong(1, projectId);
            insert.setString(2, name);
            insert.setString(3, displayName);
            insert.setString(4, color);
            insert.setString(5, hotkey);
            insert.setInt(6, position);
            insert.executeUpdate();
            return new Label(workspace.lastInsertId(), projectId, name, displayName, color, hotkey, position);
        });
    }

    public void update(Label label) {
        workspace.inTransaction(() -> {
            PreparedStatement update = workspace.prepared(
                    "UPDATE labels SET display_name = ?, color = ?, hotkey = ?, position = ? WHERE id = ?");
            update.setString(1, label.displayName());
            update.setString(2, label.color());
            update.setString(3, label.hotkey());
            update.setInt(4, label.position());
            update.setLong(5, label.id());
            return update.executeUpdate();
        });
    }

    public List<Label> list(long projectId) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT " + COLUMNS + " FROM labels WHERE project_id = ? ORDER BY position, id");
            select.setLong(1, projectId);
            List<Label> labels = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    labels.add(map(rows));
                }
            }
            return labels;
        });
    }

    public List<String> names(long projectId) {
        return list(projectId).stream().map(Label::name).toList();
    }

    public Optional<Label> find(long projectId, String name) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT " + COLUMNS + " FROM labels WHERE project_id = ? AND name = ?");
            select.setLong(1, projectId);
            select.setString(2, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        });
    }

    private static Label map(ResultSet rows) throws SQLException {
        return new Label(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getInt(7));
    }
}
