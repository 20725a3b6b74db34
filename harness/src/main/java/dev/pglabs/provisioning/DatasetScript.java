package dev.pglabs.provisioning;

import dev.pglabs.sql.SqlScript;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Loads one {@code .sql} dataset file the way an instructor has it: a script of many statements, or the plain
 * output of {@code pg_dump} with its {@code COPY … FROM stdin} data blocks and psql meta-commands.
 *
 * <p>Datasets run over JDBC, not psql, so the few psql-only parts of a dump are handled here: a
 * {@code COPY … FROM stdin} is fed its data lines (up to {@code \.}) through pgJDBC's CopyManager,
 * the {@code \restrict} markers that newer {@code pg_dump} writes around a dump are skipped, and any
 * other meta-command is refused with its line. {@code ALTER … OWNER TO} statements are skipped: who owns the
 * lab's objects is pglabs' decision (the grader, or the student where the lab says), and the dump's owner role
 * rarely exists on the grading server. Settings a dump changes for its session (it empties
 * {@code search_path}) are reset afterwards, so the next file of the dataset starts from the defaults.
 */
final class DatasetScript {

    private static final Pattern COPY_FROM_STDIN =
            Pattern.compile("(?is)^\\s*COPY\\s+.+\\s+FROM\\s+stdin\\b.*;\\s*$");
    private static final Pattern OWNER_TO = Pattern.compile("(?is)^ALTER\\s+.+\\s+OWNER\\s+TO\\s+[^\\s;]+$");
    private static final String BOUNDARY_PROBE = "SELECT 1";

    private final Connection connection;
    private final String file;
    private final List<String> lines;
    private int index;

    private DatasetScript(Connection connection, String file, List<String> lines) {
        this.connection = connection;
        this.file = file;
        this.lines = lines;
    }

    /** Runs the file's statements and data blocks in order on this connection. */
    static void load(Connection connection, Path script) throws IOException, SQLException {
        String file = script.getFileName().toString();
        String text = readUtf8(script, file);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;  // a byte-order mark some editors write
        new DatasetScript(connection, file, text.lines().toList()).run();
    }

    private void run() throws SQLException, IOException {
        StringBuilder sql = new StringBuilder();
        int sqlLine = 1;
        for (index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            boolean directive = line.startsWith("\\") || COPY_FROM_STDIN.matcher(line).matches();
            if (directive && betweenStatements(sql)) {
                execute(sql.toString(), sqlLine);
                sql.setLength(0);
                sqlLine = index + 2;
                if (line.startsWith("\\")) {
                    metaCommand(line.strip());
                } else {
                    copyIn(line.strip());
                    sqlLine = index + 2;
                }
                continue;
            }
            sql.append(line).append('\n');
        }
        execute(sql.toString(), sqlLine);
        try (Statement st = connection.createStatement()) {
            st.execute("RESET ALL");
        }
    }

    /** Whether the text ends outside any statement, string or comment: where psql would read a line of its own. */
    private static boolean betweenStatements(CharSequence sql) {
        List<SqlScript.Statement> probed = SqlScript.split(sql + "\n" + BOUNDARY_PROBE);
        return !probed.isEmpty()
                && SqlScript.withoutComments(probed.get(probed.size() - 1).sql()).equals(BOUNDARY_PROBE);
    }

    private void execute(String text, int firstLine) throws SQLException {
        for (SqlScript.Statement statement : SqlScript.split(text)) {
            String code = SqlScript.withoutComments(statement.sql());
            if (code.isEmpty() || OWNER_TO.matcher(code).matches()) {
                continue;
            }
            try (Statement st = connection.createStatement()) {
                st.execute(statement.sql());
            } catch (SQLException e) {
                throw new SQLException("line " + (firstLine + statement.line() - 1) + ": " + e.getMessage(),
                        e.getSQLState(), e);
            }
        }
    }

    private void metaCommand(String line) throws SQLException {
        String command = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        switch (command) {
            case "\\restrict", "\\unrestrict" -> {
                // pg_dump's guard against psql meta-commands smuggled into data; JDBC never interprets them.
            }
            case "\\connect", "\\c" -> throw new SQLException("line " + (index + 1) + ": " + command
                    + " switches databases, but a dataset loads into the one database of a check. "
                    + "Dump a single database without --create (pg_dump DBNAME, not pg_dumpall).");
            default -> throw new SQLException("line " + (index + 1) + ": the psql meta-command " + command
                    + " cannot run in a dataset (datasets run over JDBC, not psql). Remove it, or write it as SQL.");
        }
    }

    /** Feeds the lines after a {@code COPY … FROM stdin;} up to {@code \.} to the server, as psql would. */
    private void copyIn(String copy) throws SQLException, IOException {
        int copyLine = index + 1;
        StringBuilder data = new StringBuilder();
        for (index++; index < lines.size(); index++) {
            if (lines.get(index).equals("\\.")) {
                String command = copy.substring(0, copy.lastIndexOf(';'));
                try {
                    connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn(command, new StringReader(data.toString()));
                } catch (SQLException e) {
                    throw new SQLException("the COPY data of line " + copyLine + ": " + e.getMessage(),
                            e.getSQLState(), e);
                }
                return;
            }
            data.append(lines.get(index)).append('\n');
        }
        throw new SQLException("line " + copyLine + ": the data of this COPY … FROM stdin has no end marker; "
                + "a line holding only \\. must follow its last row.");
    }

    private static String readUtf8(Path script, String file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(script)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text: save it as UTF-8 "
                    + "(pg_dump --encoding=UTF8 writes a dump that way).", e);
        }
    }
}
