package dev.pglabs.graders.lab05;

import dev.pglabs.grading.IndexCatalog;
import dev.pglabs.grading.IndexCatalog.Index;
import dev.pglabs.grading.PartialCredit;
import dev.pglabs.grading.PlanInspector;
import dev.pglabs.grading.PlanInspector.Plan;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.provisioning.StudentSession;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.sql.SqlScript;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;
import dev.pglabs.submission.SubmissionProblem;
import org.opentest4j.AssertionFailedError;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run of a lab 05 exercise: the student's index file on a fresh copy of the data, then (ANALYZE and)
 * EXPLAIN of the exercise's query as the grader, with the planner settings pinned. Holds what the grader
 * judges: the plan, the indexes before and after the file, and builds the feedback.
 */
final class IndexRun {

    /** What these files may hold: statements about indexes (and harmless session statements), nothing else. */
    private static final List<String> ALLOWED = List.of("CREATE INDEX", "CREATE UNIQUE INDEX", "DROP INDEX",
            "ALTER INDEX", "COMMENT ON INDEX", "ANALYZE", "SET ", "RESET ", "BEGIN", "COMMIT", "START TRANSACTION",
            "END");

    /** Time limit per statement of the student's file (the default sandbox limit is 5 s). */
    static final Duration INDEX_BUILD_LIMIT = Duration.ofSeconds(30);

    final SqlAnswer answer;
    final String table;
    final String query;
    final Plan plan;
    final List<Index> before;
    final List<Index> after;
    private final SqlCheck sql;
    private final Connection admin;

    private IndexRun(SqlCheck sql, Connection admin, SqlAnswer answer, String table, String query, Plan plan,
                     List<Index> before, List<Index> after) {
        this.sql = sql;
        this.admin = admin;
        this.answer = answer;
        this.table = table;
        this.query = query;
        this.plan = plan;
        this.before = before;
        this.after = after;
    }

    /**
     * Reads and checks the file, runs it as the student, ANALYZEs {@code table} if the file indexed an expression on it,
     * and reads the plan of {@code query} (either may be null: nothing to analyze or explain).
     */
    static IndexRun execute(SqlCheck sql, LabFiles files, String file, String table, String query) {
        SqlAnswer answer = onlyIndexStatements(files.sql(file));
        CheckDatabase db = sql.database();
        Connection admin = db.openAdmin();
        try {
            List<Index> before = IndexCatalog.list(admin, "public");
            // Building an index on a million rows takes about a second, several on a busy machine: more than the
            // sandbox's 5 s per statement allows there. The file gets its own session with a longer limit.
            StudentSession builder = db.openStudent(INDEX_BUILD_LIMIT);
            builder.execute("SET statement_timeout = '" + INDEX_BUILD_LIMIT.toSeconds() + "s'",
                    "the grader's session set-up");
            builder.execute(answer.statements(), answer.origin());
            List<Index> after = IndexCatalog.list(admin, "public");
            // The data's statistics were gathered when the template was built (VACUUM ANALYZE), and CREATE INDEX
            // records the size of each new index. Only an index on an expression brings statistics of its own
            // (the values of lower(email), …), so only then does the table need ANALYZE before EXPLAIN.
            Set<Long> old = before.stream().map(Index::oid).collect(Collectors.toSet());
            boolean expressionIndex = after.stream().anyMatch(i -> !old.contains(i.oid()) && i.table().equals(table)
                    && i.hasExpressionKey());
            if (table != null && expressionIndex) {
                try (Statement st = admin.createStatement()) {
                    st.execute("SET default_statistics_target = 100");
                    st.execute("ANALYZE public." + table);
                }
            }
            Plan plan = query == null ? null : PlanInspector.explain(admin, query);
            return new IndexRun(sql, admin, answer, table, query, plan, before, after);
        } catch (SQLException e) {
            throw new ProvisioningException("The grader's ANALYZE or EXPLAIN failed (a bug in the grader, not in your "
                    + "answer): " + e.getMessage(), e);
        }
    }

    /** Refuses statements that are not about indexes: the file is an answer, not a place to change the data. */
    static SqlAnswer onlyIndexStatements(SqlAnswer answer) {
        for (SqlScript.Statement statement : answer.statements()) {
            String code = SqlScript.withoutComments(statement.sql()).strip();
            if (code.isEmpty()) {
                continue;
            }
            String normalized = code.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT) + " ";
            if (ALLOWED.stream().noneMatch(normalized::startsWith)) {
                String firstLine = code.lines().findFirst().orElse("");
                throw new SubmissionProblem(CheckStatus.FAILED, answer.origin() + " line " + statement.line()
                        + " holds a statement that is not about indexes:\n  " + abbreviate(firstLine, 80)
                        + "\nThe files of this lab hold only CREATE INDEX (and DROP INDEX) statements. The grader runs "
                        + "your file on a fresh copy of the data, so there is nothing to set up, change or query: "
                        + "remove that statement.");
            }
        }
        return answer;
    }

    // ---- what the plan and the catalog say ---------------------------------------------------------------

    /** Indexes the student's file created (valid ones: a failed CREATE INDEX CONCURRENTLY leaves an invalid one). */
    List<Index> created() {
        Set<Long> old = before.stream().map(Index::oid).collect(Collectors.toSet());
        return after.stream().filter(i -> !old.contains(i.oid()) && i.valid()).toList();
    }

    /** Indexes present after the file on this table. */
    List<Index> onTable(String tableName) {
        return after.stream().filter(i -> i.table().equals(tableName)).toList();
    }

    /** The indexes of the exercise's table that the plan reads. */
    List<Index> used() {
        List<String> names = plan.indexScansOf(table).stream().map(PlanInspector.Node::index).distinct().toList();
        return names.stream().flatMap(n -> IndexCatalog.named(onTable(table), n).stream()).toList();
    }

    Optional<Index> used(Predicate<Index> intended) {
        return used().stream().filter(intended).findFirst();
    }

    boolean seqScan() {
        return !plan.seqScansOf(table).isEmpty();
    }

    /** The student's indexes the plan does not read. */
    List<Index> unusedCreated() {
        Set<String> read = Set.copyOf(plan.indexesUsed());
        return created().stream().filter(i -> !read.contains(i.name())).toList();
    }

    /** Runs a query as the student (used to evaluate an index predicate without grader rights). */
    long countAsStudent(String countQuery, String what) {
        Object value = sql.database().student().query(countQuery, what).rows().get(0).get(0);
        return ((Number) value).longValue();
    }

    long countAsGrader(String countQuery) {
        try (Statement st = admin.createStatement(); var rs = st.executeQuery(countQuery)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new ProvisioningException("The grader's own query failed (a bug in the grader, not in your answer): "
                    + e.getMessage(), e);
        }
    }

    // ---- feedback ----------------------------------------------------------------------------------------

    /** The query, its plan, and the indexes the file created. */
    String report() {
        StringBuilder s = new StringBuilder();
        s.append("\n\nThe query:\n  ").append(query);
        s.append("\n\nIts plan (EXPLAIN, after your file ran):\n")
                .append(plan.render().indent(2).stripTrailing());
        s.append("\n\n").append(createdList());
        return s.toString();
    }

    String createdList() {
        List<Index> created = created();
        if (created.isEmpty()) {
            return "Your file created no index.";
        }
        return "Your file created:\n" + created.stream().map(i -> "  " + i.describe()).collect(Collectors.joining("\n"));
    }

    /**
     * Ends the check. {@code problem} null means the index serves the query as intended; otherwise it says what
     * is missing and {@code earned} the points it is still worth. With {@code penaliseExtras}, indexes the file
     * created that the query does not use cost half the points.
     */
    void finish(double points, double earned, String problem, boolean penaliseExtras) {
        List<String> extras = penaliseExtras ? extraIndexNotes() : List.of();
        if (problem == null && extras.isEmpty()) {
            return;
        }
        double score = earned;
        StringBuilder message = new StringBuilder();
        if (problem != null) {
            message.append(problem);
        } else {
            message.append("The query is served as intended, but your file also creates indexes it does not use.");
        }
        if (!extras.isEmpty()) {
            double before = score;
            score = Math.max(0, score - points / 2);
            // Say what is left: "costs 1 of the 2 points" under a "Half way" that had earned 1 reads like 1 remains.
            message.append("\n\n").append(String.join("\n", extras)).append("\nEvery index takes disk space and must be "
                    + "updated by every INSERT, UPDATE and DELETE of its table. Keep only the indexes your queries use "
                    + "(this costs " + fmt(points / 2) + " of the " + fmt(points) + " points"
                    + (before < points ? ": with the problem above, " + fmt(score) + " of " + fmt(points) + " are left"
                    : "") + ").");
        }
        message.append(report());
        if (score > 0) {
            throw new PartialCredit(score, message.toString());
        }
        throw new AssertionFailedError(message.toString());
    }

    /** Why each index the file created but the plan does not read is superfluous. */
    private List<String> extraIndexNotes() {
        List<String> notes = new ArrayList<>();
        for (Index extra : unusedCreated()) {
            String why = byPreference().filter(o -> o.oid() != extra.oid() && o.sameKeysAs(extra)).findFirst()
                    .map(o -> " is a duplicate of " + o.name() + ": same table, same keys" + (o.partial() ? ", same WHERE" : "")
                            + ", different name only.")
                    .or(() -> byPreference().filter(o -> o.oid() != extra.oid() && extra.isPrefixOf(o)).findFirst()
                            .map(o -> " is redundant: its keys are the first keys of " + o.name()
                                    + ", which serves every search it could serve."))
                    .orElse(" is not used by this query.");
            notes.add("- " + extra.describe() + why);
        }
        return notes;
    }

    /** Indexes to name as "the other one": constraint indexes first, then those the data came with, then the rest. */
    private Stream<Index> byPreference() {
        Set<Long> created = created().stream().map(Index::oid).collect(Collectors.toSet());
        return after.stream().sorted(Comparator.comparing((Index i) -> i.constraint() == null)
                .thenComparing(i -> created.contains(i.oid())));
    }

    /** Explains, for each created index on the table that the plan does not read, why it cannot help. */
    String whyCreatedIndexesDoNotHelp(String leadingKey, String leadingKeyWords) {
        List<String> notes = new ArrayList<>();
        Set<String> read = Set.copyOf(plan.indexesUsed());
        for (Index index : created()) {
            if (!index.table().equals(table) || read.contains(index.name())) {
                continue;
            }
            int position = index.keyExpressions().indexOf(leadingKey);
            if (position > 0) {
                notes.add(index.describe() + " has " + leadingKey + " as key " + (position + 1) + ", not as its first key. "
                        + "A B-tree is sorted by its first key (and by the next key only among equal first keys), "
                        + "so it cannot jump to " + leadingKeyWords + ".");
            } else if (position == 0 && index.partial()) {
                notes.add(index.describe() + " is a partial index: it holds only the rows where " + index.predicate()
                        + ", so PostgreSQL can use it only for queries whose WHERE guarantees that. This query's "
                        + "WHERE does not, so the index cannot answer it.");
            } else if (position < 0) {
                notes.add(index.describe() + " does not contain " + leadingKey + " at all, so it cannot find "
                        + leadingKeyWords + ".");
            }
        }
        return notes.isEmpty() ? "" : "\n" + String.join("\n", notes);
    }

    static String fmt(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : Double.toString(points);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
