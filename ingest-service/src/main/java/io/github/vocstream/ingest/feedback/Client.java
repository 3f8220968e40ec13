package io.github.vocstream.ingest.feedback;

import io.github.vocstream.support.problem.FieldError;
import io.github.vocstream.support.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A caller of the keyed endpoints, and the sources it may write and retract: those configured for it
 * ({@code voc.ingest.client-sources.<client>}, {@code *} for any), else only the source of its own name. Without
 * that, any key could publish {@code zendesk:ticket-N} before Zendesk does, or retract anyone's feedback. The caller
 * of an API declared open ({@code voc.ingest.open}) has no name and may write anything.
 */
public record Client(String name, Set<String> sources) {

    /** Every source. */
    public static final String ANY_SOURCE = "*";

    static Client anyone() {
        return new Client(null, Set.of(ANY_SOURCE));
    }

    public Client {
        sources = Set.copyOf(sources);
    }

    /** Whether a key said who this is; only then has it a rate limit of its own. */
    public boolean identified() {
        return name != null;
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
        return "client '" + name + "' may not write source '" + source + "'; it may write " + sources.stream().sorted().toList();
    }

    private static ProblemException forbidden(List<FieldError> errors) {
        return new ProblemException(HttpStatus.FORBIDDEN, errors.size() == 1 ? errors.get(0).detail()
                : errors.size() + " items name sources this client may not write; nothing was accepted", errors, null);
    }
}
