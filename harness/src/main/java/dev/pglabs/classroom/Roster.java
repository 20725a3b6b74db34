package dev.pglabs.classroom;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The instructor's class list ({@code grade-class --roster roster.csv}): which person each submission folder belongs
 * to. A folder is named after the student's GitHub account (GitHub Classroom's downloads are), so folders are matched
 * to the {@code github} column ignoring case, as GitHub does. Not to be confused with {@link ClassRoster}, the folders
 * found in the class folder.
 * <p>
 * CSV with a header row; columns in any order, their names ignoring case: {@code github} (required), {@code id} (the
 * student id of the institution, Canvas's SIS User ID, Moodle's ID number), {@code name}, {@code email}, and
 * optionally {@code section}, {@code canvas_id} (Canvas's own user ID, from a gradebook export) and
 * {@code sis_login_id}. Other columns are ignored, so an LMS export with a {@code github} column added works. UTF-8
 * with or without a byte-order mark, fields quoted or not.
 */
public record Roster(List<Person> people) {

    /** One student of the class list; empty strings for the columns the roster does not have. */
    public record Person(String github, String id, String name, String email, String section, String canvasId,
                         String sisLoginId) {
    }

    public Roster {
        people = List.copyOf(people);
    }

    public static Roster read(Path file) throws InvalidCourseFile, IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidCourseFile("there is no file " + file + "; give the path of the class list (CSV).");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCourseFile(file + " is not UTF-8 text; save it as \"CSV UTF-8\" (Excel) or UTF-8.");
        }
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, file.toString());
    }

    static Roster parse(String text, String where) throws InvalidCourseFile {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
                .readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            while (it.hasNextValue()) {
                Map<String, String> row = new LinkedHashMap<>();
                it.nextValue().forEach((k, v) -> row.put(k.strip().toLowerCase(Locale.ROOT), v == null ? "" : v.strip()));
                rows.add(row);
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidCourseFile(where + " is not a CSV file pglabs can read (" + e.getMessage().lines()
                    .findFirst().orElse("") + "); save it as CSV with a header row.");
        }
        if (rows.isEmpty()) {
            throw new InvalidCourseFile(where + " has no students: write a header row (github,id,name,email) and one "
                    + "row per student.");
        }
        if (!rows.get(0).containsKey("github")) {
            throw new InvalidCourseFile(where + " has no \"github\" column: add one with each student's GitHub user "
                    + "name (the name of their submission folder). Its columns are: "
                    + String.join(",", rows.get(0).keySet()) + ".");
        }
        List<Person> people = new ArrayList<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            int line = i + 2;  // the header is line 1
            String github = row.getOrDefault("github", "");
            if (github.isEmpty()) {
                if (row.values().stream().allMatch(String::isEmpty)) {
                    continue;  // a blank line a spreadsheet left
                }
                throw new InvalidCourseFile(where + " line " + line + ": the \"github\" column is empty; write the "
                        + "student's GitHub user name (or remove the line).");
            }
            Integer earlier = lineOf.put(github.toLowerCase(Locale.ROOT), line);
            if (earlier != null) {
                throw new InvalidCourseFile(where + " lines " + earlier + " and " + line + " both have github \""
                        + github + "\" (names are matched ignoring case); keep one.");
            }
            people.add(new Person(github, row.getOrDefault("id", ""), row.getOrDefault("name", ""),
                    row.getOrDefault("email", ""), row.getOrDefault("section", ""), row.getOrDefault("canvas_id", ""),
                    row.getOrDefault("sis_login_id", "")));
        }
        return new Roster(people);
    }

    /** The person a submission folder belongs to: its name is their GitHub user name, ignoring case. */
    public Optional<Person> find(String folder) {
        return people.stream().filter(p -> p.github().equalsIgnoreCase(folder)).findFirst();
    }

    /** Folders that no one of the roster owns. */
    public List<String> unknown(List<String> folders) {
        return folders.stream().filter(f -> find(f).isEmpty()).toList();
    }

    /** People of the roster without a submission folder. */
    public List<Person> withoutSubmission(List<String> folders) {
        return people.stream().filter(p -> folders.stream().noneMatch(f -> f.equalsIgnoreCase(p.github()))).toList();
    }
}
