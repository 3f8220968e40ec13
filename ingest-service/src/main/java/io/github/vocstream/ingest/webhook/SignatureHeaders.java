package io.github.vocstream.ingest.webhook;

import io.github.vocstream.http.problem.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HexFormat;

/** Reads the headers signature schemes share, refusing with a 401 that names the header at fault. */
public final class SignatureHeaders {

    private SignatureHeaders() {
    }

    /** The header's value, stripped; 401 when it is missing or blank. */
    public static String require(String header, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.unauthorized("the " + header + " header is missing");
        }
        return value.strip();
    }

    /** A timestamp in seconds since 1970. */
    public static Instant epochSeconds(String header, String value) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(require(header, value)));
        } catch (NumberFormatException | DateTimeException e) {
            throw ProblemException.unauthorized("the " + header + " header is not a number of seconds since 1970");
        }
    }

    /** A hex digest after a scheme prefix, as in {@code sha1=<hex>}. */
    public static byte[] prefixedHex(String header, String value, String prefix) {
        String given = require(header, value);
        try {
            if (given.startsWith(prefix)) {
                return HexFormat.of().parseHex(given.substring(prefix.length()));
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.unauthorized("the " + header + " header must be '" + prefix + "<hex>'");
    }
}
