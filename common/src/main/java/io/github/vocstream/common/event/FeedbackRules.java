package io.github.vocstream.common.event;

import io.github.vocstream.common.segment.SegmentKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The limits a feedback item must respect, each check answering with the problem in words or empty when fine.
 * Shared so that every entry point (HTTP today, connectors later) enforces the same rules.
 */
public final class FeedbackRules {

    public static final int MAX_TEXT_LENGTH = 20_000;
    public static final int MAX_TITLE_LENGTH = 1_000;
    public static final int MAX_EXTERNAL_ID_LENGTH = 256;
    public static final int MAX_AUTHOR_LENGTH = 256;
    public static final int MAX_SEGMENTS = 20;
    public static final int MAX_TAGS = 20;
    public static final int MAX_SEGMENT_VALUE_LENGTH = 200;
    public static final int MIN_RATING = 0;
    public static final int MAX_RATING = 10;

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern DIMENSION = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private FeedbackRules() {
    }

    public static Optional<String> checkSource(String source) {
        return SOURCE.matcher(source).matches()
                ? Optional.empty()
                : Optional.of("must be 1-64 characters of a-z, 0-9, '_', '.', '-', starting with a letter or digit");
    }

    public static Optional<String> checkExternalId(String externalId) {
        if (externalId.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
            return Optional.of("must be at most " + MAX_EXTERNAL_ID_LENGTH + " characters");
        }
        return CONTROL.matcher(externalId).find() ? Optional.of("must not contain control characters") : Optional.empty();
    }

    public static Optional<String> checkText(String text) {
        if (text.isBlank()) {
            return Optional.of("must not be blank");
        }
        return text.length() > MAX_TEXT_LENGTH
                ? Optional.of("must be at most " + MAX_TEXT_LENGTH + " characters, was " + text.length())
                : Optional.empty();
    }

    public static Optional<String> checkTitle(String title) {
        return title.length() > MAX_TITLE_LENGTH
                ? Optional.of("must be at most " + MAX_TITLE_LENGTH + " characters")
                : Optional.empty();
    }

    public static Optional<String> checkLanguage(String language) {
        return LANGUAGE.matcher(language).matches()
                ? Optional.empty()
                : Optional.of("must be a language tag such as 'en' or 'pt-BR'");
    }

    public static Optional<String> checkRating(int rating) {
        return rating < MIN_RATING || rating > MAX_RATING
                ? Optional.of("must be between " + MIN_RATING + " and " + MAX_RATING)
                : Optional.empty();
    }

    public static Optional<String> checkAuthor(String author) {
        return author.length() > MAX_AUTHOR_LENGTH
                ? Optional.of("must be at most " + MAX_AUTHOR_LENGTH + " characters")
                : Optional.empty();
    }

    public static Optional<String> checkSegmentDimension(String dimension) {
        if (!DIMENSION.matcher(dimension).matches()) {
            return Optional.of("segment names must be 1-64 characters of a-z, 0-9, '_', '-', starting with a letter");
        }
        return SegmentKey.isReservedDimension(dimension)
                ? Optional.of("'" + dimension + "' is a built-in segment and cannot be set by the payload")
                : Optional.empty();
    }

    public static Optional<String> checkSegmentValue(String value) {
        if (value.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (value.length() > MAX_SEGMENT_VALUE_LENGTH) {
            return Optional.of("must be at most " + MAX_SEGMENT_VALUE_LENGTH + " characters");
        }
        return CONTROL.matcher(value).find() ? Optional.of("must not contain control characters") : Optional.empty();
    }

    /**
     * Every rule a whole item breaks, by the name of its field ({@code externalId}, {@code segments.plan}), in field
     * order; empty when it keeps them all. For a last check of items that a mapper built from a platform's payload.
     */
    public static Map<String, String> problems(FeedbackEvent event) {
        Map<String, String> problems = new LinkedHashMap<>();
        add(problems, "source", event.source() == null ? Optional.of("is required") : checkSource(event.source()));
        add(problems, "externalId", event.externalId() == null ? Optional.of("is required") : checkExternalId(event.externalId()));
        add(problems, "text", checkText(event.text()));
        add(problems, "title", event.title() == null ? Optional.empty() : checkTitle(event.title()));
        add(problems, "language", event.language() == null ? Optional.empty() : checkLanguage(event.language()));
        add(problems, "rating", event.rating() == null ? Optional.empty() : checkRating(event.rating()));
        add(problems, "author", event.author() == null ? Optional.empty() : checkAuthor(event.author()));
        if (event.segments().size() > MAX_SEGMENTS) {
            problems.put("segments", "must hold at most " + MAX_SEGMENTS + " entries");
        }
        event.segments().forEach((dimension, value) -> {
            add(problems, "segments." + dimension, checkSegmentDimension(dimension).or(() -> checkSegmentValue(value)));
        });
        if (event.tags().size() > MAX_TAGS) {
            problems.put("tags", "must hold at most " + MAX_TAGS + " entries");
        }
        return problems;
    }

    private static void add(Map<String, String> problems, String field, Optional<String> problem) {
        problem.ifPresent(detail -> problems.put(field, detail));
    }

    /**
     * A source's labels as tags: trimmed, lower case, each a usable segment value; blank and unusable ones are left
     * out (tags are a convenience, never a reason to refuse an item), and at most {@value #MAX_TAGS} are kept.
     */
    public static List<String> tags(Collection<String> labels) {
        Set<String> tags = new TreeSet<>();
        for (String label : labels) {
            String tag = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
            if (!tag.isEmpty() && checkSegmentValue(tag).isEmpty() && tags.size() < MAX_TAGS) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }
}
