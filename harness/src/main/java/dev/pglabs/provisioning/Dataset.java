package dev.pglabs.provisioning;

import java.nio.file.Path;
import java.util.List;

/**
 * What a check's database starts with: scripts run in order by the grader's role when the template is
 * built. A {@code .sql} file is a script of many statements or the plain output of {@code pg_dump}, with its
 * {@code COPY … FROM stdin} blocks (see {@link DatasetScript}); a {@code .csv} file (with a header row) is copied
 * into the table named like the file ({@code orders_flat.csv} → {@code orders_flat}), which an earlier script
 * creates. The student gets the same rights in every schema the dataset creates as in {@code public}.
 *
 * @param studentOwnsTables hand the tables to the student roles (labs where students add indexes or alter
 *                          tables, which only an owner may do)
 */
public record Dataset(List<Path> scripts, boolean studentOwnsTables) {

    public Dataset {
        scripts = List.copyOf(scripts);
    }

    public static Dataset of(List<Path> scripts) {
        return new Dataset(scripts, false);
    }
}
