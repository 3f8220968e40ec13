package io.github.vocstream.aggregator.api;

import io.github.vocstream.aggregator.api.view.TaxonomyView;
import io.github.vocstream.taxonomy.Taxonomy;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code /v1/taxonomy}: the themes this deployment looks for, with their terms, exclusions and tones. */
@Controller("/v1/taxonomy")
public class TaxonomyController {

    private final TaxonomyView view;

    public TaxonomyController(Taxonomy taxonomy) {
        this.view = TaxonomyView.of(taxonomy);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public TaxonomyView taxonomy() {
        return view;
    }
}
