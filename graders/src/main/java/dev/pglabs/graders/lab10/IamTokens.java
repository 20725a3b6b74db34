package dev.pglabs.graders.lab10;

import dev.pglabs.graders.lab10.sandboxed.TestCredentials;


import java.time.temporal.ChronoUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks an RDS IAM authentication token the way RDS would: a presigned {@code connect} request for one user on one
 * endpoint, AWS Signature Version 4 over the canonical request, 15 minutes of validity. The grader recomputes the
 * signature itself with the test credentials, so a token written by hand (or signed for another region, user or
 * port) does not pass.
 */
final class IamTokens {

    /** AWS's documented example keys: they sign, but open nothing. */
    static final String ACCESS_KEY = TestCredentials.ACCESS_KEY;
    static final String SECRET_KEY = TestCredentials.SECRET_KEY;
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** What the token is for. */
    record Endpoint(String host, int port, String user, String region) {
        @Override
        public String toString() {
            return "user " + user + " on " + host + ":" + port + " (" + region + ")";
        }
    }

    private IamTokens() {
    }

    /** Every way the token differs from a valid one for this endpoint, made around {@code now}. */
    static List<String> problems(String token, Endpoint e, Instant now) {
        List<String> problems = new ArrayList<>();
        if (token == null || token.isBlank()) {
            problems.add("no token came back");
            return problems;
        }
        String prefix = e.host() + ":" + e.port() + "/?";
        if (!token.startsWith(prefix)) {
            problems.add("a token starts with host:port/? of the database, here " + prefix + " (yours: "
                    + shorten(token) + ")");
            return problems;
        }
        Map<String, String> raw = new TreeMap<>();
        for (String pair : token.substring(prefix.length()).split("&")) {
            int eq = pair.indexOf('=');
            raw.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        expect(problems, raw, "Action", "connect");
        expect(problems, raw, "DBUser", e.user());
        expect(problems, raw, "X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        // RDS tokens live 15 minutes. The SDK derives X-Amz-Expires from two readings of the clock, so a token
        // signed across a second boundary says 899: both are what RdsUtilities makes, and RDS accepts both.
        if (!"899".equals(decoded(raw.get("X-Amz-Expires")))) {
            expect(problems, raw, "X-Amz-Expires", "900");
        }
        expect(problems, raw, "X-Amz-SignedHeaders", "host");
        String date = decoded(raw.get("X-Amz-Date"));
        Instant signedAt = null;
        try {
            signedAt = LocalDateTime.parse(date == null ? "" : date, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ex) {
            problems.add("X-Amz-Date is " + date + ", not a signing time like 20250601T120000Z");
        }
        if (signedAt != null && (signedAt.isBefore(now.minus(CLOCK_SKEW)) || signedAt.isAfter(now.plus(CLOCK_SKEW)))) {
            problems.add("the token was signed at " + signedAt + ", but it is " + now.truncatedTo(ChronoUnit.SECONDS)
                    + ": sign a new token when it is needed, never keep one from earlier");
        }
        String credential = decoded(raw.get("X-Amz-Credential"));
        String scope = date == null || date.length() < 8 ? "?" : date.substring(0, 8);
        String expectedCredential = ACCESS_KEY + "/" + scope + "/" + e.region() + "/rds-db/aws4_request";
        if (!expectedCredential.equals(credential)) {
            problems.add("X-Amz-Credential is " + credential + ", expected " + expectedCredential
                    + " (the credentials given, the database's region, the service rds-db)");
        }
        String signature = raw.remove("X-Amz-Signature");
        if (problems.isEmpty() && !signature(raw, e, date).equals(signature)) {
            problems.add("the signature does not match: the token was not signed with the credentials given for "
                    + e + ". Let RdsUtilities sign it.");
        }
        return problems;
    }

    /** AWS Signature Version 4 of the presigned GET request that the token is (without its signature). */
    private static String signature(Map<String, String> query, Endpoint e, String amzDate) {
        StringBuilder canonicalQuery = new StringBuilder();
        query.forEach((k, v) -> canonicalQuery.append(canonicalQuery.length() == 0 ? "" : "&").append(k).append('=')
                .append(v));
        String canonicalRequest = "GET\n/\n" + canonicalQuery + "\nhost:" + e.host() + ":" + e.port() + "\n\nhost\n"
                + EMPTY_SHA256;
        String day = amzDate.substring(0, 8);
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + day + "/" + e.region() + "/rds-db/aws4_request\n"
                + sha256(canonicalRequest);
        byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, e.region());
        key = hmac(key, "rds-db");
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static void expect(List<String> problems, Map<String, String> raw, String name, String value) {
        String actual = decoded(raw.get(name));
        if (!value.equals(actual)) {
            problems.add(name + " is " + (actual == null ? "missing" : actual) + ", expected " + value);
        }
    }

    private static String decoded(String value) {
        try {
            return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String shorten(String token) {
        return token.length() > 90 ? token.substring(0, 90) + "…" : token;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
