package dev.pglabs.classroom.similarity;

import dev.pglabs.concurrent.DaemonThreads;
import dev.pglabs.sql.SqlScript;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one SQL answer into a normal form that two copies share even when one was disguised: each statement is
 * parsed with JSqlParser and canonicalised ({@link SqlCanonicaliser}); a statement the parser cannot read (or
 * gives up on) falls back to a token form: comments and whitespace gone, words in lower case, quotes off
 * identifiers, literals as placeholders. Statements the starter already holds are left out, so the starter
 * never counts as similarity. Never throws for anything a student wrote.
 */
public final class SqlNormaliser implements AutoCloseable {

    /** Statements longer than this are not parsed (token form only): no honest answer statement is near it. */
    static final int MAX_PARSED_CHARS = 20_000;
    /** How long the parser may spend on one statement before it gives up (it checks this itself). */
    static final long PARSE_TIMEOUT_MS = 5_000;

    private static final Pattern TOKEN = Pattern.compile(
            "(?<str>[EeBbXxNn]?'(?:[^']|'')*'?)|(?<dollar>\\$([A-Za-z_]\\w*)?\\$)|(?<quoted>\"(?:[^\"]|\"\")*\"?)"
                    + "|(?<num>\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+)|(?<word>[\\p{L}_][\\p{L}\\p{N}_$]*)"
                    + "|(?<op>::|<>|!=|<=|>=|\\|\\||\\S)");

    /**
     * One normalised answer.
     *
     * @param form   the normal form (statements joined by {@code ;\n}); empty when nothing beyond the starter is left
     * @param tokens how many tokens the form has, to discount very short answers
     * @param parsed whether every statement was read by the parser (false: some were compared as tokens)
     */
    public record Normalised(String form, int tokens, boolean parsed) {
    }

    // One worker thread: the parser's own time-out needs an executor, and a run normalises answers one by one.
    private final ExecutorService parserThread = Executors.newSingleThreadExecutor(
            DaemonThreads.named("pglabs-sql-parser"));

    /** The normal form of {@code text}, without the statements whose normal form is in {@code starter}. */
    public Normalised normalise(String text, Set<String> starter) {
        List<String> forms = new ArrayList<>();
        boolean parsed = true;
        for (SqlScript.Statement statement : SqlScript.split(text)) {
            String code = SqlScript.withoutComments(statement.sql());
            if (code.isEmpty()) {
                continue;
            }
            String form = parsed(code);
            if (form == null) {
                parsed = false;
                form = tokens(code);
            }
            if (!starter.contains(form)) {
                forms.add(form);
            }
        }
        String form = String.join(";\n", forms);
        return new Normalised(form, countTokens(form), parsed);
    }

    /** The normal forms of every statement of a starter file (to subtract them from answers). */
    public Set<String> starterForms(String starterText) {
        return Set.copyOf(List.of(normalise(starterText, Set.of()).form().split(";\n")));
    }

    /** The canonical form of one parsed statement, or null when the parser cannot read it. */
    String parsed(String sql) {
        if (sql.length() > MAX_PARSED_CHARS) {
            return null;
        }
        try {
            Statements statements = CCJSqlParserUtil.parseStatements(sql, parserThread,
                    parser -> parser.withTimeOut(PARSE_TIMEOUT_MS));
            if (statements == null || statements.size() != 1) {
                return null;
            }
            Statement statement = statements.get(0);
            new SqlCanonicaliser().statement(statement);
            return squeeze(statement.toString().replace("\"", "").toLowerCase(Locale.ROOT));
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            return null;  // unreadable, too deep or too slow for the parser: the token form still compares it
        }
    }

    /** The token form: what survives in any spelling of the same text. */
    static String tokens(String sql) {
        StringBuilder b = new StringBuilder(sql.length());
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            String token;
            if (m.group("str") != null || m.group("dollar") != null) {
                token = "'?'";
            } else if (m.group("num") != null) {
                token = "0";
            } else if (m.group("quoted") != null) {
                token = SqlCanonicaliser.plain(m.group("quoted"));
            } else {
                token = m.group().toLowerCase(Locale.ROOT);
            }
            if (m.group("dollar") != null) {  // skip the dollar-quoted body up to its closing tag
                int close = sql.indexOf(m.group("dollar"), m.end());
                m.region(close < 0 ? sql.length() : close + m.group("dollar").length(), sql.length());
            }
            b.append(b.isEmpty() ? "" : " ").append(token);
        }
        return "~ " + b;  // marks a token form, which never equals a parsed one
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    static int countTokens(String form) {
        int count = 0;
        Matcher m = TOKEN.matcher(form);
        while (m.find()) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        parserThread.shutdownNow();
    }
}
