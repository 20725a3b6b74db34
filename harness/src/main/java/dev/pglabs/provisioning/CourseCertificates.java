package dev.pglabs.provisioning;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * Makes the certificates of the RDS-like server with the JDK alone (no keytool run, no extra library): a course
 * certificate authority, standing in for the RDS CA bundle, and a server certificate it signs. EC P-256 keys,
 * ECDSA-SHA256 signatures, X.509 v3 with the extensions PKIX and OpenSSL check; a few hand-encoded DER
 * structures, since the JDK has no public certificate builder.
 */
final class CourseCertificates {

    /** A certificate and its private key. */
    record Issued(X509Certificate certificate, PrivateKey key, String subject) {
    }

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CourseCertificates() {
    }

    /** A self-signed certificate authority (keyCertSign), valid from an hour ago for {@code validity}. */
    static Issued authority(String commonName, Duration validity) {
        KeyPair keys = newKeys();
        String subject = "CN=" + commonName + ", O=pglabs course";
        byte[] name = name(commonName);
        byte[] extensions = extensions(
                extension(BASIC_CONSTRAINTS, true, seq(bool(true))),
                extension(KEY_USAGE, true, bitString(new byte[] {0x06}, 1)));  // keyCertSign, cRLSign
        return new Issued(sign(name, name, keys.getPublic().getEncoded(), extensions, validity, keys.getPrivate()),
                keys.getPrivate(), subject);
    }

    /** A TLS server certificate for these DNS names (subjectAltName), signed by {@code ca}. */
    static Issued server(Issued ca, String commonName, List<String> dnsNames, Duration validity) {
        KeyPair keys = newKeys();
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (String dns : dnsNames) {
            names.writeBytes(tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII)));  // [2] dNSName, IA5String
        }
        byte[] extensions = extensions(
                extension(BASIC_CONSTRAINTS, true, seq()),
                extension(KEY_USAGE, true, bitString(new byte[] {(byte) 0x80}, 7)),  // digitalSignature
                extension(EXTENDED_KEY_USAGE, false, seq(oid(SERVER_AUTH))),
                extension(SUBJECT_ALT_NAME, false, tlv(0x30, names.toByteArray())));
        X509Certificate issuerCert = ca.certificate();
        byte[] issuer = issuerCert.getSubjectX500Principal().getEncoded();
        return new Issued(sign(issuer, name(commonName), keys.getPublic().getEncoded(), extensions, validity,
                ca.key()), keys.getPrivate(), "CN=" + commonName + ", O=pglabs course");
    }

    /** Writes the certificate as PEM (what {@code sslrootcert} and {@code ssl_cert_file} read). */
    static void writeCertificate(Path file, X509Certificate certificate) {
        try {
            write(file, pem("CERTIFICATE", certificate.getEncoded()), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the private key as PKCS#8 PEM, readable by its owner only (PostgreSQL refuses anything wider). */
    static void writeKey(Path file, PrivateKey key) {
        write(file, pem("PRIVATE KEY", key.getEncoded()), true);
    }

    // ---- X.509 ------------------------------------------------------------------------------------------

    private static X509Certificate sign(byte[] issuer, byte[] subject, byte[] publicKeyInfo, byte[] extensions,
                                        Duration validity, PrivateKey signer) {
        Instant from = Instant.now().minus(Duration.ofHours(1));  // tolerate a clock a little behind
        byte[] algorithm = seq(oid(ECDSA_SHA256));
        byte[] tbs = seq(
                tlv(0xA0, integer(BigInteger.TWO)),                  // version v3
                integer(new BigInteger(63, RANDOM).add(BigInteger.ONE)),
                algorithm,
                issuer,
                seq(utcTime(from), utcTime(from.plus(validity))),
                subject,
                publicKeyInfo,
                tlv(0xA3, extensions));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(signer);
            signature.update(tbs);
            byte[] der = seq(tbs, algorithm, bitString(signature.sign(), 0));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make the course certificates: " + e.getMessage(), e);
        }
    }

    private static byte[] name(String commonName) {
        return seq(
                tlv(0x31, seq(oid(ORGANIZATION), tlv(0x0C, "pglabs course".getBytes(StandardCharsets.UTF_8)))),
                tlv(0x31, seq(oid(COMMON_NAME), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] extensions(byte[]... extensions) {
        return seq(extensions);
    }

    private static byte[] extension(String id, boolean critical, byte[] value) {
        return critical ? seq(oid(id), bool(true), tlv(0x04, value)) : seq(oid(id), tlv(0x04, value));
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make EC keys: " + e.getMessage(), e);
        }
    }

    // ---- DER --------------------------------------------------------------------------------------------

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] bytes = BigInteger.valueOf(length).toByteArray();
            int start = bytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (bytes.length - start));
            out.write(bytes, start, bytes.length - start);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return tlv(0x30, out.toByteArray());
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }

    private static byte[] bitString(byte[] bits, int unusedBits) {
        byte[] content = new byte[bits.length + 1];
        content[0] = (byte) unusedBits;
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    private static byte[] utcTime(Instant instant) {
        return tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            byte[] base128 = new byte[10];
            int n = 0;
            do {
                base128[n++] = (byte) (arc & 0x7F);
                arc >>>= 7;
            } while (arc > 0);
            for (int k = n - 1; k >= 0; k--) {
                out.write(base128[k] | (k > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    // ---- files ------------------------------------------------------------------------------------------

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String text, boolean ownerOnly) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            if (ownerOnly) {
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Windows: no POSIX modes, and PostgreSQL does not check them there.
                }
            }
        } catch (IOException e) {
            throw new ProvisioningException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
