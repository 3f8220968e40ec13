package io.github.vocstream.taxonomy;

import java.util.List;
import java.util.Optional;

/** The configured themes, parents before their children, in the order the files give them. */
public record Taxonomy(List<Theme> themes) {

    public Taxonomy {
        themes = List.copyOf(themes);
    }

    public Optional<Theme> find(String id) {
        return themes.stream().filter(theme -> theme.id().equals(id)).findFirst();
    }

    public boolean contains(String id) {
        return find(id).isPresent();
    }
}
