package kcwb.storage.project;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kcwb.storage.StorageException;
import kcwb.storage.workspace.Workspace;

/** Projects: create, find, list, edit the guideline. */
public final class ProjectRepository {
    private static final String COLUMNS = "id, name, task_type, guideline, created_at";
    private final Workspace workspace;

    public ProjectRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    public Project create(String name, TaskType taskType) {
        if (name == null || name.isBlank()) {
            throw new StorageException("a project needs a non-blank name");
        }
        if (find(name).isPresent()) {
            throw new StorageException("project '" + name + "' already exists in " + workspace.file());
        }
        return workspace.inTransaction(() -> {
            Instant now = Instant.now();
            PreparedStatement insert = workspace.prepared(
                    "INSERT INTO projects(name, task_type, created_at) VALUES (?, ?, ?)");
            insert.setString(1, name);
            insert.setString(2, taskType.key());
            insert.setString(3, now.toString());
            insert.executeUpdate();
            return new Project(workspace.lastInsertId(), name, taskType, "", now);
        });
    }

    public Optional<Project> find(String name) {
        return workspace.call(() -> one("SELECT " + COLUMNS + " FROM projects WHERE name = ?", name));
    }

    public Optional<Project> get(long id) {
        return workspace.call(() -> one("SELECT " + COLUMNS + " FROM projects WHERE id = ?", id));
    }

    /** The project named {@code name}, or a {@link StorageException} listing the existing ones. */
    public Project require(String name) {
        return find(name).orElseThrow(() -> new StorageException(workspace.file() + ": no project '" + name
                + "' (projects: " + list().stream().map(Project::name).toList() + ")"));
    }

    public List<Project> list() {
        return workspace.call(() -> {
            List<Project> projects = new ArrayList<>();
            try (ResultSet rows = workspace.prepared("SELECT " + COLUMNS + " FROM projects ORDER BY id").executeQuery()) {
                while (rows.next()) {
                    projects.add(map(rows));
                }
            }
            return projects;
        });
    }

    public void setGuideline(long projectId, String guideline) {
        workspace.inTransaction(() -> {
            PreparedStatement update = workspace.prepared("UPDATE projects SET guideline = ? WHERE id = ?");
            update.setString(1, guideline);
            update.setLong(2, projectId);
            return update.executeUpdate();
        });
    }

    private Optional<Project> one(String sql, Object key) throws SQLException {
        PreparedStatement select = workspace.prepared(sql);
        select.setObject(1, key);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(map(rows)) : Optional.empty();
        }
    }

    private static Project map(ResultSet rows) throws SQLException {
        return new Project(rows.getLong(1), rows.getString(2), TaskType.fromKey(rows.getString(3)),
                rows.getString(4), Instant.parse(rows.getString(5)));
    }
}
