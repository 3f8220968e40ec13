package io.github.vocstream.sentiment.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {

    @Test
    void readsPlainQuotedAndEscapedEntriesOfThePackagesObjectLiteral(@TempDir Path folder) throws IOException {
        StringBuilder js = new StringBuilder("/* header */\nexport const lexicon = {\n");
        js.append("  ':-\\\\': -0.9,\n  \"( '}{' )\": 1.6,\n");
        for (int i = 0; i < 7000; i++) {
            js.append("  word").append(i).append(": ").append(i % 2 == 0 ? "1.5" : "-2.0").append(",\n");
        }
        js.append("  hagn: 2.2\n};\n");
        Path file = Files.writeString(folder.resolve("vader_lexicon.js"), js);

        var lexicon = Lexicon.read(file);

        assertThat(lexicon).hasSize(7003).containsEntry(":-\\", -0.9).containsEntry("( '}{' )", 1.6)
                .containsEntry("hagn", 2.2).containsEntry("word1", -2.0);
    }

    @Test
    void aFileThatIsNotTheLexiconIsRefused(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("other.js"), "export const x = {\n  a: 1.0\n};\n");

        assertThatThrownBy(() -> Lexicon.read(file)).isInstanceOf(IllegalStateException.class).hasMessageContaining("expected VADER");
    }
}
