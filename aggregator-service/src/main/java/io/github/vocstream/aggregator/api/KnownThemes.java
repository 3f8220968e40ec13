package io.github.vocstream.aggregator.api;

import io.github.vocstream.http.problem.ProblemException;
import io.github.vocstream.taxonomy.Taxonomy;
import io.github.vocstream.taxonomy.Theme;
import jakarta.inject.Singleton;

/** The taxonomy as the query API needs it: which theme ids exist, and how each is labelled. */
@Singleton
public class KnownThemes {

    private final Taxonomy taxonomy;

    public KnownThemes(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** A theme the taxonomy does not have is a 404: it cannot have been counted, whatever the segment. */
    public void require(String theme) {
        if (!taxonomy.contains(theme)) {
            throw ProblemException.notFound("theme '" + theme + "' is not in the taxonomy; GET /v1/taxonomy lists the themes");
        }
    }

    /** The configured label, or the id of a theme counted before it left the taxonomy. */
    public String labelOf(String theme) {
        return taxonomy.find(theme).map(Theme::label).orElse(theme);
    }
}
