package kcwb.storage.run;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kcwb.storage.workspace.Workspace;

/** Model predictions per item (for review queues and active learning). */
public final class PredictionRepository {
    private static final String COLUMNS = "id, run_id, item_id, model, label, probabilities_json, uncertainty";
    private final Workspace workspace;

    public PredictionRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Inserts predictions in one transaction (ids in the arguments are ignored). */
    public void insertAll(List<Prediction> predictions) {
        workspace.inTransaction(() -> {
            PreparedStatement insert = workspace.prepared("INSERT INTO predictions(run_id, item_id, model, label,"
                    + " probabilities_json, uncertainty, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
            String now = Instant.now().toString();
            for (Prediction prediction : predictions) {
                if (prediction.runId() == null) {
                    insert.setNull(1, Types.INTEGER);
                } else {
                    insert.setLong(1, prediction.runId());
                }
                insert.setLong(2, prediction.itemId());
                insert.setString(3, prediction.model());
                insert.setString(4, prediction.label());
                insert.setString(5, prediction.probabilitiesJson());
                if (prediction.uncertainty() == null) {
                    insert.setNull(6, Types.REAL);
                } else {
                    insert.setDouble(6, prediction.uncertainty());
                }
                insert.setString(7, now);
                insert.addBatch();
            }
            insert.executeBatch();
            return null;
        });
    }

    public List<Prediction> forRun(long runId) {
        return query("SELECT " + COLUMNS + " FROM predictions WHERE run_id = ? ORDER BY item_id, id", runId);
    }

    public List<Prediction> forItem(long itemId) {
        return query("SELECT " + COLUMNS + " FROM predictions WHERE item_id = ? ORDER BY id", itemId);
    }

    /**
     * The latest prediction of every item of the project that has one (for the review queue), most uncertain
     * first; predictions without an uncertainty come last, ties in item order.
     */
    public List<Prediction> latestPerItem(long projectId) {
        return query("SELECT p.id, p.run_id, p.item_id, p.model, p.label, p.probabilities_json, p.uncertainty"
                + " FROM predictions p JOIN items i ON i.id = p.item_id WHERE i.project_id = ?"
                + " AND p.id = (SELECT max(q.id) FROM predictions q WHERE q.item_id = p.item_id)"
                + " ORDER BY p.uncertainty IS NULL, p.uncertainty DESC, p.item_id", projectId);
    }

    private List<Prediction> query(String sql, long key) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared(sql);
            select.setLong(1, key);
            List<Prediction> predictions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    predictions.add(map(rows));
                }
            }
            return predictions;
        });
    }

    private static Prediction map(ResultSet rows) throws SQLException {
        long run = rows.getLong(2);
        Long runId = rows.wasNull() ? null : run;
        double value = rows.getDouble(7);
        Double uncertainty = rows.wasNull() ? null : value;
        return new Prediction(rows.getLong(1), runId, rows.getLong(3), rows.getString(4), rows.getString(5),
                rows.getString(6), uncertainty);
    }
}
