package dev.pglabs.graders.lab02;

import dev.pglabs.comparison.TableFormatter;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.CatalogInspector.Column;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What lab 02 expects of a table's columns, and the feedback when the catalog shows something else: a small
 * table of expected vs found per column, then one line per problem saying why and what to write instead.
 * Several designs pass: text or varchar(n) with a sensible n, integer or bigint, identity or serial.
 */
final class TableDesign {

    /**
     * One expected column.
     *
     * @param expected what the task asks, in a few words for the feedback table
     * @param verdict  null when the column is fine, else why not and what to do
     */
    record ColumnRule(String name, String expected, Function<Column, String> verdict) {
    }

    private TableDesign() {
    }

    // ---- column rules ---------------------------------------------------------------------------------

    /** A surrogate key: integer or bigint, filled by PostgreSQL (identity or serial). */
    static ColumnRule generatedId(String name) {
        return new ColumnRule(name, "integer or bigint, generated", c -> {
            String type = wholeNumberProblem(c);
            if (type != null) {
                return type;
            }
            if (!c.isGeneratedFromSequence()) {
                return name + " is not generated: PostgreSQL must pick the numbers. Declare it "
                        + "GENERATED ALWAYS AS IDENTITY (or use serial / bigserial).";
            }
            return null;
        });
    }

    /** A column that holds another row's id: integer or bigint, never generated. */
    static ColumnRule reference(String name, String referencedTable) {
        return new ColumnRule(name, "integer or bigint", c -> {
            String type = wholeNumberProblem(c);
            if (type != null) {
                return type;
            }
            if (c.isGeneratedFromSequence()) {
                return name + " must not be generated (identity or serial): it holds the id of an existing row "
                        + "of " + referencedTable + ", which you give when you insert.";
            }
            return null;
        });
    }

    /** A count such as views: integer or bigint. */
    static ColumnRule wholeNumber(String name) {
        return new ColumnRule(name, "integer or bigint", c -> {
            String type = wholeNumberProblem(c);
            if (type != null) {
                return type;
            }
            return c.isGeneratedFromSequence() ? name + " must not come from a sequence (identity or serial)." : null;
        });
    }

    private static String wholeNumberProblem(Column c) {
        if (c.isIntegerOrBigint()) {
            return null;
        }
        return switch (c.baseType()) {
            case "int2" -> c.name() + " is a smallint, which stops at 32767. Use integer (or bigint).";
            case "numeric", "float4", "float8" -> c.name() + " is " + c.type() + ", but it only ever holds whole "
                    + "numbers: use integer (or bigint).";
            default -> c.name() + " is " + c.type() + ", but the task asks for a whole number: integer or bigint.";
        };
    }

    /** Text: text, varchar, or varchar(n) with n at least {@code minLength}. */
    static ColumnRule text(String name, int minLength) {
        return new ColumnRule(name, "text or varchar(n >= " + minLength + ")", c -> {
            if (c.baseType().equals("text") || (c.baseType().equals("varchar") && c.maxLength() < 0)) {
                return null;
            }
            if (c.baseType().equals("varchar")) {
                return c.maxLength() >= minLength ? null : name + " is varchar(" + c.maxLength() + "), too short for "
                        + "real data: allow at least " + minLength + " characters, or simply use text.";
            }
            if (c.baseType().equals("bpchar")) {
                return name + " is " + c.type() + ", which pads every value with spaces to a fixed length. "
                        + "Use text (or varchar(n)).";
            }
            return name + " is " + c.type() + ", but the task asks for text (or varchar(n))"
                    + (name.equals("status") ? " with a CHECK constraint listing the allowed values." : ".");
        });
    }

    /** A moment in time: timestamptz. */
    static ColumnRule timestamptz(String name) {
        return new ColumnRule(name, "timestamptz", c -> switch (c.baseType()) {
            case "timestamptz" -> null;
            case "timestamp" -> name + " is timestamp WITHOUT time zone: it stores a wall-clock reading with no "
                    + "time zone, so the same value means different moments for clients in Lisbon and in Tokyo. "
                    + "Use timestamptz (timestamp with time zone), which stores the moment itself.";
            case "date" -> name + " is a date, which has no time of day. Use timestamptz.";
            default -> name + " is " + c.type() + ": store moments in time as timestamptz (timestamp with time zone).";
        });
    }

    /** A calendar day: date. */
    static ColumnRule date(String name) {
        return new ColumnRule(name, "date", c -> switch (c.baseType()) {
            case "date" -> null;
            case "timestamptz", "timestamp" -> name + " is " + c.type() + ", but it is a calendar day: use date "
                    + "(a timestamp adds a time of day, and time zone questions, that a birthday does not have).";
            default -> name + " is " + c.type() + ": store dates as date, so that PostgreSQL checks they are real "
                    + "dates and compares them as dates.";
        });
    }

    /** Yes or no: boolean. */
    static ColumnRule bool(String name) {
        return new ColumnRule(name, "boolean", c -> c.baseType().equals("bool") ? null
                : name + " is " + c.type() + ": a yes/no value is a boolean (true / false).");
    }

    // ---- checking a table -----------------------------------------------------------------------------

    /**
     * Fails unless {@code table} exists with exactly these columns of acceptable types and this primary key.
     * Nullability, defaults and the other constraints are the business of the behaviour checks.
     */
    static void assertColumnsAndKey(CatalogInspector catalog, String table, String file, List<ColumnRule> rules,
                                    String primaryKey, String primaryKeyHint) {
        requireTable(catalog, table, file);
        List<Column> columns = catalog.columns(table);
        List<List<Object>> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> expectedNames = new LinkedHashSet<>();
        for (ColumnRule rule : rules) {
            expectedNames.add(rule.name());
            Optional<Column> found = columns.stream().filter(c -> c.name().equals(rule.name())).findFirst();
            if (found.isEmpty()) {
                rows.add(List.of(rule.name(), rule.expected(), "(missing)", "✗"));
                problems.add(rule.name() + " is missing" + lookalike(columns, rule.name()) + ".");
                continue;
            }
            String verdict = rule.verdict().apply(found.get());
            rows.add(List.of(rule.name(), rule.expected(), found.get().describeType(), verdict == null ? "✓" : "✗"));
            if (verdict != null) {
                problems.add(verdict);
            }
        }
        for (Column c : columns) {
            if (!expectedNames.contains(c.name())) {
                rows.add(List.of(c.name(), "(not in the task)", c.describeType(), "✗"));
                problems.add(c.name() + " is not one of the columns the task asks for: remove it"
                        + (c.name().equals(c.name().toLowerCase()) ? "" : " (or, if it is a misspelt name, note "
                        + "that a name in double quotes keeps its capital letters)") + ".");
            }
        }
        String pk = catalog.primaryKey(table).map(k -> "(" + String.join(", ", k.columns()) + ")").orElse("(none)");
        boolean pkOk = catalog.primaryKey(table).map(k -> k.covers(primaryKey)).orElse(false);
        if (!pkOk) {
            problems.add("The primary key must be (" + primaryKey + "), but it is " + pk + ". " + primaryKeyHint);
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(table + " (from " + file + ") does not have the columns, types and "
                    + "primary key the task asks for:\n\n");
            sb.append(TableFormatter.format(List.of("column", "expected", "found", ""), rows, 50)).append('\n');
            sb.append("primary key: expected (").append(primaryKey).append("), found ").append(pk).append("\n\n");
            problems.forEach(p -> sb.append("- ").append(p).append('\n'));
            throw new AssertionFailedError(sb.toString().stripTrailing());
        }
    }

    /** Fails (clearly) when the table is not there. */
    static void requireTable(CatalogInspector catalog, String table, String file) {
        if (!catalog.hasTable(table)) {
            throw new AssertionFailedError("After running " + file + " there is no table " + table + ". "
                    + catalog.explainMissing(table));
        }
    }

    /**
     * Before behaviour probes: the table and the columns they use must exist, otherwise every probe fails for
     * the same reason; the columns check says what is wrong with them.
     */
    static void requireColumnsForRules(CatalogInspector catalog, String table, String file, String advice,
                                       String... names) {
        requireTable(catalog, table, file);
        List<Column> columns = catalog.columns(table);
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (columns.stream().noneMatch(c -> c.name().equals(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("The rules of " + table + " could not be tested: it has no column "
                    + String.join(", ", missing) + ". " + advice);
        }
    }

    /**
     * The table as psql's {@code \d} shows it, for the end of a behaviour check's feedback: the columns with
     * their type, NOT NULL and default, then the keys and constraints.
     */
    static String describe(CatalogInspector catalog, String table) {
        List<List<Object>> rows = new ArrayList<>();
        for (Column c : catalog.columns(table)) {
            String dflt = c.isIdentity() ? "generated " + c.identity().toLowerCase() + " as identity"
                    : c.defaultExpression() == null ? "" : c.defaultExpression();
            rows.add(List.of(c.name(), c.describeType().replace(", identity", "").replace(", serial", ""),
                    c.notNull() ? "yes" : "no", dflt.isEmpty() ? "(none)" : dflt));
        }
        StringBuilder sb = new StringBuilder("What your " + table + " table looks like (in psql: \\d " + table
                + "):\n");
        sb.append(TableFormatter.format(List.of("column", "type", "not null", "default"), rows, 50)).append('\n');
        sb.append("constraints:\n");
        catalog.describeConstraints(table).lines().forEach(l -> sb.append("  ").append(readable(l)).append('\n'));
        return sb.toString().stripTrailing();
    }

    /** PostgreSQL prints LIKE as ~~ in a constraint's definition; beginners know it as LIKE. */
    private static String readable(String definition) {
        return definition.replace(" !~~* ", " NOT ILIKE ").replace(" ~~* ", " ILIKE ")
                .replace(" !~~ ", " NOT LIKE ").replace(" ~~ ", " LIKE ");
    }

    private static String lookalike(List<Column> columns, String name) {
        return columns.stream()
                .filter(c -> c.name().equalsIgnoreCase(name)
                        || c.name().replace("_", "").equalsIgnoreCase(name.replace("_", "")))
                .findFirst()
                .map(c -> " (there is a column \"" + c.name() + "\": check the spelling; names in double quotes keep "
                        + "their capital letters)")
                .orElse("");
    }
}
