package dev.pglabs.reports;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.course.Lab;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The class gradebook as CSV for a spreadsheet or an LMS import: a header row, a {@code Points Possible} row (the
 * maximum of each lab), then one row per student — {@code student}, the points of each lab (column named after the
 * lab folder), {@code total}. RFC 4180: UTF-8 with a byte-order mark (so that Excel reads "José" as José), CRLF line
 * ends, fields quoted by Jackson's CSV writer where needed. Student names are untrusted: a name a spreadsheet would
 * run as a formula ({@code =…}, {@code +…}, {@code -…}, {@code @…}) is prefixed with {@code '}. A lab the student
 * did not hand in, and every lab of a student the harness could not grade, is an empty cell, not a zero.
 */
public final class GradebookCsv {

    private static final CsvMapper CSV = new CsvMapper();
    /** The label of the maximum-points row (the name Canvas's gradebook import gives that row). */
    public static final String POINTS_POSSIBLE = "Points Possible";

    private GradebookCsv() {
    }

    public static void write(ClassResult result, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            write(result, out);
        }
    }

    public static void write(ClassResult result, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("student");
        result.labs().forEach(lab -> schema.addColumn(lab.folder()));
        schema.addColumn("total");
        CsvSchema csv = schema.setUseHeader(true).setLineSeparator("\r\n").build();
        try (SequenceWriter rows = CSV.writer(csv).writeValues(new NonClosingWriter(out))) {
            rows.write(pointsPossible(result));
            for (StudentResult student : result.students()) {
                rows.write(row(result.labs(), student));
            }
        }
        out.flush();
    }

    /** Each lab's maximum, from any graded student (every student is graded on the same checks). */
    private static List<String> pointsPossible(ClassResult result) {
        List<String> row = new ArrayList<>();
        row.add(POINTS_POSSIBLE);
        Optional<SubmissionResult> any = result.students().stream().flatMap(s -> s.result().stream()).findFirst();
        for (Lab lab : result.labs()) {
            row.add(any.flatMap(r -> r.labs().stream().filter(l -> l.id().equals(lab.folder())).findFirst())
                    .map(LabResult::max).map(Scores::format).orElse(""));
        }
        row.add(any.map(r -> Scores.format(r.max())).orElse(""));
        return row;
    }

    private static List<String> row(List<Lab> labs, StudentResult student) {
        List<String> row = new ArrayList<>();
        row.add(safeText(student.name()));
        Optional<SubmissionResult> result = student.result();
        for (Lab lab : labs) {
            row.add(result.flatMap(r -> r.labs().stream().filter(l -> l.id().equals(lab.folder())).findFirst())
                    .filter(l -> !l.notStarted()).map(LabResult::score).map(Scores::format).orElse(""));
        }
        row.add(result.map(r -> Scores.format(r.score())).orElse(""));
        return row;
    }

    /**
     * Text a spreadsheet shows as text: a leading {@code = + - @}, tab or carriage return would make Excel,
     * LibreOffice or Google Sheets evaluate the cell as a formula (CSV injection), so such text gets a leading
     * apostrophe (also behind leading spaces, which some importers trim). Control characters other than tab are
     * removed.
     */
    static String safeText(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\\t]]", "");
        String start = clean.stripLeading();  // an importer that trims spaces would expose the formula
        if (!start.isEmpty() && "=+-@\t".indexOf(start.charAt(0)) >= 0 || clean.startsWith("\t")) {
            return "'" + clean;
        }
        return clean;
    }

    /** Jackson closes the writer it writes to; the caller owns it. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
