package kcwb.storage.run;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kcwb.storage.StorageException;
import kcwb.storage.workspace.Workspace;

/** Training runs, their per-step events and their checkpoints. */
public final class RunRepository {
    private static final String COLUMNS = "id, project_id, name, state, config_json, dataset_hash, provenance_json, run_dir,"
            + " started_at, finished_at, message";
    private final Workspace workspace;

    public RunRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Records a new run in state RUNNING and returns it. */
    public Run start(long projectId, String name, String configJson, String datasetHash, String runDir) {
        return workspace.inTransaction(() -> {
            Instant now = Instant.now();
            PreparedStatement insert = workspace.prepared("INSERT INTO runs(project_id, name, state, config_json, dataset_hash,"
                    + " run_dir, started_at) VALUES (?, ?, 'running', ?, ?, ?, ?)");
            insert.setLong(1, projectId);
            insert.setString(2, name);
            insert.setString(3, configJson);
            insert.setString(4, datasetHash);
            insert.setString(5, runDir);
            insert.setString(6, now.toString());
            insert.executeUpdate();
            return new Run(workspace.lastInsertId(), projectId, name, RunState.RUNNING, configJson, datasetHash, null,
                    runDir, now, null, null);
        });
    }

    public void setProvenance(long runId, String provenanceJson) {
        update("UPDATE runs SET provenance_json = ? WHERE id = ?", provenanceJson, runId);
    }

    /** Moves a run to a final state with an optional message (e.g. the failure's cause). */
    public void finish(long runId, RunState state, String message) {
        if (state == RunState.RUNNING) {
            throw new StorageException("finish() needs a final state, not running");
        }
        workspace.inTransaction(() -> {
            PreparedStatement update = workspace.prepared("UPDATE runs SET state = ?, finished_at = ?, message = ? WHERE id = ?");
            update.setString(1, state.key());
            update.setString(2, Instant.now().toString());
            update.setString(3, message);
            update.setLong(4, runId);
            return update.executeUpdate();
        });
    }

    /**
     * Puts a stopped run (interrupted, cancelled, failed) back to RUNNING so a resume from its checkpoint at
     * {@code fromStep} continues the same row: the events and checkpoint rows after that step belong to the
     * abandoned continuation, which the resumed run redoes, so they are deleted; the message and end time clear.
     */
    public void reopen(long runId, long fromStep) {
        workspace.inTransaction(() -> {
            PreparedStatement events = workspace.prepared("DELETE FROM run_events WHERE run_id = ? AND step > ?");
            events.setLong(1, runId);
            events.setLong(2, fromStep);
            events.executeUpdate();
            PreparedStatement checkpoints = workspace.prepared("DELETE FROM checkpoints WHERE run_id = ? AND step > ?");
            checkpoints.setLong(1, runId);
            checkpoints.setLong(2, fromStep);
            checkpoints.executeUpdate();
            PreparedStatement update = workspace.prepared(
                    "UPDATE runs SET state = 'running', finished_at = NULL, message = NULL WHERE id = ?");
            update.setLong(1, runId);
            return update.executeUpdate();
        });
    }

    /** The newest run of the project whose checkpoints go to {@code runDir} (the folder a resume continues). */
    public Optional<Run> findByRunDir(long projectId, String runDir) {
        return list(projectId).stream().filter(r -> runDir.equals(r.runDir())).reduce((first, second) -> second);
    }

    public long addEvent(long runId, long step, Double epoch, String kind, String metricsJson) {
        return workspace.inTransaction(() -> {
            PreparedStatement insert = workspace.prepared("INSERT INTO run_events(run_id, step, epoch, kind, metrics_json, at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)");
            insert.setLong(1, runId);
            insert.setLong(2, step);
            if (epoch == null) {
                insert.setNull(3, Types.REAL);
            } else {
                insert.setDouble(3, epoch);
            }
            insert.setString(4, kind);
            insert.setString(5, metricsJson);
            insert.setString(6, Instant.now().toString());
            insert.executeUpdate();
            return workspace.lastInsertId();
        });
    }

    public List<RunEvent> events(long runId) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT id, run_id, step, epoch, kind, metrics_json, at"
                    + " FROM run_events WHERE run_id = ? ORDER BY step, id");
            select.setLong(1, runId);
            List<RunEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    double value = rows.getDouble(4);
                    Double epoch = rows.wasNull() ? null : value;
                    events.add(new RunEvent(rows.getLong(1), rows.getLong(2), rows.getLong(3), epoch,
                            rows.getString(5), rows.getString(6), Instant.parse(rows.getString(7))));
                }
            }
            return events;
        });
    }

    /** Records a checkpoint; when {@code best}, it becomes the run's only best checkpoint. */
    public Checkpoint addCheckpoint(long runId, String path, long step, String metricsJson, boolean best) {
        return workspace.inTransaction(() -> {
            if (best) {
                PreparedStatement clear = workspace.prepared("UPDATE checkpoints SET is_best = 0 WHERE run_id = ?");
                clear.setLong(1, runId);
                clear.executeUpdate();
            }
            Instant now = Instant.now();
            PreparedStatement insert = workspace.prepared("INSERT INTO checkpoints(run_id, path, step, metrics_json, is_best,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?)");
            insert.setLong(1, runId);
            insert.setString(2, path);
            insert.setLong(3, step);
            insert.setString(4, metricsJson);
            insert.setInt(5, best ? 1 : 0);
            insert.setString(6, now.toString());
            insert.executeUpdate();
            return new Checkpoint(workspace.lastInsertId(), runId, path, step, metricsJson, best, now);
        });
    }

    public List<Checkpoint> checkpoints(long runId) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT id, run_id, path, step, metrics_json, is_best, created_at"
                    + " FROM checkpoints WHERE run_id = ? ORDER BY step, id");
            select.setLong(1, runId);
            List<Checkpoint> checkpoints = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    checkpoints.add(new Checkpoint(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getLong(4),
                            rows.getString(5), rows.getInt(6) == 1, Instant.parse(rows.getString(7))));
                }
            }
            return checkpoints;
        });
    }

    public Optional<Run> get(long runId) {
        return query("SELECT " + COLUMNS + " FROM runs WHERE id = ?", runId).stream().findFirst();
    }

    public List<Run> list(long projectId) {
        return query("SELECT " + COLUMNS + " FROM runs WHERE project_id = ? ORDER BY id", projectId);
    }

    private void update(String sql, String value, long id) {
        workspace.inTransaction(() -> {
            PreparedStatement update = workspace.prepared(sql);
            update.setString(1, value);
            update.setLong(2, id);
            return update.executeUpdate();
        });
    }

    private List<Run> query(String sql, long key) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared(sql);
            select.setLong(1, key);
            List<Run> runs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(map(rows));
                }
            }
            return runs;
        });
    }

    private static Run map(ResultSet rows) throws SQLException {
        String finished = rows.getString(10);
        return new Run(rows.getLong(1), rows.getLong(2), rows.getString(3), RunState.fromKey(rows.getString(4)),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), Instant.parse(rows.getString(9)),
                finished == null ? null : Instant.parse(finished), rows.getString(11));
    }
}
