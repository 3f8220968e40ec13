package io.github.vocstream.ingest.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML that support platforms send (message bodies, notes) into the plain text feedback carries: block
 * ends and line breaks become new lines, tags, scripts and styles go, entities are decoded, spaces are tidied.
 */
public final class HtmlText {

    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|h[1-6]|tr|blockquote)\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
            "nbsp", " ", "hellip", "…", "mdash", "—", "ndash", "–", "rsquo", "’");

    private HtmlText() {
    }

    public static String toPlainText(String html) {
        String text = HIDDEN.matcher(html).replaceAll(" ");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" *\n *", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    private static String decodeEntities(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(decode(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity, String original) {
        if (entity.startsWith("#")) {
            boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
            int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(codePoint) && !Character.isISOControl(codePoint) || codePoint == '\n'
                    ? new String(Character.toChars(codePoint)) : " ";
        }
        return NAMED.getOrDefault(entity.toLowerCase(Locale.ROOT), original);
    }
}
