package dev.pglabs.provisioning;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where pglabs keeps what outlives a run on this machine (the course server, the template cache, the worker's class
 * archive): {@code $PGLABS_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pglabs}, else {@code ~/.cache/pglabs}.
 */
public final class CacheFolder {

    public static final String DIRECTORY = "PGLABS_CACHE_DIR";

    private CacheFolder() {
    }

    public static Path root(Map<String, String> environment) {
        String own = environment.get(DIRECTORY);
        String xdg = environment.get("XDG_CACHE_HOME");
        return own != null && !own.isBlank() ? Path.of(own)
                : xdg != null && !xdg.isBlank() ? Path.of(xdg, "pglabs")
                : Path.of(System.getProperty("user.home"), ".cache", "pglabs");
    }
}
