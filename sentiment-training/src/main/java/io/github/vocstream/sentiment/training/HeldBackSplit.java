package io.github.vocstream.sentiment.training;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fixed split between what the model learns from and the fifth of every corpus it never sees, so that the
 * shipped model can be judged on text it was not trained on. A text's side depends on its words alone (a retweet's
 * "RT", links, handles and punctuation left out), so a retweet or a repeated review lands on the same side as its
 * original.
 */
public final class HeldBackSplit {

    private static final Pattern NOISE = Pattern.compile("^rt\\b|https?://\\S+|@\\w+|[^\\p{L}\\p{N}]");
    private static final int PARTS = 5;

    private HeldBackSplit() {
    }

    public static boolean isHeldBack(String text) {
        // String.hashCode is fixed by the language specification, so the split is the same on every JVM.
        return Math.floorMod(NOISE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").hashCode(), PARTS) == PARTS - 1;
    }
}
