package dev.pglabs.cli;

/** Text from submissions (folder names, messages) shown on a terminal: control characters cannot steer it. */
final class Terminal {
    private Terminal() {
    }

    static String safe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
