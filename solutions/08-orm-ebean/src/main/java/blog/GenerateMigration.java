package blog;

import blog.model.Bookmark;
import blog.model.Comment;
import blog.model.Post;
import blog.model.Profile;
import blog.model.Tag;
import blog.model.User;
import io.ebean.DatabaseBuilder;
import io.ebean.annotation.Platform;
import io.ebean.dbmigration.DbMigration;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Exercise 7: writes the next migration from the difference between the entities and the last migration's model
 * (src/main/resources/dbmigration/model). Run it from the course folder after adding an entity:
 *   mvn -q -f labs/08-orm-ebean/pom.xml process-classes exec:java -Dexec.mainClass=blog.GenerateMigration
 */
public class GenerateMigration {

    public static void main(String[] args) throws IOException {
        Path lab = args.length > 0 ? Path.of(args[0]) : Path.of("labs/08-orm-ebean");
        System.out.println(generate(lab, "5", "add bookmarks"));
    }

    /** Generates version {@code version} into the lab's src/main/resources/dbmigration; returns its file name. */
    public static String generate(Path lab, String version, String name) throws IOException {
        DatabaseBuilder config = io.ebean.Database.builder()
                .name("migration")
                .addClass(User.class).addClass(Profile.class).addClass(Post.class)
                .addClass(Comment.class).addClass(Tag.class).addClass(Bookmark.class);
        DbMigration migration = DbMigration.create();
        migration.setServerConfig(config);
        migration.setPlatform(Platform.POSTGRES);
        migration.setPathToResources(lab.resolve("src/main/resources").toString());
        migration.setMigrationPath("dbmigration");
        migration.setApplyPrefix("V");         // Flyway's naming: V5__add_bookmarks.sql
        migration.setVersion(version);
        migration.setName(name);
        migration.setIncludeGeneratedFileComment(true);
        return migration.generateMigration();
    }
}
