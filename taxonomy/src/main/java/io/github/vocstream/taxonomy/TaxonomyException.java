package io.github.vocstream.taxonomy;

/** A taxonomy file that cannot be used; the message names the file and line at fault. */
public class TaxonomyException extends RuntimeException {

    public TaxonomyException(String message) {
        super(message);
    }

    public TaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
