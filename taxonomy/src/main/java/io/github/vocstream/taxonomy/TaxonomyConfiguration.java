package io.github.vocstream.taxonomy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code voc.taxonomy.*}: which theme taxonomy the services use.
 *
 * @param includeDefault load the shipped taxonomy first; false to replace it entirely by {@code files}
 * @param files          taxonomy files read after it, in order; each adds themes or terms
 */
@ConfigurationProperties("voc.taxonomy")
public record TaxonomyConfiguration(
        @Bindable(defaultValue = "true") boolean includeDefault,
        @Nullable List<Path> files) {

    public List<Path> filesOrNone() {
        return files == null ? List.of() : files;
    }
}
