package io.github.vocstream.ingest.webhook;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML that support platforms send (message bodies, notes) into the plain text feedback carries: block
 * ends and line breaks become new lines, tags, scripts and styles go, entities are decoded, spaces are tidied.
 * jsoup parses in time linear in the input, whatever a hostile body holds (a megabyte of {@code <}, unclosed
 * scripts); regular expressions over tags did not.
 */
public final class HtmlText {

    private static final String HIDDEN = "script, style, head, template, noscript";
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
            "blockquote");
    // Control characters a numeric entity may name are no text; new lines and tabs are.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");
    private static final Pattern SPACES_AROUND_NEW_LINE = Pattern.compile(" ?\n ?");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private HtmlText() {
    }

    public static String toPlainText(String html) {
        Document document = Jsoup.parse(html);
        document.select(HIDDEN).remove();
        StringBuilder text = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                }
            }
        }, document);
        String plain = CONTROL.matcher(text).replaceAll(" ");
        plain = SPACES.matcher(plain).replaceAll(" ");
        plain = SPACES_AROUND_NEW_LINE.matcher(plain).replaceAll("\n");
        return BLANK_LINES.matcher(plain).replaceAll("\n\n").strip();
    }
}
