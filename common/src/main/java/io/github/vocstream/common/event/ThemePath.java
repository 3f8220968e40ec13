package io.github.vocstream.common.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Theme ids are paths: {@code delivery/late} is a child of {@code delivery}. A mention of a child counts for every
 * ancestor too, which any service can work out from the id alone.
 */
public final class ThemePath {

    public static final char SEPARATOR = '/';

    private ThemePath() {
    }

    /** The parent's id, or null for a top-level theme. */
    public static String parentOf(String id) {
        int last = id.lastIndexOf(SEPARATOR);
        return last < 0 ? null : id.substring(0, last);
    }

    /** The top-level ancestor first, {@code id} itself last. */
    public static List<String> selfAndAncestors(String id) {
        List<String> ids = new ArrayList<>();
        for (int slash = id.indexOf(SEPARATOR); slash >= 0; slash = id.indexOf(SEPARATOR, slash + 1)) {
            ids.add(id.substring(0, slash));
        }
        ids.add(id);
        return ids;
    }

    /** True when the two ids are the same theme, or one is an ancestor of the other. */
    public static boolean related(String one, String other) {
        return one.equals(other) || isAncestor(one, other) || isAncestor(other, one);
    }

    /** True when {@code ancestor} is a proper ancestor of {@code id}. */
    public static boolean isAncestor(String ancestor, String id) {
        return id.length() > ancestor.length() && id.startsWith(ancestor) && id.charAt(ancestor.length()) == SEPARATOR;
    }
}
