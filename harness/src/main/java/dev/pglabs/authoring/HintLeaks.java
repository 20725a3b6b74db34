package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a hint gives an exercise's answer away: it is compared with the lab's reference answers, the files in
 * {@code solutions/} and the reference SQL of the graders (string literals that start with an SQL command, and
 * {@code .sql} resources in the grader's package).
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
public final class HintLeaks {

    /** A shared run of this many tokens is a copy of the answer's code, not a nudge. */
    public static final int MAX_COMMON_RUN = 5;
    /** A reference statement this long, found whole in a hint, is the answer. */
    public static final int MIN_STATEMENT = 3;

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9_]+(?:-[a-z0-9_]+)*|[*=<>!@?|&#%+\\-]+");
    private static final Pattern SQL_START = Pattern.compile(
            "(?is)^\\s*(select|with|insert|update|delete|create|alter|drop|begin|values)\\b.*");
    private static final Pattern LITERALS = Pattern.compile(
            "\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"(?:\\s*\\+\\s*\"((?:[^\"\\\\\\n]|\\\\.)*)\")*", Pattern.DOTALL);

    private final List<List<String>> references;

    private HintLeaks(List<List<String>> references) {
        this.references = references;
    }

    /** The reference answers of a lab; {@code hints} are left out of them (a grader's hints are literals too). */
    public static HintLeaks of(Course course, Lab lab, Collection<String> hints) {
        try {
            return new HintLeaks(references(course, lab, hints));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the reference answers of " + lab.folder(), e);
        }
    }

    /** A rule over given reference answers (each one statement or file). */
    public static HintLeaks ofAnswers(List<String> answers) {
        return new HintLeaks(answers.stream().map(HintLeaks::tokens).toList());
    }

    public boolean hasReferences() {
        return !references.isEmpty();
    }

    /** Why the hint is a near copy of a reference answer, or null when it is a fair hint. */
    public String nearCopy(String hint) {
        List<String> tokens = tokens(hint);
        for (List<String> ref : references) {
            if (ref.size() >= MIN_STATEMENT && ref.size() < MAX_COMMON_RUN && Collections.indexOfSubList(tokens, ref) >= 0) {
                return "contains the whole statement \"" + String.join(" ", ref) + "\"";
            }
            List<String> run = longestCommonRun(tokens, ref);
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

    /** The lab's reference answers, as token lists: one per statement of each solution file and grader query. */
    private static List<List<String>> references(Course course, Lab lab, Collection<String> hints) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path file : CourseFiles.files(course.solutionsDir().resolve(lab.folder())).values()) {
            String name = file.getFileName().toString();
            if (name.endsWith(".sql") || name.endsWith(".java") || name.endsWith(".json")) {
                texts.add(withoutComments(Files.readString(file)));
            }
        }
        texts.addAll(graderQueries(course, lab, hints));
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
    private static List<String> graderQueries(Course course, Lab lab, Collection<String> hints) throws IOException {
        String pkg = lab.grader().substring(0, Math.max(0, lab.grader().lastIndexOf('.'))).replace('.', '/');
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
