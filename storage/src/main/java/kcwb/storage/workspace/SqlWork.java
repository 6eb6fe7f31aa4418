package kcwb.storage.workspace;

import java.sql.SQLException;

/** A unit of database work that may throw {@link SQLException}; run it with {@link Workspace#inTransaction}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run() throws SQLException;
}
