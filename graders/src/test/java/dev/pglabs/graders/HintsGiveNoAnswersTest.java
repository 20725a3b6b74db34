package dev.pglabs.graders;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.course.LabHints;
import dev.pglabs.grading.Check;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No hint gives an exercise's answer away: every hint of every level — the nudge of each {@code @Check} (what
 * {@code grade} shows) and each level of the lab README's "## Hints" (what {@code pglabs hint} shows) — is compared
 * with the lab's reference answers: the files in {@code solutions/} and the reference SQL in the graders (string
 * literals that start with an SQL command, and {@code .sql} resources).
 *
 * <p>The rule. Both texts are normalised to tokens: comments removed, lower case, quotes, brackets, commas, dots,
 * semicolons and whitespace dropped; a token is a word (letters, digits, {@code _}) or a run of operator characters
 * ({@code * = < > ! @ ? | & # % + -}). A hint is a near copy, and rejected, when
 * <ul>
 *   <li>it shares a run of {@value #MAX_COMMON_RUN} or more consecutive tokens with a reference answer (a clause such
 *       as {@code GROUP BY status ORDER BY status}, or a call chain such as
 *       {@code new QUser(db).profile.fetch().username.eq(…)}), or</li>
 *   <li>it contains a whole reference statement of {@value #MIN_STATEMENT} tokens or more (e.g.
 *       {@code SELECT * FROM tags}).</li>
 * </ul>
 * Naming a keyword, a function or a column is fine: that is what a nudge does. Writing the answer's clause out is not.
 */
@DisplayName("No hint gives an exercise's answer away")
class HintsGiveNoAnswersTest {

    /** A shared run of this many tokens is a copy of the answer's code, not a nudge. */
    static final int MAX_COMMON_RUN = 5;
    /** A reference statement this long, found whole in a hint, is the answer. */
    static final int MIN_STATEMENT = 3;

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9_]+(?:-[a-z0-9_]+)*|[*=<>!@?|&#%+\\-]+");
    private static final Pattern SQL_START = Pattern.compile(
            "(?is)^\\s*(select|with|insert|update|delete|create|alter|drop|begin|values)\\b.*");
    private static final Pattern LITERALS = Pattern.compile(
            "\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"(?:\\s*\\+\\s*\"((?:[^\"\\\\\\n]|\\\\.)*)\")*", Pattern.DOTALL);

    private final Course course = Course.locate();

    @Test
    @DisplayName("every @Check hint and every README hint level shares no long token run and no whole statement with "
            + "the lab's reference answers")
    void hintsAreNotNearCopies() throws Exception {
        List<String> offenders = new ArrayList<>();
        int hints = 0;
        for (Lab lab : course.labs()) {
            Map<String, String> labHints = hints(lab);
            List<List<String>> references = references(lab, labHints.values());
            assertThat(references).as("reference answers of %s", lab.folder()).isNotEmpty();
            for (Map.Entry<String, String> hint : labHints.entrySet()) {
                hints++;
                String why = nearCopy(tokens(hint.getValue()), references);
                if (why != null) {
                    offenders.add(lab.folder() + " " + hint.getKey() + ": " + why);
                }
            }
        }
        assertThat(hints).as("hints found").isGreaterThan(100);
        assertThat(offenders).as("hints that give the answer away (rule: see this test's javadoc)").isEmpty();
    }

    @Test
    @DisplayName("the rule rejects the hints that gave answers away and accepts a nudge")
    void ruleCatchesKnownLeaks() {
        List<List<String>> lab01 = List.of(tokens("INSERT INTO tags (name) VALUES ('jshell');"),
                tokens("SELECT * FROM tags;"), tokens("SELECT status, count(*) AS post_count FROM posts "
                        + "GROUP BY status ORDER BY status;"));
        assertThat(nearCopy(tokens("INSERT INTO tags (name) VALUES ('jshell'); leave out id"), lab01)).isNotNull();
        assertThat(nearCopy(tokens("Use `SELECT * FROM tags`."), lab01)).isNotNull();
        assertThat(nearCopy(tokens("`GROUP BY status`, `count(*)` named with `AS post_count`, and `ORDER BY status`."),
                lab01)).as("clause by clause").isNull();  // four short pieces: each a nudge, checked by review
        assertThat(nearCopy(tokens("\"Per status\" means one group per status."), lab01)).isNull();
        List<List<String>> lab08 = List.of(tokens(
                "return new QUser(db).profile.fetch().username.eq(username).findOneOrEmpty();"));
        assertThat(nearCopy(tokens("return new QUser(db).profile.fetch().username.eq(username).findOneOrEmpty(); — "
                + "one query"), lab08)).isNotNull();
        assertThat(nearCopy(tokens("A query bean can fetch the profile in the same query."), lab08)).isNull();
    }

    /** Why the hint is a near copy of a reference, or null. */
    static String nearCopy(List<String> hint, List<List<String>> references) {
        for (List<String> ref : references) {
            if (ref.size() >= MIN_STATEMENT && ref.size() < MAX_COMMON_RUN && Collections.indexOfSubList(hint, ref) >= 0) {
                return "contains the whole statement \"" + String.join(" ", ref) + "\"";
            }
            List<String> run = longestCommonRun(hint, ref);
            if (run.size() >= MAX_COMMON_RUN) {
                return "shares " + run.size() + " tokens in a row with an answer: \"" + String.join(" ", run) + "\"";
            }
        }
        return null;
    }

    private static List<String> longestCommonRun(List<String> a, List<String> b) {
        int best = 0;
        int end = 0;
        int[] prev = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            int[] cur = new int[b.size() + 1];
            for (int j = 1; j <= b.size(); j++) {
                if (a.get(i - 1).equals(b.get(j - 1))) {
                    cur[j] = prev[j - 1] + 1;
                    if (cur[j] > best) {
                        best = cur[j];
                        end = i;
                    }
                }
            }
            prev = cur;
        }
        return a.subList(end - best, end);
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Hints by where they come from: "@Check e01_allTags" or "README 01-all-tags.sql 2/2". */
    private Map<String, String> hints(Lab lab) throws Exception {
        Map<String, String> hints = new LinkedHashMap<>();
        List<String> classes = new ArrayList<>(List.of(lab.grader()));
        if (lab.hiddenGrader() != null) {
            classes.add(lab.hiddenGrader());
        }
        for (String name : classes) {
            for (Method m : AnnotationSupport.findAnnotatedMethods(Class.forName(name), Check.class,
                    HierarchyTraversalMode.TOP_DOWN)) {
                String hint = m.getAnnotation(Check.class).hint();
                if (!hint.isEmpty()) {
                    hints.put("@Check " + m.getName(), hint);
                }
            }
        }
        LabHints readme = LabHints.read(course.labsDir().resolve(lab.folder()).resolve("README.md"));
        for (String exercise : readme.exercises()) {
            List<LabHints.Hint> levels = readme.forExercise(exercise).orElseThrow().getValue();
            for (int i = 0; i < levels.size(); i++) {
                hints.put("README " + exercise + " " + (i + 1) + "/" + levels.size(), levels.get(i).text());
            }
        }
        return hints;
    }

    /** The lab's reference answers, as token lists: one per statement of each solution file and grader query. */
    private List<List<String>> references(Lab lab, java.util.Collection<String> hints) throws IOException {
        List<String> texts = new ArrayList<>();
        Path solutions = course.solutionsDir().resolve(lab.folder());
        if (Files.isDirectory(solutions)) {
            try (Stream<Path> walk = Files.walk(solutions)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".sql") || name.endsWith(".java") || name.endsWith(".json")) {
                        texts.add(withoutComments(Files.readString(file)));
                    }
                }
            }
        }
        texts.addAll(graderQueries(lab, hints));
        List<List<String>> references = new ArrayList<>();
        for (String text : texts) {
            references.add(tokens(text));
            for (String statement : text.split(";")) {  // whole statements, for the short-statement rule
                if (!statement.isBlank()) {
                    references.add(tokens(statement));
                }
            }
        }
        return references;
    }

    /** The reference SQL in the lab's grader package: string literals that start with an SQL command. */
    private List<String> graderQueries(Lab lab, java.util.Collection<String> hints) throws IOException {
        String pkg = lab.grader().substring(0, lab.grader().lastIndexOf('.')).replace('.', '/');
        Path graders = course.home().resolve("graders/src/main");
        List<String> queries = new ArrayList<>();
        for (Path dir : List.of(graders.resolve("java").resolve(pkg), graders.resolve("resources").resolve(pkg))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String text = Files.readString(file);
                    if (file.toString().endsWith(".sql")) {
                        queries.add(withoutComments(text));
                    } else if (file.toString().endsWith(".java")) {
                        Matcher m = LITERALS.matcher(text);
                        while (m.find()) {
                            String literal = m.group(1) != null ? m.group(1)
                                    : m.group().replaceAll("\"\\s*\\+\\s*\"", "").replaceAll("^\"|\"$", "");
                            String value = literal.replace("\\\"", "\"").replace("\\n", "\n");
                            // The hints are literals too: they are what is checked, not a reference.
                            if (SQL_START.matcher(value).matches() && hints.stream().noneMatch(h -> h.contains(value))) {
                                queries.add(value);
                            }
                        }
                    }
                }
            }
        }
        return queries;
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(--|//)[^\\n]*$", " ");
    }
}
