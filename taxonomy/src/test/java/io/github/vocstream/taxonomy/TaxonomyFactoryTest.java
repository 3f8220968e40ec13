package io.github.vocstream.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxonomyFactoryTest {

    @Test
    void aServiceStartsWithTheDefaultTaxonomy() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(Taxonomy.class)).isEqualTo(TaxonomyLoader.defaultTaxonomy());
        }
    }

    @Test
    void aBrokenTaxonomyStopsTheStartAndNamesTheLine() throws URISyntaxException {
        Path broken = Path.of(TaxonomyFactoryTest.class.getResource("/taxonomy/broken.yml").toURI());

        assertThatThrownBy(() -> ApplicationContext.run(Map.of("voc.taxonomy.files", broken.toString())))
                .satisfies(failure -> assertThat(rootCause(failure))
                        .isInstanceOf(TaxonomyException.class)
                        .hasMessage(broken + ", line 6: 'terms' of theme 'delivery/late' must be a list, e.g. [refund, \"money back\"], or lists by language, e.g. {en: [refund], de: [erstattung]}"));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
