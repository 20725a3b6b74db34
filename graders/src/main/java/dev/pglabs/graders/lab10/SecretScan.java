package dev.pglabs.graders.lab10;

import dev.pglabs.javasub.JavaSources;
import dev.pglabs.submission.LabFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks through the submission's Java for secrets written into the code: a password in a string, a
 * {@code postgresql://user:password@…} URL, {@code setPassword("…")}. Comments are skipped (the README's
 * examples may be quoted there). Findings are shown with every string on the line masked, so the feedback
 * never repeats the secret.
 */
final class SecretScan {

    /** One suspicious line. */
    record Finding(String file, int line, String code, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + why + "\n      > " + code;
        }
    }

    /**
     * {@code inCode}: the match must start outside a string literal. A rule about code (a variable, a call) found
     * inside a literal is a piece of text, such as the parameter name "?password=" of a URL being built.
     */
    private record Rule(Pattern pattern, String why, boolean inCode) {
        Rule(Pattern pattern, String why) {
            this(pattern, why, false);
        }
    }

    /** Each rule's group "v" is the secret itself; placeholders such as "****" or "${DB_PASSWORD}" are fine. */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\"(?:postgres(?:ql)?|jdbc:postgresql)://[^\"\\s:/@]+:(?<v>[^\"\\s@]+)@"),
                    "a connection URL with a password in it"),
            new Rule(Pattern.compile("\"[^\"]*[?&;]password=(?<v>[^\"&\\s]+)"), "a password parameter in a string"),
            // The parameter's name alone is no secret; a string joined right after it is its value.
            new Rule(Pattern.compile("\"[^\"]*[?&;]password=\"\\s*\\+\\s*\"(?<v>[^\"&\\s]+)"),
                    "a password parameter in a string"),
            new Rule(Pattern.compile("\\b(?:setPassword|password)\\s*\\(\\s*\"(?<v>[^\"]+)\""),
                    "a password set from a string", true),
            new Rule(Pattern.compile("\\(\\s*\"password\"\\s*,\\s*\"(?<v>[^\"]+)\""),
                    "a password property set from a string", true),
            // Not a constant that names the variable to read (PASSWORD_VAR = "DB_PASSWORD").
            new Rule(Pattern.compile("(?i)\\b\\w*(?:password|passwd|pwd|secret)\\w*\\s*=\\s*\"(?-i)"
                    + "(?![A-Z][A-Z0-9_]*\")(?<v>[^\"]+)\""), "a password variable holding a string", true));

    private static final Pattern PLACEHOLDER = Pattern.compile("[*•.…]+|<[^>]*>|\\$\\{[^}]*}|%s");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private SecretScan() {
    }

    static List<Finding> scan(LabFiles lab) {
        Path root = lab.dir().resolve(JavaSources.MAIN);
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root)) {
            sources = walk.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().limit(500).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Path source : sources) {
            String relative = lab.dir().relativize(source).toString().replace('\\', '/');
            String code = withoutComments(lab.text(relative));
            String[] lines = code.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (Rule rule : RULES) {
                    if (matches(rule, lines[i])) {
                        findings.add(new Finding(relative, i + 1, masked(lines[i]), rule.why()));
                        break;
                    }
                }
            }
        }
        return findings;
    }

    private static boolean matches(Rule rule, String line) {
        Matcher m = rule.pattern().matcher(line);
        // From the next character on after a skipped match: a real one may overlap it.
        for (int from = 0; from < line.length() && m.find(from); from = m.start() + 1) {
            if (rule.inCode() && insideString(line, m.start())) {
                continue;
            }
            if (!PLACEHOLDER.matcher(m.group("v")).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether this position of a line lies inside a string literal (after an odd number of unescaped quotes). */
    static boolean insideString(String line, int position) {
        boolean inside = false;
        for (int i = 0; i < position; i++) {
            char c = line.charAt(i);
            if (inside && c == '\\') {
                i++;
            } else if (c == '"') {
                inside = !inside;
            } else if (!inside && c == '\'') {
                int close = line.indexOf('\'', i + (i + 1 < line.length() && line.charAt(i + 1) == '\\' ? 2 : 1) + 1);
                i = close < 0 ? i : close;
            }
        }
        return inside;
    }

    /** The line with the contents of every string replaced by ****. */
    static String masked(String line) {
        Matcher m = STRING.matcher(line.strip());
        String shown = m.replaceAll(r -> r.group().length() > 2 ? "\"****\"" : "\"\"");
        return shown.length() > 160 ? shown.substring(0, 160) + "…" : shown;
    }

    /** Blanks out // and /* comments, keeping strings, char literals, text blocks and line breaks. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                out.append(source, i, j);
                i = j;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    out.append(source.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
