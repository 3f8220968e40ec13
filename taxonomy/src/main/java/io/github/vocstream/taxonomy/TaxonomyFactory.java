package io.github.vocstream.taxonomy;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the taxonomy when the service starts, so a broken file stops the start with its line number. */
@Factory
public class TaxonomyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TaxonomyFactory.class);

    @Context
    Taxonomy taxonomy(TaxonomyConfiguration configuration) {
        Taxonomy taxonomy = TaxonomyLoader.load(configuration.includeDefault(), configuration.filesOrNone());
        LOG.info("Theme taxonomy: {} themes ({}{})", taxonomy.themes().size(),
                configuration.includeDefault() ? "default" : "no default",
                configuration.filesOrNone().isEmpty() ? "" : " + " + configuration.filesOrNone());
        return taxonomy;
    }
}
