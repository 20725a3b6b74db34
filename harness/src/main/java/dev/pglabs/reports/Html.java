package dev.pglabs.reports;

import dev.pglabs.results.CheckStatus;

/**
 * What the HTML reports share: escaping (student names, file names and feedback are untrusted and may hold
 * markup) and one self-contained page layout — no scripts, no external resources, so a page opens anywhere.
 */
final class Html {

    private Html() {
    }

    /**
     * Text as HTML: markup characters become entities, control characters (other than newline/tab) and lone
     * surrogates become U+FFFD.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // A lone surrogate (half a character) cannot be written as UTF-8: it becomes U+FFFD too.
                    if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)
                            && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))) {
                        sb.appendCodePoint(c);
                    } else {
                        sb.append('\uFFFD');
                    }
                }
            }
        });
        return sb.toString();
    }

    /** A link target for a file we named ourselves (see ReportFileNames), still escaped for the attribute. */
    static String href(String path) {
        return escape(path.replace("%", "%25").replace(" ", "%20").replace("#", "%23").replace("?", "%3F"));
    }

    static String statusBadge(CheckStatus status) {
        String label = switch (status) {
            case PASSED -> "✓ passed";
            case FAILED -> "✗ failed";
            case ERROR -> "! error";
            case TIMEOUT -> "⧗ timeout";
        };
        return "<span class=\"badge " + status.json() + "\">" + label + "</span>";
    }

    /** A horizontal bar for a share between 0 and 1. */
    static String bar(double share) {
        long percent = Math.round(Math.max(0, Math.min(1, share)) * 100);
        return "<span class=\"bar\"><span style=\"width:" + percent + "%\"></span></span>";
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <title>%s</title>
                <style>
                body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1f2328; }
                h1 { font-size: 1.6rem; overflow-wrap: anywhere; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
                table { border-collapse: collapse; margin: .5rem 0 1rem; }
                th, td { padding: .25rem .6rem; border-bottom: 1px solid #e6e8eb; text-align: left; vertical-align: top; }
                td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
                pre { background: #f6f8fa; padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; word-break: break-word; margin: .3rem 0 .8rem; }
                .badge { font-size: .8rem; padding: .05rem .4rem; border-radius: .6rem; white-space: nowrap; }
                .passed { background: #dafbe1; color: #116329; } .failed { background: #ffebe9; color: #a40e26; }
                .error { background: #fff1e5; color: #953800; } .timeout { background: #fff8c5; color: #7d4e00; }
                .hidden-tag { font-size: .8rem; color: #59636e; }
                .bar { display: inline-block; width: 10rem; height: .8rem; background: #eaeef2; vertical-align: middle; }
                .bar > span { display: block; height: 100%%; background: #2f81f7; }
                .exercises .bar { width: 5rem; }
                .muted { color: #59636e; font-size: .9rem; }
                .scroll { overflow-x: auto; }
                td.name { max-width: 16rem; overflow-wrap: anywhere; } td.note { min-width: 10rem; overflow-wrap: anywhere; }
                td.nowrap, th .muted { white-space: nowrap; }
                .check { margin: .8rem 0; } .check-title { font-weight: 600; }
                code { background: #f6f8fa; padding: 0 .25rem; }
                </style>
                </head>
                <body>
                %s
                </body>
                </html>
                """.formatted(escape(title), body);
    }
}
