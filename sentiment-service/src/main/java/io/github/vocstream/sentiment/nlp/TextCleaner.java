package io.github.vocstream.sentiment.nlp;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares customer text (tweets, tickets, reviews) for a sentiment model trained on edited prose, keeping what
 * carries sentiment: HTML becomes text, entities are unescaped, links and @handles go (they carry none), hashtags
 * become their words, emoji and emoticons become words the model knows, and quoted e-mail history and signatures
 * are cut, because they are not the customer's voice now. Every output character remembers its origin.
 */
public final class TextCleaner {

    private static final String POSITIVE_WORD = "great";
    private static final String NEGATIVE_WORD = "awful";

    // Where the customer's own words end in an e-mail: the quoted reply, a signature, a mobile footer.
    private static final Pattern CUT = Pattern.compile(
            "(?m)^(?:On [^\\n]{1,200}wrote:\\s*$|-{2,}\\s*Original Message\\s*-{2,}|-- ?$|Sent from my [\\w ]{1,40}$)");

    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "(?<quoted>(?m)^[ \\t]*>[^\\n]*)",
            "(?<tag><[a-zA-Z/!][^<>]{0,300}>)",
            "(?<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});)",
            "(?<url>(?:https?://|www\\.)[^\\s<>\"]+)",
            "(?<handle>(?<![\\w@.])@\\w{1,30})",
            "(?<hashtag>(?<![\\w#&])#(?<tagword>\\p{L}[\\p{L}\\p{N}_]{0,99}))",
            "(?<emoticon>(?<!\\S)(?:[:;=]-?[)\\]D]|:-?[(\\[]|:'-?\\(|<3|</3)(?!\\S))",
            "(?<pictograph>[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}][\\x{FE0F}\\x{1F3FB}-\\x{1F3FF}]?)"));

    private static final String POSITIVE_EMOJI = "😀😃😄😁😆😊🙂😍🥰😘😎🤩👍👏🙌🎉💯✅❤💕💖😻🥳";
    private static final String NEGATIVE_EMOJI = "😠😡🤬😞😟😢😭😩😫😖😤😒🙄🤮🤢💩👎💔❌😔😣";

    private TextCleaner() {
    }

    public static CleanedText clean(String original) {
        String kept = cutHistory(original);
        Builder out = new Builder(kept.length());
        Matcher matcher = TOKEN.matcher(kept);
        int copied = 0;
        while (matcher.find()) {
            out.copy(kept, copied, matcher.start());
            out.replace(replacement(matcher), matcher.start(), matcher.end());
            copied = matcher.end();
        }
        out.copy(kept, copied, kept.length());
        return out.build();
    }

    private static String cutHistory(String text) {
        Matcher cut = CUT.matcher(text);
        // Never cut everything: a message that starts with a quote still has whatever follows it.
        while (cut.find()) {
            if (!text.substring(0, cut.start()).isBlank()) {
                return text.substring(0, cut.start());
            }
        }
        return text;
    }

    private static String replacement(Matcher matcher) {
        if (matcher.group("tag") != null) {
            // Block tags separate words ("a<br>b"); a space is harmless for inline ones.
            return " ";
        }
        if (matcher.group("entity") != null) {
            return unescape(matcher.group("entity"));
        }
        if (matcher.group("hashtag") != null) {
            return splitCamelCase(matcher.group("tagword"));
        }
        if (matcher.group("emoticon") != null) {
            String emoticon = matcher.group("emoticon");
            boolean negative = emoticon.contains("(") || emoticon.contains("[") || emoticon.equals("</3");
            return negative ? NEGATIVE_WORD : POSITIVE_WORD;
        }
        if (matcher.group("pictograph") != null) {
            String emoji = new String(Character.toChars(matcher.group("pictograph").codePointAt(0)));
            if (POSITIVE_EMOJI.contains(emoji)) {
                return " " + POSITIVE_WORD + " ";
            }
            return NEGATIVE_EMOJI.contains(emoji) ? " " + NEGATIVE_WORD + " " : " ";
        }
        // quoted lines, links and handles carry no sentiment of the author's.
        return "";
    }

    private static String unescape(String entity) {
        String name = entity.substring(1, entity.length() - 1);
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return entity;
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "hellip" -> "...";
            case "mdash", "ndash" -> "-";
            case "rsquo", "lsquo" -> "'";
            case "rdquo", "ldquo" -> "\"";
            default -> entity;
        };
    }

    /** {@code NeverAgain} reads as "Never Again"; a lower-case or upper-case tag stays one word. */
    static String splitCamelCase(String word) {
        return word.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ").replace('_', ' ');
    }

    /** Collects output characters with the original span each came from. */
    private static final class Builder {

        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        Builder(int capacity) {
            text = new StringBuilder(capacity);
            starts = new int[Math.max(16, capacity)];
            ends = new int[Math.max(16, capacity)];
        }

        void copy(String source, int from, int to) {
            for (int i = from; i < to; i++) {
                append(source.charAt(i), i, i + 1);
            }
        }

        void replace(String replacement, int originalStart, int originalEnd) {
            for (int i = 0; i < replacement.length(); i++) {
                append(replacement.charAt(i), originalStart, originalEnd);
            }
        }

        private void append(char c, int originalStart, int originalEnd) {
            if (text.length() == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            starts[text.length()] = originalStart;
            ends[text.length()] = originalEnd;
            text.append(c);
        }

        CleanedText build() {
            return new CleanedText(text.toString(), Arrays.copyOf(starts, text.length()), Arrays.copyOf(ends, text.length()));
        }
    }
}
