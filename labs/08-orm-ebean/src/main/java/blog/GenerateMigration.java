package blog;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Exercise 7 (README section 8): writes the next migration from the difference between your entities and the
 * last migration's model (src/main/resources/dbmigration/model). Run it from the course folder:
 *   mvn -q -f labs/08-orm-ebean/pom.xml process-classes exec:java -Dexec.mainClass=blog.GenerateMigration
 */
public class GenerateMigration {

    public static void main(String[] args) throws IOException {
        Path lab = args.length > 0 ? Path.of(args[0]) : Path.of("labs/08-orm-ebean");
        System.out.println(generate(lab, "5", "add bookmarks"));
    }

    /** Generates version {@code version} into the lab's src/main/resources/dbmigration; returns its name. */
    public static String generate(Path lab, String version, String name) throws IOException {
        throw new UnsupportedOperationException("TODO exercise 7: DbMigration.create(), platform POSTGRES, "
                + "path to resources, migration path \"dbmigration\", apply prefix \"V\", version, name, "
                + "generateMigration()");
    }
}
