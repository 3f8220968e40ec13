package io.github.vocstream.ingest.feedback;

import io.github.vocstream.common.event.FeedbackEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces e-mail addresses, phone numbers and payment card numbers in customer text with placeholders before
 * the text leaves ingest, so that no later stage, log or dashboard holds them. It masks only what is clearly
 * such data: a card number must pass the Luhn check, a phone number must be written as one (a leading + or
 * separators between groups), so order numbers, dates and prices stay readable.
 */
public final class PiiMasker {

    static final String EMAIL = "[email]";
    static final String PHONE = "[phone]";
    static final String CARD = "[card]";

    // A leading + makes a number a phone number, whatever its check digit.
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<![\\w+-])\\d(?:[ -]?\\d){12,18}(?![\\w-])");
    // The domain is one character class, not a repeated group: each repetition of a group is a frame of recursion in
    // java.util.regex, and thousands of ".a" overflowed the stack. It ends on a letter or digit, not on a full stop.
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[\\w.+'-]{1,64}@[\\w-]{1,63}\\.[\\w.-]{0,252}[\\w-]");
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?\\(\\d{1,4}\\)[ .-]?\\d{2,4}(?:[ .-]\\d{2,4}){1,3}(?![\\w-])"
                    + "|(?<![\\w+(])(?:\\+\\d{1,3}[ .-]?)?\\d{2,4}(?:[ .-]\\d{2,4}){2,4}(?![\\w-])"
                    + "|(?<![\\w+])\\+\\d{8,15}(?!\\w)"
                    // A leading + is a phone number's mark, whatever its grouping: +31 6 1234 5678.
                    + "|(?<![\\w+])\\+\\d{1,3}(?:[ .-]\\d{1,4}){2,6}(?![\\w-])");

    // The fewest digits each can mask: the card pattern needs 13, a phone number 7 (see replacePhones).
    private static final int CARD_MIN_DIGITS = 13;
    private static final int PHONE_MIN_DIGITS = 7;

    private PiiMasker() {
    }

    /** The event with its text and title masked. */
    public static FeedbackEvent mask(FeedbackEvent event) {
        return event.withText(mask(event.text()), event.title() == null ? null : mask(event.title()));
    }

    /**
     * The text masked. Most customer text holds no '@' and few digits: those patterns are then not run at all (they
     * took a third of ingest's CPU on such text), which changes nothing, since each needs what the text lacks.
     */
    public static String mask(String text) {
        int digits = asciiDigits(text);
        String masked = digits >= CARD_MIN_DIGITS ? replaceCards(text) : text;
        masked = text.indexOf('@') >= 0 ? EMAIL_ADDRESS.matcher(masked).replaceAll(EMAIL) : masked;
        return digits >= PHONE_MIN_DIGITS ? replacePhones(masked) : masked;
    }

    /** {@link #mask} with every pattern run whatever the text: what the shortcuts must always agree with. */
    static String maskWithEveryPattern(String text) {
        return replacePhones(EMAIL_ADDRESS.matcher(replaceCards(text)).replaceAll(EMAIL));
    }

    /** The digits {@code \d} matches (ASCII only, as the patterns are compiled). */
    private static int asciiDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }

    private static String replaceCards(String text) {
        Matcher matcher = CARD_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            matcher.appendReplacement(out, passesLuhn(digits) ? CARD : Matcher.quoteReplacement(matcher.group()));
        }
        return matcher.appendTail(out).toString();
    }

    private static String replacePhones(String text) {
        Matcher matcher = PHONE_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            long digits = matcher.group().chars().filter(Character::isDigit).count();
            // Fewer than 7 digits is no phone number ("12-05-2026" has 8 and a date shape, see isDate).
            boolean phone = digits >= 7 && digits <= 15 && !isDate(matcher.group());
            matcher.appendReplacement(out, phone ? PHONE : Matcher.quoteReplacement(matcher.group()));
        }
        return matcher.appendTail(out).toString();
    }

    private static boolean isDate(String candidate) {
        return candidate.matches("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{4}");
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
