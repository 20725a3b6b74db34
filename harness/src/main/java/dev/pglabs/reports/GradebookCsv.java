package dev.pglabs.reports;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.classroom.Roster;
import dev.pglabs.classroom.CourseRecords;
import dev.pglabs.classroom.LabGrade;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.course.Lab;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;

import java.io.FilterWriter;
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
 * lab folder), {@code total}, {@code not graded} (why pglabs could not grade the student, usually empty) — and one row
 * per entry of the class folder that is not a student folder. With a roster, the student's id, name and e-mail follow
 * the folder name. RFC 4180: UTF-8 with a byte-order mark (so that Excel reads "José" as José), CRLF line
 * ends, fields quoted by Jackson's CSV writer where needed. Student names are untrusted: a name a spreadsheet would
 * run as a formula ({@code =…}, {@code +…}, {@code -…}, {@code @…}) is prefixed with {@code '}. A lab the student
 * did not hand in, and every lab of a student the harness could not grade, is an empty cell, not a zero. With a
 * course policy ({@link CourseRecords}) each lab also gets its late days, penalty and final points.
 */
public final class GradebookCsv {

    private static final CsvMapper CSV = new CsvMapper();
    /** The label of the maximum-points row (the name Canvas's gradebook import gives that row). */
    public static final String POINTS_POSSIBLE = "Points Possible";
    /** The last column: why pglabs could not grade the row's student or entry, empty when graded. */
    public static final String NOT_GRADED = "not graded";
    /**
     * Before {@link #NOT_GRADED}, only when some lab of the class is capped: why (one line per capped lab, "lab: capped
     * at N: check X guards …"), so the lower points in the lab's column are explained where they are read.
     */
    public static final String CAPPED = "capped";
    private static final List<String> ROSTER_COLUMNS = List.of("student id", "name", "email");

    private GradebookCsv() {
    }

    public static void write(ClassResult result, Path file) throws IOException {
        write(result, CourseRecords.NONE, file);
    }

    public static void write(ClassResult result, CourseRecords records, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            write(result, records, out);
        }
    }

    public static void write(ClassResult result, Writer out) throws IOException {
        write(result, CourseRecords.NONE, out);
    }

    /**
     * With a grading policy, each lab's raw points are followed by {@code <lab> late days}, {@code <lab> penalty}
     * (points taken off) and {@code <lab> final}, and {@code total} (raw) by {@code final}.
     */
    public static void write(ClassResult result, CourseRecords records, Writer out) throws IOException {
        boolean policy = records.policy().isPresent();
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("student");
        if (records.roster().isPresent()) {
            ROSTER_COLUMNS.forEach(schema::addColumn);
        }
        for (Lab lab : result.labs()) {
            schema.addColumn(lab.folder());
            if (policy) {
                schema.addColumn(lab.folder() + " late days").addColumn(lab.folder() + " penalty")
                        .addColumn(lab.folder() + " final");
            }
        }
        schema.addColumn("total");
        if (policy) {
            schema.addColumn("final");
        }
        boolean capped = anyCapped(result);
        if (capped) {
            schema.addColumn(CAPPED);
        }
        schema.addColumn(NOT_GRADED);
        CsvSchema csv = schema.setUseHeader(true).setLineSeparator("\r\n").build();
        try (SequenceWriter rows = CSV.writer(csv).writeValues(new NonClosingWriter(out))) {
            rows.write(withCapCell(pointsPossible(result, records), capped, ""));
            for (StudentResult student : result.students()) {
                rows.write(withCapCell(row(result.labs(), records, student), capped, capReasons(student)));
            }
            for (ClassRoster.Skipped entry : records.skipped()) {
                rows.write(withCapCell(skipped(result.labs(), records, entry), capped, ""));
            }
        }
        out.flush();
    }

    /** Each lab's maximum, from any graded student (every student is graded on the same checks). */
    private static List<String> pointsPossible(ClassResult result, CourseRecords records) {
        List<String> row = new ArrayList<>();
        row.add(POINTS_POSSIBLE);
        records.roster().ifPresent(r -> ROSTER_COLUMNS.forEach(c -> row.add("")));
        Optional<StudentResult> any = result.students().stream().filter(s -> s.result().isPresent()).findFirst();
        List<LabGrade> grades = any.map(s -> records.grades(result.labs(), s)).orElse(List.of());
        for (Lab lab : result.labs()) {
            row.add(any.flatMap(s -> lab(s, lab)).map(LabResult::max).map(Scores::format).orElse(""));
            if (records.policy().isPresent()) {
                row.add("");
                row.add("");
                row.add(grade(grades, lab).map(g -> Scores.format(g.countedMax())).orElse(""));
            }
        }
        row.add(any.map(s -> Scores.format(s.result().get().max())).orElse(""));
        if (records.policy().isPresent()) {
            row.add(any.isEmpty() ? "" : Scores.format(grades.stream().mapToDouble(LabGrade::countedMax).sum()));
        }
        row.add("");
        return row;
    }

    private static List<String> row(List<Lab> labs, CourseRecords records, StudentResult student) {
        List<String> row = new ArrayList<>();
        row.add(safeText(student.name()));
        addPerson(row, records, student.name());
        List<LabGrade> grades = records.grades(labs, student);
        for (Lab lab : labs) {
            Optional<LabResult> handedIn = lab(student, lab).filter(l -> !l.notStarted());
            row.add(handedIn.map(LabResult::score).map(Scores::format).orElse(""));
            if (records.policy().isPresent()) {
                Optional<LabGrade> g = grade(grades, lab).filter(x -> handedIn.isPresent());
                row.add(g.map(x -> Long.toString(x.daysLate())).orElse(""));
                row.add(g.map(x -> Scores.format(x.penalty())).orElse(""));
                row.add(g.map(x -> Scores.format(x.finalPoints())).orElse(""));
            }
        }
        row.add(student.result().map(r -> Scores.format(r.score())).orElse(""));
        if (records.policy().isPresent()) {
            row.add(student.result().isEmpty() ? ""
                    : Scores.format(grades.stream().mapToDouble(LabGrade::finalPoints).sum()));
        }
        row.add(safeText(student.problem()));
        return row;
    }

    private static boolean anyCapped(ClassResult result) {
        return result.students().stream().anyMatch(s -> !capReasons(s).isEmpty());
    }

    private static String capReasons(StudentResult student) {
        return safeText(String.join(" | ", student.result().map(r -> r.labs().stream().filter(l -> l.cap() != null)
                .map(l -> l.id() + ": " + l.cap().reason()).toList()).orElse(List.of())));
    }

    /** The row with the {@link #CAPPED} cell inserted before its last ({@link #NOT_GRADED}) cell, when the column is there. */
    private static List<String> withCapCell(List<String> row, boolean capped, String cell) {
        if (capped) {
            row.add(row.size() - 1, cell);
        }
        return row;
    }

    /** An entry of the class folder that is not a student folder: a row of empty cells and the reason. */
    private static List<String> skipped(List<Lab> labs, CourseRecords records, ClassRoster.Skipped entry) {
        List<String> row = new ArrayList<>();
        row.add(safeText(entry.name()));
        addPerson(row, records, entry.name());
        int cells = labs.size() * (records.policy().isPresent() ? 4 : 1) + (records.policy().isPresent() ? 2 : 1);
        for (int i = 0; i < cells; i++) {
            row.add("");
        }
        row.add(safeText(entry.reason()));
        return row;
    }

    /** The roster's id, name and e-mail of the folder's owner (empty cells when the roster does not know it). */
    private static void addPerson(List<String> row, CourseRecords records, String folder) {
        records.roster().ifPresent(roster -> {
            Optional<Roster.Person> p = roster.find(folder);
            row.add(safeText(p.map(Roster.Person::id).orElse("")));
            row.add(safeText(p.map(Roster.Person::name).orElse("")));
            row.add(safeText(p.map(Roster.Person::email).orElse("")));
        });
    }

    /**
     * What each lab counts for the student in an LMS: the final points under the policy, else the raw points; an
     * empty cell for a lab not handed in (the LMS then keeps its own mark, e.g. "missing").
     */
    static List<String> coursePoints(List<Lab> labs, CourseRecords records, StudentResult student) {
        List<LabGrade> grades = records.grades(labs, student);
        List<String> cells = new ArrayList<>();
        for (Lab lab : labs) {
            Optional<LabResult> handedIn = lab(student, lab).filter(l -> !l.notStarted());
            cells.add(handedIn.isEmpty() ? "" : records.policy().isPresent()
                    ? grade(grades, lab).map(g -> Scores.format(g.finalPoints())).orElse("")
                    : Scores.format(handedIn.get().score()));
        }
        return cells;
    }

    /** Each lab's maximum as the LMS counts it (the policy's counted maximum, else the raw maximum). */
    static List<String> coursePointsPossible(ClassResult result, CourseRecords records) {
        Optional<StudentResult> any = result.students().stream().filter(s -> s.result().isPresent()).findFirst();
        List<LabGrade> grades = any.map(s -> records.grades(result.labs(), s)).orElse(List.of());
        List<String> cells = new ArrayList<>();
        for (Lab lab : result.labs()) {
            cells.add((records.policy().isPresent() ? grade(grades, lab).map(LabGrade::countedMax)
                    : any.flatMap(s -> lab(s, lab)).map(LabResult::max)).map(Scores::format).orElse(""));
        }
        return cells;
    }

    /** Writes {@code rows} as CSV with {@code header}, UTF-8 without a byte-order mark, CRLF (for LMS imports). */
    static void writeCsv(List<String> header, List<List<String>> rows, Path file) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter w = CSV.writer(schema.setUseHeader(true).setLineSeparator("\r\n").build())
                     .writeValues(out)) {
            for (List<String> row : rows) {
                w.write(row);
            }
        }
    }

    private static Optional<LabResult> lab(StudentResult student, Lab lab) {
        return student.result().flatMap(r -> r.labs().stream().filter(l -> l.id().equals(lab.folder())).findFirst());
    }

    private static Optional<LabGrade> grade(List<LabGrade> grades, Lab lab) {
        return grades.stream().filter(g -> g.lab().equals(lab.folder())).findFirst();
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
    private static final class NonClosingWriter extends FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
