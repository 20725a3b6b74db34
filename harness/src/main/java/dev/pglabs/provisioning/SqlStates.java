package dev.pglabs.provisioning;

import java.util.Map;
import java.util.Optional;

/** Names and beginner advice for the SQLSTATE codes students meet most. */
final class SqlStates {

    private static final Map<String, String[]> KNOWN = Map.ofEntries(
            Map.entry("42601", new String[]{"syntax_error",
                    "Look just before the place PostgreSQL names: a missing comma, quote or parenthesis, or a keyword in the wrong order."}),
            Map.entry("42703", new String[]{"undefined_column",
                    "Check the column name against the table definition; a string value needs 'single quotes', not \"double quotes\"."}),
            Map.entry("42P01", new String[]{"undefined_table",
                    "Check the table name: the blog tables are users, profiles, posts, comments, tags and post_tags."}),
            Map.entry("42883", new String[]{"undefined_function",
                    "The function does not exist for these argument types; check its name, or add a cast such as ::numeric."}),
            Map.entry("42803", new String[]{"grouping_error",
                    "Every selected column must be inside an aggregate such as count(...) or listed in GROUP BY."}),
            Map.entry("42804", new String[]{"datatype_mismatch", "Two values of different types meet here; add a cast."}),
            Map.entry("42702", new String[]{"ambiguous_column",
                    "Two tables have a column of this name: prefix it with the table or alias, like p.id."}),
            Map.entry("22P02", new String[]{"invalid_text_representation",
                    "A value does not fit its type (for example text where a number is expected)."}),
            Map.entry("22012", new String[]{"division_by_zero", "Guard the divisor, e.g. with NULLIF(x, 0)."}),
            Map.entry("23502", new String[]{"not_null_violation", "A NOT NULL column got no value."}),
            Map.entry("23503", new String[]{"foreign_key_violation", "A referenced row is missing, or other rows still refer to this one."}),
            Map.entry("23505", new String[]{"unique_violation", "That value already exists in a column that must be unique."}),
            Map.entry("23514", new String[]{"check_violation", "A value breaks a CHECK constraint of the table."}),
            Map.entry("25P02", new String[]{"in_failed_sql_transaction",
                    "An earlier statement in the same transaction failed; fix that one first."}),
            Map.entry("25P01", new String[]{"no_active_sql_transaction",
                    "This needs a transaction: LOCK TABLE, SAVEPOINT and COMMIT belong between BEGIN and COMMIT."}),
            Map.entry("0A000", new String[]{"feature_not_supported",
                    "PostgreSQL (as set up for the course) does not offer this, e.g. PREPARE TRANSACTION."}),
            Map.entry("55000", new String[]{"object_not_in_prerequisite_state",
                    "The object is not ready for this, e.g. currval() before nextval() in this session."}),
            Map.entry("42501", new String[]{"insufficient_privilege",
                    "Your answer runs as a student role in its own database; it may only use the lab's tables."}),
            Map.entry("54001", new String[]{"statement_too_complex", "The statement is too complex or recurses too deeply."}),
            Map.entry("53100", new String[]{"disk_full", "The query used too much temporary space; it probably produces far too many rows."}),
            Map.entry("53400", new String[]{"configuration_limit_exceeded",
                    "The query used too much temporary space; it probably produces far too many rows."}));

    private SqlStates() {
    }

    static String name(String state) {
        String[] known = KNOWN.get(state);
        return known != null ? known[0] : "see the PostgreSQL manual, appendix A";
    }

    static Optional<String> advice(String state) {
        String[] known = KNOWN.get(state);
        return known == null ? Optional.empty() : Optional.of(known[1]);
    }
}
