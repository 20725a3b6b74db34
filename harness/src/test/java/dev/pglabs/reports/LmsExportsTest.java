package dev.pglabs.reports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.classroom.CourseRecords;
import dev.pglabs.classroom.Roster;
import dev.pglabs.results.SubmissionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The gradebook with a roster and a stray entry, and the files Canvas's and Moodle's grade imports take. */
class LmsExportsTest {

    @TempDir
    Path tmp;

    private static ClassResult sample() {
        Map<String, SubmissionResult> students = new LinkedHashMap<>();
        students.put("Ana-L", SampleResults.submission(1, 1, 1, 1, 1));
        students.put("bo", SampleResults.submission(1, 0, 0, 0, 0));
        students.put("stranger", SampleResults.submission(1, 1, 0, 0, 0));
        return SampleResults.classOf(students, "dora");
    }

    private static CourseRecords records() {
        Roster roster = new Roster(List.of(
                new Roster.Person("ana-l", "s101", "Lima, Ana", "ana@example.org", "A", "9001", "alima"),
                new Roster.Person("bo", "s102", "=Bo", "bo@example.org", "", "", ""),
                new Roster.Person("dora", "s103", "Dora", "dora@example.org", "", "", ""),
                new Roster.Person("cy", "s104", "Cy", "", "", "", "")));
        return new CourseRecords(Optional.empty(), Optional.of(roster),
                List.of(new ClassRoster.Skipped("eve.zip", "not a folder")));
    }

    private static List<List<String>> read(Path file) throws Exception {
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(file.toFile())) {
            return it.readAll();
        }
    }

    @Test
    void gradebookCarriesTheRosterAndTheEntriesThatAreNotStudents() throws Exception {
        Path file = tmp.resolve("gradebook.csv");
        GradebookCsv.write(sample(), records(), file);
        List<List<String>> rows = read(file);
        assertThat(rows.get(0)).containsExactly("student", "student id", "name", "email", "01-sql-basics",
                "03-relations-joins", "total", "not graded");
        assertThat(rows.get(2)).containsExactly("Ana-L", "s101", "Lima, Ana", "ana@example.org", "5", "2.5", "7.5", "");
        assertThat(rows.get(3).subList(0, 4)).as("a formula in the roster is defused")
                .containsExactly("bo", "s102", "'=Bo", "bo@example.org");
        assertThat(rows.get(4).subList(0, 4)).as("not in the roster").containsExactly("stranger", "", "", "");
        assertThat(rows.get(5)).containsExactly("dora", "s103", "Dora", "dora@example.org", "", "", "",
                "the database server went away");
        assertThat(rows.get(6)).containsExactly("eve.zip", "", "", "", "", "", "", "not a folder");
        assertThat(records().notes(sample())).containsExactly("Not a student folder, not graded: eve.zip: not a folder",
                "Not in the roster (1): stranger", "In the roster, no submission (1): cy (Cy)");
    }

    @Test
    void canvasImportFile() throws Exception {
        Path file = tmp.resolve(CanvasExport.FILE);
        CanvasExport.write(sample(), records(), file);
        assertThat(Files.readAllBytes(file)[0]).as("no byte-order mark").isEqualTo((byte) 'S');
        List<List<String>> rows = read(file);
        assertThat(rows).containsExactly(
                List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "01-sql-basics", "03-relations-joins"),
                List.of("Points Possible", "", "", "", "", "5", "4"),
                List.of("Lima, Ana", "9001", "s101", "alima", "A", "5", "2.5"),
                List.of("'=Bo", "", "s102", "", "", "1", "2.5"));
    }

    @Test
    void moodleImportFile() throws Exception {
        Path file = tmp.resolve(MoodleExport.FILE);
        MoodleExport.write(sample(), records(), file);
        assertThat(read(file)).containsExactly(
                List.of("Email address", "ID number", "Full name", "01-sql-basics", "03-relations-joins"),
                List.of("ana@example.org", "s101", "Lima, Ana", "5", "2.5"),
                List.of("bo@example.org", "s102", "'=Bo", "1", "2.5"));
    }
}
