package dev.pglabs.submission;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.sql.SqlScript;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** The files of one lab in a submission, read defensively: each problem becomes a message for the student. */
public final class LabFiles {

    /** Far above any honest answer; protects the grader from a student's 2 GB file. */
    public static final long MAX_FILE_BYTES = 256 * 1024;

    private final String labFolder;
    private final Path dir;

    LabFiles(String labFolder, Path dir) {
        this.labFolder = labFolder;
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Reads a text file of the lab as UTF-8, refusing what cannot be an answer. */
    public String text(String fileName) {
        String shown = labFolder + "/" + fileName;
        Path file = dir.resolve(fileName).normalize();
        if (!file.startsWith(dir)) {
            throw new IllegalArgumentException("grader asked for a file outside the lab: " + fileName);
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new SubmissionProblem(CheckStatus.FAILED, shown + " is missing. Create it (the starter in labs/"
                    + labFolder + " has the task in its header) and write your answer in it.").notAttempted();
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(dir.toRealPath())) {
                throw new SubmissionProblem(CheckStatus.ERROR, shown + " is a link to a file outside your "
                        + "submission. Replace it with a regular file that holds your answer.");
            }
            if (!Files.isRegularFile(real)) {
                throw new SubmissionProblem(CheckStatus.ERROR, shown + " is not a regular file.");
            }
            long size = Files.size(real);
            if (size > MAX_FILE_BYTES) {
                throw new SubmissionProblem(CheckStatus.ERROR, shown + " is " + size / 1024 + " KiB; answers are "
                        + "at most " + MAX_FILE_BYTES / 1024 + " KiB. Keep only your answer in the file.");
            }
            byte[] bytes = Files.readAllBytes(real);
            return decode(bytes, shown);
        } catch (IOException e) {
            throw new SubmissionProblem(CheckStatus.ERROR, shown + " could not be read: " + e.getMessage());
        }
    }

    /** Reads an SQL answer: non-empty once comments are removed, and free of psql meta-commands. */
    public SqlAnswer sql(String fileName) {
        String shown = labFolder + "/" + fileName;
        String text = text(fileName);
        if (text.isBlank()) {
            throw new SubmissionProblem(CheckStatus.FAILED, shown + " is empty. Write your SQL in it (the starter in "
                    + "labs/" + labFolder + " has the task in its header).").notAttempted();
        }
        String code = SqlScript.withoutComments(text);
        if (code.isEmpty()) {
            throw new SubmissionProblem(CheckStatus.FAILED, shown + " has no answer yet: it only holds comments. "
                    + "Replace the TODO line with your SQL.").notAttempted();
        }
        List<SqlScript.Statement> statements = SqlScript.split(text);
        for (SqlScript.Statement statement : statements) {
            String sql = SqlScript.withoutComments(statement.sql());
            if (sql.startsWith("\\")) {
                throw new SubmissionProblem(CheckStatus.ERROR, shown + " line " + statement.line() + " holds a psql "
                        + "command (" + sql.lines().findFirst().orElse("") + "). Commands that start with a backslash "
                        + "only work inside psql; keep only SQL in the file.");
            }
        }
        return new SqlAnswer(shown, text, statements);
    }

    private static String decode(byte[] bytes, String shown) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;  // tolerate the BOM some Windows editors write
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new SubmissionProblem(CheckStatus.ERROR, shown + " looks like a binary file (it contains a "
                        + "zero byte at offset " + i + "). Save your answer as plain text.");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();  // the decoder stops at the first bad byte
            int line = 1;
            for (int i = start; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new SubmissionProblem(CheckStatus.ERROR, shown + " is not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[offset] & 0xFF) + " on line " + line
                    + "). Save it as UTF-8 in your editor (\"Save with encoding\" → UTF-8).");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
