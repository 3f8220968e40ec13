package io.github.vocstream.ingest.feedback;

import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who a request comes from, as its credentials prove, and the sources it may write and retract. A key's client may
 * write those configured for it ({@code voc.ingest.client-sources.<client>}, {@code *} for any), else only the source
 * of its own name: without that, any key could publish {@code zendesk:ticket-N} before Zendesk does, or retract
 * anyone's feedback. A webhook delivery speaks for the one source its signature is for; the caller of an API declared
 * open ({@code voc.ingest.open}) may write anything.
 */
public record Client(String name, Set<String> sources, boolean keyed) {

    /** Every source. */
    public static final String ANY_SOURCE = "*";

    public Client {
        sources = Set.copyOf(sources);
    }

    static Client ofKey(String name, Set<String> sources) {
        return new Client("client '" + name + "'", sources, true);
    }

    static Client anyone() {
        return new Client("the open API's caller", Set.of(ANY_SOURCE), false);
    }

    /** The sender of a webhook delivery whose signature checked out for {@code source}. */
    public static Client signedFor(String source) {
        return new Client("a delivery signed for '" + source + "'", Set.of(source), false);
    }

    public boolean mayWrite(String source) {
        return sources.contains(ANY_SOURCE) || sources.contains(source);
    }

    /** A 403 naming {@code field} unless this client may write {@code source}. */
    public void requireMayWrite(String field, String source) {
        if (!mayWrite(source)) {
            throw forbidden(List.of(new FieldError(field, refusal(source))));
        }
    }

    /** A 403 naming every item ({@code [i].source}) whose source this client may not write. */
    public void requireMayWriteEach(List<String> sourcesInOrder) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < sourcesInOrder.size(); i++) {
            if (!mayWrite(sourcesInOrder.get(i))) {
                errors.add(new FieldError("[" + i + "].source", refusal(sourcesInOrder.get(i))));
            }
        }
        if (!errors.isEmpty()) {
            throw forbidden(errors);
        }
    }

    private String refusal(String source) {
        return name + " may not write source '" + source + "'; it may write " + sources.stream().sorted().toList();
    }

    private static ProblemException forbidden(List<FieldError> errors) {
        return new ProblemException(HttpStatus.FORBIDDEN, errors.size() == 1 ? errors.get(0).detail()
                : errors.size() + " items name sources this client may not write; nothing was accepted", errors, null);
    }
}
