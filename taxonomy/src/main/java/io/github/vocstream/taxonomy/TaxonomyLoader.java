package io.github.vocstream.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the taxonomy from the shipped default and the user's files. A later file adds new themes, and adds its
 * terms and exclusions to a theme an earlier file already has (whose label and tone stay); so a file can extend the
 * default, or replace it when the default is left out.
 */
public final class TaxonomyLoader {

    /** The taxonomy shipped in this jar, also readable in the source tree at the same path. */
    public static final String DEFAULT_RESOURCE = "voc/default-taxonomy.yml";

    private TaxonomyLoader() {
    }

    public static Taxonomy load(boolean includeDefault, List<Path> files) {
        if (!includeDefault && files.isEmpty()) {
            throw new TaxonomyException("no taxonomy: the default is left out and no taxonomy file is given");
        }
        Map<String, Theme> themes = new LinkedHashMap<>();
        if (includeDefault) {
            merge(themes, defaultThemes());
        }
        for (Path file : files) {
            merge(themes, read(file));
        }
        return new Taxonomy(new ArrayList<>(themes.values()));
    }

    public static Taxonomy defaultTaxonomy() {
        return load(true, List.of());
    }

    private static List<Theme> defaultThemes() {
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TaxonomyException("the default taxonomy " + DEFAULT_RESOURCE + " is missing from the class path");
            }
            return TaxonomyParser.parse(DEFAULT_RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TaxonomyException("cannot read the default taxonomy: " + e.getMessage(), e);
        }
    }

    private static List<Theme> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return TaxonomyParser.parse(file.toString(), reader);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read taxonomy file " + file + ": " + e, e);
        }
    }

    private static void merge(Map<String, Theme> themes, List<Theme> added) {
        for (Theme theme : added) {
            themes.merge(theme.id(), theme, (known, more) -> new Theme(known.id(), known.label(),
                    union(known.termsByLanguage(), more.termsByLanguage()),
                    union(known.exclusionsByLanguage(), more.exclusionsByLanguage()),
                    known.tone() == null ? more.tone() : known.tone()));
        }
    }

    private static Map<String, List<String>> union(Map<String, List<String>> first, Map<String, List<String>> second) {
        Map<String, List<String>> all = new LinkedHashMap<>(first);
        second.forEach((language, phrases) -> all.merge(language, phrases, TaxonomyLoader::union));
        return all;
    }

    private static List<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
