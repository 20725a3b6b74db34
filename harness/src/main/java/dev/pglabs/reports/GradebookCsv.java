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
 * The class gradebook as CSV for a spreadsheet or an LMS import: a header row, then one row per student —
 * {@code student}, the points of each lab (column named after the lab folder), {@code total}. RFC 4180: UTF-8,
 * CRLF line ends, fields quoted by Jackson's CSV writer where needed. Student names are untrusted: a name a
 * spreadsheet would run as a formula ({@code =…}, {@code +…}, {@code -…}, {@code @…}) is prefixed with
 * {@code '}. A student the harness could not grade has empty score cells, not zeros.
 */
public final class GradebookCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private GradebookCsv() {
    }

    public static void write(ClassResult result, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(result, out);
        }
    }

    public static void write(ClassResult result, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("student");
        result.labs().forEach(lab -> schema.addColumn(lab.folder()));
        schema.addColumn("total");
        CsvSchema csv = schema.setUseHeader(true).setLineSeparator("\r\n").build();
        try (SequenceWriter rows = CSV.writer(csv).writeValues(new NonClosingWriter(out))) {
            for (StudentResult student : result.students()) {
                rows.write(row(result.labs(), student));
            }
        }
        out.flush();
    }

    private static List<String> row(List<Lab> labs, StudentResult student) {
        List<String> row = new ArrayList<>();
        row.add(safeText(student.name()));
        Optional<SubmissionResult> result = student.result();
        for (Lab lab : labs) {
            row.add(result.flatMap(r -> r.labs().stream().filter(l -> l.id().equals(lab.folder())).findFirst())
                    .map(LabResult::score).map(Scores::format).orElse(""));
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
