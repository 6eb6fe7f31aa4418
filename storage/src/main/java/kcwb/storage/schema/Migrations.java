package kcwb.storage.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered list of schema migrations (resources {@code V<n>__<name>.sql} next to this class)
 * and the code that applies the missing ones inside one transaction. The schema version lives in
 * {@code PRAGMA user_version}; {@code PRAGMA application_id} marks the file as a Kc Workbench workspace.
 */
public final class Migrations {
    /** 'KCWB' in ASCII. */
    public static final int APPLICATION_ID = 0x4B435742;
    private static final String[] FILES = {"V1__initial.sql", "V2__batch_source_name.sql",
            "V3__compact_imports.sql"};

    private Migrations() {}

    public static List<Migration> all() {
        List<Migration> migrations = new ArrayList<>();
        for (String file : FILES) {
            int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
            migrations.add(new Migration(version, file, statements(read(file))));
        }
        return migrations;
    }

    public static int latestVersion() {
        return FILES.length;
    }

    public static int userVersion(Connection connection) throws SQLException {
        return intPragma(connection, "user_version");
    }

    public static int applicationId(Connection connection) throws SQLException {
        return intPragma(connection, "application_id");
    }

    /** Applies every migration newer than the file's version, all in one transaction. */
    public static void migrate(Connection connection) throws SQLException {
        int current = userVersion(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (Migration migration : all()) {
                if (migration.version() <= current) {
                    continue;
                }
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + migration.version());
            }
            statement.execute("PRAGMA application_id = " + APPLICATION_ID);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int intPragma(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.strip().equals(";")) {
                addIfNotBlank(statements, current);
                current.setLength(0);
            } else if (!line.strip().startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder sql) {
        if (!sql.toString().isBlank()) {
            statements.add(sql.toString().strip());
        }
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("/kcwb/storage/schema/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
