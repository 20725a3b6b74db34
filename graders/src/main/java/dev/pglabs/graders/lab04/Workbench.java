package dev.pglabs.graders.lab04;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.grading.TableSnapshot;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.submission.SqlAnswer;
import org.opentest4j.AssertionFailedError;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.pglabs.graders.lab04.Lab04NormalizationGrader.FLAT_COLUMNS;
import static dev.pglabs.graders.lab04.Lab04NormalizationGrader.STAGING;
import static dev.pglabs.graders.lab04.Lab04NormalizationGrader.VIEW;

/**
 * One check's database and the grader's tools on it. Created only after the answer files were read, so a
 * missing answer costs no database. The grader's own connection has its search_path pinned to pg_catalog,
 * so none of the student's functions or operators run with the grader's rights.
 */
final class Workbench {

    /** The flat file has a few hundred lines; a student table far bigger than that is a runaway load. */
    static final int MAX_TABLE_ROWS = 20_000;
    static final String FLAT_QUERY = "SELECT " + String.join(", ", FLAT_COLUMNS) + " FROM public." + STAGING;
    private static final String VIEW_QUERY = "SELECT * FROM public." + VIEW;
    private static final String VIEW_ORIGIN = "your view " + VIEW + " (SELECT * FROM " + VIEW + ")";

    final CheckDatabase db;
    final CatalogInspector catalog;
    private final List<String> datasetTables;
    private Connection admin;

    Workbench(SqlCheck sql) {
        db = sql.database();
        catalog = new CatalogInspector(db);
        datasetTables = catalog.tables();
    }

    /** Runs the student's scripts in order, as the student, in the check's session. */
    void run(SqlAnswer... scripts) {
        for (SqlAnswer script : scripts) {
            db.student().execute(script.statements(), script.origin());
        }
    }

    /** The tables the student created: those of the schema that were not in the dataset. */
    List<String> studentTables() {
        return catalog.tables().stream().filter(t -> !datasetTables.contains(t)).toList();
    }

    /** The lines of the staging table (read before the student's scripts, which may empty it). */
    ResultTable flat() {
        try (Statement st = admin().createStatement(); ResultSet rs = st.executeQuery(FLAT_QUERY)) {
            return ResultTable.read(rs, MAX_TABLE_ROWS);
        } catch (SQLException e) {
            throw graderBug(e);
        }
    }

    /** The student's view, read as the student (a view may call the student's functions). */
    ResultTable view() {
        return db.student().query(VIEW_QUERY, VIEW_ORIGIN);
    }

    /** Empties the staging table, so that only the student's tables can feed the view from now on. */
    void emptyStaging() {
        try (Statement st = admin().createStatement()) {
            st.execute("TRUNCATE public." + STAGING);
        } catch (SQLException e) {
            throw graderBug(e);
        }
    }

    TableSnapshot snapshot(List<String> tables) {
        try {
            return TableSnapshot.take(admin(), tables, MAX_TABLE_ROWS);
        } catch (SQLException e) {
            throw graderBug(e);
        }
    }

    /** The view must exist, be a view, and be built on the student's tables rather than on the staging table. */
    void requireView(SqlAnswer viewFile) {
        Optional<CatalogInspector.RelationKind> kind = catalog.relation(VIEW);
        if (kind.isEmpty()) {
            List<String> elsewhere = catalogStrings("SELECT n.nspname::text FROM pg_class c JOIN pg_namespace n "
                    + "ON n.oid = c.relnamespace WHERE c.relname = '" + VIEW + "' AND n.nspname <> 'public'");
            throw new AssertionFailedError(viewFile.origin() + " ran, but there is no view named " + VIEW
                    + (elsewhere.isEmpty() ? "" : " in the schema public (there is one in " + elsewhere.get(0)
                    + ": a temporary view, or a changed search_path? Leave search_path alone and don't write "
                    + "TEMP)") + ". Create it with CREATE VIEW " + VIEW + " AS SELECT …;");
        }
        if (kind.get() != CatalogInspector.RelationKind.VIEW) {
            throw new AssertionFailedError(VIEW + " is " + kind.get().inWords() + ", not a view. A table (or a "
                    + "materialized view) is one more copy of the data, which the next change makes wrong. Create "
                    + "it with CREATE VIEW, so it reads your tables each time.");
        }
        List<String> readsStaging = catalogStrings("""
                SELECT DISTINCT d.refobjid::regclass::text
                FROM pg_rewrite r
                JOIN pg_class v ON v.oid = r.ev_class
                JOIN pg_namespace n ON n.oid = v.relnamespace
                JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                                AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
                JOIN pg_class t ON t.oid = d.refobjid
                WHERE n.nspname = 'public' AND v.relname = '%s' AND t.relname = '%s'""".formatted(VIEW, STAGING));
        if (!readsStaging.isEmpty()) {
            throw new AssertionFailedError(VIEW + " reads " + STAGING + ", the staging table. The view must "
                    + "rebuild the lines from your own tables: that is what proves they lost nothing. (After a "
                    + "load, the staging table is usually emptied or dropped.)");
        }
    }

    private List<String> catalogStrings(String sql) {
        try (Statement st = admin().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw graderBug(e);
        }
    }

    private Connection admin() throws SQLException {
        if (admin == null || admin.isClosed()) {
            admin = db.openAdmin();  // closed with the check
            try (Statement st = admin.createStatement()) {
                st.execute("SET search_path = pg_catalog, pg_temp");
                st.execute("SET statement_timeout = '20s'");
            }
        }
        return admin;
    }

    private static ProvisioningException graderBug(SQLException e) {
        return new ProvisioningException("The grader's own query failed (a bug in the grader, not in your "
                + "answer): " + e.getMessage(), e);
    }
}
