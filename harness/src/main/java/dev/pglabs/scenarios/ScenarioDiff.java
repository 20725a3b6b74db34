package dev.pglabs.scenarios;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffParserException;
import com.github.difflib.unifieddiff.UnifiedDiffReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario's {@code changes.diff}: unified diffs against files of the base, one per changed file, with paths
 * {@code a/<lab>/…} and {@code b/<lab>/…} as {@code git diff} writes them. Only plain text is kept as a diff (UTF-8
 * without a byte order mark, LF line ends, a final newline): every byte of it is then restored exactly; any other
 * file stays a whole file in the scenario.
 */
public final class ScenarioDiff {

    public static final String NAME = "changes.diff";
    private static final int CONTEXT = 3;

    private ScenarioDiff() {
    }

    /** The patches of a diff file, by path relative to the scenario folder ({@code <lab>/…}). */
    public static Map<String, Patch<String>> read(Path diff) {
        try (InputStream in = Files.newInputStream(diff)) {
            UnifiedDiff parsed = UnifiedDiffReader.parseUnifiedDiff(in);
            Map<String, Patch<String>> out = new LinkedHashMap<>();
            for (UnifiedDiffFile file : parsed.getFiles()) {
                if (!file.getFromFile().equals(file.getToFile())) {
                    throw new IllegalArgumentException(diff + ": a diff changes a file in place, but one goes from "
                            + file.getFromFile() + " to " + file.getToFile());
                }
                if (out.put(file.getToFile(), file.getPatch()) != null) {
                    throw new IllegalArgumentException(diff + " changes " + file.getToFile() + " twice");
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + diff, e);
        } catch (UnifiedDiffParserException e) {
            throw new IllegalArgumentException(diff + " is not a unified diff (an editor may have stripped the "
                    + "single space of an empty context line): " + e.getMessage(), e);
        }
    }

    /** The base file's bytes with the patch applied; the base must be plain text and the patch apply exactly. */
    public static byte[] apply(Patch<String> patch, byte[] base, String where) {
        List<String> lines = lines(base).orElseThrow(() -> new IllegalArgumentException(where
                + ": a diff applies to plain text only (UTF-8, LF line ends, a final newline)"));
        try {
            return text(patch.applyTo(lines));
        } catch (PatchFailedException e) {
            throw new IllegalArgumentException(where + ": the diff no longer applies to the base file ("
                    + e.getMessage() + "); rewrite it against the base", e);
        }
    }

    /**
     * The unified diff that turns {@code base} into {@code target} (path {@code <lab>/…}), if both are plain text and
     * the diff restores the target byte for byte.
     */
    public static Optional<List<String>> diff(String path, byte[] base, byte[] target) {
        Optional<List<String>> from = lines(base);
        Optional<List<String>> to = lines(target);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        Patch<String> patch = DiffUtils.diff(from.get(), to.get());
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, from.get(), patch,
                CONTEXT);
        try {
            Patch<String> back = UnifiedDiffUtils.parseUnifiedDiff(unified);
            return Arrays.equals(text(back.applyTo(from.get())), target) ? Optional.of(unified) : Optional.empty();
        } catch (PatchFailedException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The lines of plain text (UTF-8 without a byte order mark, LF line ends, ending in a newline). */
    static Optional<List<String>> lines(byte[] bytes) {
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF") || text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return Optional.of(new ArrayList<>(Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1))));
    }

    private static byte[] text(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
