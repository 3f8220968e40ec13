package io.github.vocstream.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyLoaderTest {

    @Test
    void theDefaultCoversCommonCustomerExperienceThemes() {
        Taxonomy taxonomy = TaxonomyLoader.defaultTaxonomy();

        assertThat(taxonomy.themes()).extracting(Theme::id).contains("price", "billing", "refund", "delivery",
                "delivery/late", "delivery/damaged", "quality", "support", "wait-time", "usability", "bugs",
                "performance", "account/login", "staff", "cleanliness");
        // Parents come before their children, so a reader can build the tree in one pass.
        List<String> ids = taxonomy.themes().stream().map(Theme::id).toList();
        assertThat(ids.indexOf("delivery")).isLessThan(ids.indexOf("delivery/late"));
    }

    @Test
    void aFileExtendsTheDefaultWithThemesAndTerms() throws URISyntaxException {
        Taxonomy taxonomy = TaxonomyLoader.load(true, List.of(resource("extension.yml")));

        assertThat(taxonomy.find("sustainability")).get().extracting(Theme::terms)
                .isEqualTo(List.of("plastic", "recyclable", "carbon footprint"));
        Theme refund = taxonomy.find("refund").orElseThrow();
        assertThat(refund.terms()).contains("refund", "store credit note");
        assertThat(refund.label()).isEqualTo("Refunds");
    }

    @Test
    void withoutTheDefaultOnlyTheFilesCount() throws URISyntaxException {
        Taxonomy taxonomy = TaxonomyLoader.load(false, List.of(resource("extension.yml")));

        assertThat(taxonomy.themes()).extracting(Theme::id).containsExactly("refund", "sustainability");
    }

    @Test
    void aMissingFileOrNoTaxonomyAtAllIsRefused() {
        assertThatThrownBy(() -> TaxonomyLoader.load(true, List.of(Path.of("/nonexistent/themes.yml"))))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("/nonexistent/themes.yml");
        assertThatThrownBy(() -> TaxonomyLoader.load(false, List.of()))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("no taxonomy");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TaxonomyLoaderTest.class.getResource("/taxonomy/" + name).toURI());
    }
}
