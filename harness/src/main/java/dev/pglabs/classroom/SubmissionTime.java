package dev.pglabs.classroom;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;

/**
 * When a student handed in a lab, as far as the folder tells: the commit time of the newest commit that touched
 * the lab's folder when the student's folder is a git clone, else the newest modification time of the lab's files.
 * Both are the student's claim (a commit's date is whatever their clock or {@code GIT_COMMITTER_DATE} said).
 * <p>
 * The repository is hostile: it is read with JGit, which reads objects and never runs anything the repository's
 * configuration names (hooks, {@code core.fsmonitor}, aliases, filters); no {@code git} process is started. A
 * {@code .git} that is a file or a link (it could lead into another folder), or that holds links or special files
 * (a named pipe would block the read), is not read. A repository that cannot be read falls back to file times, with a
 * note saying so.
 *
 * @param at     when, ISO-8601 instant
 * @param source how it was found: {@code "commit <short id>"} or {@code "newest file"}
 * @param note   empty, or why the commit time could not be used
 */
public record SubmissionTime(String at, String source, String note) {

    public Instant instant() {
        return Instant.parse(at);
    }

    /**
     * The time {@code labFolder} was handed in, or empty when it holds no files.
     *
     * @param studentFolder the student's sub-folder of the class folder: a repository is looked for from the lab's
     *                      parent up to it, never above
     */
    public static Optional<SubmissionTime> of(Path studentFolder, Path labFolder) {
        if (!Files.isDirectory(labFolder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String note = "";
        for (Path dir = labFolder.getParent(); dir != null && dir.startsWith(studentFolder); dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)) {
                String odd = oddEntry(git);
                if (odd != null) {
                    note = ".git holds " + odd + ", which is not a plain file or folder, and is not read; file times used";
                    break;
                }
                try {
                    Optional<SubmissionTime> committed = lastCommit(git, dir.relativize(labFolder));
                    if (committed.isPresent()) {
                        return committed;
                    }
                    note = "no commit of the repository touches " + dir.relativize(labFolder) + "; file times used";
                } catch (IOException | RuntimeException e) {
                    note = "the git repository could not be read (" + e.getMessage() + "); file times used";
                }
                break;
            }
            if (Files.exists(git, LinkOption.NOFOLLOW_LINKS)) {
                note = ".git is a file or a link, not a repository folder, and is not followed; file times used";
                break;
            }
        }
        String why = note;
        return newestFile(labFolder).map(time -> new SubmissionTime(time.toString(), "newest file", why));
    }

    private static Optional<SubmissionTime> lastCommit(Path gitDir, Path labPath) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return Optional.empty();
            }
            try (RevWalk walk = new RevWalk(repo)) {
                walk.sort(RevSort.COMMIT_TIME_DESC);
                walk.setTreeFilter(AndTreeFilter.create(
                        PathFilter.create(labPath.toString().replace('\\', '/')), TreeFilter.ANY_DIFF));
                walk.markStart(walk.parseCommit(head));
                RevCommit last = walk.next();
                if (last == null) {
                    return Optional.empty();
                }
                Instant when = last.getCommitterIdent().getWhenAsInstant();
                return Optional.of(new SubmissionTime(when.toString(), "commit " + last.abbreviate(7).name(), ""));
            }
        }
    }

    /**
     * The first entry of {@code gitDir} that is a link or a special file, or null: a link could lead JGit to read
     * outside the student's folder, and a named pipe would block the read forever. A clone made by git has neither.
     */
    private static String oddEntry(Path gitDir) {
        try (var entries = Files.walk(gitDir)) {
            return entries.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> gitDir.relativize(p).toString()).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return "an entry that cannot be listed (" + e.getMessage() + ")";
        }
    }

    private static Optional<Instant> newestFile(Path labFolder) {
        Instant[] newest = {null};
        try {
            // Files.walkFileTree does not follow links unless asked: a link to elsewhere dates nothing.
            Files.walkFileTree(labFolder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Instant t = attrs.lastModifiedTime().toInstant();
                    if (attrs.isRegularFile() && (newest[0] == null || t.isAfter(newest[0]))) {
                        newest[0] = t;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return Optional.empty();  // an unreadable lab folder dates nothing; its checks say what is wrong
        }
        return Optional.ofNullable(newest[0]);
    }
}
